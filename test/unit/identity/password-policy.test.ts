import { describe, expect, it } from "vitest";
import { assertAcceptablePassword, passwordWeakness, WeakPasswordError } from "~/domain/identity/password-policy.server";

const owner = { email: "giulia.bianchi@panificiolombardo.it", fullName: "Giulia Bianchi" };

describe("password policy (NIST SP 800-63B: blocklist and strength, no composition rules)", () => {
  it("refuses the most common passwords and their small variants, saying why", () => {
    expect(passwordWeakness("password1234", owner)).toMatch(/tra le più usate/);
    expect(passwordWeakness("Password2026!", owner)).toMatch(/tra le più usate/);
    expect(passwordWeakness("123456789012", owner)).toMatch(/tra le più usate/);
    expect(passwordWeakness("qwertyuiop12", owner)).toMatch(/tra le più usate/);
  });

  it("refuses predictable sequences", () => {
    expect(passwordWeakness("aaaaaaaaaaaa", owner)).toMatch(/sequenza prevedibile/);
    expect(passwordWeakness("abcdefghijklmn", owner)).toMatch(/sequenza prevedibile/);
  });

  it("refuses the user's e-mail, name or company domain", () => {
    expect(passwordWeakness(owner.email, owner)).toMatch(/il tuo nome o la tua e-mail/);
    expect(passwordWeakness("Bianchi!Zeta#Quarzo9", owner)).toMatch(/il tuo nome o la tua e-mail/);
    expect(passwordWeakness("panificiolombardo!!", owner)).toMatch(/il tuo nome o la tua e-mail/);
    expect(passwordWeakness("giulia.bianchi", owner)).toMatch(/il tuo nome o la tua e-mail/);
  });

  it("accepts a strong passphrase and a random password, with no composition rule", () => {
    expect(passwordWeakness("cavallo batteria graffetta corretto", owner)).toBeNull();
    expect(passwordWeakness("ombrello viola sotto il ponte", owner)).toBeNull();
    expect(passwordWeakness("x7#Kp!2qLm9@", owner)).toBeNull();
  });

  it("accepts the demo password the seeds and tests use for their accounts", () => {
    for (const email of ["admin@rosa.demo", "candidato@rosa.demo", "azienda@rosa.demo", "consulente@rosa.demo"]) {
      expect(passwordWeakness("RosaDemo2026!", { email, fullName: "Sara Esposito" })).toBeNull();
    }
  });

  it("throws a DomainError on the named form field", () => {
    expect(() => assertAcceptablePassword("password1234", owner, "newPassword")).toThrow(WeakPasswordError);
    try {
      assertAcceptablePassword("password1234", owner, "newPassword");
    } catch (e) {
      expect((e as WeakPasswordError).field).toBe("newPassword");
    }
  });
});
