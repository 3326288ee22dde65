import type { Insertable } from "kysely";
import { getDb } from "~/db/db.server";
import type { Internships } from "~/db/schema.generated";
import type { InternshipState } from "~/domain/internships";

/**
 * An internship row written directly (any state), in Milano (Lombardia), with a PFI the checker allows for a unit of
 * 21 permanent employees: 6 months, 40 h/week, 8 h/day, 600 € a month.
 */
export async function insertInternship(
  employerId: string,
  overrides: Partial<Insertable<Internships>> & { state?: InternshipState; comune?: string } = {},
) {
  const db = getDb();
  const { comune: comuneName, ...columns } = overrides;
  const comune = await db
    .selectFrom("comuni")
    .select("istat_code")
    .where("name", "=", comuneName ?? "Milano")
    .executeTakeFirstOrThrow();
  return db
    .insertInto("internships")
    .values({
      employer_id: employerId,
      source: "direct",
      comune_code: comune.istat_code,
      region: "lombardia",
      title: "Tirocinio di addetto alle vendite",
      occupation_code: "5.1.2.2.0",
      weekly_hours: 40,
      daily_hours: 8,
      planned_months: 6,
      monthly_indemnity_cents: 60000,
      employees_permanent: 21,
      eqf_level: 3,
      ...columns,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The authorization matrix's internship: of the matrix's own employer, with the matrix's own candidate as the trainee. */
export async function insertInternshipRows(employerId: string, candidateId: string) {
  const row = await insertInternship(employerId, { state: "candidate_chosen", candidate_id: candidateId });
  return { internshipId: { internshipId: row.id } };
}
