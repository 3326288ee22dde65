import { describe, expect, it } from "vitest";
import {
  absencePercent,
  bandToPropose,
  checkinDue,
  l68SuspensionDefaults,
  personalDataFound,
  SteeringMeetingSchema,
  trainingBand,
} from "~/domain/outplacement";

const H = 60;

describe("training absence bands (25/50/80 % of the course's total hours)", () => {
  it("no band below 25 %, band 1 from 25 % included, band 2 from 50 % to 80 % included, band 3 above 80 %", () => {
    const total = 40 * H;
    expect(trainingBand(0, total)).toBeNull();
    expect(trainingBand(9 * H + 59, total)).toBeNull(); // 24.96 %
    expect(trainingBand(10 * H, total)).toBe(1); // 25 %
    expect(trainingBand(19 * H + 59, total)).toBe(1); // 49.96 %
    expect(trainingBand(20 * H, total)).toBe(2); // 50 %
    expect(trainingBand(32 * H, total)).toBe(2); // 80 %
    expect(trainingBand(32 * H + 1, total)).toBe(3); // just above 80 %
    expect(trainingBand(40 * H, total)).toBe(3);
  });

  it("decides on the exact share, not on the rounded percent", () => {
    // 24.99 % rounds to 25.0 % for display, but the band is not reached.
    expect(absencePercent(2499, 10000)).toBe(25);
    expect(trainingBand(2499, 10000)).toBeNull();
  });

  it("has no band when the course's total is unknown or zero", () => {
    expect(trainingBand(600, null)).toBeNull();
    expect(trainingBand(600, 0)).toBeNull();
    expect(absencePercent(600, undefined)).toBeNull();
  });

  it("proposes only a band higher than every band already proposed, once", () => {
    expect(bandToPropose(null, [])).toBeNull();
    expect(bandToPropose(1, [])).toBe(1);
    expect(bandToPropose(1, [1])).toBeNull();
    expect(bandToPropose(2, [1])).toBe(2);
    expect(bandToPropose(2, [])).toBe(2); // a jump from below 25 % to 55 %: one proposal, band 2
    expect(bandToPropose(1, [2])).toBeNull();
    expect(bandToPropose(3, [1, 2])).toBe(3);
  });
});

describe("monthly check-in due", () => {
  it("is due for a worker in the path with nothing this calendar month", () => {
    expect(checkinDue({ state: "active", lastCheckinOn: null }, "2026-12-06")).toBe(true);
    expect(checkinDue({ state: "active", lastCheckinOn: "2026-11-30" }, "2026-12-06")).toBe(true);
    expect(checkinDue({ state: "in_training", lastCheckinOn: "2026-12-01" }, "2026-12-06")).toBe(false);
    expect(checkinDue({ state: "plan_draft", lastCheckinOn: "2025-12-10" }, "2026-12-06")).toBe(true);
  });

  it("is never due for a worker out of the path", () => {
    for (const state of ["imported", "informed", "placed", "closed", "exited_retired"] as const)
      expect(checkinDue({ state, lastCheckinOn: null }, "2026-12-06")).toBe(false);
  });
});

describe("steering committee minutes carry no personal data", () => {
  const names = [{ first: "Mario", last: "Rossi" }];

  it("finds a codice fiscale, an e-mail, a phone number and a worker's name in either order", () => {
    expect(personalDataFound("Caso di RSSMRA80A01F205X da rivedere", [])).toEqual(["un codice fiscale"]);
    expect(personalDataFound("Scrivere a mario.rossi@example.it", [])).toEqual(["un indirizzo e-mail"]);
    expect(personalDataFound("Richiamare il 333 1234567", [])).toEqual(["un numero di telefono"]);
    expect(personalDataFound("Il sig. Rossi Mario ha rifiutato l'offerta", names)).toEqual(["il nome di un lavoratore"]);
    expect(personalDataFound("Mario ROSSI, assente", names)).toEqual(["il nome di un lavoratore"]);
  });

  it("accepts aggregate minutes, a lone first name or surname, and numbers that are not phones", () => {
    expect(personalDataFound("22 lavoratori informati su 40; 3 posizioni a Vimercate nel 2026; Rossi è il nome della sala", names)).toEqual(
      [],
    );
  });

  it("the meeting form needs minutes and at least one participant, with Italian messages", () => {
    const r = SteeringMeetingSchema.safeParse({ heldOn: "2026-12-01", minutes: "breve" });
    expect(r.success).toBe(false);
    const messages = r.error!.issues.map((i) => i.message);
    expect(messages).toContain("Scrivi il verbale della riunione (almeno 10 caratteri)");
    expect(messages).toContain("Indica chi ha partecipato, almeno per un ruolo");
  });
});

describe("L. 68 suspension prefilled from the event", () => {
  it("takes the computed window, the first site's province and the cause by event type", () => {
    expect(
      l68SuspensionDefaults(
        { type: "collective_dismissal_l223", title: "Esuberi 2026", provinces: ["MI", "MB"], legalProvince: null },
        { starts_on: "2026-09-01", due_on: "2027-05-15" },
      ),
    ).toMatchObject({
      kind: "sospensione",
      provinceCode: "MI",
      startsOn: "2026-09-01",
      endsOn: "2027-05-15",
      suspensionType: "licenziamento_collettivo",
    });
    expect(
      l68SuspensionDefaults(
        { type: "cigs_transition_22ter", title: "CIGS", provinces: [], legalProvince: "TN" },
        { starts_on: "2026-09-01", due_on: "2027-09-01" },
      )?.suspensionType,
    ).toBe("cigs");
  });

  it("without a computed window starts at the opening communication, with no end; nothing without even that", () => {
    expect(
      l68SuspensionDefaults(
        { type: "collective_dismissal_l223", title: "x", provinces: ["MI"], legalProvince: null, communicationOn: "2026-10-05" },
        null,
      ),
    ).toMatchObject({ startsOn: "2026-10-05", endsOn: "", computed: false });
    expect(
      l68SuspensionDefaults({ type: "collective_dismissal_l223", title: "x", provinces: ["MI"], legalProvince: null }, null),
    ).toBeNull();
  });
});
