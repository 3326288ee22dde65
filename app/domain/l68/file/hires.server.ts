/**
 * A hire on a vacancy reserved to the collocamento mirato (L. 68/1999 art. 1 or art. 18) is a
 * protected worker of the employer's file: it is counted in the quota and the 60-day obligation it
 * covers ends as «met» by hire (docs/legal/l68.md#s1-6: hiring is how the obligation is fulfilled).
 */
import type { Trx } from "~/db/db.server";
import type { L68ProtectedCategory } from "~/db/tables/l68";
import { recordAudit, type Actor } from "~/domain/audit/index.server";
import { todayInItaly } from "~/utils/dates";
import { lockFile, recompute } from "./workforce.server";

/** Full-time hours assumed when a part-time hire is recorded: the hire does not carry its CCNL's (40 is the legal maximum, D.Lgs. 66/2003 art. 3). */
export const DEFAULT_FULL_TIME_HOURS = 40;

const CATEGORY: Record<string, L68ProtectedCategory> = { art1: "disabile_l68", art18: "art18" };

/** UNILAV tipologia → calculator contract; null: not an employment counted in the quota (traineeship, co.co.co., self-employment). */
function contractOf(code: string | null, engagement: "direct" | "agency" | "self_employed"): string | null {
  if (engagement === "agency") return "somministrato";
  if (!code) return null;
  // Current CO codes (docs/legal/national-systems.md#unilav: the hire form offers only codes in force) and the older ones stored before it.
  if (code === "A.01.00") return "indeterminato";
  if (code.startsWith("A.02.") || code === "N.02.00" || code === "N.03.00") return "determinato";
  if (code.startsWith("A.03.") && code !== "A.03.04" && code !== "A.03.07") return "apprendistato";
  return null;
}

const monthsBetween = (from: string, to: string) =>
  Math.max(1, Math.round(((Date.parse(to) - Date.parse(from)) / 86_400_000 / 30.4375) * 100) / 100);

/** Called by the hire (shortlists) in its transaction; does nothing for vacancies open to all. */
export async function recordReservedHire(trx: Trx, actor: Actor, hireId: string, now = new Date()) {
  const hire = await trx
    .selectFrom("hires")
    .innerJoin("vacancies", "vacancies.id", "hires.vacancy_id")
    .innerJoin("comuni", "comuni.istat_code", "vacancies.comune_code")
    .innerJoin("candidates", "candidates.id", "hires.candidate_id")
    .select([
      "hires.employer_id",
      "hires.contract_type",
      "hires.engagement",
      "hires.weekly_hours",
      "vacancies.l68_reserved",
      "hires.l68_reserved_post",
      "vacancies.number",
      "comuni.province_code",
      "candidates.first_name",
      "candidates.last_name",
      "hires.start_date",
      "hires.end_date",
    ])
    .where("hires.id", "=", hireId)
    .executeTakeFirstOrThrow();
  const category = CATEGORY[hire.l68_reserved];
  const contract = contractOf(hire.contract_type, hire.engagement);
  // The hire says whether it fills a reserved post; older hires (null) follow the vacancy.
  if (!category || !contract || hire.l68_reserved_post === false) return null;
  const today = todayInItaly(now);
  await lockFile(trx, hire.employer_id);
  const weekly = Number(hire.weekly_hours);
  const partTime = weekly > 0 && weekly < DEFAULT_FULL_TIME_HOURS;
  const months =
    (contract === "determinato" || contract === "somministrato") && hire.end_date ? monthsBetween(hire.start_date, hire.end_date) : null;
  const worker = await trx
    .insertInto("l68_protected_workers")
    .values({
      employer_id: hire.employer_id,
      province_code: hire.province_code,
      worker_name: `${hire.first_name} ${hire.last_name}`,
      category,
      contract,
      months,
      weekly_hours: partTime ? weekly : null,
      full_time_hours: partTime ? DEFAULT_FULL_TIME_HOURS : null,
      hired_on: hire.start_date,
      hire_id: hireId,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await recordAudit(trx, actor, {
    action: "l68.protected_worker_hired",
    entityType: "l68_file",
    entityId: worker.id,
    employerId: hire.employer_id,
    details: { hireId, vacancyNumber: hire.number, category, province: hire.province_code },
  });
  await trx
    .updateTable("l68_files")
    .set((eb) => ({ version: eb("version", "+", 1), updated_at: now }))
    .where("employer_id", "=", hire.employer_id)
    .execute();
  // A start date in the future counts from that day: the deadline job recomputes then (deadlines.server.ts).
  await recompute(trx, actor, hire.employer_id, today, { reason: `Assunzione sull'offerta riservata n. ${hire.number}` });
  return worker.id;
}
