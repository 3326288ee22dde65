import { describe, expect, it } from "vitest";
import { DeliverySchema, NeedsSchema } from "~/domain/services/schema";
import { AssessmentStepSchema, CandidateResponseSchema, HireSchema } from "~/domain/shortlists/schema";
import { SaveVacancySchema } from "~/domain/vacancies/schema";
import { CandidateSchema } from "~/domain/candidates/schema";
import { calendarDay, isCalendarDay } from "~/utils/date-fields";
import { parseForm } from "~/web/conform";
import { safeRedirectPath } from "~/utils/redirect";
import { originMismatchesHost } from "../../server/csrf";

const form = (body: string) => {
  const fd = new FormData();
  for (const [k, v] of new URLSearchParams(body)) fd.append(k, v);
  return fd;
};

const prototypeKeys = () => Object.getOwnPropertyNames(Object.prototype).sort().join(",");

/** What conform's parse (app/web/conform.ts) answers: the form-level message of a refused request, or null. */
function formProblem(body: string, schema: Parameters<typeof parseForm>[1]): string | null {
  const submission = parseForm(form(body), schema);
  if (submission.status === "success") return null;
  return (
    Object.values(submission.error ?? {})
      .flat()
      .join(" ") || "invalid"
  );
}

describe("form parsing never touches Object.prototype", () => {
  const before = prototypeKeys();
  it.each([
    "__proto__.toString=x",
    "__proto__.redirectTo=%2F%09%2Fevil.example",
    "__proto__.shareContacts=on",
    "constructor.prototype.polluted=1",
    "sites.0.__proto__.x=1",
    "sites[0].__proto__.x=1",
    "a.constructor.name=x",
  ])("refuses %s", (body) => {
    expect(formProblem(body, CandidateResponseSchema)).toMatch(/non è ammesso/);
    expect(prototypeKeys()).toBe(before);
    expect(({} as Record<string, unknown>).toString).toBe(Object.prototype.toString);
    expect(({} as Record<string, unknown>).shareContacts).toBeUndefined();
  });

  it("a refused pollution attempt does not make shareContacts true", () => {
    const refused = parseForm(
      form("__proto__.shareContacts=on&rowId=6f1c1f6e-4d3c-4b8e-9a51-0b5c2c8a9d10&response=confirmed"),
      CandidateResponseSchema,
    );
    expect(refused.status).not.toBe("success");
    const clean = parseForm(form("rowId=6f1c1f6e-4d3c-4b8e-9a51-0b5c2c8a9d10&response=confirmed"), CandidateResponseSchema);
    expect(clean.status === "success" && clean.value.shareContacts).toBeFalsy();
  });

  it.each(["education[4294967294].title=x", "education.50000000.title=x", "education[100].title=x", "education.100.title=x"])(
    "refuses the huge index in %s at once",
    (body) => {
      const started = performance.now();
      expect(formProblem(body, CandidateSchema)).toMatch(/indice troppo grande/);
      expect(performance.now() - started).toBeLessThan(100);
    },
  );

  it("strips NUL and control characters from text, keeps tabs and newlines", () => {
    const parsed = parseForm(form("rowId=%006f1c1f6e-4d3c-4b8e-9a51-0b5c2c8a9d10&response=confirmed%07"), CandidateResponseSchema);
    expect(parsed.status).toBe("success");
    expect(parsed.status === "success" && parsed.value.response).toBe("confirmed");
  });
});

describe("one calendar-day schema", () => {
  it("knows the calendar", () => {
    expect(isCalendarDay("2024-02-29")).toBe(true);
    for (const d of ["2026-02-31", "2025-02-29", "2026-04-31", "2026-13-01", "2026-00-10"]) expect(isCalendarDay(d), d).toBe(false);
    expect(calendarDay("x").safeParse("0000-01-01").success).toBe(false);
    expect(calendarDay("x").safeParse("2026-02-31").error?.issues[0].message).toMatch(/inesistente/);
  });

  const issueAt = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }, field: string) =>
    result.error?.issues.find((i) => i.path.join(".") === field)?.message;

  it.each([
    ["register (service delivered)", DeliverySchema, { deliveredOn: "2026-02-31" }, "deliveredOn"],
    ["needs assessment", NeedsSchema, { assessedOn: "2026-02-31" }, "assessedOn"],
    [
      "needs assessment figure",
      NeedsSchema,
      { assessedOn: "2026-01-31", figures: [{ occupation: "5.1.2.2.0", quantity: "1", neededBy: "2026-02-31" }] },
      "figures.0.neededBy",
    ],
    ["vacancy closing date", SaveVacancySchema, { closingDate: "2026-02-31" }, "closingDate"],
    ["vacancy start date", SaveVacancySchema, { startDate: "2026-02-31" }, "startDate"],
    ["hire", HireSchema, { intent: "hire", startDate: "2026-02-31" }, "startDate"],
    ["assessment step", AssessmentStepSchema, { intent: "step", kind: "interview", sessionDate: "2026-02-31" }, "sessionDate"],
    ["candidate birth date", CandidateSchema, { birthDate: "1990-02-30" }, "birthDate"],
  ] as const)("refuses 31 February in the %s", (_label, schema, input, field) => {
    expect(issueAt(schema.safeParse(input) as never, field)).toMatch(/inesistente/);
  });
});

describe("safeRedirectPath", () => {
  it.each([
    "/\t/evil.example",
    "/%09/evil.example".replace("%09", "\t"),
    "/\n/evil.example",
    "/a\r\nSet-Cookie: x=1",
    "//evil.example",
    "/\\evil.example",
    "/.//evil.example",
    "/a/..//evil.example",
    "https://evil.example",
    "evil",
    "",
    " /area",
  ])("refuses %j", (to) => expect(safeRedirectPath(to, "/home")).toBe("/home"));
  it("keeps same-site paths, normalised and percent-encoded", () => {
    expect(safeRedirectPath("/operatore/aziende?q=a#x")).toBe("/operatore/aziende?q=a#x");
    expect(safeRedirectPath("/offerte/./123")).toBe("/offerte/123");
    expect(safeRedirectPath("/città")).toBe("/citt%C3%A0");
  });
});

describe("Remix origin check mirrored in Express", () => {
  it("flags an Origin whose host is not the forwarded host or Host", () => {
    const base = { method: "POST", origin: "https://rosa.example.it", forwardedHost: undefined };
    expect(originMismatchesHost({ ...base, host: "rosa.example.it" })).toBe(false);
    expect(originMismatchesHost({ ...base, host: "127.0.0.1:3000" })).toBe(true);
    expect(originMismatchesHost({ ...base, forwardedHost: "rosa.example.it", host: "127.0.0.1:3000" })).toBe(false);
    expect(originMismatchesHost({ ...base, origin: "not a url", host: "rosa.example.it" })).toBe(true);
    expect(originMismatchesHost({ ...base, method: "GET", host: "127.0.0.1:3000" })).toBe(false);
    expect(originMismatchesHost({ ...base, origin: undefined, host: "127.0.0.1:3000" })).toBe(false);
  });
});
