import { describe, expect, it } from "vitest";
import { memberChanges, withoutValues, type CohortDiff, type MemberListValues } from "~/domain/outplacement/import-diff";

const stored: MemberListValues = {
  last_name: "Rossi",
  first_name: "Mario",
  residence_comune_code: "015146",
  site: "Stabilimento — Milano",
  qualification: "Saldatore",
  cp2021_code: "6.2.1.2.0",
  level: "C2",
  ccnl: "C011",
  situation: "notice_period",
  dismissal_on: null,
  cigs_from: null,
  cigs_to: null,
  hours_reduction_pct: null,
  naspi: null,
  t0_on: "2026-11-30",
  phone: "+39 333 1234567",
  email: "mario.rossi@example.it",
};
const ALL = ["cognome", "nome", "comune_residenza", "qualifica", "cp2021_code", "livello_inquadramento", "ccnl_cnel", "situazione"];

describe("memberChanges", () => {
  it("lists what the list changes, with readable values, and ignores case-only differences", () => {
    const changes = memberChanges(
      stored,
      { ...stored, last_name: "ROSSI", situation: "dismissed", dismissal_on: "2026-12-15", t0_on: "2026-12-15" },
      [...ALL, "data_cessazione"],
    );
    expect(changes).toEqual([
      { field: "situation", label: "Situazione", from: expect.any(String), to: expect.any(String) },
      { field: "dismissal_on", label: "Data di cessazione", from: null, to: "15/12/2026" },
      { field: "t0_on", label: "Data di riferimento t0", from: "30/11/2026", to: "15/12/2026" },
    ]);
  });

  it("never erases a recorded value with an empty cell or a column the file does not have", () => {
    expect(memberChanges(stored, { ...stored, phone: null, email: "altro@example.it", ccnl: null }, ALL)).toEqual([]);
    expect(memberChanges(stored, { ...stored, email: "altro@example.it" }, [...ALL, "email"])).toHaveLength(1);
  });
});

describe("withoutValues", () => {
  it("keeps who and which fields, drops the values", () => {
    const diff: CohortDiff = {
      added: [],
      changed: [
        {
          line: 2,
          memberId: "m",
          taxCode: "X",
          name: "Rossi Mario",
          changes: [{ field: "qualification", label: "Qualifica", from: "A", to: "B" }],
        },
      ],
      unchanged: 0,
      missing: [],
    };
    expect(withoutValues(diff).changed[0]!.changes[0]).toEqual({ field: "qualification", label: "Qualifica", from: null, to: null });
  });
});
