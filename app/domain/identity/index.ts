/**
 * The client-safe public entry of the identity context (pure modules, usable by pages too): what other contexts use.
 * Server-only parts are in index.server.ts.
 */
export { roleHas } from "./roles";
export { emailField, fullNameField, newPasswordField } from "./schema";
