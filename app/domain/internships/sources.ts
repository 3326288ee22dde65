import { NATIONAL, REGIONS, periodOn, type Period } from "./checker/parameters";
import { isInternshipRegion, type ViolationCode, type WarningCode } from "./checker/types";

/** The act a check applied and its sources (S-numbers of docs/legal/tirocini.md#fonti), for the checks panel. */
export interface CheckSource {
  act: string;
  sources: string[];
}

const PARAMETER_OF: Partial<Record<ViolationCode, "bands" | "duration" | "indemnity">> = {
  HOST_LIMIT_EXCEEDED: "bands",
  DURATION_TOO_LONG: "duration",
  DURATION_TOO_SHORT: "duration",
  INDEMNITY_BELOW_MINIMUM: "indemnity",
  INDEMNITY_ABOVE_MAXIMUM: "indemnity",
};

const WARNING_PARAMETER: Record<string, "bands" | "duration" | "indemnity"> = {
  maxSimultaneousTrainees: "bands",
  maxDurationMonths: "duration",
  minMonthlyIndemnity: "indemnity",
  maxMonthlyIndemnity: "indemnity",
};

/**
 * Where a violation or warning comes from: the regional act in force on `date` for the limits, durations and
 * indemnities the Regions set, otherwise the national Accordo. Client-safe (data only).
 */
export function checkSource(region: string, date: string, code: ViolationCode | WarningCode): CheckSource {
  const parameter = code.startsWith("REGIONAL_PARAMETER_UNVERIFIED:")
    ? WARNING_PARAMETER[code.split(":")[1]]
    : PARAMETER_OF[code as ViolationCode];
  if (parameter && isInternshipRegion(region) && region !== "IT") {
    const period = periodOn<unknown>(REGIONS[region][parameter] as readonly Period<unknown>[], date);
    if (period) return { act: period.act, sources: period.sources };
  }
  return { act: NATIONAL.act, sources: ["S6"] };
}
