import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/db.server";
import { extractPdfText } from "~/domain/candidates/pdf-text.server";
import * as employerPdf from "~/routes/azienda.rose.$shortlistId.pdf";
import * as employerRoute from "~/routes/azienda.rose.$shortlistId";
import * as officerRoute from "~/routes/operatore.rose.$shortlistId";
import * as candidateRoute from "~/routes/candidato.disponibilita";
import { cookieFor, createEmployer, createUserWithRole, request } from "../support/factories";
import { createMatchCandidate, createMatchVacancy, insertPresentedShortlist } from "../support/factories-shortlists";
import { callRoute } from "../support/routes";

const db = () => getDb();
const EXPLANATION = JSON.stringify({
  strength: null,
  requirements: [],
  distanceKm: 3,
  cvAgeDays: 10,
  parts: [{ label: "Professione", points: 40 }],
  score: 40,
});

let employerCookie: string;
let officerCookie: string;
let shortlistId: string;
let legalName: string;
const people: Record<string, { candidateId: string; rowId: string; cookie: string }> = {};

async function presentedRow(lastName: string, spec: Parameters<typeof createMatchCandidate>[0] = {}) {
  const user = await createUserWithRole("candidate");
  const candidateId = await createMatchCandidate({ comune: "Bergamo", preferences: ["6.5.1.2.1"], userId: user.id, lastName, ...spec });
  const row = await db()
    .insertInto("shortlist_candidates")
    .values({
      shortlist_id: shortlistId,
      candidate_id: candidateId,
      rank: Object.keys(people).length + 1,
      score: 40,
      explanation: EXPLANATION,
      state: "presented",
      presented_at: new Date(),
      contact_consent: true,
      candidate_response: "confirmed",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  people[lastName] = { candidateId, rowId: row.id, cookie: await cookieFor(user.id) };
}

const version = async (rowId: string) =>
  (await db().selectFrom("shortlist_candidates").select("version").where("id", "=", rowId).executeTakeFirstOrThrow()).version;
const feedback = async (name: string, form: Record<string, string>) =>
  callRoute(
    employerRoute.action,
    request(`/azienda/rose/${shortlistId}`, {
      cookie: employerCookie,
      form: { intent: "feedback", rowId: people[name].rowId, version: String(await version(people[name].rowId)), ...form },
    }),
    { shortlistId },
  );
const candidateView = async (name: string) =>
  (
    (await callRoute(candidateRoute.loader, request("/candidato/disponibilita", { cookie: people[name].cookie }))).body as {
      requests: { id: string; state: string; outcome: { interview: string | null; reason: string | null; reasonWithheld: boolean } }[];
    }
  ).requests.find((r) => r.id === people[name].rowId)!;

beforeAll(async () => {
  const employer = await createEmployer({ legalName: "Forneria Orobica S.r.l." });
  legalName = employer.legal_name;
  employerCookie = await cookieFor((await createUserWithRole("employer", { employerId: employer.id })).id);
  officerCookie = await cookieFor((await createUserWithRole("preselection_officer")).id);
  const vacancy = await createMatchVacancy({
    employerId: employer.id,
    comune: "Bergamo",
    occupation: "6.5.1.2.1",
    status: "in_preselection",
    positions: 3,
  });
  shortlistId = await insertPresentedShortlist(employer.id, vacancy.id);
  await presentedRow("Alfieri", {
    languages: [
      { code: "001", level: "B1" },
      { code: "002", level: "A2" },
    ],
    motherTongues: ["003"],
    experiences: [{ code: "6.5.1.2.1", years: 3 }],
  });
  await presentedRow("Bassi");
  await presentedRow("Conti");
  await presentedRow("Dori");
});

describe("«Voglio fare un colloquio»: a date or the CPI, never a false «fissato»", () => {
  it("without a date or the CPI, or with a past date, nothing is recorded", async () => {
    const none = await feedback("Alfieri", { decision: "interview" });
    expect(none.status).toBe(400);
    expect(JSON.stringify(none.body)).toContain("Indica la data e l'ora del colloquio oppure chiedi al Centro per l'Impiego di fissarlo");
    const noDate = await feedback("Alfieri", { decision: "interview", interviewArrangement: "employer" });
    expect(JSON.stringify(noDate.body)).toContain("Indica data e ora del colloquio");
    const past = await feedback("Alfieri", { decision: "interview", interviewArrangement: "employer", interviewAt: "2020-03-02T10:00" });
    expect(past.status).toBe(400);
    expect(JSON.stringify(past.body)).toContain("La data del colloquio è già passata");
    const nonsense = await feedback("Alfieri", {
      decision: "interview",
      interviewArrangement: "employer",
      interviewAt: "2027-02-30T10:00",
    });
    expect(nonsense.status).toBe(400);
    expect(
      await db().selectFrom("employer_feedback").select("id").where("shortlist_candidate_id", "=", people.Alfieri.rowId).execute(),
    ).toEqual([]);
  });

  it("a future date (Italian time) is stored and shown the same to employer, officer and candidate", async () => {
    // A person of its own: the test before checks that nothing was recorded for Alfieri.
    await presentedRow("Esposito");
    const ok = await feedback("Esposito", { decision: "interview", interviewArrangement: "employer", interviewAt: "2027-03-02T10:30" });
    expect(ok.status).toBe(302);
    const f = await db()
      .selectFrom("employer_feedback")
      .select(["interview_at", "interview_arranged_by"])
      .where("shortlist_candidate_id", "=", people.Esposito.rowId)
      .executeTakeFirstOrThrow();
    expect(f.interview_arranged_by).toBe("employer");
    expect(f.interview_at!.toISOString()).toBe("2027-03-02T09:30:00.000Z"); // 10:30 in Rome (CET)
    const text = "Colloquio fissato dall'azienda per il 02/03/2027 alle ore 10:30";
    expect((await candidateView("Esposito")).outcome.interview).toBe(text);
    const employerPage = await callRoute(employerRoute.loader, request(`/azienda/rose/${shortlistId}`, { cookie: employerCookie }), {
      shortlistId,
    });
    expect(
      (employerPage.body as { rows: { id: string; interview: string | null }[] }).rows.find((r) => r.id === people.Esposito.rowId)!
        .interview,
    ).toBe(text);
    const officerPage = await callRoute(officerRoute.loader, request(`/operatore/rose/${shortlistId}`, { cookie: officerCookie }), {
      shortlistId,
    });
    expect(officerPage.status).toBe(200);
  });

  it("«the CPI arranges it» says so, without a date, everywhere", async () => {
    expect((await feedback("Bassi", { decision: "interview", interviewArrangement: "cpi" })).status).toBe(302);
    const seen = await candidateView("Bassi");
    expect(seen.state).toBe("interview");
    expect(seen.outcome.interview).toBe("L'azienda vuole farti un colloquio: il Centro per l'Impiego ti contatterà per fissare data e ora");
    const employerPage = await callRoute(employerRoute.loader, request(`/azienda/rose/${shortlistId}`, { cookie: employerCookie }), {
      shortlistId,
    });
    expect(
      (employerPage.body as { rows: { id: string; interview: string | null }[] }).rows.find((r) => r.id === people.Bassi.rowId)!.interview,
    ).toBe("Colloquio richiesto dall'azienda: data e ora le fissa il Centro per l'Impiego");
  });
});

describe("the reason of a refusal reaches the candidate's own area only when the employer shares it", () => {
  it("shared: the candidate reads it (with the missing skills), not the employer's comment", async () => {
    const res = await feedback("Conti", {
      decision: "not_selected",
      reason: "skills_lacking",
      missingSkills: "Forno a legna",
      comment: "Nota interna riservata",
      share: "on",
    });
    expect(res.status).toBe(302);
    const seen = await candidateView("Conti");
    expect(seen.state).toBe("not_selected");
    expect(seen.outcome).toEqual({ interview: null, reason: "Competenze mancanti (Forno a legna)", reasonWithheld: false });
    expect(JSON.stringify(seen)).not.toContain("Nota interna riservata");
  });

  it("not shared: the candidate learns the outcome but not the reason", async () => {
    expect((await feedback("Dori", { decision: "not_selected", reason: "experience_insufficient" })).status).toBe(302);
    const seen = await candidateView("Dori");
    expect(seen.outcome).toEqual({ interview: null, reason: null, reasonWithheld: true });
    expect(JSON.stringify(seen)).not.toContain("Esperienza insufficiente");
  });
});

describe("the rosa PDF", () => {
  it("has the CPI and employer header, the date, work experience and language names", async () => {
    const res = (await employerPdf.loader({
      request: request(`/azienda/rose/${shortlistId}/pdf`, { cookie: employerCookie }),
      params: { shortlistId },
      context: {},
    })) as Response;
    const text = (await extractPdfText(new Uint8Array(await res.arrayBuffer()))).text.replace(/\s+/g, " ");
    expect(text).toContain("Centro per l'Impiego di Milano");
    expect(text).toContain(`Azienda: ${legalName}`);
    expect(text).toMatch(/Presentata il \d{2}\/\d{2}\/\d{4} · documento generato il \d{2}\/\d{2}\/\d{4}/);
    expect(text).toMatch(/Esperienze di lavoro: Panettieri \(dal \d{2}\/\d{2}\/\d{4} al \d{2}\/\d{2}\/\d{4}\)/);
    expect(text).toContain("Lingue: Italiano madrelingua, Inglese B1, Tedesco A2");
    expect(text).not.toMatch(/\bEN B1\b/);
  });
});
