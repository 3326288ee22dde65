/**
 * The internship's UNILAV (tipologia C.01.00) through the one UNILAV builder of Rosa (app/domain/unilav, structure
 * reconstructed: docs/legal/national-systems.md#unilav-xml), next to the CSV of the CO fields the host copies into the
 * regional system. What the internship does not record (the trainee's citizenship, domicile CAP, level of education, the
 * CP2011 qualification when the CP2021 code maps to more than one, the ente previdenziale) is listed «da completare»: the XML is offered only when complete.
 */
import type { Db, Trx } from "~/db/db.server";
import { codeEntry, resolveCp2011 } from "~/domain/reference/index.server";
import { decodeTaxCode, exportUnilav, NEW_COMMUNICATION_CODE, type UnilavExport } from "~/domain/unilav/index.server";
import { internshipUnilavSource } from "./pfi.server";
import { annualPayEuro, UNILAV_CCNL_FOR_INTERNSHIPS, UNILAV_CONTRACT_TYPE } from "./unilav";
import { italianDateTime } from "~/utils/dates";

/** The internship's UNILAV C.01.00 as the common builder checks it; null without a trainee. */
export async function internshipUnilavExport(db: Db | Trx, internshipId: string, now = new Date()): Promise<UnilavExport | null> {
  const r = await internshipUnilavSource(db, internshipId);
  if (!r || !r.trainee_tax_code) return null;
  const decoded = decodeTaxCode(r.trainee_tax_code, r.birth_date);
  const ateco = [r.ateco_code, r.host_ateco].find((a) => a && /^\d{2}\.\d{2}\.\d{2}$/.test(a) && codeEntry("unilavAteco2007", a)) ?? null;
  const weekly = Number(r.weekly_hours);
  const partTime = weekly < Number(r.full_time_weekly_hours);
  const pat = r.inail_position?.replace(/\D/g, "") ?? null;
  return exportUnilav(
    {
      communicationCode: NEW_COMMUNICATION_CODE,
      sentAt: italianDateTime(now),
      employer: {
        taxCode: r.host_tax_code,
        name: r.legal_name,
        legalSeat: { comune: r.legal_belfiore, cap: null, address: r.legal_address, email: null, phone: null },
        workSeat: { comune: r.site_belfiore, cap: null, address: r.site_address ?? r.legal_address, email: null, phone: null },
        ateco2007: ateco,
        publicAdministration: r.is_public_administration,
      },
      worker: {
        taxCode: r.trainee_tax_code,
        lastName: r.last_name,
        firstName: r.first_name,
        citizenship: null,
        sex: decoded?.sex ?? null,
        birthComune: decoded?.birthComune ?? null,
        birthDate: r.birth_date,
        domicile: { comune: r.domicile_belfiore, cap: null, address: r.domicile_address },
        educationLevel: null,
      },
      contract: {
        startDate: r.start_date,
        endDate: r.end_date,
        trainingEndDate: null,
        pensionBody: null,
        contractType: UNILAV_CONTRACT_TYPE,
        ccnl: UNILAV_CCNL_FOR_INTERNSHIPS,
        level: null,
        l68: null,
        workingTime: partTime ? "P" : "F",
        weeklyHours: partTime ? Math.round(weekly) : null,
        // The internship records its CP2021 occupation; the CO wants the CP2011 6-part qualification: the one the
        // CP2021↔CP2011 table gives as certain, else «da completare» (docs/legal/national-systems.md).
        qualification: resolveCp2011(r.occupation_code, null),
        annualPay: annualPayEuro(r.monthly_indemnity_cents),
        patInail: pat && /^\d{8,10}$/.test(pat) ? pat : null,
        compulsoryHire: false,
      },
      internship: {
        promoterTaxCode: r.promoter_tax_code,
        promoterName: r.promoter_name,
        promoterKind: r.promoter_kind,
        traineeCategory: r.trainee_category,
        internshipType: r.internship_type,
      },
    },
    r.site_istat ? Number(r.site_istat.slice(0, 3)) : 0,
  );
}
