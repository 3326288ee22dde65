import { describe, expect, it } from "vitest";
import { z } from "zod";
import { SaveVacancySchema } from "~/domain/vacancies/schema";
import { conformName, constraintsOf, dottedName, formErrorList, parseForm } from "~/web/conform";

const form = (entries: [string, string][]) => {
  const fd = new FormData();
  for (const [k, v] of entries) fd.append(k, v);
  return fd;
};

const prototypeKeys = () => Object.getOwnPropertyNames(Object.prototype).sort().join(",");

const Rows = z.object({
  rows: z
    .array(z.object({ kind: z.string().optional().default("") }))
    .max(20)
    .optional()
    .default([]),
});

describe("parseForm: conform's parsing behind Rosa's field-name checks", () => {
  it("accepts conform's names and the dotted names used before conform", () => {
    const dotted = parseForm(
      form([
        ["rows.0.kind", "a"],
        ["rows.1.kind", "b"],
      ]),
      Rows,
    );
    const brackets = parseForm(
      form([
        ["rows[0].kind", "a"],
        ["rows[1].kind", "b"],
      ]),
      Rows,
    );
    expect(dotted.status).toBe("success");
    expect(dotted.status === "success" && dotted.value).toEqual({ rows: [{ kind: "a" }, { kind: "b" }] });
    expect(brackets.status === "success" && brackets.value).toEqual({ rows: [{ kind: "a" }, { kind: "b" }] });
  });

  it.each([
    ["__proto__.toString", /non è ammesso/],
    ["rows[0].__proto__.x", /non è ammesso/],
    ["constructor.prototype.polluted", /non è ammesso/],
    ["rows[4294967294].kind", /indice troppo grande/],
    ["rows.100.kind", /indice troppo grande/],
    ["rows[x].kind", /non corrisponde al modulo/],
    ["rows..kind", /non corrisponde al modulo/],
    ["a\u0000b", /caratteri di controllo/],
  ])("refuses the name %j with a message for the whole form, never a 500", (name, message) => {
    const before = prototypeKeys();
    const submission = parseForm(
      form([
        [name, "1"],
        ["rows[0].kind", "a"],
      ]),
      Rows,
    );
    expect(submission.status).toBe("error");
    expect(submission.reply().error?.[""]?.[0]).toMatch(message);
    expect(prototypeKeys()).toBe(before);
  });

  it("strips control characters from text (PostgreSQL cannot store NUL)", () => {
    const submission = parseForm(form([["rows[0].kind", "a\u0000b\u0007c\nd"]]), Rows);
    expect(submission.status === "success" && submission.value.rows[0].kind).toBe("abc\nd");
  });

  it("keeps the schemas' own handling of empty strings (no automatic coercion)", () => {
    const submission = parseForm(form([["positions", ""]]), SaveVacancySchema);
    expect(submission.reply().error?.positions).toEqual(["Cerca almeno una persona"]);
  });

  it("a list intent is not a submission: the list changes, nothing is validated", () => {
    const submission = parseForm(
      form([
        ["rows[0].kind", "a"],
        ["__intent__", JSON.stringify({ type: "insert", payload: { name: "rows" } })],
      ]),
      Rows,
    );
    expect(submission.status).toBeUndefined();
    expect((submission.reply().initialValue as { rows: unknown[] }).rows).toHaveLength(2);
  });

  it.each([
    "not json",
    "[]",
    JSON.stringify({ type: "explode", payload: {} }),
    JSON.stringify({ type: "insert", payload: { name: "__proto__" } }),
    JSON.stringify({ type: "insert", payload: { name: "rows", index: 4294967294 } }),
    JSON.stringify({ type: "remove", payload: { index: 0 } }),
  ])("refuses the conform command %j with a message, never a 500", (intent) => {
    const submission = parseForm(
      form([
        ["rows[0].kind", "a"],
        ["__intent__", intent],
      ]),
      Rows,
    );
    expect(submission.status).toBe("error");
    expect(submission.reply().error?.[""]?.[0]).toMatch(/comando del modulo non è riconosciuto|non è ammesso/);
  });

  it("a name that is both a value and a group does not crash", () => {
    expect(() =>
      parseForm(
        form([
          ["rows", "1"],
          ["rows[0].kind", "a"],
        ]),
        Rows,
      ),
    ).not.toThrow();
    expect(() =>
      parseForm(
        form([
          ["rows[0].kind", "a"],
          ["rows[0]", "x"],
        ]),
        Rows,
      ),
    ).not.toThrow();
  });

  it("maps names both ways", () => {
    expect(conformName("requirements.0.kind")).toBe("requirements[0].kind");
    expect(conformName("a.b.12")).toBe("a.b[12]");
    expect(dottedName("requirements[3].cefrLevel")).toBe("requirements.3.cefrLevel");
  });
});

describe("constraints from the schema (the form checks itself before JavaScript loads)", () => {
  const c = constraintsOf(SaveVacancySchema);
  it("marks as required exactly the fields the schema refuses empty", () => {
    const required = Object.entries(c)
      .filter(([, v]) => v.required)
      .map(([k]) => k)
      .sort();
    expect(required).toEqual([
      "closingDate",
      "comune",
      // The contract type is required only for a direct hire (refined in the schema, not a field constraint).
      "description",
      "occupation",
      "positions",
      "publicationMode",
      "title",
      "workingTime",
    ]);
  });
});

describe("formErrorList", () => {
  it("puts the form-level message apart and keeps the first message of each field", () => {
    expect(formErrorList({ id: "f", allErrors: { "": ["Tutto sbagliato"], title: ["Uno", "Due"], tasks: [] } })).toEqual({
      formError: "Tutto sbagliato",
      fields: [["title", "Uno"]],
    });
  });
});
