import { randomBytes } from "node:crypto";
import { setDemoSignIn, type Env } from "~/utils/env.server";
import { log } from "~/utils/logger.server";
import { publicBaseUrl } from "~/utils/public-url.server";
import { CALLBACK_PATH } from "~/web/verified-identity.server";
import type { Platform } from "./platform";
import { DEMO_IDENTITIES } from "./seed/demo-identities";

/**
 * SPID/CIE sign-in for the demo (docs/decisions/0027-spid-cie-sign-in-through-oidc.md): with the embedded servers and the demo data (the
 * demo accounts' password is published in the README, so a test identity provider exposes nothing more), and no
 * gateway configured, the portal starts the local test provider and signs in through it exactly as through a real
 * gateway. DEMO_SIGN_IN=false turns it off; a configured OIDC_ISSUER always wins.
 */
export async function startDemoSignIn(env: Env, platform: Platform): Promise<{ stop: () => Promise<void> }> {
  const none = { stop: async () => {} };
  if (env.OIDC_ISSUER || !env.DEMO_SIGN_IN || !env.SEED_DEMO || !platform.embedded.postgres) return none;
  let provider: Awaited<ReturnType<typeof import("./demo-identity-provider").startDemoIdentityProvider>>;
  try {
    const { startDemoIdentityProvider } = await import("./demo-identity-provider");
    const clientSecret = randomBytes(24).toString("hex");
    provider = await startDemoIdentityProvider({
      clients: [{ clientId: "rosa-demo", clientSecret, redirectUris: [publicBaseUrl() + CALLBACK_PATH] }],
      identities: DEMO_IDENTITIES,
    });
    setDemoSignIn({ OIDC_ISSUER: provider.issuer, OIDC_CLIENT_ID: "rosa-demo", OIDC_CLIENT_SECRET: clientSecret });
  } catch (err) {
    // A production install without dev dependencies has no test provider: the login page then offers the password only.
    log().warn({ err }, "Accesso SPID/CIE di prova non disponibile (manca il pacchetto oidc-provider?)");
    return none;
  }
  log().info({ issuer: provider.issuer }, `Accesso SPID/CIE di prova attivo: gestore di identità di prova su ${provider.issuer}`);
  return { stop: () => provider.close() };
}
