import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setEnv } from "~/utils/env.server";
import { getDb } from "~/db/db.server";
import * as loginPage from "~/routes/accedi";
import * as start from "~/routes/accedi_.spid";
import * as callback from "~/routes/accedi_.spid_.ritorno";
import * as link from "~/routes/accedi_.spid_.collega";
import { publicBaseUrl } from "~/utils/public-url.server";
import { personCodiceFiscaleCheckChar } from "~/utils/tax-codes";
import { CALLBACK_PATH } from "~/web/verified-identity.server";
import { startDemoIdentityProvider, type DemoIdentity, type DemoIdentityProvider } from "../../server/demo-identity-provider";
import { createEmployer, createUserWithRole, TEST_PASSWORD } from "../support/factories";
import { createTestCandidate } from "../support/factories-candidates";

/**
 * SPID/CIE sign-in against a real OpenID Connect provider started here (oidc-provider: authorization code, PKCE,
 * signed ID token), through the portal's own routes: nothing of ours is replaced.
 */
const FISCAL = "https://attributes.eid.gov.it/fiscal_number";
let provider: DemoIdentityProvider;
const identities: DemoIdentity[] = [];

function newTaxCode(): string {
  const letters = Array.from(randomBytes(6), (b) => String.fromCharCode(65 + (b % 26))).join("");
  const first15 = `${letters}90A01F205`;
  return first15 + personCodiceFiscaleCheckChar(first15);
}

function identity(taxCodeClaim: string | null, extra: Record<string, string> = {}): DemoIdentity {
  const id = `id-${identities.length}`;
  const claims: Record<string, string> = { given_name: "Anna", family_name: "Prova", ...extra };
  if (taxCodeClaim) claims[FISCAL] = taxCodeClaim;
  const made = { id, label: id, claims };
  identities.push(made);
  return made;
}

/** Calls a loader/action and returns the Response it returned or threw. */
async function respond(handler: (args: never) => unknown, req: Request): Promise<Response> {
  try {
    const out = await handler({ request: req, params: {}, context: { clientIp: "127.0.0.1" } } as never);
    if (out instanceof Response) return out;
    const wrapped = out as { type?: string; data?: unknown; init?: { status?: number } | null };
    if (wrapped?.type === "DataWithResponseInit")
      return new Response(JSON.stringify(wrapped.data), { status: wrapped.init?.status ?? 200 });
    return new Response(JSON.stringify(out), { status: 200 });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

const cookiesOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(";")[0]!);

/** The browser's trip to the provider and back: the provider's own cookies, its choice page, the redirect with the code. */
async function throughProvider(authorizationUrl: string, chosen: DemoIdentity | "cancel"): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => cookiesOf(res).forEach((c) => jar.set(c.split("=")[0]!, c));
  const cookie = () => [...jar.values()].join("; ");
  let url = authorizationUrl;
  let posted = false;
  for (let hop = 0; hop < 10; hop++) {
    if (url.startsWith(publicBaseUrl() + CALLBACK_PATH)) return url;
    let res = await fetch(url, { redirect: "manual", headers: { cookie: cookie() } });
    keep(res);
    if (res.status === 200 && !posted) {
      expect(await res.text()).toContain("Gestore di identità di prova");
      const action = new URL(url).pathname + (chosen === "cancel" ? "/annulla" : "");
      res = await fetch(new URL(action, url), {
        method: "POST",
        redirect: "manual",
        headers: { cookie: cookie(), "content-type": "application/x-www-form-urlencoded" },
        body: chosen === "cancel" ? "" : new URLSearchParams({ identity: chosen.id }),
      });
      keep(res);
      posted = true;
    }
    expect([302, 303], await res.clone().text()).toContain(res.status);
    url = new URL(res.headers.get("location")!, url).href;
  }
  throw new Error("too many redirects");
}

/** Start → provider → callback; returns the callback's answer and the cookies the browser holds after it. */
async function signIn(chosen: DemoIdentity | "cancel", redirectTo?: string) {
  const started = await respond(
    start.loader,
    new Request(`${publicBaseUrl()}/accedi/spid${redirectTo ? `?redirectTo=${redirectTo}` : ""}`),
  );
  expect(started.status).toBe(302);
  const flowCookie = cookiesOf(started)[0]!;
  const back = await throughProvider(started.headers.get("location")!, chosen);
  const answer = await respond(callback.loader, new Request(back, { headers: { cookie: flowCookie } }));
  return { answer, location: answer.headers.get("location"), cookies: cookiesOf(answer).filter((c) => !c.endsWith("=")) };
}

const sessionOf = (cookies: string[]) => cookies.find((c) => c.startsWith("rosa_session="));
const pendingOf = (cookies: string[]) => cookies.find((c) => c.startsWith("rosa_spid_identity="))!;

async function lastSession(userId: string) {
  return getDb()
    .selectFrom("sessions")
    .select(["auth_method"])
    .where("user_id", "=", userId)
    .orderBy("created_at", "desc")
    .executeTakeFirst();
}

beforeAll(async () => {
  provider = await startDemoIdentityProvider({
    clients: [
      { clientId: "rosa-test", clientSecret: "segreto-di-prova-abbastanza-lungo", redirectUris: [publicBaseUrl() + CALLBACK_PATH] },
    ],
    identities,
  });
  setEnv({ OIDC_ISSUER: provider.issuer, OIDC_CLIENT_ID: "rosa-test", OIDC_CLIENT_SECRET: "segreto-di-prova-abbastanza-lungo" });
});

afterAll(async () => {
  setEnv({ OIDC_ISSUER: undefined, OIDC_CLIENT_ID: undefined, OIDC_CLIENT_SECRET: undefined });
  await provider.close();
});

describe("SPID/CIE sign-in through OpenID Connect", () => {
  it("signs in the account whose codice fiscale the provider asserts, with a session marked spid_cie, and audits it", async () => {
    const taxCode = newTaxCode();
    const user = await createUserWithRole("preselection_officer");
    await getDb().updateTable("users").set({ tax_code: taxCode }).where("id", "=", user.id).execute();
    const person = identity(`TINIT-${taxCode}`);
    const { answer, location, cookies } = await signIn(person);
    expect(answer.status).toBe(302);
    expect(location).toBe("/operatore");
    expect(sessionOf(cookies)).toBeTruthy();
    expect((await lastSession(user.id))?.auth_method).toBe("spid_cie");
    const audit = await getDb()
      .selectFrom("audit_log")
      .select(["action", "details"])
      .where("actor_user_id", "=", user.id)
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ action: "auth.login", details: { method: "spid_cie" } });
  });

  it("keeps where the person was going (a path of this site only)", async () => {
    const taxCode = newTaxCode();
    const user = await createUserWithRole("preselection_officer");
    await getDb().updateTable("users").set({ tax_code: taxCode }).where("id", "=", user.id).execute();
    expect((await signIn(identity(taxCode), "/operatore/offerte")).location).toBe("/operatore/offerte");
    expect((await signIn(identity(taxCode), "//evil.example")).location).toBe("/operatore");
  });

  it("links an unknown identity to an existing account after its password, once; the next time it enters at once", async () => {
    const taxCode = newTaxCode();
    const user = await createUserWithRole("employer", { employerId: (await createEmployer()).id });
    const person = identity(taxCode);
    const first = await signIn(person);
    expect(first.location).toBe("/accedi/spid/collega");
    expect(sessionOf(first.cookies)).toBeUndefined();
    const pending = pendingOf(first.cookies);
    const page = await respond(link.loader, new Request(`${publicBaseUrl()}/accedi/spid/collega`, { headers: { cookie: pending } }));
    expect(await page.json()).toMatchObject({ taxCode, fullName: "Anna Prova" });

    const wrong = await respond(
      link.action,
      new Request(`${publicBaseUrl()}/accedi/spid/collega`, {
        method: "POST",
        headers: { cookie: pending, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ intent: "link", email: user.email, password: "sbagliata" }),
      }),
    );
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(await wrong.json())).toContain("E-mail o password non corrette.");
    expect((await getDb().selectFrom("users").select("tax_code").where("id", "=", user.id).executeTakeFirstOrThrow()).tax_code).toBeNull();

    const linked = await respond(
      link.action,
      new Request(`${publicBaseUrl()}/accedi/spid/collega`, {
        method: "POST",
        headers: { cookie: pending, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ intent: "link", email: user.email, password: TEST_PASSWORD }),
      }),
    );
    expect(linked.status).toBe(302);
    expect(linked.headers.get("location")).toBe("/azienda");
    expect((await getDb().selectFrom("users").select("tax_code").where("id", "=", user.id).executeTakeFirstOrThrow()).tax_code).toBe(
      taxCode,
    );
    expect((await lastSession(user.id))?.auth_method).toBe("spid_cie");

    const again = await signIn(person);
    expect(again.location).toBe("/azienda");
    expect(sessionOf(again.cookies)).toBeTruthy();
  });

  it("refuses to link an account that already carries another codice fiscale, and links nothing", async () => {
    const own = newTaxCode();
    const user = await createUserWithRole("admin");
    await getDb().updateTable("users").set({ tax_code: own }).where("id", "=", user.id).execute();
    const first = await signIn(identity(newTaxCode()));
    const answer = await respond(
      link.action,
      new Request(`${publicBaseUrl()}/accedi/spid/collega`, {
        method: "POST",
        headers: { cookie: pendingOf(first.cookies), "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ intent: "link", email: user.email, password: TEST_PASSWORD }),
      }),
    );
    expect(answer.status).toBe(409);
    expect(JSON.stringify(await answer.json())).toContain("collegato a un altro codice fiscale");
    expect((await getDb().selectFrom("users").select("tax_code").where("id", "=", user.id).executeTakeFirstOrThrow()).tax_code).toBe(own);
  });

  it("creates a candidate account from the identity and links the CV the CPI already keeps for that codice fiscale", async () => {
    const cv = await createTestCandidate();
    const taxCode = cv.input.taxCode;
    const first = await signIn(identity(taxCode, { email: `spid-${taxCode.toLowerCase()}@example.it` }));
    const bad = await respond(
      link.action,
      new Request(`${publicBaseUrl()}/accedi/spid/collega`, {
        method: "POST",
        headers: { cookie: pendingOf(first.cookies), "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ intent: "candidate", email: "non-una-email", fullName: "Anna Prova" }),
      }),
    );
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain("Indirizzo e-mail non valido");
    const created = await respond(
      link.action,
      new Request(`${publicBaseUrl()}/accedi/spid/collega`, {
        method: "POST",
        headers: { cookie: pendingOf(first.cookies), "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ intent: "candidate", email: `spid-${taxCode.toLowerCase()}@example.it`, fullName: "Anna Prova" }),
      }),
    );
    expect(created.status).toBe(302);
    expect(created.headers.get("location")).toBe("/candidato");
    const account = await getDb()
      .selectFrom("users")
      .select(["id", "role", "password_hash"])
      .where("tax_code", "=", taxCode)
      .executeTakeFirstOrThrow();
    expect(account).toMatchObject({ role: "candidate", password_hash: null });
    expect((await getDb().selectFrom("candidates").select("user_id").where("id", "=", cv.id).executeTakeFirstOrThrow()).user_id).toBe(
      account.id,
    );
  });

  it("sends the person back to the login page with an Italian notice when they cancel or the provider omits the codice fiscale", async () => {
    const cancelled = await signIn("cancel");
    expect(cancelled.location).toBe("/accedi?spid=cancelled");
    const noCode = await signIn(identity(null));
    expect(noCode.location).toBe("/accedi?spid=no_fiscal_number");
    const badCode = await signIn(identity("TINIT-RSSMRA80A01H501X"));
    expect(badCode.location).toBe("/accedi?spid=invalid_fiscal_number");
    const page = await respond(loginPage.loader, new Request(`${publicBaseUrl()}/accedi?spid=no_fiscal_number`));
    expect(await page.json()).toMatchObject({ spidEnabled: true, spidNotice: expect.stringContaining("codice fiscale") });
  });

  it("refuses a callback without the attempt's cookie or with a forged state, without signing anybody in", async () => {
    const started = await respond(start.loader, new Request(`${publicBaseUrl()}/accedi/spid`));
    const person = identity(newTaxCode());
    const back = await throughProvider(started.headers.get("location")!, person);
    const noCookie = await respond(callback.loader, new Request(back));
    expect(noCookie.headers.get("location")).toBe("/accedi?spid=expired");
    const forged = new URL(back);
    forged.searchParams.set("state", "stato-falso");
    const wrongState = await respond(callback.loader, new Request(forged, { headers: { cookie: cookiesOf(started)[0]! } }));
    expect(wrongState.headers.get("location")).toBe("/accedi?spid=failed");
    expect(sessionOf(cookiesOf(wrongState))).toBeUndefined();
  });

  it("answers 404 in Italian when no gateway is configured, and the login page offers the password only", async () => {
    const issuer = process.env.OIDC_ISSUER;
    setEnv({ OIDC_ISSUER: undefined });
    try {
      const res = await respond(start.loader, new Request(`${publicBaseUrl()}/accedi/spid`));
      expect(res.status).toBe(404);
      const page = await respond(loginPage.loader, new Request(`${publicBaseUrl()}/accedi`));
      expect(await page.json()).toMatchObject({ spidEnabled: false });
    } finally {
      setEnv({ OIDC_ISSUER: issuer });
    }
  });
});
