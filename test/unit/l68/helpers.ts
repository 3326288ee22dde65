import { computeQuota } from "~/domain/l68/calculator/quota";
import { type QuotaInputRaw, type QuotaResult, parseQuotaInput } from "~/domain/l68/calculator/schema";

type Group = QuotaInputRaw["workforce"][number];

/** Validates like the CLI/API would (defaults applied), then computes. Fails loudly on invalid input. */
export function calc(input: Partial<QuotaInputRaw> & { workforce: Group[] }): QuotaResult {
  const parsed = parseQuotaInput({ date: "2026-03-01", employer: { type: "private" }, ...input });
  if (!parsed.ok) throw new Error(`input non valido nel test: ${JSON.stringify(parsed.errors)}`);
  return computeQuota(parsed.data);
}

/** `count` full-time open-ended employees. */
export const fullTime = (count: number, extra: Partial<Group> = {}): Group => ({ count, contract: "indeterminato", ...extra });

/** `count` open-ended part-timers at weeklyHours/fullTimeHours. */
export const partTime = (count: number, weeklyHours: number, fullTimeHours = 40, extra: Partial<Group> = {}): Group => ({
  count,
  contract: "indeterminato",
  weeklyHours,
  fullTimeHours,
  ...extra,
});

export const baseOf = (workforce: Group[], extra: Partial<QuotaInputRaw> = {}) => calc({ workforce, ...extra }).baseComputo;
