import { describe, expect, it } from "vitest";
import { CompanySchema } from "~/domain/employers/schema";
import { EMPLOYER_TRANSITIONS, nextEmployerStatus } from "~/domain/employers/states";
import { safeRedirectPath as safeRedirect } from "~/utils/redirect";
import { formValues } from "~/utils/forms";

describe("form parsing", () => {
  it("keeps what was typed to re-fill a form, never a password", () => {
    const fd = new FormData();
    fd.set("reason", "corto");
    fd.set("password", "segreta");
    fd.set("__proto__.x", "1");
    expect(formValues(fd)).toEqual({ reason: "corto" });
  });
  it("requires address and comune for a site that was started, and ignores empty rows", () => {
    const base = {
      legalName: "X",
      taxCode: "06363391001",
      atecoCode: "10",
      headcountBand: "0-9",
      legalAddress: "Via 1",
      legalComune: "Roma",
      contactName: "Mario Rossi",
      contactEmail: "m@example.it",
      contactPhone: "06 123456",
    };
    const ok = CompanySchema.safeParse({ ...base, sites: [{ label: "", address: "", comune: "" }] });
    expect(ok.success && ok.data.sites).toEqual([]);
    const partial = CompanySchema.safeParse({ ...base, sites: [{ label: "Magazzino", address: "", comune: "" }] });
    expect(partial.success).toBe(false);
    expect(partial.error?.issues.map((i) => i.path.join("."))).toEqual(["sites.0.address", "sites.0.comune"]);
  });
});

describe("employer transition table", () => {
  it("allows only pending→validated/rejected, rejected→pending and (a changed codice fiscale or ragione sociale) validated→pending", () => {
    expect(nextEmployerStatus("pending", "validate")).toBe("validated");
    expect(nextEmployerStatus("pending", "reject")).toBe("rejected");
    expect(nextEmployerStatus("rejected", "resubmit")).toBe("pending");
    expect(nextEmployerStatus("validated", "reject")).toBeNull();
    expect(nextEmployerStatus("rejected", "validate")).toBeNull();
    expect(EMPLOYER_TRANSITIONS.validated).toEqual({ revalidate: "pending" });
  });
});

describe("safe redirects", () => {
  it("keeps same-site paths and drops anything that could leave the site", () => {
    expect(safeRedirect("/operatore/aziende?q=a")).toBe("/operatore/aziende?q=a");
    expect(safeRedirect("//evil.example")).toBe("/area");
    expect(safeRedirect("https://evil.example")).toBe("/area");
    expect(safeRedirect("/\\evil")).toBe("/area");
  });
});
