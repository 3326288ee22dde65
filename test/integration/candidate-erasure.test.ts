import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { recordAudit } from "~/domain/audit/commands.server";
import { storeCvFile } from "~/domain/candidates/commands.server";
import { runCvRetention } from "~/domain/candidates/erasure.server";
import { getOfficerShortlist } from "~/domain/shortlists/queries.server";
import { preselectionFigures } from "~/domain/shortlists/figures.server";
import * as selfErase from "~/routes/candidato.cancellazione";
import * as selfHome from "~/routes/candidato._index";
import * as officerErase from "~/routes/operatore.candidati.$candidateId.cancellazione";
import { getMeili, indexUid, meiliAnswerError } from "../../search/client.server";
import { drainOutbox } from "../../search/sync.server";
import { cookieFor, createEmployer, createUserWithRole, request } from "../support/factories";
import { createCandidateWithAccount, createTestCandidate } from "../support/factories-candidates";
import { createMatchVacancy } from "../support/factories-shortlists";
import { callRoute } from "../support/routes";

const db = () => getDb();
const LETTERS = "abcdefghijklmnopqrstuvwxyz";
const word = (n: number) => Array.from({ length: n }, () => LETTERS[Math.floor(Math.random() * 26)]).join("");
const cap = (s: string) => s[0].toUpperCase() + s.slice(1);

/**
 * Every text-like column of every table (text, varchar, citext, json/jsonb) holding one of the needles:
 * the proof that erasure left the person's data nowhere, including tables added after this test.
 */
async function tablesHolding(needles: string[]): Promise<string[]> {
  const { rows: columns } = await sql<{ table_name: string; column_name: string }>`
    select c.table_name, c.column_name from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
    where c.table_schema = 'public' and (c.data_type in ('text', 'character varying', 'json', 'jsonb') or c.udt_name = 'citext')`.execute(
    db(),
  );
  const found: string[] = [];
  for (const { table_name, column_name } of columns) {
    for (const needle of needles) {
      const { rows } = await sql<{
        n: number;
      }>`select count(*)::int as n from ${sql.table(table_name)} where ${sql.ref(column_name)}::text ilike ${"%" + needle + "%"}`.execute(
        db(),
      );
      if (rows[0].n > 0) found.push(`${table_name}.${column_name} ∋ ${needle}`);
    }
  }
  return found;
}

let officerId: string;
let officerCookie: string;
let employerId: string;

beforeAll(async () => {
  const officer = await createUserWithRole("preselection_officer");
  officerId = officer.id;
  officerCookie = await cookieFor(officer.id);
  employerId = (await createEmployer()).id;
});

/** A candidate whose personal data is spread over every table that can hold it. */
async function personEverywhere() {
  const firstName = cap(word(9));
  const lastName = cap(word(10));
  const email = `${word(8)}.${word(6)}@example.it`;
  const phone = `3${Math.floor(100_000_000 + Math.random() * 899_999_999)}`;
  const cand = await createCandidateWithAccount({ firstName, lastName, email, phone });
  const taxCode = cand.input.taxCode;
  const fullName = `${firstName} ${lastName}`;
  // The account as activation leaves it: the person's e-mail, name and codice fiscale.
  await db().updateTable("users").set({ email, full_name: fullName, tax_code: taxCode }).where("id", "=", cand.userId).execute();
  const actor = { userId: cand.userId, role: "candidate", ip: "10.1.2.3" };
  await withTransaction((trx) =>
    storeCvFile(trx, actor, cand.id, {
      filename: `cv-${lastName}.pdf`,
      bytes: new TextEncoder().encode("%PDF-1.4"),
      sha256: "a".repeat(64),
      text: `Curriculum di ${fullName}, ${email}`,
      pageCount: 1,
    }),
  );
  await db()
    .insertInto("candidate_disability")
    .values({ candidate_id: cand.id, percentage: 60, functional_notes: `Note su ${lastName}` })
    .execute();
  await db()
    .insertInto("candidate_invitations")
    .values({
      candidate_id: cand.id,
      email,
      token_hash: randomUUID(),
      invited_by: officerId,
      expires_at: new Date(Date.now() + 86_400_000),
    })
    .execute();
  await withTransaction(async (trx) => {
    await recordAudit(
      trx,
      { userId: officerId, role: "preselection_officer", ip: "10.0.0.1" },
      { action: "candidate.account_invited", entityType: "candidate", entityId: cand.id, details: { email } },
    );
    await recordAudit(
      trx,
      { userId: cand.userId, role: "candidate", ip: "10.1.2.3" },
      { action: "auth.login_failed", entityType: "user", entityId: cand.userId, details: { email } },
    );
  });
  await db().insertInto("login_attempts").values({ email, ip: "10.1.2.3", succeeded: false }).execute();
  await db()
    .insertInto("mail_outbox")
    .values([
      { to_address: email, subject: `Per ${firstName}`, body_text: `Buongiorno ${firstName}`, sent_at: new Date() },
      { to_address: email, subject: "Disponibilità", body_text: `Buongiorno ${firstName}` },
    ])
    .execute();

  // Preselection: a presented rosa whose frozen results, notes and feedback name the person.
  const vacancy = await createMatchVacancy({ employerId, status: "in_preselection" });
  const shortlist = await db()
    .insertInto("shortlists")
    .values({
      vacancy_id: vacancy.id,
      employer_id: employerId,
      title: "Rosa di prova",
      status: "presented",
      search_snapshot: JSON.stringify({ conditions: [], filter: "", sort: [], relaxed: [], total: 2 }),
      results_snapshot: JSON.stringify([
        { rank: 1, id: cand.id, name: fullName, comune: "Milano", score: 90 },
        { rank: 2, id: randomUUID(), name: "Altra Persona", comune: "Milano", score: 80 },
      ]),
      index_uid: "rosa_candidates",
      settings_version: 3,
      created_by: officerId,
      presented_at: new Date(),
      presented_by: officerId,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const row = await db()
    .insertInto("shortlist_candidates")
    .values({
      shortlist_id: shortlist.id,
      candidate_id: cand.id,
      rank: 1,
      score: 90,
      explanation: "{}",
      state: "presented",
      contact_consent: true,
      presented_at: new Date(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db()
    .insertInto("shortlist_transitions")
    .values({
      shortlist_candidate_id: row.id,
      event: "present",
      from_state: "available",
      to_state: "presented",
      actor_kind: "officer",
      actor_user_id: officerId,
      note: `Chiamata a ${fullName}`,
    })
    .execute();
  await db()
    .insertInto("contact_attempts")
    .values({
      shortlist_candidate_id: row.id,
      channel: "phone",
      attempted_at: new Date(),
      outcome: "available",
      note: `Risponde ${phone}`,
      recorded_by: officerId,
    })
    .execute();
  await db()
    .insertInto("employer_feedback")
    .values({ shortlist_candidate_id: row.id, decision: "interview", comment: `Colloquio con ${lastName}`, given_at: new Date() })
    .execute();
  await db()
    .insertInto("vacancy_applications")
    .values({ vacancy_id: vacancy.id, candidate_id: cand.id, message: `Sono ${fullName}, scrivetemi a ${email}` })
    .execute();
  await drainOutbox(db());
  return {
    ...cand,
    firstName,
    lastName,
    email,
    phone,
    taxCode,
    shortlistId: shortlist.id,
    needles: [firstName, lastName, email, phone, taxCode],
  };
}

const figuresOf = async (officer: string) => (await preselectionFigures(db(), "officer")).find((r) => r.key === officer);

describe("right to erasure", () => {
  it("the candidate erases their CV: personal data gone from every table and the index; rosa, counts and audit stay", async () => {
    const p = await personEverywhere();
    const index = getMeili().index(indexUid("candidates"));
    expect(await index.getDocument(p.id)).toMatchObject({ id: p.id });
    expect(await tablesHolding(p.needles)).not.toEqual([]);
    const figuresBefore = await figuresOf(officerId);

    // Without the confirmation word nothing happens.
    const refused = await callRoute(
      selfErase.action,
      request("/candidato/cancellazione", { cookie: p.cookie, form: { confirmation: "sì" } }),
    );
    expect(refused.status).toBe(422);
    expect(await db().selectFrom("candidates").select("erased_at").where("id", "=", p.id).executeTakeFirstOrThrow()).toEqual({
      erased_at: null,
    });

    const done = await callRoute(
      selfErase.action,
      request("/candidato/cancellazione", { cookie: p.cookie, form: { confirmation: " cancella " } }),
    );
    expect(done.status, JSON.stringify(done.body)).toBe(302);
    expect(done.location).toBe("/");
    await drainOutbox(db());

    expect(await tablesHolding(p.needles)).toEqual([]);
    expect((await index.getDocument(p.id).catch(meiliAnswerError))?.cause?.code).toBe("document_not_found");
    expect((await index.search(p.lastName)).hits).toEqual([]);

    // The account cannot be used any more: the old session is gone and login is impossible.
    const after = await callRoute(selfHome.loader, request("/candidato", { cookie: p.cookie }));
    expect(after.status).toBe(302);
    expect(after.location).toMatch(/^\/accedi/);
    expect(await db().selectFrom("users").select(["active", "password_hash"]).where("id", "=", p.userId).executeTakeFirstOrThrow()).toEqual(
      { active: false, password_hash: null },
    );

    // Employers' and officers' history: the row and its state stay, under a placeholder name.
    const shortlist = await getOfficerShortlist(db(), p.shortlistId);
    expect(JSON.stringify(shortlist)).toContain("Candidato cancellato");
    const rows = await db()
      .selectFrom("shortlist_candidates")
      .select(["candidate_id", "state"])
      .where("shortlist_id", "=", p.shortlistId)
      .execute();
    expect(rows).toEqual([{ candidate_id: p.id, state: "presented" }]);
    expect(await figuresOf(officerId)).toEqual(figuresBefore);

    // The audit log says it happened, who and when, with no personal data (checked above for every row).
    const audit = await db()
      .selectFrom("audit_log")
      .select(["actor_user_id", "actor_role", "details"])
      .where("entity_id", "=", p.id)
      .where("action", "=", "candidate.erased")
      .execute();
    expect(audit).toEqual([{ actor_user_id: p.userId, actor_role: "candidate", details: { reason: "self" } }]);
    // The candidate's own IP addresses are gone from the rows they wrote.
    const ips = await db().selectFrom("audit_log").select("ip").where("actor_user_id", "=", p.userId).where("ip", "is not", null).execute();
    expect(ips).toEqual([]);
  });

  it("an officer erases on the person's request; a second erasure finds nothing", async () => {
    const c = await createTestCandidate({ lastName: cap(word(10)) });
    const refused = await callRoute(
      officerErase.action,
      request(`/operatore/candidati/${c.id}/cancellazione`, { cookie: officerCookie, form: {} }),
      { candidateId: c.id },
    );
    expect(refused.status).toBe(422);
    const done = await callRoute(
      officerErase.action,
      request(`/operatore/candidati/${c.id}/cancellazione`, { cookie: officerCookie, form: { confirmation: "CANCELLA" } }),
      { candidateId: c.id },
    );
    expect(done.status).toBe(302);
    expect(await tablesHolding([c.input.lastName, c.input.taxCode])).toEqual([]);
    const audit = await db()
      .selectFrom("audit_log")
      .select(["actor_user_id", "details"])
      .where("entity_id", "=", c.id)
      .where("action", "=", "candidate.erased")
      .execute();
    expect(audit).toEqual([{ actor_user_id: officerId, details: { reason: "officer" } }]);
    const again = await callRoute(
      officerErase.action,
      request(`/operatore/candidati/${c.id}/cancellazione`, { cookie: officerCookie, form: { confirmation: "CANCELLA" } }),
      { candidateId: c.id },
    );
    expect(again.status).toBe(404);
    const page = await callRoute(officerErase.loader, request(`/operatore/candidati/${c.id}/cancellazione`, { cookie: officerCookie }), {
      candidateId: c.id,
    });
    expect(page.status).toBe(404);
  });

  it("the audit log stays append-only outside the redaction: who, what and when cannot change", async () => {
    await expect(
      db()
        .transaction()
        .execute(async (trx) => {
          await sql`set local rosa.audit_redaction = 'on'`.execute(trx);
          await sql`update audit_log set action = 'x' where id = (select max(id) from audit_log)`.execute(trx);
        }),
    ).rejects.toThrow(/sola aggiunta/);
    await expect(sql`update audit_log set details = '{}' where id = (select max(id) from audit_log)`.execute(db())).rejects.toThrow(
      /sola aggiunta/,
    );
    await expect(sql`delete from audit_log where id = (select max(id) from audit_log)`.execute(db())).rejects.toThrow(/sola aggiunta/);
  });
});

describe("retention (CV_RETENTION_MONTHS)", () => {
  const monthsAgo = (m: number) => new Date(Date.now() - m * 30.5 * 86_400_000);
  async function aged(months: number) {
    const c = await createCandidateWithAccount({ lastName: cap(word(10)) });
    const at = monthsAgo(months);
    await db().updateTable("candidates").set({ cv_updated_at: at, updated_at: at, created_at: at }).where("id", "=", c.id).execute();
    return c;
  }
  const erased = async (ids: string[]) =>
    (await db().selectFrom("candidates").select(["id", "erased_at"]).where("id", "in", ids).execute())
      .filter((r) => r.erased_at)
      .map((r) => r.id)
      .sort();

  it("anonymises only CVs with no update, login or shortlist activity in the period; bounded and idempotent", async () => {
    const inactive = [await aged(30), await aged(26), await aged(40)];
    const recentCv = await aged(10);
    const loggedIn = await aged(30);
    await withTransaction((trx) =>
      recordAudit(
        trx,
        { userId: loggedIn.userId, role: "candidate", ip: null },
        { action: "auth.login", entityType: "user", entityId: loggedIn.userId },
      ),
    );
    const inRosa = await aged(30);
    const vacancy = await createMatchVacancy({ employerId, status: "in_preselection" });
    const s = await db()
      .insertInto("shortlists")
      .values({
        vacancy_id: vacancy.id,
        employer_id: employerId,
        title: "Rosa recente",
        search_snapshot: "{}",
        results_snapshot: "[]",
        index_uid: "rosa_candidates",
        settings_version: 3,
        created_by: officerId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db()
      .insertInto("shortlist_candidates")
      .values({ shortlist_id: s.id, candidate_id: inRosa.id, rank: 1, score: 50, explanation: "{}" })
      .execute();
    const fresh = await createTestCandidate();
    const all = [...inactive.map((c) => c.id), recentCv.id, loggedIn.id, inRosa.id, fresh.id];

    // Oldest first, at most `batch` per run.
    expect(await runCvRetention(db(), { months: 24, batch: 2 })).toEqual({ erased: 2 });
    expect(await erased(all)).toEqual([inactive[0].id, inactive[2].id].sort());
    expect(await runCvRetention(db(), { months: 24, batch: 100 })).toEqual({ erased: 1 });
    expect(await runCvRetention(db(), { months: 24, batch: 100 })).toEqual({ erased: 0 });
    expect(await erased(all)).toEqual(inactive.map((c) => c.id).sort());
    expect(await tablesHolding(inactive.map((c) => c.input.lastName))).toEqual([]);
    const audit = await db()
      .selectFrom("audit_log")
      .select(["actor_role", "details"])
      .where("entity_id", "=", inactive[1].id)
      .where("action", "=", "candidate.erased")
      .execute();
    expect(audit).toEqual([{ actor_role: "system", details: { reason: "retention" } }]);
  });
});
