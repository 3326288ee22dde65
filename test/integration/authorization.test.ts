import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { cookieFor, createEmployer, createUserWithRole, request } from "../support/factories";
import { callRoute } from "../support/routes";

/**
 * The authorization matrix: who may reach which route. Every file in
 * app/routes must be listed, so a new route cannot ship unclassified.
 */
type Actor = "anonymous" | "legalRep" | "colleague" | "preselection" | "placement" | "admin";
const ALL: Actor[] = ["anonymous", "legalRep", "colleague", "preselection", "placement", "admin"];
const LOGGED_IN: Actor[] = ALL.filter((a) => a !== "anonymous");
const EMPLOYERS: Actor[] = ["legalRep", "colleague"];
const OFFICERS: Actor[] = ["preselection", "placement", "admin"];

interface Rule {
  loader?: Actor[];
  action?: Actor[];
  params?: "employerId" | "token";
}

const MATRIX: Record<string, Rule> = {
  "_index.tsx": { loader: ALL },
  "$.tsx": { loader: [] },
  "accedi.tsx": { loader: ALL, action: ALL },
  "esci.tsx": { loader: ALL, action: ALL },
  "registrazione.tsx": { loader: ALL, action: ALL },
  "privacy.tsx": {},
  "dichiarazione-accessibilita.tsx": {},
  "api.comuni.ts": { loader: ALL },
  "api.ateco.ts": { loader: ALL },
  "invito.$token.tsx": { loader: [], action: [], params: "token" }, // unknown token: 404 for everybody
  "area.tsx": { loader: LOGGED_IN },
  "profilo.password.tsx": { loader: LOGGED_IN, action: LOGGED_IN },
  "azienda._index.tsx": { loader: EMPLOYERS },
  "azienda.modifica.tsx": { loader: ["legalRep"], action: ["legalRep"] },
  "azienda.utenti.tsx": { loader: EMPLOYERS, action: ["legalRep"] },
  "operatore._index.tsx": { loader: OFFICERS },
  "operatore.aziende._index.tsx": { loader: OFFICERS },
  "operatore.aziende.$employerId.tsx": { loader: OFFICERS, action: OFFICERS, params: "employerId" },
  "admin._index.tsx": { loader: ["admin"] },
  "admin.utenti.tsx": { loader: ["admin"], action: ["admin"] },
  "admin.audit.tsx": { loader: ["admin"] },
  "admin.posta.tsx": { loader: ["admin"] },
};

const routesDir = path.resolve(import.meta.dirname, "../../app/routes");
const routeFiles = fs.readdirSync(routesDir).filter((f) => /\.(tsx?|jsx?)$/.test(f));

const cookies = {} as Record<Actor, string | undefined>;
let otherEmployerId: string;

beforeAll(async () => {
  const own = await createEmployer();
  const other = await createEmployer();
  otherEmployerId = other.id;
  cookies.anonymous = undefined;
  cookies.legalRep = await cookieFor((await createUserWithRole("employer", { employerId: own.id, employerRole: "legal_rep" })).id);
  cookies.colleague = await cookieFor((await createUserWithRole("employer", { employerId: own.id, employerRole: "colleague" })).id);
  cookies.preselection = await cookieFor((await createUserWithRole("preselection_officer")).id);
  cookies.placement = await cookieFor((await createUserWithRole("placement_officer")).id);
  cookies.admin = await cookieFor((await createUserWithRole("admin")).id);
});

function urlFor(file: string, params: Record<string, string>): string {
  const segments = file
    .replace(/\.(tsx?|jsx?)$/, "")
    .split(".")
    .filter((s) => s !== "_index")
    .map((s) => (s.startsWith("$") ? (params[s.slice(1)] ?? "x") : s));
  return "/" + segments.join("/");
}

/** Denied = 403, 404, or (for anonymous visitors) a redirect to the login page. */
function isDenied(outcome: { status: number; location: string | null }) {
  return outcome.status === 403 || outcome.status === 404 || (outcome.status >= 300 && outcome.status < 400 && !!outcome.location?.startsWith("/accedi"));
}

describe("authorization matrix", () => {
  it("classifies every route file", () => {
    const unlisted = routeFiles.filter((f) => !(f in MATRIX));
    expect(unlisted, "add the new route to MATRIX").toEqual([]);
  });

  for (const file of Object.keys(MATRIX)) {
    const rule = MATRIX[file];
    for (const kind of ["loader", "action"] as const) {
      for (const actor of ALL) {
        it(`${kind} of ${file} as ${actor}`, async () => {
          const mod = await import(path.join(routesDir, file));
          const handler = mod[kind];
          if (!handler) {
            expect(rule[kind], `${file} has no ${kind} but the matrix lists one`).toBeUndefined();
            return;
          }
          const params: Record<string, string> =
            rule.params === "employerId" ? { employerId: otherEmployerId } : rule.params === "token" ? { token: "x".repeat(32) } : {};
          const outcome = await callRoute(handler, request(urlFor(file, params), { cookie: cookies[actor], method: kind === "action" ? "POST" : "GET", form: kind === "action" ? {} : undefined }), params);
          const allowed = (rule[kind] ?? []).includes(actor);
          if (allowed) expect(isDenied(outcome), JSON.stringify(outcome).slice(0, 300)).toBe(false);
          else expect(isDenied(outcome), JSON.stringify(outcome).slice(0, 300)).toBe(true);
          expect(outcome.status).toBeLessThan(500);
        });
      }
    }
  }
});
