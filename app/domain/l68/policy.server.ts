import type { ExpressionBuilder } from "kysely";
import type { Db } from "~/db/db.server";
import type { DB } from "~/db/types";
import type { SessionUser } from "~/domain/identity/index.server";
import { roleHas } from "~/domain/identity";

/**
 * A placement officer works on the employers of the province of its office: registered office
 * there, or an operating site declared in the L. 68 file there. No province, no employers.
 */
export async function canOfficerSeeEmployer(db: Db, user: SessionUser, employerId: string): Promise<boolean> {
  if (!roleHas(user.role, "l68:manage") || !user.officeProvince) return false;
  const province = user.officeProvince;
  const row = await db
    .selectFrom("employers")
    .innerJoin("comuni", "comuni.istat_code", "employers.legal_comune_code")
    .select("employers.id")
    .where("employers.id", "=", employerId)
    .where(employerInProvince(province))
    .executeTakeFirst();
  return !!row;
}

/**
 * The officer's scope as a where-clause on a query joining `employers` and their legal `comuni`:
 * registered office in the province, or an operating site declared there.
 */
export const employerInProvince = (province: string) => (eb: ExpressionBuilder<DB, "employers" | "comuni">) =>
  eb.or([
    eb("comuni.province_code", "=", province),
    eb.exists(
      eb
        .selectFrom("l68_workforce_groups")
        .select("l68_workforce_groups.id")
        .whereRef("l68_workforce_groups.employer_id", "=", "employers.id")
        .where("l68_workforce_groups.province_code", "=", province),
    ),
  ]);

/** Health data (disability percentages) only for placement officers (docs/decisions/0011-health-data-for-placement-officers-only.md, GDPR art. 9). */
export const canSeeHealthData = (user: SessionUser) => roleHas(user.role, "candidates:health") && roleHas(user.role, "l68:manage");
