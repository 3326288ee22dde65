import { getDb } from "~/db/db.server";
import { cookieFor, createEmployer, createUserWithRole, request } from "./factories";

/** A validated employer in Milano with a logged-in legal representative. */
export async function createL68Employer() {
  const employer = await createEmployer();
  const user = await createUserWithRole("employer", { employerId: employer.id, employerRole: "legal_rep" });
  return { employerId: employer.id, legalName: employer.legal_name, cookie: await cookieFor(user.id), userId: user.id };
}

/** A logged-in placement officer of `province`. */
export async function createPlacementOfficer(province = "MI") {
  const user = await createUserWithRole("placement_officer");
  await getDb().updateTable("users").set({ office_province: province }).where("id", "=", user.id).execute();
  return { userId: user.id, cookie: await cookieFor(user.id) };
}

export async function fileVersion(employerId: string): Promise<number> {
  const row = await getDb().selectFrom("l68_files").select("version").where("employer_id", "=", employerId).executeTakeFirst();
  return row?.version ?? 1;
}

/** A POST to a file page with the current version filled in. */
export async function fileForm(path: string, cookie: string, employerId: string, form: Record<string, string>) {
  return request(path, { cookie, form: { version: String(await fileVersion(employerId)), ...form } });
}

export function jsonRequest(path: string, body: unknown, cookie?: string) {
  const headers = new Headers({ "Content-Type": "application/json" });
  if (cookie) headers.set("Cookie", cookie);
  return new Request(`http://localhost${path}`, { method: "POST", headers, body: typeof body === "string" ? body : JSON.stringify(body) });
}

/** A minimal PDF: the L. 68 documents are checked for the signature and size, not parsed. */
export const TINY_PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

/** A multipart POST (fields and, optionally, the `documento` file), as the record forms send it. */
export function multipartRequest(
  path: string,
  cookie: string,
  fields: Record<string, string>,
  file: { bytes: Uint8Array; name?: string } | null = { bytes: TINY_PDF },
) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  if (file) form.set("documento", new File([new Uint8Array(file.bytes)], file.name ?? "istanza.pdf", { type: "application/pdf" }));
  return new Request(`http://localhost${path}`, { method: "POST", headers: { Cookie: cookie }, body: form });
}

/** Adds `count` full-time workers in `province` through the employer's file page. */
export async function declareWorkers(employerId: string, cookie: string, count: number, province = "MI") {
  const { action } = await import("~/routes/azienda.collocamento-mirato._index");
  const { callRoute } = await import("./routes");
  const outcome = await callRoute(
    action,
    await fileForm("/azienda/collocamento-mirato", cookie, employerId, {
      intent: "add-group",
      provinceCode: province,
      count: String(count),
      contract: "indeterminato",
    }),
  );
  if (outcome.status !== 302) throw new Error(`declareWorkers: ${JSON.stringify(outcome.body)}`);
}

/** A record of `employerId` with one document, inserted directly (for the authorization matrix). */
export async function insertL68Record(employerId: string) {
  const db = getDb();
  await db
    .insertInto("l68_files")
    .values({ employer_id: employerId })
    .onConflict((oc) => oc.column("employer_id").doNothing())
    .execute();
  const record = await db
    .insertInto("l68_records")
    .values({
      employer_id: employerId,
      kind: "richiesta_numerica",
      province_code: "MI",
      starts_on: "2026-01-10",
      details: JSON.stringify({ units: 1, qualification: "Magazziniere" }),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const doc = await db
    .insertInto("l68_documents")
    .values({
      record_id: record.id,
      file_name: "richiesta.pdf",
      content_type: "application/pdf",
      size_bytes: TINY_PDF.length,
      content: Buffer.from(TINY_PDF),
      sha256: "0".repeat(64),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { recordId: record.id, documentId: doc.id };
}
