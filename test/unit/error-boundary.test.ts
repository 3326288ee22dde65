import { describe, expect, it } from "vitest";
import { thrownMessage } from "~/components/error-boundary";

/** What Remix hands the boundary for a thrown Response (an ErrorResponse: status, statusText, internal, data). */
const thrown = (status: number, data: unknown) => ({ status, statusText: "", internal: false, data });

describe("the error page's message", () => {
  it("is the Italian text a route threw", () => {
    expect(thrownMessage(thrown(404, "Nessun CV è collegato al tuo account: rivolgiti al tuo Centro per l'Impiego"))).toBe(
      "Nessun CV è collegato al tuo account: rivolgiti al tuo Centro per l'Impiego",
    );
    expect(thrownMessage(thrown(409, { message: "La rosa è già stata presentata" }))).toBe("La rosa è già stata presentata");
  });
  it("is left out when it only repeats the status, is markup, or comes with a server error", () => {
    expect(thrownMessage(thrown(404, "Pagina non trovata"))).toBeUndefined();
    expect(thrownMessage(thrown(403, "Non hai i permessi per questa pagina"))).toBeUndefined();
    expect(thrownMessage(thrown(404, "<html>…</html>"))).toBeUndefined();
    expect(thrownMessage(thrown(500, "Unexpected Server Error"))).toBeUndefined();
    expect(thrownMessage(new Error("stack di un errore imprevisto"))).toBeUndefined();
  });
});
