import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { assignProvider, importCohort } from "~/domain/outplacement/index.server";
import { uniquePersonTaxCode } from "./factories-candidates";
import { insertOutplacementEvent } from "./factories-outplacement";

/** A cohort worker row of the list, at the Milano site of insertOutplacementEvent's event. */
export function cohortRow(o: Record<string, string> = {}): Record<string, string> {
  return {
    codice_fiscale: uniquePersonTaxCode(),
    cognome: "Brambilla",
    nome: "Sergio",
    comune_residenza: "Milano (MI)",
    qualifica: "Saldatore",
    cp2021_code: "6.2.1.2.0",
    livello_inquadramento: "C2",
    sede_lavoro_comune: "Milano",
    situazione: "DISMISSED",
    data_cessazione: "2026-11-30",
    titolo_studio: "Licenza media",
    livello_eqf: "2",
    ...o,
  };
}

export function cohortCsv(rows: Record<string, string>[]): string {
  const columns = Object.keys(rows[0]!);
  return [columns.join(";"), ...rows.map((r) => columns.map((c) => r[c] ?? "").join(";"))].join("\n");
}

/**
 * Real cohort rows of the matrix's own employer: a member of an event (`cohortMember`), the same member assigned to
 * the matrix's provider (`assignedMember`), and a refused import with its error report (`cohortImport`).
 */
export async function insertCohortRows(employerId: string, officerId: string, providerUserId: string) {
  const eventId = (await insertOutplacementEvent(employerId, { coordinatorUserId: officerId, state: "agreement_signed" })).id;
  const actor = { userId: officerId, role: "preselection_officer", ip: "127.0.0.1" };
  await importCohort(getDb(), actor, eventId, { name: "elenco.csv", text: cohortCsv([cohortRow()]) });
  const refused = await importCohort(getDb(), actor, eventId, { name: "errato.csv", text: cohortCsv([cohortRow({ situazione: "X" })]) });
  const member = await getDb().selectFrom("outplacement_members").select("id").where("event_id", "=", eventId).executeTakeFirstOrThrow();
  await withTransaction((trx) => assignProvider(trx, actor, eventId, { memberIds: [member.id], providerUserId }));
  return {
    cohortMember: { eventId, memberId: member.id },
    assignedMember: { memberId: member.id },
    cohortImport: { eventId, importId: refused.importId },
  };
}
