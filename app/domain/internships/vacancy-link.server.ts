import type { Db, Trx } from "~/db/db.server";

/**
 * The internship a scouting vacancy (kind «tirocinio») was opened for, so the rosa and matching pages lead back to the
 * internship's case page where the trainee is chosen; null for an ordinary vacancy.
 */
export async function internshipOfVacancy(db: Db | Trx, vacancyId: string): Promise<{ id: string; number: number } | null> {
  const row = await db
    .selectFrom("internships")
    .select(["id", "number"])
    .where("vacancy_id", "=", vacancyId)
    .orderBy("created_at", "desc")
    .executeTakeFirst();
  return row ?? null;
}
