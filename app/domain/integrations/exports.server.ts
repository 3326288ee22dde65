import type { Db } from "~/db/db.server";

/**
 * The UNILAV fields Rosa holds for a hire (docs/decisions/0019-hire-with-unilav-fields.md), for the open API's export.
 * A stand-in until the hires' UNILAV builder covers every field of the CO: the API's one call site
 * (app/web/api-exports.server.ts) switches to it.
 */
export async function hireUnilavRecord(db: Db, hireId: string) {
  const r = await db
    .selectFrom("hires as h")
    .innerJoin("candidates as c", "c.id", "h.candidate_id")
    .innerJoin("employers as e", "e.id", "h.employer_id")
    .leftJoin("comuni as m", "m.istat_code", "h.work_comune_code")
    .select([
      "h.id",
      "h.candidate_id",
      "h.employer_id",
      "h.vacancy_id",
      "e.tax_code as employer_tax_code",
      "e.legal_name",
      "e.ateco_code",
      "c.tax_code as worker_tax_code",
      "c.first_name",
      "c.last_name",
      "c.birth_date",
      "h.start_date",
      "h.end_date",
      "h.contract_type",
      "h.ccnl_code",
      "h.contract_level",
      "h.working_time_code",
      "h.weekly_hours",
      "h.qualification_code",
      "h.gross_annual_pay",
      "h.l68_reserved_post",
      "h.work_comune_code",
      "m.belfiore",
      "m.name as comune_name",
      "h.recorded_at",
    ])
    .where("h.id", "=", hireId)
    .executeTakeFirst();
  if (!r) return null;
  return {
    hireId: r.id,
    personId: r.candidate_id,
    employerId: r.employer_id,
    unilav: {
      datoreLavoro: { codiceFiscale: r.employer_tax_code, denominazione: r.legal_name, settore: r.ateco_code },
      lavoratore: { codiceFiscale: r.worker_tax_code, cognome: r.last_name, nome: r.first_name, dataNascita: r.birth_date },
      rapporto: {
        dataInizio: r.start_date,
        dataFine: r.end_date,
        tipologiaContrattuale: r.contract_type,
        ccnl: r.ccnl_code,
        livelloInquadramento: r.contract_level,
        tipoOrario: r.working_time_code,
        oreSettimanaliMedie: Number(r.weekly_hours),
        qualificaProfessionale: r.qualification_code,
        retribuzioneLordaAnnua: r.gross_annual_pay === null ? null : Number(r.gross_annual_pay).toFixed(2),
        sedeLavoro: r.work_comune_code ? { codiceIstat: r.work_comune_code, codiceCatastale: r.belfiore, comune: r.comune_name } : null,
        assunzioneObbligatoriaL68: r.l68_reserved_post,
      },
    },
  };
}

export type HireUnilavRecord = NonNullable<Awaited<ReturnType<typeof hireUnilavRecord>>>;
