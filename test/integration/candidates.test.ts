import { sql } from "kysely";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { createCandidate, setDisability, updateCandidate, validateCvReferences } from "~/domain/candidates/commands.server";
import { DomainError } from "~/domain/errors";
import * as newCandidate from "~/routes/operatore.candidati.nuovo";
import * as detail from "~/routes/operatore.candidati.$candidateId._index";
import * as edit from "~/routes/operatore.candidati.$candidateId.modifica";
import * as download from "~/routes/operatore.candidati.$candidateId.cv";
import * as selfHome from "~/routes/candidato._index";
import * as selfEdit from "~/routes/candidato.modifica";
import * as activate from "~/routes/attivazione.$token";
import * as occupations from "~/routes/api.professioni";
import { cookieFor, createEmployer, createUserWithRole, request } from "../support/factories";
import {
  candidateForm,
  candidateInput,
  createCandidateWithAccount,
  createTestCandidate,
  SYSTEM_ACTOR,
} from "../support/factories-candidates";
import { callRoute, formErrorsOf, formFields } from "../support/routes";

let preselection: string;
let placement: string;
let employer: string;
let preselectionId: string;

beforeAll(async () => {
  const p = await createUserWithRole("preselection_officer");
  preselectionId = p.id;
  preselection = await cookieFor(p.id);
  placement = await cookieFor((await createUserWithRole("placement_officer")).id);
  const company = await createEmployer();
  employer = await cookieFor((await createUserWithRole("employer", { employerId: company.id })).id);
});

const db = () => getDb();
const outboxRows = (id: string) => db().selectFrom("search_outbox").select("index_uid").where("document_id", "=", id).execute();
const auditRows = (id: string, action: string) =>
  db().selectFrom("audit_log").select(["actor_user_id", "details"]).where("entity_id", "=", id).where("action", "=", action).execute();

async function pdfBytes(text: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage();
  page.drawText(text, { x: 50, y: 700, size: 12, font: await doc.embedFont(StandardFonts.Helvetica) });
  return doc.save();
}

function multipart(path: string, cookie: string, field: string, bytes: Uint8Array, name: string, type = "application/pdf") {
  const form = new FormData();
  form.set(field, new File([Buffer.from(bytes)], name, { type }));
  return new Request(`http://localhost${path}`, { method: "POST", headers: { Cookie: cookie }, body: form });
}

describe("candidate record: create and update", () => {
  it("an officer creates a candidate with three preferences: audited, queued for search, in one transaction", async () => {
    const form = candidateForm({
      "preferences.1.occupation": "4.3.1.2.0",
      "preferences.1.source": "training",
      "preferences.2.occupation": "5.2.2.1.0 — Cuochi in alberghi e ristoranti",
      "preferences.2.source": "education",
      "preferences.2.interviewDate": "2026-11-20",
    });
    const outcome = await callRoute(newCandidate.action, request("/operatore/candidati/nuovo", { cookie: preselection, form }));
    expect(outcome.status, JSON.stringify(outcome.body)).toBe(302);
    const candidate = await db().selectFrom("candidates").selectAll().where("tax_code", "=", form.taxCode).executeTakeFirstOrThrow();
    expect(outcome.location).toBe(`/operatore/candidati/${candidate.id}`);
    const prefs = await db()
      .selectFrom("candidate_preferences")
      .select(["slot", "occupation_code", "occupation_label"])
      .where("candidate_id", "=", candidate.id)
      .orderBy("slot")
      .execute();
    expect(prefs.map((p) => p.occupation_code)).toEqual(["5.1.2.2.0", "4.3.1.2.0", "5.2.2.1.0"]);
    expect(prefs[2].occupation_label).toBe("Cuochi in alberghi e ristoranti");
    expect(candidate.consent_visible).toBe(true);
    expect(candidate.consent_changed_at).not.toBeNull();
    expect(await outboxRows(candidate.id)).toEqual([{ index_uid: "candidates" }]);
    const audit = await auditRows(candidate.id, "candidate.created");
    expect(audit).toHaveLength(1);
    expect(audit[0].actor_user_id).toBe(preselectionId);
  });

  it("an update records who changed which fields (names only) and queues the document again", async () => {
    const { id } = await createTestCandidate();
    const loaded = await callRoute(edit.loader, request(`/operatore/candidati/${id}/modifica`, { cookie: preselection }), {
      candidateId: id,
    });
    const values = formFields((loaded.body as { values: unknown }).values);
    const outcome = await callRoute(
      edit.action,
      request(`/operatore/candidati/${id}/modifica`, {
        cookie: preselection,
        form: { ...values, phone: "02 9999999", "licences.1.code": "03", "licences.1.category": "C" },
      }),
      { candidateId: id },
    );
    expect(outcome.status, JSON.stringify(outcome.body)).toBe(302);
    const [audit] = await auditRows(id, "candidate.updated");
    expect(audit.details).toMatchObject({ fields: ["phone"], sections: ["licences"] });
    expect(JSON.stringify(audit.details)).not.toContain("9999999");
    expect((await outboxRows(id)).length).toBe(2);
    // A second save with the old version is refused (optimistic locking).
    const stale = await callRoute(edit.action, request(`/operatore/candidati/${id}/modifica`, { cookie: preselection, form: values }), {
      candidateId: id,
    });
    expect(stale.status).toBe(409);
  });

  it("refuses an unknown comune or occupation code with an Italian message and saves nothing", async () => {
    const form = candidateForm({ comune: "Atlantide (ZZ)" });
    const bad = await callRoute(newCandidate.action, request("/operatore/candidati/nuovo", { cookie: preselection, form }));
    expect(bad.status).toBe(400);
    expect(formErrorsOf(bad.body).comune).toMatch(/Comune non trovato/);
    const form2 = candidateForm({ "preferences.0.occupation": "9.9.9.9.9" });
    const bad2 = await callRoute(newCandidate.action, request("/operatore/candidati/nuovo", { cookie: preselection, form: form2 }));
    expect(formErrorsOf(bad2.body)["preferences.0.occupation"]).toMatch(/inesistente/);
    const count = await db().selectFrom("candidates").select("id").where("tax_code", "in", [form.taxCode, form2.taxCode]).execute();
    expect(count).toEqual([]);
  });

  it("the occupation picker finds CP2021 professions by words and by code", async () => {
    const byWord = await callRoute(occupations.loader, request("/api/professioni?q=cuochi"));
    expect((byWord.body as { options: { label: string }[] }).options.map((o) => o.label)).toContain(
      "5.2.2.1.0 — Cuochi in alberghi e ristoranti",
    );
    const byCode = await callRoute(occupations.loader, request("/api/professioni?q=5.1.2.2"));
    expect((byCode.body as { options: { code: string }[] }).options[0].code).toBe("5.1.2.2.0");
  });
});

describe("three different occupations among the preferences", () => {
  const duplicate = { "preferences.1.occupation": "5.1.2.2.0", "preferences.1.source": "training" };
  it("the officer form refuses the same occupation twice, naming it", async () => {
    const form = candidateForm(duplicate);
    const bad = await callRoute(newCandidate.action, request("/operatore/candidati/nuovo", { cookie: preselection, form }));
    expect(bad.status).toBe(400);
    expect(formErrorsOf(bad.body)["preferences.1.occupation"]).toBe(
      "La professione «Commessi delle vendite al minuto» (5.1.2.2.0) è già la propensione 1: ogni propensione deve indicare una professione diversa",
    );
    expect(await db().selectFrom("candidates").select("id").where("tax_code", "=", form.taxCode).execute()).toEqual([]);
  });

  it("the candidate's own form refuses it too, and the CSV validation pass reports it on the row's column", async () => {
    const me = await createCandidateWithAccount();
    const form = { ...candidateForm({ ...duplicate, taxCode: me.input.taxCode }), version: "1" };
    const bad = await callRoute(selfEdit.action, request("/candidato/modifica", { cookie: me.cookie, form }));
    expect(bad.status).toBe(400);
    expect(formErrorsOf(bad.body)["preferences.1.occupation"]).toMatch(/«Commessi delle vendite al minuto».*già la propensione 1/);
    expect(await validateCvReferences(db(), candidateInput(duplicate))).toEqual([
      {
        column: "propensione_2_professione",
        message: expect.stringMatching(/«Commessi delle vendite al minuto» \(5\.1\.2\.2\.0\) è già la propensione 1/),
      },
    ]);
  });
});

describe("database rules", () => {
  it("a fourth preference is refused by the form, by the command and by the database itself", async () => {
    const extra = {
      "preferences.1.occupation": "4.3.1.2.0",
      "preferences.1.source": "work",
      "preferences.2.occupation": "5.2.2.1.0",
      "preferences.2.source": "work",
    };
    const form = candidateForm({ ...extra, "preferences.3.occupation": "6.2.1.7.0", "preferences.3.source": "work" });
    const viaForm = await callRoute(newCandidate.action, request("/operatore/candidati/nuovo", { cookie: preselection, form }));
    expect(viaForm.status).toBe(400);
    expect(formErrorsOf(viaForm.body)["preferences.3.occupation"]).toMatch(/Al massimo tre propensioni/);

    // The command, bypassing the form schema: the slot check constraint refuses it.
    const three = candidateInput(extra);
    const four = { ...three, preferences: [...three.preferences, { ...three.preferences[0], occupation: "6.2.1.7.0" }] };
    await expect(withTransaction((trx) => createCandidate(trx, SYSTEM_ACTOR, four, { canSetProtectedCategory: false }))).rejects.toThrow(
      /Al massimo tre propensioni/,
    );
    expect(await db().selectFrom("candidates").select("id").where("tax_code", "=", three.taxCode).execute()).toEqual([]);

    // Raw SQL on an existing candidate with three preferences.
    const { id } = await createTestCandidate(extra);
    await expect(
      sql`insert into candidate_preferences (candidate_id, slot, occupation_code, occupation_label, source) values (${id}, 4, '6.2.1.7.0', 'Saldatori', 'work')`.execute(
        db(),
      ),
    ).rejects.toThrow(/candidate_preferences_slot_check/);
  });

  it("a CV without an education title (or without preferences) cannot be committed", async () => {
    const input = candidateInput();
    await expect(
      withTransaction((trx) => createCandidate(trx, SYSTEM_ACTOR, { ...input, education: [] }, { canSetProtectedCategory: false })),
    ).rejects.toThrow(/almeno un titolo di studio/);
    expect(await db().selectFrom("candidates").select("id").where("tax_code", "=", input.taxCode).execute()).toEqual([]);

    const { id } = await createTestCandidate();
    // Deleting the only title is refused at COMMIT by the deferred constraint trigger.
    await expect(
      db()
        .transaction()
        .execute((trx) => trx.deleteFrom("candidate_education").where("candidate_id", "=", id).execute()),
    ).rejects.toThrow(/almeno un titolo/);
    await expect(
      db()
        .transaction()
        .execute((trx) => trx.deleteFrom("candidate_preferences").where("candidate_id", "=", id).execute()),
    ).rejects.toThrow(/almeno una propensione/);
    expect((await db().selectFrom("candidate_education").select("title").where("candidate_id", "=", id).execute()).length).toBe(1);
  });

  it("a duplicate codice fiscale gets a clear message", async () => {
    const { input } = await createTestCandidate();
    const again = await callRoute(
      newCandidate.action,
      request("/operatore/candidati/nuovo", { cookie: preselection, form: candidateForm({ taxCode: input.taxCode }) }),
    );
    expect(again.status).toBe(409);
    expect(formErrorsOf(again.body).taxCode).toMatch(/già un candidato/);
  });
});

describe("PDF CV upload", () => {
  it("stores a real PDF with its checksum and extracted text, and queues it for search", async () => {
    const { id } = await createTestCandidate();
    const bytes = await pdfBytes("Carrellista esperto con patentino HACCP");
    const outcome = await callRoute(detail.action, multipart(`/operatore/candidati/${id}`, preselection, "cv", bytes, "cv mario.pdf"), {
      candidateId: id,
    });
    expect(outcome.status, JSON.stringify(outcome.body)).toBe(302);
    const file = await db().selectFrom("candidate_cv_files").selectAll().where("candidate_id", "=", id).executeTakeFirstOrThrow();
    expect(file.extracted_text).toContain("Carrellista esperto");
    expect(file.size_bytes).toBe(bytes.length);
    expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(Buffer.compare(file.content, Buffer.from(bytes))).toBe(0);
    expect((await auditRows(id, "candidate.cv_uploaded")).length).toBe(1);
    const got = await callRoute(download.loader, request(`/operatore/candidati/${id}/cv`, { cookie: preselection }), { candidateId: id });
    expect(got.status).toBe(200);
    expect((await auditRows(id, "candidate.cv_downloaded")).length).toBe(1);
  });

  it("refuses a non-PDF, a fake PDF and an oversized file, storing nothing", async () => {
    const { id } = await createTestCandidate();
    const notPdf = await callRoute(
      detail.action,
      multipart(`/operatore/candidati/${id}`, preselection, "cv", new TextEncoder().encode("ciao, sono un CV"), "cv.pdf"),
      { candidateId: id },
    );
    expect(notPdf.status).toBe(400);
    expect(formErrorsOf(notPdf.body).cv).toMatch(/non è un PDF/);
    const fake = await callRoute(
      detail.action,
      multipart(`/operatore/candidati/${id}`, preselection, "cv", new TextEncoder().encode("%PDF-1.7 finto"), "cv.pdf"),
      { candidateId: id },
    );
    expect(formErrorsOf(fake.body).cv).toMatch(/danneggiato/);
    const big = new Uint8Array(5 * 1_048_576 + 10);
    big.set(new TextEncoder().encode("%PDF-1.4"));
    const oversized = await callRoute(detail.action, multipart(`/operatore/candidati/${id}`, preselection, "cv", big, "grande.pdf"), {
      candidateId: id,
    });
    expect(formErrorsOf(oversized.body).cv).toMatch(/troppo grande/);
    expect(await db().selectFrom("candidate_cv_files").select("candidate_id").where("candidate_id", "=", id).execute()).toEqual([]);
  });
});

describe("health data and views", () => {
  it("disability details are visible only to placement officers; every view is audited", async () => {
    const { id } = await createTestCandidate({}, { protectedCategory: "art1" });
    await withTransaction((trx) =>
      setDisability(trx, SYSTEM_ACTOR, id, { percentage: 67, functionalNotes: "Nessun sollevamento carichi" }),
    );

    const asPlacement = await callRoute(detail.loader, request(`/operatore/candidati/${id}`, { cookie: placement }), { candidateId: id });
    const pBody = asPlacement.body as {
      cv: { disability: { percentage: number } | null; candidate: { protected_category: string | null } };
    };
    expect(pBody.cv.disability?.percentage).toBe(67);
    expect(pBody.cv.candidate.protected_category).toBe("art1");

    const asPreselection = await callRoute(detail.loader, request(`/operatore/candidati/${id}`, { cookie: preselection }), {
      candidateId: id,
    });
    expect(asPreselection.status).toBe(200);
    const body = JSON.stringify(asPreselection.body);
    expect(body).not.toContain("Nessun sollevamento");
    expect(body).not.toContain("art1");
    expect(body).not.toContain('"percentage"');
    expect((asPreselection.body as { cv: { disability: unknown } }).cv.disability).toBeNull();

    // A preselection officer cannot write them either.
    const write = await callRoute(
      detail.action,
      request(`/operatore/candidati/${id}`, { cookie: preselection, form: { intent: "disability", percentage: "10" } }),
      { candidateId: id },
    );
    expect(write.status).toBe(403);

    const asEmployer = await callRoute(detail.loader, request(`/operatore/candidati/${id}`, { cookie: employer }), { candidateId: id });
    expect(asEmployer.status).toBe(403);

    expect((await auditRows(id, "candidate.viewed")).length).toBe(2);
  });
});

describe("candidate account", () => {
  it("a candidate edits their own CV but cannot change the codice fiscale, and cannot reach anyone else's", async () => {
    const me = await createCandidateWithAccount();
    const other = await createTestCandidate();
    const loaded = await callRoute(selfEdit.loader, request("/candidato/modifica", { cookie: me.cookie }));
    const values = formFields((loaded.body as { values: unknown }).values);
    const outcome = await callRoute(
      selfEdit.action,
      request("/candidato/modifica", {
        cookie: me.cookie,
        form: { ...values, taxCode: other.input.taxCode, "certificates.1.name": "Patentino muletto" },
      }),
    );
    expect(outcome.status, JSON.stringify(outcome.body)).toBe(302);
    const row = await db().selectFrom("candidates").select(["tax_code"]).where("id", "=", me.id).executeTakeFirstOrThrow();
    expect(row.tax_code).toBe(me.input.taxCode);
    const certs = await db().selectFrom("candidate_certificates").select("name").where("candidate_id", "=", me.id).execute();
    expect(certs.map((c) => c.name).sort()).toEqual(["HACCP", "Patentino muletto"]);
    const [audit] = await auditRows(me.id, "candidate.updated");
    expect(audit.details).toMatchObject({ bySelf: true });

    const home = await callRoute(selfHome.loader, request("/candidato", { cookie: me.cookie }));
    expect(JSON.stringify(home.body)).not.toContain(other.input.taxCode);
    const officerPage = await callRoute(detail.loader, request(`/operatore/candidati/${other.id}`, { cookie: me.cookie }), {
      candidateId: other.id,
    });
    expect(officerPage.status).toBe(403);
  });

  it("withdrawing consent takes effect at once: audited and queued for the search index", async () => {
    const me = await createCandidateWithAccount();
    const before = (await outboxRows(me.id)).length;
    const outcome = await callRoute(
      selfHome.action,
      request("/candidato", { cookie: me.cookie, form: { intent: "consent", consent: "withdraw" } }),
    );
    expect(outcome.status).toBe(302);
    const row = await db()
      .selectFrom("candidates")
      .select(["consent_visible", "consent_changed_at"])
      .where("id", "=", me.id)
      .executeTakeFirstOrThrow();
    expect(row.consent_visible).toBe(false);
    expect((await auditRows(me.id, "candidate.consent_withdrawn")).length).toBe(1);
    expect((await outboxRows(me.id)).length).toBe(before + 1);
  });

  it("an officer invites the person; the link creates a candidate account linked to the CV", async () => {
    const { id } = await createTestCandidate();
    const email = `persona-${id.slice(0, 8)}@example.it`;
    const invited = await callRoute(
      detail.action,
      request(`/operatore/candidati/${id}`, { cookie: preselection, form: { intent: "invite", email } }),
      { candidateId: id },
    );
    expect(invited.status, JSON.stringify(invited.body)).toBe(302);
    const mail = await db().selectFrom("mail_outbox").select("body_text").where("to_address", "=", email).executeTakeFirstOrThrow();
    const token = /\/attivazione\/([A-Za-z0-9_-]+)/.exec(mail.body_text)![1];
    const accepted = await callRoute(
      activate.action,
      request(`/attivazione/${token}`, {
        form: { fullName: "Giulia Verdi", password: "una-password-lunga", confirmPassword: "una-password-lunga", privacy: "on" },
      }),
      { token },
    );
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(302);
    expect(accepted.location).toBe("/candidato");
    const user = await db().selectFrom("users").select(["id", "role"]).where("email", "=", email).executeTakeFirstOrThrow();
    expect(user.role).toBe("candidate");
    const linked = await db().selectFrom("candidates").select("user_id").where("id", "=", id).executeTakeFirstOrThrow();
    expect(linked.user_id).toBe(user.id);
    // The link works once.
    const again = await callRoute(activate.loader, request(`/attivazione/${token}`), { token });
    expect(again.status).toBe(404);
  });

  it("a candidate can never bypass the DB rules through their own form", async () => {
    const me = await createCandidateWithAccount();
    const input = candidateInput();
    await expect(
      withTransaction((trx) =>
        updateCandidate(
          trx,
          { userId: me.userId, role: "candidate", ip: null },
          { ...input, preferences: [], candidateId: me.id, version: 1 },
          { bySelf: true, canSetProtectedCategory: false },
        ),
      ),
    ).rejects.toBeInstanceOf(DomainError);
  });
});
