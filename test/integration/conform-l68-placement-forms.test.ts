// The L. 68 and placement forms answer through conform: bad input gets the Italian message next to its field and the
// values typed come back (conform's `initialValue`); a refusal of the domain (a stale version, a conflict) shows its message.
import { describe, expect, it } from "vitest";
import { getDb } from "~/db/db.server";
import * as employerFile from "~/routes/azienda.collocamento-mirato._index";
import * as employerPosts from "~/routes/azienda.collocamento-mirato.posti";
import * as newRecord from "~/routes/azienda.collocamento-mirato.pratiche.nuova";
import * as officerRecord from "~/routes/operatore.collocamento-mirato.pratiche.$recordId._index";
import * as referral from "~/routes/operatore.collocamento-mirato.avviamenti.$referralId";
import { todayInItaly } from "~/utils/dates";
import { addDays } from "~/domain/l68/calculator/dates";
import { createL68Employer, createPlacementOfficer, declareWorkers, fileForm, multipartRequest } from "../support/factories-l68";
import { insertPlacementRows, post, postForm } from "../support/factories-placement";
import { callRoute, formErrorsOf } from "../support/routes";

const today = todayInItaly();
const typed = (body: unknown) => (body as { result: { initialValue: Record<string, unknown> } }).result.initialValue;

describe("L. 68 file", () => {
  it("a bad group keeps what was typed; a stale version is refused with its message", async () => {
    const e = await createL68Employer();
    await declareWorkers(e.employerId, e.cookie, 20);
    const bad = await callRoute(
      employerFile.action,
      await fileForm("/azienda/collocamento-mirato", e.cookie, e.employerId, {
        intent: "add-group",
        provinceCode: "MI",
        count: "zero",
        contract: "indeterminato",
        siteLabel: "Magazzino di Rho",
      }),
    );
    expect(bad.status).toBe(400);
    expect(formErrorsOf(bad.body).count).toMatch(/^Indica il numero di lavoratori|numero/);
    expect(typed(bad.body)).toMatchObject({ intent: "add-group", siteLabel: "Magazzino di Rho", count: "zero" });

    const stale = await callRoute(
      employerFile.action,
      post("/azienda/collocamento-mirato", e.cookie, {
        intent: "add-group",
        version: "1",
        provinceCode: "MI",
        count: "3",
        contract: "indeterminato",
      }),
    );
    expect(stale.status).toBe(409);
    expect(formErrorsOf(stale.body)._form).toBeTruthy();
    expect(typed(stale.body).intent).toBe("add-group");
  });
});

describe("available posts", () => {
  it("a bad post gets Italian messages and keeps the task typed; withdrawing an unknown post is refused by its form", async () => {
    const e = await createL68Employer();
    const bad = await callRoute(employerPosts.action, post("/azienda/collocamento-mirato/posti", e.cookie, postForm([], { posts: "0" })));
    expect(bad.status).toBe(400);
    expect(formErrorsOf(bad.body).posts).toBe("Numero di posti non valido: da 1 a 999");
    expect(typed(bad.body)).toMatchObject({ intent: "add", task: "Addetto all'archivio digitale" });

    const withdraw = await callRoute(
      employerPosts.action,
      post("/azienda/collocamento-mirato/posti", e.cookie, { intent: "withdraw", postId: "00000000-0000-4000-8000-000000000000" }),
    );
    expect(withdraw.status).toBeGreaterThanOrEqual(400);
    expect(withdraw.status).toBeLessThan(500);
    expect(Object.values(formErrorsOf(withdraw.body))[0]).toBeTruthy();
    expect(typed(withdraw.body).intent).toBe("withdraw");
  });
});

describe("L. 68 records", () => {
  it("a bad exemption keeps the reason typed; a rejection without its reason is refused next to the note", async () => {
    const e = await createL68Employer();
    const officer = await createPlacementOfficer("MI");
    await declareWorkers(e.employerId, e.cookie, 100);
    const fields = {
      kind: "esonero",
      provinceCode: "MI",
      startsOn: addDays(today, 1),
      endsOn: addDays(today, 180),
      percent: "70",
      weekDays: "5",
      reason: "Lavorazioni pericolose in fonderia",
    };
    const bad = await callRoute(newRecord.action, multipartRequest("/azienda/collocamento-mirato/pratiche/nuova", e.cookie, fields));
    expect(bad.status).toBe(400);
    expect(formErrorsOf(bad.body).percent).toMatch(/da 0,01 a 60|da 0.01 a 60|percentuale/i);
    expect(typed(bad.body)).toMatchObject({ reason: "Lavorazioni pericolose in fonderia", percent: "70" });

    const filed = await callRoute(
      newRecord.action,
      multipartRequest("/azienda/collocamento-mirato/pratiche/nuova", e.cookie, { ...fields, percent: "30" }),
    );
    expect(filed.status, JSON.stringify(filed.body)).toBe(302);
    const recordId = filed.location!.split("/").pop()!;
    const path = `/operatore/collocamento-mirato/pratiche/${recordId}`;
    const noReason = await callRoute(officerRecord.action, post(path, officer.cookie, { event: "reject", version: "1", note: "No" }), {
      recordId,
    });
    expect(noReason.status).toBe(400);
    expect(formErrorsOf(noReason.body).note).toBe("Indica il motivo del rigetto (almeno 5 caratteri)");
    expect(typed(noReason.body)).toMatchObject({ event: "reject", note: "No" });

    const stale = await callRoute(
      officerRecord.action,
      post(path, officer.cookie, { event: "approve", version: "99", note: "Autorizzato per il periodo richiesto." }),
      { recordId },
    );
    expect(stale.status).toBe(409);
    expect(Object.values(formErrorsOf(stale.body))[0]).toBeTruthy();
    expect(typed(stale.body).note).toBe("Autorizzato per il periodo richiesto.");
  });
});

describe("referral outcome", () => {
  it("each outcome asks for its own fields, keeps what was typed, and a hire in the future is refused with its message", async () => {
    const e = await createL68Employer();
    const officer = await createPlacementOfficer("MI");
    const { referralId } = (await insertPlacementRows(e.employerId, officer.userId)).referralId;
    const { version } = await getDb().selectFrom("l68_referrals").select("version").where("id", "=", referralId).executeTakeFirstOrThrow();
    const path = `/operatore/collocamento-mirato/avviamenti/${referralId}`;
    const send = (form: Record<string, string>) =>
      callRoute(referral.action, post(path, officer.cookie, { intent: "outcome", version: String(version), ...form }), { referralId });

    const noReason = await send({ outcome: "refused_by_worker", note: "" });
    expect(noReason.status).toBe(400);
    expect(formErrorsOf(noReason.body).note).toBe("Indica il motivo");
    const noContract = await send({ outcome: "hired", hiredOn: today, note: "Assunta in reparto" });
    expect(noContract.status).toBe(400);
    expect(formErrorsOf(noContract.body).contract).toBe("Scegli il contratto");
    expect(typed(noContract.body)).toMatchObject({ outcome: "hired", hiredOn: today, note: "Assunta in reparto" });
    const noOutcome = await send({});
    expect(noOutcome.status).toBe(400);
    expect(formErrorsOf(noOutcome.body).outcome).toBe("Scegli l'esito");

    const future = await send({ outcome: "hired", hiredOn: addDays(today, 3), contract: "indeterminato" });
    expect(future.status).toBe(400);
    expect(formErrorsOf(future.body).hiredOn).toBe("Registra l'assunzione dal giorno in cui inizia, non prima");
    expect(typed(future.body)).toMatchObject({ contract: "indeterminato" });
  });
});
