import { describe, expect, it } from "vitest";
import { getDb } from "~/db/db.server";
import * as edit from "~/routes/azienda.modifica";
import * as officerList from "~/routes/operatore.aziende._index";
import * as review from "~/routes/operatore.aziende.$employerId";
import * as requests from "~/routes/operatore.richieste";
import { cookieFor, createEmployer, createUserWithRole, request, uniqueCompanyTaxCode } from "../support/factories";
import { callRoute, formErrorsOf } from "../support/routes";

async function validatedCompany() {
  const employer = await createEmployer({ status: "validated" });
  const rep = await createUserWithRole("employer", { employerId: employer.id, employerRole: "legal_rep" });
  const cookie = await cookieFor(rep.id);
  const loaded = await callRoute(edit.loader, request("/azienda/modifica", { cookie }));
  const values = (loaded.body as { values: Record<string, string>; validated: boolean }).values;
  expect((loaded.body as { validated: boolean }).validated).toBe(true);
  return { employer, rep, cookie, values };
}

const save = (cookie: string, form: Record<string, string>) => callRoute(edit.action, request("/azienda/modifica", { cookie, form }));
const company = (id: string) =>
  getDb()
    .selectFrom("employers")
    .select(["status", "legal_name", "tax_code", "contact_phone", "legal_address", "version", "revalidation_changes"])
    .where("id", "=", id)
    .executeTakeFirstOrThrow();

describe("a validated company that changes codice fiscale or ragione sociale", () => {
  it("keeps its validation for other edits (address, phone, ATECO)", async () => {
    const { employer, cookie, values } = await validatedCompany();
    const saved = await save(cookie, { ...values, contactPhone: "02 7654321", legalAddress: "Via Milano 2", atecoCode: "10" });
    expect(saved).toMatchObject({ status: 302, location: "/azienda" });
    expect(await company(employer.id)).toMatchObject({
      status: "validated",
      contact_phone: "02 7654321",
      legal_address: "Via Milano 2",
      revalidation_changes: null,
    });
  });

  it("asks for confirmation, then goes back to the officers with what changed; validation clears it", async () => {
    const { employer, rep, cookie, values } = await validatedCompany();
    const newName = `${employer.legal_name} (nuova denominazione)`;
    const newTaxCode = uniqueCompanyTaxCode();

    // Not confirmed: nothing saved, the Italian message next to the confirmation box.
    const unconfirmed = await save(cookie, { ...values, legalName: newName });
    expect(unconfirmed.status).toBe(409);
    expect(formErrorsOf(unconfirmed.body).confirmRevalidation).toMatch(
      /^La modifica richiede una nuova convalida da parte del Centro per l'Impiego/,
    );
    expect(await company(employer.id)).toMatchObject({ status: "validated", legal_name: employer.legal_name });

    const confirmed = await save(cookie, { ...values, legalName: newName, taxCode: newTaxCode, confirmRevalidation: "on" });
    expect(confirmed).toMatchObject({ status: 302, location: "/azienda" });
    const after = await company(employer.id);
    expect(after).toMatchObject({
      status: "pending",
      legal_name: newName,
      tax_code: newTaxCode,
      revalidation_changes: {
        legalName: { from: employer.legal_name, to: newName },
        taxCode: { from: expect.any(String), to: newTaxCode },
      },
    });
    const audit = await getDb()
      .selectFrom("audit_log")
      .select(["action", "actor_user_id", "details"])
      .where("employer_id", "=", employer.id)
      .where("action", "=", "employer.revalidate")
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_user_id: rep.id, details: { from: "validated", to: "pending" } });

    // The officers see it again, with what changed: the companies list, the requests page, the detail page.
    const officer = await cookieFor((await createUserWithRole("preselection_officer")).id);
    const list = await callRoute(officerList.loader, request("/operatore/aziende?status=pending", { cookie: officer }));
    const row = (list.body as { employers: { id: string; revalidation_changes: unknown }[] }).employers.find((e) => e.id === employer.id);
    expect(row?.revalidation_changes).toMatchObject({ legalName: { to: newName } });
    const queue = await callRoute(requests.loader, request("/operatore/richieste", { cookie: officer }));
    expect((queue.body as { revalidations: { id: string }[] }).revalidations.map((r) => r.id)).toContain(employer.id);

    const validated = await callRoute(
      review.action,
      request(`/operatore/aziende/${employer.id}`, {
        cookie: officer,
        form: { decision: "validate", reason: "", version: String(after.version) },
      }),
      { employerId: employer.id },
    );
    expect(validated.status).toBe(302);
    expect(await company(employer.id)).toMatchObject({ status: "validated", revalidation_changes: null });
    const queueAfter = await callRoute(requests.loader, request("/operatore/richieste", { cookie: officer }));
    expect((queueAfter.body as { revalidations: { id: string }[] }).revalidations.map((r) => r.id)).not.toContain(employer.id);
  });

  it("a pending or rejected company changes them freely (it is going to be checked anyway)", async () => {
    const employer = await createEmployer({ status: "pending" });
    const rep = await createUserWithRole("employer", { employerId: employer.id, employerRole: "legal_rep" });
    const cookie = await cookieFor(rep.id);
    const values = (await callRoute(edit.loader, request("/azienda/modifica", { cookie }))).body as { values: Record<string, string> };
    const saved = await save(cookie, { ...values.values, legalName: "Nome corretto S.r.l." });
    expect(saved.status).toBe(302);
    expect(await company(employer.id)).toMatchObject({ status: "pending", legal_name: "Nome corretto S.r.l.", revalidation_changes: null });
  });
});
