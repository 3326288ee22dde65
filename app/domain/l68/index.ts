/**
 * The client-safe public entry of the l68 context (pure modules, usable by pages too): what other contexts use.
 * Server-only parts are in index.server.ts. The whole calculator has its own entry, ./calculator/index.ts.
 */
export { PROVINCE_NAMES, ZERO, add, cmp, floor, formatIsoDay, isProvinceCode, mul, rational, sub, toDecimal } from "./calculator";
export type { Rational } from "./calculator";
