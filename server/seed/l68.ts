import type { Transaction } from "kysely";
import type { DB } from "~/db/types";
import type { Actor } from "~/domain/audit/commands.server";
import { addWorkforceGroup } from "~/domain/l68/commands.server";
import type { WorkforceGroupForm } from "~/domain/l68/file-schema";
import { todayInItaly } from "~/domain/l68/schema";
import type { DemoRefs } from "./platform";

/**
 * The demo bakery (Milano, 15–35 employees) declares its workforce: 17 full-time, 1 apprentice and
 * 2 short fixed-term (both excluded), 4 part-time at 20/40 (pooled: 2) → base 19, quota 1, no disabled
 * worker yet → 1 uncovered position and a 60-day obligation the placement officer of MI sees.
 */
export async function seedL68(trx: Transaction<DB>, refs: DemoRefs) {
  const actor: Actor = { userId: refs.bakeryLegalRepId, role: "employer", ip: null };
  const today = todayInItaly();
  const groups: WorkforceGroupForm[] = [
    { provinceCode: "MI", siteLabel: "Negozio di Via Padova", count: 8, contract: "indeterminato" },
    { provinceCode: "MI", siteLabel: "Laboratorio di Segrate", count: 9, contract: "indeterminato" },
    { provinceCode: "MI", siteLabel: "Laboratorio di Segrate", count: 1, contract: "apprendistato" },
    { provinceCode: "MI", siteLabel: "Negozio di Via Padova", count: 4, contract: "indeterminato", weeklyHours: 20, fullTimeHours: 40 },
    { provinceCode: "MI", siteLabel: "Laboratorio di Segrate", count: 2, contract: "determinato", months: 4 },
  ];
  let version = 1;
  for (const g of groups) await addWorkforceGroup(trx, actor, refs.employers.bakery, version++, g, today);
}
