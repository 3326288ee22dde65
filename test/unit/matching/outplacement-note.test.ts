import { describe, expect, it } from "vitest";
import { outplacementNote, rehirePrecedenceUntil } from "~/domain/matching/outplacement";

const m = { eventId: "e1", eventTitle: "Esubero Alfa", employerId: "emp-a", dismissalOn: "2026-09-10" };

describe("«ricollocazione» note on the matching page", () => {
  it("gives the re-hiring precedence only to the dismissing employer, within 6 months of the dismissal", () => {
    expect(rehirePrecedenceUntil(m, "emp-a", "2026-12-06")).toBe("2027-03-10");
    expect(rehirePrecedenceUntil(m, "emp-a", "2027-03-10")).toBe("2027-03-10");
    expect(rehirePrecedenceUntil(m, "emp-a", "2027-03-11")).toBeNull();
    expect(rehirePrecedenceUntil(m, "emp-b", "2026-12-06")).toBeNull();
    expect(rehirePrecedenceUntil({ ...m, dismissalOn: null }, "emp-a", "2026-12-06")).toBeNull();
    expect(rehirePrecedenceUntil({ ...m, dismissalOn: "2026-12-20" }, "emp-a", "2026-12-06")).toBeNull();
  });

  it("explains in Italian, and says nothing for people in no cohort", () => {
    expect(outplacementNote([], "emp-a", "2026-12-06")).toBeNull();
    expect(outplacementNote([m], "emp-b", "2026-12-06")).toEqual({
      rehire: false,
      text: "In ricollocazione (evento «Esubero Alfa»): nessuna precedenza di legge presso altri datori di lavoro; la precedenza di 6 mesi vale solo per la riassunzione presso l'azienda che ha licenziato.",
    });
    expect(outplacementNote([m], "emp-a", "2026-12-06")!.text).toBe(
      "In ricollocazione (evento «Esubero Alfa»): l'azienda dell'offerta è quella che ha licenziato il lavoratore il 10/09/2026; si applica la precedenza nella riassunzione presso la stessa azienda (6 mesi, fino al 10/03/2027).",
    );
  });
});
