/**
 * A local SPID/CIE gateway for the demo and the tests (docs/decisions/0027-spid-cie-sign-in-through-oidc.md): a real OpenID Connect provider
 * (the `oidc-provider` package, authorization code + PKCE, signed ID tokens) with a page that lets you choose one of a
 * few test identities instead of typing SPID credentials. Never used in production: the portal starts it only with
 * the embedded demo servers, and only when no OIDC_ISSUER is configured.
 */
import { generateKeyPairSync } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface DemoIdentity {
  /** The subject (sub) at the provider. */
  id: string;
  /** What the choice page shows. */
  label: string;
  claims: Record<string, string>;
}

export interface DemoClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
}

export interface DemoIdentityProvider {
  issuer: string;
  close(): Promise<void>;
}

const SPID_FISCAL_NUMBER = "https://attributes.eid.gov.it/fiscal_number";

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function choicePage(uid: string, identities: DemoIdentity[]): string {
  const buttons = identities
    .map(
      (i) =>
        `<li><button type="submit" name="identity" value="${escapeHtml(i.id)}">${escapeHtml(i.label)}</button> <small>${escapeHtml(
          i.claims[SPID_FISCAL_NUMBER] ?? "senza codice fiscale",
        )}</small></li>`,
    )
    .join("");
  return `<!doctype html><html lang="it"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Gestore di identità di prova</title></head><body><main>
<h1>Gestore di identità di prova (SPID/CIE)</h1>
<p>Questo è un gestore di prova per la dimostrazione di Rosa: scegli l'identità con cui entrare.</p>
<form method="post" action="/interaction/${escapeHtml(uid)}"><ul>${buttons}</ul></form>
<form method="post" action="/interaction/${escapeHtml(uid)}/annulla"><button type="submit">Annulla</button></form>
</main></body></html>`;
}

const GRANTABLE = new Set(["AccessToken", "AuthorizationCode", "RefreshToken", "DeviceCode", "BackchannelAuthenticationRequest"]);

/** The provider's state in memory (it lives as long as the demo process): oidc-provider's adapter interface. */
class MemoryAdapter {
  private static store = new Map<string, { payload: Record<string, unknown>; expiresAt: number }>();
  constructor(private readonly model: string) {}
  private key = (id: string) => `${this.model}:${id}`;
  async upsert(id: string, payload: Record<string, unknown>, expiresIn: number) {
    const expiresAt = expiresIn ? Date.now() + expiresIn * 1000 : Number.POSITIVE_INFINITY;
    MemoryAdapter.store.set(this.key(id), { payload, expiresAt });
    if (this.model === "Session" && typeof payload.uid === "string")
      MemoryAdapter.store.set(`SessionUid:${payload.uid}`, { payload: { id }, expiresAt });
  }
  async find(id: string) {
    const entry = MemoryAdapter.store.get(this.key(id));
    return entry && entry.expiresAt > Date.now() ? entry.payload : undefined;
  }
  async findByUid(uid: string) {
    const ref = MemoryAdapter.store.get(`SessionUid:${uid}`)?.payload.id;
    return typeof ref === "string" ? this.find(ref) : undefined;
  }
  async findByUserCode() {
    return undefined;
  }
  async consume(id: string) {
    const entry = MemoryAdapter.store.get(this.key(id));
    if (entry) entry.payload.consumed = Math.floor(Date.now() / 1000);
  }
  async destroy(id: string) {
    MemoryAdapter.store.delete(this.key(id));
  }
  /** Revoking a grant ends its tokens only (as oidc-provider's own adapter does), never the interaction in progress. */
  async revokeByGrantId(grantId: string) {
    for (const [key, entry] of MemoryAdapter.store)
      if (GRANTABLE.has(key.slice(0, key.indexOf(":"))) && entry.payload.grantId === grantId) MemoryAdapter.store.delete(key);
  }
}

async function readForm(req: http.IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8").slice(0, 10_000));
}

/** Starts the provider on 127.0.0.1 (port 0 = any free port) and resolves with its issuer URL. */
export async function startDemoIdentityProvider(options: {
  port?: number;
  clients: DemoClient[];
  identities: DemoIdentity[];
}): Promise<DemoIdentityProvider> {
  const { default: Provider } = await import("oidc-provider");
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Looked up at each use: a test may add identities after the start.
  const identityOf = (id: string) => options.identities.find((i) => i.id === id);
  const provider = new Provider(issuer, {
    clients: options.clients.map((c) => ({
      client_id: c.clientId,
      client_secret: c.clientSecret,
      redirect_uris: c.redirectUris,
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_basic",
    })),
    adapter: MemoryAdapter,
    // A signing key of its own per start (the quick-start keys of the package are public).
    jwks: {
      keys: [{ ...generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" }), alg: "RS256", use: "sig" }],
    },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, AuthorizationCode: 60, IdToken: 600 },
    pkce: { methods: ["S256"], required: () => true },
    claims: {
      openid: ["sub"],
      profile: ["given_name", "family_name", "name", SPID_FISCAL_NUMBER],
      email: ["email"],
    },
    // The claims go in the ID token too, as SPID/CIE gateways do.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    cookies: { keys: ["rosa-demo-identity-provider"] },
    findAccount: (_ctx, id) => {
      const identity = identityOf(id);
      return identity ? { accountId: id, claims: () => ({ sub: id, ...identity.claims }) } : undefined;
    },
    // Every test identity consents to what Rosa asks: the choice page is the only step.
    loadExistingGrant: async (ctx) => {
      const accountId = ctx.oidc.session?.accountId;
      const client = ctx.oidc.client;
      if (!accountId || !client) return undefined;
      const grant = new ctx.oidc.provider.Grant({ accountId, clientId: client.clientId });
      grant.addOIDCScope("openid profile email");
      await grant.save();
      return grant;
    },
  });
  // Plain http on loopback: no proxy headers to trust.
  const callback = provider.callback();
  server.on("request", (req, res) => {
    const url = new URL(req.url ?? "/", issuer);
    // Browsers ask for it; a 404 would be a console error on the choice page.
    if (url.pathname === "/favicon.ico") return void res.writeHead(204).end();
    const match = /^\/interaction\/([\w-]+)(\/annulla)?$/.exec(url.pathname);
    if (!match) return void callback(req, res);
    void (async () => {
      try {
        await provider.interactionDetails(req, res);
        if (req.method === "GET") {
          res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(choicePage(match[1]!, options.identities));
          return;
        }
        if (match[2]) {
          await provider.interactionFinished(
            req,
            res,
            { error: "access_denied", error_description: "annullato" },
            { mergeWithLastSubmission: false },
          );
          return;
        }
        const chosen = identityOf((await readForm(req)).get("identity") ?? "");
        if (!chosen) {
          res.writeHead(400, { "Content-Type": "text/plain; charset=utf-8" }).end("Identità sconosciuta");
          return;
        }
        await provider.interactionFinished(req, res, { login: { accountId: chosen.id } }, { mergeWithLastSubmission: false });
      } catch {
        res.writeHead(400, { "Content-Type": "text/plain; charset=utf-8" }).end("Richiesta di accesso scaduta: ricomincia da Rosa.");
      }
    })();
  });
  return {
    issuer,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
