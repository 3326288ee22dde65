/**
 * The client-safe public entry of the services context (pure modules, usable by pages too): what other contexts use.
 * Server-only parts are in index.server.ts.
 */
export { durationCheck, standardPrefill } from "./durations";
export { SpentTimeFields } from "./schema";
