import { ALL, type Rule } from "./actors";

/** Accounts: password reset (public, by a link sent by e-mail) and the administrator's user management. */
export const ROUTE_ACCESS: Record<string, Rule> = {
  "password-dimenticata.tsx": { loader: ALL, action: ALL },
  "reimposta-password.$token.tsx": { loader: [], action: [], params: "token" }, // unknown token: 404 for everybody
  "admin.utenti_.$userId.tsx": { loader: ["admin"], action: ["admin"], params: "userId" },
};
