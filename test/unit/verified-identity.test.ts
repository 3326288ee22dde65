import { describe, expect, it } from "vitest";
import { identityFromClaims, taxCodeOfClaim } from "~/domain/identity/verified-identity";

describe("the identity an SPID/CIE gateway asserts", () => {
  it.each([
    ["TINIT-ESPSRA95T60F205W", "ESPSRA95T60F205W"],
    ["tinit-espsra95t60f205w", "ESPSRA95T60F205W"],
    ["ESPSRA95T60F205W", "ESPSRA95T60F205W"],
    [" ESPSRA95T60F205W ", "ESPSRA95T60F205W"],
    ["TINIT-ESPSRA95T60F205X", null], // wrong check letter
    ["TINIT-12345678901", null], // a company's 11 digits: not a person
    ["", null],
    [42, null],
  ])("reads the codice fiscale of %j as %j", (claim, expected) => {
    expect(taxCodeOfClaim(claim)).toBe(expected);
  });

  it("tries the configured claim, then SPID's, then the usual names", () => {
    const claims = { sub: "s1", fiscal_number: "ESPSRA95T60F205W", custom_cf: "TINIT-BNCGLI80A41F205F", given_name: "Giulia" };
    expect(identityFromClaims(claims)).toMatchObject({ ok: true, identity: { taxCode: "ESPSRA95T60F205W" } });
    expect(identityFromClaims(claims, "custom_cf")).toMatchObject({
      ok: true,
      identity: { taxCode: "BNCGLI80A41F205F", givenName: "Giulia" },
    });
    expect(identityFromClaims({ "https://attributes.eid.gov.it/fiscal_number": "TINIT-ESPSRA95T60F205W", sub: "x" })).toMatchObject({
      ok: true,
      identity: { taxCode: "ESPSRA95T60F205W", subject: "x", email: null },
    });
  });

  it("names the problem when the code is missing or is not a person's", () => {
    expect(identityFromClaims({ sub: "s" })).toEqual({ ok: false, problem: "no_fiscal_number" });
    expect(identityFromClaims({ sub: "s", fiscal_number: "TINIT-RSSMRA80A01H501X" })).toEqual({
      ok: false,
      problem: "invalid_fiscal_number",
    });
  });

  it("keeps a plausible e-mail only, in lower case", () => {
    const base = { sub: "s", fiscal_number: "ESPSRA95T60F205W" };
    expect(identityFromClaims({ ...base, email: "Sara@Example.IT" })).toMatchObject({ identity: { email: "sara@example.it" } });
    expect(identityFromClaims({ ...base, email: "non una mail" })).toMatchObject({ identity: { email: null } });
  });
});
