import { describe, expect, it } from "vitest";
import { PROVINCE_NAMES } from "~/utils/province-codes";
import { PROVINCE_OPTIONS, provinceLabel } from "~/domain/identity/roles";
import { OfficerCreateSchema, ResetPasswordSchema, ResetRequestSchema, UserStatusSchema, UserUpdateSchema } from "~/domain/identity/schema";

const officer = { fullName: "Luca Bianchi", email: "luca@example.it", role: "preselection_officer", password: "una-password-lunga" };
const messages = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

describe("account forms", () => {
  it("takes the officer's province only from the ISTAT list, whatever the case", () => {
    expect(OfficerCreateSchema.parse({ ...officer, officeProvince: "mi" }).officeProvince).toBe("MI");
    for (const bad of ["XX", "ZZ", "M1", "MIL", "__proto__", "toString"]) {
      expect(messages(OfficerCreateSchema.safeParse({ ...officer, officeProvince: bad })).officeProvince, bad).toBe(
        "Scegli la provincia dall'elenco",
      );
    }
  });

  it("requires a province for officers but not for administrators", () => {
    expect(messages(OfficerCreateSchema.safeParse({ ...officer, officeProvince: "" })).officeProvince).toBe(
      "Scegli la provincia di competenza dell'operatore",
    );
    expect(OfficerCreateSchema.safeParse({ ...officer, role: "admin", officeProvince: "" }).success).toBe(true);
  });

  it("offers every province, sorted by name, labelled «Nome (SIGLA)»", () => {
    expect(PROVINCE_OPTIONS.length).toBe(Object.keys(PROVINCE_NAMES).length);
    expect(PROVINCE_OPTIONS.length).toBeGreaterThanOrEqual(107);
    expect(PROVINCE_OPTIONS.find(([code]) => code === "MI")?.[1]).toBe("Milano (MI)");
    const names = PROVINCE_OPTIONS.map(([, label]) => label);
    expect([...names].sort((a, b) => a.localeCompare(b, "it"))).toEqual(names);
    expect(provinceLabel("XX")).toBe("XX");
  });

  it("parses the administrator's edit and status forms with Italian messages", () => {
    const ok = UserUpdateSchema.parse({
      intent: "update",
      version: "3",
      fullName: " Anna Rossi ",
      email: "ANNA@Example.it",
      role: "admin",
      officeProvince: "",
    });
    expect(ok).toEqual({
      intent: "update",
      version: 3,
      fullName: "Anna Rossi",
      email: "anna@example.it",
      role: "admin",
      officeProvince: undefined,
    });
    expect(
      messages(UserUpdateSchema.safeParse({ intent: "update", version: "3", fullName: "Anna", email: "x", role: "candidate" })),
    ).toMatchObject({
      email: "Indirizzo e-mail non valido",
      role: "Scegli un ruolo",
    });
    expect(UserStatusSchema.safeParse({ intent: "disable", version: "abc" }).success).toBe(false);
  });

  it("checks the reset forms", () => {
    expect(messages(ResetRequestSchema.safeParse({ email: "" })).email).toBe("Indica l'indirizzo e-mail");
    expect(messages(ResetPasswordSchema.safeParse({ newPassword: "corta", confirmPassword: "corta" })).newPassword).toBe(
      "La password deve avere almeno 12 caratteri",
    );
    expect(
      messages(ResetPasswordSchema.safeParse({ newPassword: "una-password-lunga", confirmPassword: "un'altra-lunga" })).confirmPassword,
    ).toBe("Le due password non coincidono");
  });
});
