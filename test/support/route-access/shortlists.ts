import { EMPLOYERS, type Rule } from "./actors";

/**
 * Preselection (docs/architecture.md#service-4c): matching and rose for officers with matching:run
 * (not administrators: no access to personal data); employers only their own
 * presented rose (here another employer's rosa: 404 for everybody); the
 * candidate only their own availability requests.
 */
const MATCHERS = ["preselection", "placement"] as const;
export const ROUTE_ACCESS: Record<string, Rule> = {
  "operatore.preselezione._index.tsx": { loader: [...MATCHERS] },
  "operatore.preselezione.$vacancyId.tsx": { loader: [...MATCHERS], action: [...MATCHERS], params: "vacancyId" },
  "operatore.preselezione.cifre.tsx": { loader: [...MATCHERS] },
  "operatore.preselezione.cifre.csv.ts": { loader: [...MATCHERS] },
  "operatore.rose.$shortlistId.tsx": { loader: [...MATCHERS], action: [...MATCHERS], params: "shortlistId" },
  "azienda.rose._index.tsx": { loader: EMPLOYERS },
  "azienda.rose.$shortlistId.tsx": { loader: [], action: [], params: "shortlistId" },
  "azienda.rose.$shortlistId.pdf.ts": { loader: [], params: "shortlistId" },
  "candidato.disponibilita.tsx": { loader: ["candidate"], action: ["candidate"] },
  // One-click availability link (docs/decisions/0010-signed-availability-links.md): no login, the signed link is the key; a made-up one is a 404 for everybody.
  "disponibilita.$token.tsx": { loader: [], action: [], params: "token" },
};
