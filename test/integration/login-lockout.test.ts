import { randomInt, randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "~/db/db.server";
import { attemptPasswordLogin } from "~/domain/identity/login.server";
import { createUserWithRole, TEST_PASSWORD } from "../support/factories";

const limits = { maxFailures: 5, lockMinutes: 15 };

/** Every attempt that reached the password check left one row: the rows count the verifications. */
async function verifiedAttempts(by: { email?: string; ip?: string }) {
  let query = getDb()
    .selectFrom("login_attempts")
    .select((eb) => eb.fn.countAll<string>().as("n"));
  if (by.email) query = query.where("email", "=", by.email);
  if (by.ip) query = query.where("ip", "=", by.ip);
  return Number((await query.executeTakeFirstOrThrow()).n);
}

// Each test uses its own random private IPs, so the per-IP limit reached here never
// locks out the other test files (they log in from 127.0.0.1) nor a rerun.
const ipPrefix = () => `10.${randomInt(256)}.${randomInt(256)}`;

describe("login lockout under parallel requests", () => {
  it("verifies at most LOGIN_MAX_FAILURES passwords of one account however many arrive at once", async () => {
    const user = await createUserWithRole("admin");
    const ip = ipPrefix();
    const outcomes = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        attemptPasswordLogin(getDb(), { email: user.email, password: `sbagliata-${i}`, ip: `${ip}.${i}` }, limits),
      ),
    );
    expect(await verifiedAttempts({ email: user.email })).toBeLessThanOrEqual(limits.maxFailures);
    expect(outcomes.filter((o) => !o.ok && o.reason === "invalid")).toHaveLength(limits.maxFailures);
    expect(outcomes.filter((o) => !o.ok && o.reason === "locked")).toHaveLength(40 - limits.maxFailures);
  });

  it("refuses the right password sent in the same burst after 29 wrong ones", async () => {
    const user = await createUserWithRole("preselection_officer");
    const ip = ipPrefix();
    const passwords = [...Array.from({ length: 29 }, (_, i) => `sbagliata-${i}`), TEST_PASSWORD];
    const outcomes = await Promise.all(
      passwords.map((password, i) => attemptPasswordLogin(getDb(), { email: user.email, password, ip: `${ip}.${i}` }, limits)),
    );
    expect(await verifiedAttempts({ email: user.email })).toBeLessThanOrEqual(limits.maxFailures);
    expect(outcomes.some((o) => o.ok)).toBe(false);
    const sessions = await getDb().selectFrom("sessions").select("id").where("user_id", "=", user.id).execute();
    expect(sessions).toEqual([]);
    // And once the burst is over the account stays locked, the right password included.
    const after = await attemptPasswordLogin(getDb(), { email: user.email, password: TEST_PASSWORD, ip: `${ip}.99` }, limits);
    expect(after).toEqual({ ok: false, reason: "locked", minutes: limits.lockMinutes });
  });

  it("verifies at most 4 × LOGIN_MAX_FAILURES passwords from one IP across many accounts", async () => {
    const ip = `${ipPrefix()}.1`;
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        attemptPasswordLogin(getDb(), { email: `nessuno-${i}-${randomUUID()}@example.it`, password: "sbagliata", ip }, limits),
      ),
    );
    expect(await verifiedAttempts({ ip })).toBeLessThanOrEqual(limits.maxFailures * 4);
  });

  it("still logs in with the right password below the limit, counting the success as no failure", async () => {
    const user = await createUserWithRole("placement_officer");
    const ip = `${ipPrefix()}.1`;
    for (let i = 0; i < limits.maxFailures - 1; i++)
      await attemptPasswordLogin(getDb(), { email: user.email, password: "sbagliata", ip }, limits);
    const ok = await attemptPasswordLogin(getDb(), { email: user.email.toUpperCase(), password: TEST_PASSWORD, ip }, limits);
    expect(ok.ok).toBe(true);
    const rows = await getDb().selectFrom("login_attempts").select("succeeded").where("email", "=", user.email).execute();
    expect(rows.filter((r) => r.succeeded)).toHaveLength(1);
    expect(rows.filter((r) => !r.succeeded)).toHaveLength(limits.maxFailures - 1);
  });
});
