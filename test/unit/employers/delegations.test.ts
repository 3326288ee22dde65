import { describe, expect, it } from "vitest";
import { revalidationText } from "~/components/revalidation-changes";
import { pickActiveCompany, type UserCompany } from "~/domain/employers/delegations.server";
import { nextEmployerStatus } from "~/domain/employers/states";

const company = (id: string, since: string | null, role: UserCompany["role"] = "delegate"): UserCompany => ({
  id,
  name: id,
  role,
  since: since ? new Date(since) : null,
});

describe("the company a session works for", () => {
  const companies = [company("alfa", "2026-03-01"), company("beta", "2026-01-01"), company("gamma", "2026-02-01")];
  it.each([
    ["the one chosen in the switcher", companies, "gamma", "gamma"],
    ["the oldest delegation when nothing was chosen", companies, null, "beta"],
    ["the oldest delegation when the choice was revoked", companies, "delta", "beta"],
    ["the account's own company before any delegation", [...companies, company("own", null, "legal_rep")], null, "own"],
    ["nothing when no company is left", [], "alfa", null],
  ] as const)("%s", (_label, list, remembered, expected) => {
    expect(pickActiveCompany([...list], remembered)?.id ?? null).toBe(expected);
  });
});

describe("re-validation of a company", () => {
  it("sends a validated company back to pending, and only a validated one", () => {
    expect(nextEmployerStatus("validated", "revalidate")).toBe("pending");
    expect(nextEmployerStatus("pending", "revalidate")).toBeNull();
    expect(nextEmployerStatus("rejected", "revalidate")).toBeNull();
  });

  it("tells the officer what changed", () => {
    expect(
      revalidationText({
        legalName: { from: "Alfa S.r.l.", to: "Alfa e Figli S.r.l." },
        taxCode: { from: "01234567890", to: "09876543210" },
      }),
    ).toBe(
      "Nuova convalida richiesta: ragione sociale da «Alfa S.r.l.» a «Alfa e Figli S.r.l.»; codice fiscale da «01234567890» a «09876543210»",
    );
    expect(revalidationText(null)).toBeNull();
  });
});
