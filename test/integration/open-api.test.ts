import fs from "node:fs";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/db.server";
import { createApiClient, hashApiToken } from "~/domain/integrations/index.server";
import type { ApiScope } from "~/domain/integrations";
import { openApiDocument } from "~/web/openapi.server";
import { publicBaseUrl } from "~/web/action.server";
import * as adminApi from "~/routes/admin.api";
import * as cliclavoro from "~/routes/api.v1.esportazioni.cliclavoro.$vacancyId";
import * as sap from "~/routes/api.v1.esportazioni.sap.$candidateId";
import * as unilav from "~/routes/api.v1.esportazioni.unilav.$hireId";
import * as quota from "~/routes/api.v1.l68.quota";
import * as vacancy from "~/routes/api.v1.offerte.$vacancyId";
import * as vacancies from "~/routes/api.v1.offerte";
import * as openapi from "~/routes/api.v1.openapi[.]json";
import * as checker from "~/routes/api.v1.tirocini.check";
import * as reference from "~/routes/api-aperta";
import { enqueueSearchSync } from "../../search/outbox.server";
import { drainOutbox } from "../../search/sync.server";
import { cookieFor, createEmployer, createUserWithRole, request } from "../support/factories";
import { jsonRequest } from "../support/factories-l68";
import { insertVacancy } from "../support/factories-vacancies";
import { insertHire, UNILAV_COMPLETION } from "../support/factories-hires";

/**
 * The open API's contract (docs/decisions/open-api.md): every response a test receives is checked against the OpenAPI
 * document the portal serves (status documented, body valid for its schema, with ajv on JSON Schema 2020-12), on the
 * real database and search index; every route under /api/v1 is in the document; tokens are scoped, revocable, audited.
 */

type Doc = ReturnType<typeof openApiDocument> & {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema?: object }> }> }>>;
  components: object;
};
const doc = openApiDocument(publicBaseUrl()) as unknown as Doc;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);

/** The response as the document describes it: its status is documented and its body validates against the schema. */
async function documented(pathTemplate: string, method: string, response: Response) {
  const op = doc.paths[pathTemplate]?.[method];
  expect(op, `${method} ${pathTemplate} in the document`).toBeDefined();
  const spec = op.responses[String(response.status)];
  expect(spec, `${method} ${pathTemplate} documents ${response.status}`).toBeDefined();
  const type = (response.headers.get("Content-Type") ?? "").split(";")[0].trim();
  const content = spec.content ?? {};
  expect(Object.keys(content), `content type of ${response.status}`).toContain(type);
  const text = await response.text();
  if (type !== "application/json") return { text, body: undefined };
  const body = JSON.parse(text) as unknown;
  const schema = content[type].schema ?? {};
  const validate = ajv.compile({ ...schema, components: doc.components });
  expect(validate(body), `${method} ${pathTemplate} ${response.status}: ${ajv.errorsText(validate.errors)}\n${text.slice(0, 400)}`).toBe(
    true,
  );
  return { text, body: body as Record<string, unknown> };
}

const get = (url: string, token?: string) =>
  new Request(`http://localhost${url}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
const call = async (mod: { loader: (a: never) => unknown }, req: Request, params: Record<string, string> = {}) => {
  try {
    return (await mod.loader({ request: req, params, context: {} } as never)) as Response;
  } catch (e) {
    if (e instanceof Response) return e;
    throw e;
  }
};

async function tokenWith(scopes: ApiScope[]) {
  const admin = await createUserWithRole("admin");
  return getDb()
    .transaction()
    .execute((trx) => createApiClient(trx, { userId: admin.id, role: "admin", ip: null }, { name: `Sistema ${scopes.join("+")}`, scopes }));
}

let employerId: string;
let published: { id: string; number: number };
let hireId: string;
let personId: string;

beforeAll(async () => {
  const employer = await createEmployer();
  employerId = employer.id;
  published = await insertVacancy(employer.id, { status: "published", title: "Magazziniere contratto API" });
  await getDb()
    .transaction()
    .execute((trx) => enqueueSearchSync(trx, "vacancies", [published.id]));
  await drainOutbox(getDb());
  const officer = await createUserWithRole("preselection_officer");
  // A permanent full-time hire on the published vacancy, recorded before the UNILAV fields (the export says what is missing).
  const hire = await insertHire(
    { employerId: employer.id, vacancyId: published.id, recordedBy: officer.id },
    { contract_type: "A.01.00", start_date: "2026-08-01", end_date: null, weekly_hours: 40, working_time_code: "F" },
  );
  hireId = hire.id;
  personId = hire.candidateId;
});

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 and lists every route under /api/v1", async () => {
    expect(doc.openapi).toBe("3.1.0");
    const files = fs.readdirSync(path.resolve(import.meta.dirname, "../../app/routes")).filter((f) => f.startsWith("api.v1."));
    const paths = files.map(
      (f) =>
        "/" +
        f
          .replace(/\.tsx?$/, "")
          .replace(/\[\.\]/g, "~dot~")
          .split(".")
          .map((s) => (s.startsWith("$") ? `{${s.slice(1)}}` : s))
          .join("/")
          .replace(/~dot~/g, "."),
    );
    expect(paths.length).toBeGreaterThanOrEqual(8);
    for (const p of paths) expect(Object.keys(doc.paths), `${p} missing from the OpenAPI document`).toContain(p);
    for (const p of Object.keys(doc.paths)) expect(paths, `${p} documented but no route`).toContain(p);
  });

  it("is served at /api/v1/openapi.json and rendered on /api-aperta", async () => {
    const r = await call(openapi, get("/api/v1/openapi.json"));
    const { body } = await documented("/api/v1/openapi.json", "get", r);
    expect(body?.openapi).toBe("3.1.0");
    const page = (await reference.loader()) as ReturnType<typeof reference.loader>;
    expect(page.operations.map((o) => o.path)).toContain("/api/v1/esportazioni/unilav/{hireId}");
    expect(page.schemas.map((s) => s.name)).toContain("ElencoOfferte");
  });
});

describe("public endpoints", () => {
  it("lists the published vacancies with the board's filters and the exact total", async () => {
    const r = await call(vacancies, get("/api/v1/offerte?q=Magazziniere%20contratto%20API"));
    const { body } = await documented("/api/v1/offerte", "get", r);
    expect(body?.total).toBe(1);
    expect((body?.items as { id: string }[])[0].id).toBe(published.id);
    const all = await documented("/api/v1/offerte", "get", await call(vacancies, get("/api/v1/offerte?page=1&raggio=30")));
    expect(all.body?.total).toBeGreaterThanOrEqual(1);
    for (const bad of ["contratto=XYZ", "comune=Atlantide", "page=0"]) {
      const e = await call(vacancies, get(`/api/v1/offerte?${bad}`));
      expect(e.status, bad).toBe(400);
      await documented("/api/v1/offerte", "get", e);
    }
  });

  it("shows one published vacancy, 404 for another id", async () => {
    const { body } = await documented("/api/v1/offerte/{vacancyId}", "get", await call(vacancy, get("/x"), { vacancyId: published.id }));
    expect(body?.number).toBe(published.number);
    for (const id of ["non-un-uuid", "00000000-0000-4000-8000-000000000000"]) {
      const r = await call(vacancy, get("/x"), { vacancyId: id });
      expect(r.status).toBe(404);
      await documented("/api/v1/offerte/{vacancyId}", "get", r);
    }
  });

  it("computes the L. 68 quota without an account; employerId needs a session", async () => {
    const valid = { date: "2026-03-01", employer: { type: "private" }, workforce: [{ count: 20, contract: "indeterminato" }] };
    const post = async (body: unknown, query = "", cookie?: string) =>
      (await quota.action({ request: jsonRequest(`/api/v1/l68/quota${query}`, body, cookie), params: {}, context: {} })) as Response;
    const ok = await documented("/api/v1/l68/quota", "post", await post(valid));
    expect(ok.body?.quotaDisabili).toBe(1);
    await documented("/api/v1/l68/quota", "post", await post({ ...valid, workforce: "no" }));
    const employer = await createEmployer();
    const anon = await post(valid, `?employerId=${employer.id}`);
    expect(anon.status).toBe(401);
    await documented("/api/v1/l68/quota", "post", anon);
    const candidate = await createUserWithRole("candidate");
    const refused = await post(valid, `?employerId=${employer.id}`, await cookieFor(candidate.id));
    expect(refused.status).toBe(403);
    await documented("/api/v1/l68/quota", "post", refused);
  });

  it("checks an internship (the external contract: 200, or 400 with rejected/error)", async () => {
    const input = {
      date: "2026-03-01",
      region: "lombardia",
      host: { employeesPermanent: 10 },
      plannedMonths: 6,
      weeklyHours: 40,
      dailyHours: 8,
      monthlyIndemnity: 600,
    };
    const post = async (body: unknown, query = "") =>
      (await checker.action({ request: jsonRequest(`/api/v1/tirocini/check${query}`, body), params: {}, context: {} })) as Response;
    await documented("/api/v1/tirocini/check", "post", await post(input, "?spiega=1"));
    const bad = await documented("/api/v1/tirocini/check", "post", await post({ ...input, region: "atlantide" }));
    expect(bad.body).toEqual({ rejected: true, error: "UNKNOWN_REGION" });
  });
});

describe("exports for authorised systems", () => {
  it("401 without a token or with a malformed or unknown one, 403 without the scope", async () => {
    for (const token of [undefined, "x", `rosa_${"A".repeat(43)}`]) {
      const r = await call(unilav, get("/x", token), { hireId });
      expect(r.status).toBe(401);
      expect(r.headers.get("WWW-Authenticate")).toContain("Bearer");
      await documented("/api/v1/esportazioni/unilav/{hireId}", "get", r);
    }
    const { token } = await tokenWith(["vacancies:read"]);
    const r = await call(unilav, get("/x", token), { hireId });
    expect(r.status).toBe(403);
    const { body } = await documented("/api/v1/esportazioni/unilav/{hireId}", "get", r);
    expect(body?.error).toContain("exports:unilav");
  });

  it("gives the UNILAV of a hire only when complete (422 with what is missing), audited with the person; a revoked token is refused", async () => {
    const { client, token } = await tokenWith(["exports:unilav"]);
    const stored = await getDb().selectFrom("api_clients").selectAll().where("id", "=", client.id).executeTakeFirstOrThrow();
    expect(stored.token_hash).toBe(hashApiToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    const incomplete = await call(unilav, get("/x", token), { hireId });
    expect(incomplete.status).toBe(422);
    const { body: gaps } = await documented("/api/v1/esportazioni/unilav/{hireId}", "get", incomplete);
    expect((gaps?.problems as { message: string }[]).map((p) => p.message)).toContain("Cittadinanza del lavoratore: da completare");
    // The officer completes the hire (as on /operatore/assunzioni/:hireId): the same call now gives the document.
    await getDb().updateTable("hires").set(UNILAV_COMPLETION).where("id", "=", hireId).execute();
    const r = await call(unilav, get("/x", token), { hireId });
    expect(r.status).toBe(200);
    const { text } = await documented("/api/v1/esportazioni/unilav/{hireId}", "get", r);
    expect(text).toContain('TipologiaContrattuale="A.01.00"');
    const audit = await getDb()
      .selectFrom("audit_log")
      .select(["action", "actor_role", "entity_id", "details"])
      .where("action", "=", "api.called")
      .where("entity_id", "=", personId)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0].details).toMatchObject({
      clientId: client.id,
      scope: "exports:unilav",
      route: "/api/v1/esportazioni/unilav/{hireId}",
      personId,
    });
    const missing = await call(unilav, get("/x", token), { hireId: "00000000-0000-4000-8000-000000000000" });
    expect(missing.status).toBe(404);
    await documented("/api/v1/esportazioni/unilav/{hireId}", "get", missing);

    const admin = await createUserWithRole("admin");
    const form = new FormData();
    form.set("intent", "revoke");
    form.set("clientId", client.id);
    form.set("version", "1");
    const revoked = (await adminApi.action({
      request: new Request("http://localhost/admin/api", { method: "POST", body: form, headers: { Cookie: await cookieFor(admin.id) } }),
      params: {},
      context: {},
    })) as Response;
    expect(revoked.status).toBe(302);
    const after = await call(unilav, get("/x", token), { hireId });
    expect(after.status).toBe(401);
    await documented("/api/v1/esportazioni/unilav/{hireId}", "get", after);
  });

  it("offers the ClicLavoro XML of a published vacancy only when it validates (else 422 with the problems)", async () => {
    const { token } = await tokenWith(["exports:cliclavoro"]);
    // The factory's employer has an ATECO division only: ClicLavoro wants the subcategory.
    const invalid = await call(cliclavoro, get("/x", token), { vacancyId: published.id });
    expect(invalid.status).toBe(422);
    const { body } = await documented("/api/v1/esportazioni/cliclavoro/{vacancyId}", "get", invalid);
    expect((body?.problems as { message: string }[]).map((p) => p.message).join(" ")).toContain("settore ATECO");
    await getDb().updateTable("employers").set({ ateco_code: "10.71.10" }).where("id", "=", employerId).execute();
    const r = await call(cliclavoro, get("/x", token), { vacancyId: published.id });
    expect(r.status).toBe(200);
    const { text } = await documented("/api/v1/esportazioni/cliclavoro/{vacancyId}", "get", r);
    expect(text).toContain("<?xml");
    const employer = await createEmployer();
    for (const status of ["draft", "submitted"] as const) {
      const other = await insertVacancy(employer.id, { status });
      const refused = await call(cliclavoro, get("/x", token), { vacancyId: other.id });
      expect(refused.status).toBe(404);
      await documented("/api/v1/esportazioni/cliclavoro/{vacancyId}", "get", refused);
    }
    const internal = await insertVacancy(employer.id, { status: "published", publicationMode: "internal" });
    expect((await call(cliclavoro, get("/x", token), { vacancyId: internal.id })).status).toBe(404);
  });

  it("SAP: the person's active-policy section, valid against Rev009, audited with the person; 404 for nobody", async () => {
    const { token } = await tokenWith(["exports:sap"]);
    const r = await call(sap, get("/x", token), { candidateId: personId });
    const { text } = await documented("/api/v1/esportazioni/sap/{candidateId}", "get", r);
    expect(r.status).toBe(200);
    expect(text).toContain("<lavoratore>");
    const missing = await call(sap, get("/x", token), { candidateId: "00000000-0000-4000-8000-000000000000" });
    expect(missing.status).toBe(404);
    await documented("/api/v1/esportazioni/sap/{candidateId}", "get", missing);
  });
});

describe("admin page", () => {
  it("creates a token shown once, scoped as ticked; refuses a form without scopes", async () => {
    const admin = await createUserWithRole("admin");
    const cookie = await cookieFor(admin.id);
    const post = async (fields: Record<string, string>) =>
      (await adminApi.action({ request: request("/admin/api", { method: "POST", cookie, form: fields }), params: {}, context: {} })) as {
        data: { created?: { token: string }; result: { error?: Record<string, string[]> } };
        init: { status?: number } | null;
      };
    const none = await post({ intent: "create", name: "SIL senza ambiti" });
    expect(none.init?.status).toBe(400);
    expect(Object.values(none.data.result.error ?? {}).flat()).toContain("Scegli almeno un ambito");
    const created = await post({ intent: "create", name: "SIL Regione", scope_exports_unilav: "on", scope_vacancies_read: "on" });
    expect(created.data.created?.token).toMatch(/^rosa_[A-Za-z0-9_-]{43}$/);
    const row = await getDb()
      .selectFrom("api_clients")
      .select(["scopes", "token_prefix"])
      .where("name", "=", "SIL Regione")
      .executeTakeFirstOrThrow();
    expect(row.scopes.sort()).toEqual(["exports:unilav", "vacancies:read"]);
    expect(created.data.created!.token.startsWith(row.token_prefix)).toBe(true);
    const page = (await adminApi.loader({ request: request("/admin/api", { cookie }), params: {}, context: {} })) as {
      clients: { name: string }[];
    };
    expect(JSON.stringify(page)).not.toContain(created.data.created!.token);
  });
});
