import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/db.server";
import { CSV_COLUMNS } from "~/domain/candidates/csv";
import { SAMPLE_CSV } from "~/domain/candidates/csv-sample";
import { failInterruptedImports, startCandidateImport } from "~/domain/candidates/import.server";
import * as upload from "~/routes/operatore.candidati.importa._index";
import * as progress from "~/routes/operatore.candidati.importa.$importId";
import * as report from "~/routes/operatore.candidati.importa.$importId.errori";
import { cookieFor, createUserWithRole } from "../support/factories";
import { uniquePersonTaxCode } from "../support/factories-candidates";
import { callRoute, formErrorsOf } from "../support/routes";

let officerId: string;
let cookie: string;
beforeAll(async () => {
  officerId = (await createUserWithRole("preselection_officer")).id;
  cookie = await cookieFor(officerId);
});

const actor = () => ({ userId: officerId, role: "preselection_officer", ip: "127.0.0.1" });

function csv(rows: Record<string, string>[]) {
  return [CSV_COLUMNS.join(";"), ...rows.map((r) => CSV_COLUMNS.map((c) => r[c] ?? "").join(";"))].join("\n");
}
const row = (o: Record<string, string> = {}) => ({
  codice_fiscale: uniquePersonTaxCode(),
  nome: "Luca",
  cognome: "Galli",
  data_nascita: "15/06/1990",
  comune_domicilio: "Torino (TO)",
  titolo_studio: "Diploma",
  livello_eqf: "4",
  propensione_1_professione: "4.3.1.2.0",
  propensione_1_fonte: "lavoro",
  patenti: "B|C",
  lingue: "en:A2",
  ...o,
});

const countByTaxCodes = (codes: string[]) => getDb().selectFrom("candidates").select("id").where("tax_code", "in", codes).execute();

describe("bulk CSV import", () => {
  it("imports every row of a valid file in one transaction, each queued for search", async () => {
    const rows = Array.from({ length: 45 }, () => row());
    const { importId, done } = await startCandidateImport(
      getDb(),
      actor(),
      { name: "lotto.csv", text: csv(rows) },
      { canSetProtectedCategory: false },
    );
    await done;
    const job = await getDb().selectFrom("candidate_imports").selectAll().where("id", "=", importId).executeTakeFirstOrThrow();
    expect(job).toMatchObject({ status: "done", imported_rows: 45, total_rows: 45 });
    const ids = await countByTaxCodes(rows.map((r) => r.codice_fiscale));
    expect(ids).toHaveLength(45);
    const outbox = await getDb()
      .selectFrom("search_outbox")
      .select("document_id")
      .where(
        "document_id",
        "in",
        ids.map((i) => i.id),
      )
      .execute();
    expect(outbox).toHaveLength(45);
  });

  it("stores the official codes, and converts the ISO languages and EU licence categories of older files", async () => {
    const official = row({ madrelingua: "RUM", lingue: "001:B2|005:A2", patenti: "02|05:CE", certificati: "HACCP" });
    const older = row({ madrelingua: "ro", lingue: "en:A2", patenti: "B|CE|CQC_PERSONE", certificati: "" });
    const { done } = await startCandidateImport(
      getDb(),
      actor(),
      { name: "codici.csv", text: csv([official, older]) },
      { canSetProtectedCategory: false },
    );
    await done;
    const db = getDb();
    const cv = async (taxCode: string) => {
      const { id } = await db.selectFrom("candidates").select("id").where("tax_code", "=", taxCode).executeTakeFirstOrThrow();
      return {
        natives: (await db.selectFrom("candidate_mother_tongues").select("language_code").where("candidate_id", "=", id).execute()).map(
          (r) => r.language_code,
        ),
        languages: await db
          .selectFrom("candidate_languages")
          .select(["language_code", "level"])
          .where("candidate_id", "=", id)
          .orderBy("language_code")
          .execute(),
        licences: await db
          .selectFrom("candidate_licences")
          .select(["licence_code", "licence_category"])
          .where("candidate_id", "=", id)
          .orderBy("licence_code")
          .execute(),
        certificates: (await db.selectFrom("candidate_certificates").select("name").where("candidate_id", "=", id).execute()).map(
          (r) => r.name,
        ),
      };
    };
    expect(await cv(official.codice_fiscale)).toEqual({
      natives: ["RUM"],
      languages: [
        { language_code: "001", level: "B2" },
        { language_code: "005", level: "A2" },
      ],
      licences: [
        { licence_code: "02", licence_category: null },
        { licence_code: "05", licence_category: "CE" },
      ],
      certificates: ["HACCP"],
    });
    expect(await cv(older.codice_fiscale)).toEqual({
      natives: ["RUM"],
      languages: [{ language_code: "001", level: "A2" }],
      licences: [
        { licence_code: "02", licence_category: "B" },
        { licence_code: "05", licence_category: "CE" },
      ],
      certificates: ["CQC persone (carta di qualificazione del conducente)"],
    });
  });

  it("an import cut off by a restart is closed as failed at the next start, not left «in corso»", async () => {
    const db = getDb();
    const insert = (status: "importing" | "validating" | "done", createdAt: Date) =>
      db
        .insertInto("candidate_imports")
        .values({ filename: "x.csv", total_rows: 10, status, created_by: officerId, created_at: createdAt })
        .returning("id")
        .executeTakeFirstOrThrow();
    const before = new Date(Date.now() - 60_000);
    const cut = await insert("importing", before);
    const validating = await insert("validating", before);
    const finished = await insert("done", before);
    const restart = new Date(Date.now() - 1_000);
    const afterRestart = await insert("importing", new Date());
    await failInterruptedImports(db, restart);
    const status = async (id: string) =>
      await db.selectFrom("candidate_imports").select(["status", "message"]).where("id", "=", id).executeTakeFirstOrThrow();
    expect(await status(cut.id)).toMatchObject({
      status: "failed",
      message: expect.stringMatching(/riavvio.*nessun candidato è stato importato/),
    });
    expect((await status(validating.id)).status).toBe("failed");
    expect((await status(finished.id)).status).toBe("done");
    expect((await status(afterRestart.id)).status).toBe("importing");
  });

  it("reports every error of a row at once: yes/no, schema and references (professions, ATECO, comune)", async () => {
    const bad = row({
      turni: "forse",
      livello_eqf: "9",
      propensione_1_professione: "9.9.9.9.9",
      propensione_2_professione: "8.8.8.8.8",
      propensione_2_fonte: "lavoro",
      propensione_1_ateco: "99.99",
    });
    const refs = row({
      comune_domicilio: "Atlantide (ZZ)",
      propensione_1_professione: "9.9.9.9.9",
      propensione_2_professione: "5.1.2.2.0",
      propensione_2_fonte: "lavoro",
      propensione_2_ateco: "99.98",
    });
    const { importId, done } = await startCandidateImport(
      getDb(),
      actor(),
      { name: "tutti.csv", text: csv([bad, refs]) },
      { canSetProtectedCategory: false },
    );
    await done;
    const job = await getDb()
      .selectFrom("candidate_imports")
      .select(["status", "error_report"])
      .where("id", "=", importId)
      .executeTakeFirstOrThrow();
    expect(job.status).toBe("failed");
    const text = String(job.error_report);
    expect(text).toMatch(/"2";"[A-Z0-9]{16}";"turni";"Valore «forse» non valido/);
    expect(text).toMatch(/"2";"[A-Z0-9]{16}";"livello_eqf"/);
    for (const column of ["comune_domicilio", "propensione_1_professione", "propensione_2_ateco"])
      expect(text).toMatch(new RegExp(`"3";"[A-Z0-9]{16}";"${column}"`));
  });

  it("the template's example rows are refused, with a clear message, and nothing is imported", async () => {
    const { importId, done } = await startCandidateImport(
      getDb(),
      actor(),
      { name: "modello.csv", text: SAMPLE_CSV },
      { canSetProtectedCategory: false },
    );
    await done;
    const job = await getDb()
      .selectFrom("candidate_imports")
      .select(["status", "message", "error_report"])
      .where("id", "=", importId)
      .executeTakeFirstOrThrow();
    expect(job.status).toBe("failed");
    expect(job.message).toMatch(/^2 righe su 2 hanno errori/);
    expect(String(job.error_report)).toMatch(/"2";"MRTFNC01S41F205N";"codice_fiscale";"Riga di esempio del modello: cancellala/);
    expect(await countByTaxCodes(["MRTFNC01S41F205N", "BRBTMS75R20D969A"])).toEqual([]);
  });

  it("one malformed row: nothing is imported and the error report names row, column and problem", async () => {
    const good = row();
    const rows = [
      good,
      row({ data_nascita: "31/02/1990", propensione_1_professione: "9.9.9" }),
      row({ comune_domicilio: "Atlantide (ZZ)" }),
      row({ codice_fiscale: good.codice_fiscale }),
    ];
    const { importId, done } = await startCandidateImport(
      getDb(),
      actor(),
      { name: "errato.csv", text: csv(rows) },
      { canSetProtectedCategory: false },
    );
    await done;
    expect(await countByTaxCodes(rows.map((r) => r.codice_fiscale))).toEqual([]);

    const page = await callRoute(
      progress.loader,
      new Request(`http://localhost/operatore/candidati/importa/${importId}`, { headers: { Cookie: cookie } }),
      { importId },
    );
    const job = (page.body as { job: { status: string; message: string; has_report: boolean } }).job;
    expect(job.status).toBe("failed");
    expect(job.message).toMatch(/3 righe su 4 hanno errori: nessun candidato è stato importato/);

    const csvReport = await callRoute(report.loader, new Request(`http://localhost/x`, { headers: { Cookie: cookie } }), { importId });
    const text = String(csvReport.body);
    expect(text).toContain('"3";');
    expect(text).toMatch(/"3";"[A-Z0-9]{16}";"data_nascita";"[^"]*data inesistente"/i);
    expect(text).toMatch(/"3";"[A-Z0-9]{16}";"propensione_1_professione"/);
    expect(text).toMatch(/"4";"[A-Z0-9]{16}";"comune_domicilio";"Comune non trovato/);
    expect(text).toMatch(/"5";"[A-Z0-9]{16}";"codice_fiscale";"Codice fiscale ripetuto \(già alla riga 2\)"/);

    // Another officer cannot read the report (it quotes personal data).
    const other = await cookieFor((await createUserWithRole("placement_officer")).id);
    const denied = await callRoute(report.loader, new Request(`http://localhost/x`, { headers: { Cookie: other } }), { importId });
    expect(denied.status).toBe(404);
  });

  it("the upload page refuses a file with missing columns at once, and accepts a file in the template's shape", async () => {
    const send = (text: string) => {
      const form = new FormData();
      form.set("file", new File([text], "candidati.csv", { type: "text/csv" }));
      return callRoute(
        upload.action,
        new Request("http://localhost/operatore/candidati/importa", { method: "POST", headers: { Cookie: cookie }, body: form }),
      );
    };
    const bad = await send("nome;cognome\nLuca;Galli\n");
    expect(bad.status).toBe(400);
    expect(formErrorsOf(bad.body).file).toMatch(/Mancano le colonne obbligatorie: codice_fiscale/);

    const ok = await send(csv([row(), row()]));
    expect(ok.status).toBe(302);
    const importId = ok.location!.split("/").pop()!;
    for (let i = 0; i < 50; i++) {
      const job = await getDb()
        .selectFrom("candidate_imports")
        .select(["status", "message"])
        .where("id", "=", importId)
        .executeTakeFirstOrThrow();
      if (job.status === "done" || job.status === "failed") {
        expect(job).toMatchObject({ status: "done", message: "2 candidati importati." });
        return;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error("import did not finish");
  });
});
