import { addDays, todayInItaly } from "~/utils/dates";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/db.server";
import { runVacancyDeadlines } from "~/domain/vacancies/deadlines.server";
import { getMeili, indexUid, meiliAnswerError } from "../../search/client.server";
import { drainOutbox } from "../../search/sync.server";
import { createEmployer } from "../support/factories";
import { insertVacancy } from "../support/factories-vacancies";

let employerId: string;
let contactEmail: string;

beforeAll(async () => {
  const e = await createEmployer();
  employerId = e.id;
  contactEmail = (await getDb().selectFrom("employers").select("contact_email").where("id", "=", e.id).executeTakeFirstOrThrow())
    .contact_email;
});

// "now" is given to the job: 10:00 in Rome today. Other test files share the database, so
// the counts the job returns are checked as lower bounds and the rows of this test exactly.
const NOW = new Date(`${todayInItaly()}T09:00:00Z`);
const TODAY = todayInItaly(NOW);

const mailsTo = async () =>
  (await getDb().selectFrom("mail_outbox").select("subject").where("to_address", "=", contactEmail).orderBy("id").execute()).map(
    (m) => m.subject,
  );

describe("runVacancyDeadlines", () => {
  it("closes vacancies past their closing date, reminds 7 days and 1 day before, once", async () => {
    // Closing dates are relative to NOW; written directly because the form refuses past dates.
    const past = await insertVacancy(employerId, { status: "published", closingDate: addDays(TODAY, -1), title: "Scaduta" });
    const inSeven = await insertVacancy(employerId, { status: "published", closingDate: addDays(TODAY, 7), title: "Tra sette giorni" });
    const tomorrow = await insertVacancy(employerId, { status: "in_preselection", closingDate: addDays(TODAY, 1), title: "Domani" });
    const far = await insertVacancy(employerId, { status: "published", closingDate: addDays(TODAY, 20), title: "Lontana" });
    const draft = await insertVacancy(employerId, { status: "draft", closingDate: addDays(TODAY, -3), title: "Bozza vecchia" });
    await getDb().insertInto("search_outbox").values({ index_uid: "vacancies", document_id: past.id }).execute();
    await drainOutbox(getDb());
    await getMeili().index(indexUid("vacancies")).getDocument(past.id); // indexed before expiry

    const first = await runVacancyDeadlines(getDb(), NOW);
    expect(first.expired).toBeGreaterThanOrEqual(1);
    expect(first.reminders).toBeGreaterThanOrEqual(2);
    const rows = await getDb()
      .selectFrom("vacancies")
      .select(["id", "status", "closed_by_expiry"])
      .where("id", "in", [past.id, inSeven.id, tomorrow.id, far.id, draft.id])
      .execute();
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(byId[past.id]).toMatchObject({ status: "closed", closed_by_expiry: true });
    expect(byId[inSeven.id].status).toBe("published");
    expect(byId[draft.id].status).toBe("draft");

    const reminders = await getDb()
      .selectFrom("vacancy_reminders")
      .select(["vacancy_id", "kind"])
      .where("vacancy_id", "in", [inSeven.id, tomorrow.id, far.id])
      .execute();
    expect(
      reminders.map((r) => `${r.vacancy_id === inSeven.id ? "seven" : r.vacancy_id === tomorrow.id ? "tomorrow" : "far"}:${r.kind}`).sort(),
    ).toEqual(["seven:7d", "tomorrow:1d"]);
    const subjects = await mailsTo();
    expect(subjects.filter((s) => s.includes("in scadenza"))).toHaveLength(2);
    expect(subjects.filter((s) => s.includes("scaduta"))).toHaveLength(1);
    const notices = await getDb().selectFrom("employer_notifications").select("title").where("employer_id", "=", employerId).execute();
    expect(notices).toHaveLength(3);

    // Idempotent: a second run (or a run a few minutes later) does nothing more.
    expect(await runVacancyDeadlines(getDb(), NOW)).toEqual({ expired: 0, reminders: 0 });
    expect(await runVacancyDeadlines(getDb(), new Date(NOW.getTime() + 15 * 60_000))).toEqual({ expired: 0, reminders: 0 });
    expect(await mailsTo()).toHaveLength(subjects.length);

    // Six days later the "seven" vacancy is one day from closing: the 1-day reminder goes out too.
    const later = await runVacancyDeadlines(getDb(), new Date(NOW.getTime() + 6 * 86_400_000));
    expect(later.reminders).toBeGreaterThanOrEqual(1);
    const sevenKinds = await getDb()
      .selectFrom("vacancy_reminders")
      .select("kind")
      .where("vacancy_id", "=", inSeven.id)
      .orderBy("kind")
      .execute();
    expect(sevenKinds.map((k) => k.kind)).toEqual(["1d", "7d"]);

    // The expired vacancy left the public index.
    await drainOutbox(getDb());
    const gone = await getMeili().index(indexUid("vacancies")).getDocument(past.id).catch(meiliAnswerError);
    expect(gone?.cause?.code).toBe("document_not_found");
    const audit = await getDb().selectFrom("audit_log").select(["action", "actor_role"]).where("entity_id", "=", past.id).execute();
    expect(audit).toEqual([{ action: "vacancy.expire", actor_role: "system" }]);
  });
});
