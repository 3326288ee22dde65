/**
 * The client-safe public entry of the l68 context (pure modules, usable by pages too): what other contexts use.
 * Server-only parts are in index.server.ts.
 */
export { formatIsoDay } from "./explain";
export { PROVINCE_NAMES, isProvinceCode } from "./province-codes";
export { ZERO, add, cmp, floor, mul, rational, sub, toDecimal } from "./rational";
export type { Rational } from "./rational";
