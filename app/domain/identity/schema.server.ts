/**
 * Schemas for the loaders and actions of public pages. A route that imports a schema module keeps it in its browser
 * bundle for the module's top-level zod calls (the compiler cannot tell they have no side effects), and with it all of
 * zod (~450 KB); imported from a .server module, they stay on the server. test/e2e/site.spec.ts checks the budget.
 */
export { CandidateFromIdentitySchema, LinkIdentitySchema, LoginSchema } from "./schema";
