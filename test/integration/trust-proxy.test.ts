import { afterEach, describe, expect, it } from "vitest";
import { setEnv } from "~/utils/env.server";
import { startHttpApp } from "../support/http-app";

/** A route that answers with the client address the portal would use (login lockout, rate limits, audit). */
const whoAmI = {
  id: "routes/chi-sono",
  path: "chi-sono",
  // A resource route (no component): its loader's Response is the answer.
  module: { loader: ({ context }: { context: { clientIp: string } }) => Response.json({ clientIp: context.clientIp }) },
};

async function clientIpSeen(forwardedFor: string): Promise<string> {
  const app = await startHttpApp([whoAmI]);
  try {
    const res = await fetch(`${app.origin}/chi-sono`, { headers: { "x-forwarded-for": forwardedFor } });
    return ((await res.json()) as { clientIp: string }).clientIp;
  } finally {
    await app.close();
  }
}

const saved = process.env.TRUST_PROXY;
afterEach(() => setEnv({ TRUST_PROXY: saved }));

describe("TRUST_PROXY", () => {
  it("by default trusts only a proxy on this machine (the test client is on loopback)", async () => {
    setEnv({ TRUST_PROXY: undefined });
    expect(await clientIpSeen("203.0.113.7")).toBe("203.0.113.7");
  });

  it("ignores X-Forwarded-For when no proxy is trusted: every client is who connects", async () => {
    setEnv({ TRUST_PROXY: "false" });
    expect(await clientIpSeen("203.0.113.7")).toBe("127.0.0.1");
  });

  it("with one trusted hop, takes the address the proxy appended, not one the client forged", async () => {
    setEnv({ TRUST_PROXY: "1" });
    expect(await clientIpSeen("198.51.100.1, 203.0.113.7")).toBe("203.0.113.7");
  });

  it("with a list of proxy addresses that does not include the caller, ignores the header", async () => {
    setEnv({ TRUST_PROXY: "10.0.0.0/8" });
    expect(await clientIpSeen("203.0.113.7")).toBe("127.0.0.1");
  });
});
