import { isIP } from "node:net";
import { z } from "zod";

/**
 * The one place that reads process.env. Every setting has an Italian error
 * message because the operator starting Rosa reads them at the console.
 */
const booleanString = z
  .enum(["true", "false", "1", "0"], { error: "deve essere true oppure false" })
  .transform((v) => v === "true" || v === "1");

const port = (fallback: number) =>
  z.coerce
    .number({ error: "deve essere un numero di porta" })
    .int("deve essere un numero intero")
    .min(0, "deve essere tra 0 e 65535")
    .max(65535, "deve essere tra 0 e 65535")
    .default(fallback);

/**
 * Express "trust proxy": which hops may set X-Forwarded-For/-Proto (client IP for
 * the login lockout and audit, https for cookies). true/false, a number of hops,
 * or a comma-separated list of addresses, CIDR ranges and the names loopback,
 * linklocal, uniquelocal.
 */
const trustProxy = z
  .string()
  .default("loopback")
  .transform((v, ctx) => {
    if (v === "true" || v === "false") return v === "true";
    if (/^\d+$/.test(v)) return Number(v);
    const parts = v.split(",").map((p) => p.trim());
    const bad = parts.filter((p) => !["loopback", "linklocal", "uniquelocal"].includes(p) && !isIP(p.replace(/\/\d{1,3}$/, "")));
    if (bad.length)
      ctx.addIssue({
        code: "custom",
        message: `valore non valido (${bad.join(", ")}): usa true, false, un numero di passaggi o indirizzi/CIDR separati da virgole`,
      });
    return parts.join(",");
  });

export const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"], { error: "deve essere development, production o test" }).default("development"),
    PORT: port(3000),
    HOST: z.string().min(1).default("0.0.0.0"),
    TRUST_PROXY: trustProxy,
    /** Lowest level written to the JSON log (stdout); unset: info, or silent under NODE_ENV=test. */
    LOG_LEVEL: z
      .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
        error: "deve essere fatal, error, warn, info, debug, trace o silent",
      })
      .optional(),
    /** Pages rendered at once; the others wait in arrival order (server/admission.ts). */
    MAX_CONCURRENT_REQUESTS: z.coerce
      .number({ error: "deve essere un numero" })
      .int("deve essere un numero intero")
      .min(1, "almeno 1")
      .max(1000, "al massimo 1000")
      .default(16),
    /** Longest a page request may wait for its turn; beyond it the portal answers 503 at once (server/admission.ts). */
    MAX_QUEUE_WAIT_SECONDS: z.coerce
      .number({ error: "deve essere un numero di secondi" })
      .min(0.1, "almeno 0.1 secondi")
      .max(300, "al massimo 300 secondi")
      .default(5),
    DATA_DIR: z.string().min(1, "non può essere vuota").default(".data"),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\/.+/, "deve essere un URL postgres://utente:password@host:porta/database")
      .optional(),
    MEILI_URL: z.url({ error: "deve essere un URL http(s)://host:porta" }).optional(),
    MEILI_MASTER_KEY: z.string().min(16, "deve essere lunga almeno 16 caratteri").optional(),
    /** 0 = pick a free port at every start (the URL is computed, so nothing else needs it). */
    /** Prefix of every index uid, so several environments can share one Meilisearch. */
    MEILI_INDEX_PREFIX: z
      .string()
      .regex(/^[a-z0-9_]*$/, "solo lettere minuscole, cifre e _")
      .default("rosa_"),
    EMBEDDED_PG_PORT: port(0),
    EMBEDDED_MEILI_PORT: port(0),
    /**
     * Threads the embedded Meilisearch indexes with. 1 by default: on 2 cores shared with PostgreSQL and Node, search keeps
     * a core while a bulk import is indexed (README, *Prestazioni*); a dedicated machine uses its own MEILI_URL.
     */
    EMBEDDED_MEILI_INDEXING_THREADS: z.coerce
      .number({ error: "deve essere un numero" })
      .int("deve essere un numero intero")
      .min(1, "almeno 1")
      .max(64, "al massimo 64")
      .default(1),
    SESSION_SECRET: z.string().min(32, "deve essere lunga almeno 32 caratteri").optional(),
    PUBLIC_URL: z.url({ error: "deve essere un URL http(s)://…" }).optional(),
    SEED_DEMO: booleanString.default(true),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\/.+/, "deve essere un URL smtp://…")
      .optional(),
    MAIL_FROM: z.string().default("Rosa <noreply@rosa.invalid>"),
    /** Per-IP limits on anonymous endpoints (server/rate-limit.ts). */
    RATE_LIMIT_PUBLIC_PER_MINUTE: z.coerce
      .number({ error: "deve essere un numero di richieste" })
      .int("deve essere un numero intero")
      .min(1, "almeno 1")
      .max(100_000, "al massimo 100000")
      .default(300),
    /** Per-token limit of an integrator's calls to the open API (server/rate-limit.ts). */
    RATE_LIMIT_API_CLIENT_PER_MINUTE: z.coerce
      .number({ error: "deve essere un numero di richieste" })
      .int("deve essere un numero intero")
      .min(1, "almeno 1")
      .max(100_000, "al massimo 100000")
      .default(600),
    RATE_LIMIT_LINKS_PER_15_MINUTES: z.coerce
      .number({ error: "deve essere un numero di richieste" })
      .int("deve essere un numero intero")
      .min(1, "almeno 1")
      .max(100_000, "al massimo 100000")
      .default(30),
    LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
    LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
    /** A CV not updated or confirmed for this many months is obsolete (excluded from matching by default). */
    CV_OBSOLETE_MONTHS: z.coerce
      .number({ error: "deve essere un numero di mesi" })
      .int("deve essere un numero intero di mesi")
      .min(1, "almeno 1 mese")
      .max(60, "al massimo 60 mesi")
      .default(6),
    /**
     * Storage limitation (GDPR art. 5(1)(e)): a CV with no activity for this many months is anonymised by the
     * retention job. 24 months = four times CV_OBSOLETE_MONTHS: long enough for a person between jobs to come
     * back, short enough that the CV database holds only people the service still works with.
     */
    CV_RETENTION_MONTHS: z.coerce
      .number({ error: "deve essere un numero di mesi" })
      .int("deve essere un numero intero di mesi")
      .min(6, "almeno 6 mesi")
      .max(120, "al massimo 120 mesi")
      .default(24),
    /** Largest PDF CV accepted, in megabytes. */
    CV_MAX_UPLOAD_MB: z.coerce
      .number({ error: "deve essere un numero di megabyte" })
      .min(0.1, "almeno 0.1 MB")
      .max(50, "al massimo 50 MB")
      .default(5),
    /** Limits of the text extraction of an uploaded CV (worker threads, `app/domain/candidates/pdf-text.server.ts`). */
    CV_PDF_TIMEOUT_SECONDS: z.coerce
      .number({ error: "deve essere un numero di secondi" })
      .min(1, "almeno 1 secondo")
      .max(120, "al massimo 120 secondi")
      .default(10),
    CV_PDF_MAX_MEMORY_MB: z.coerce
      .number({ error: "deve essere un numero di megabyte" })
      .int("deve essere un numero intero di megabyte")
      .min(64, "almeno 64 MB")
      .max(4096, "al massimo 4096 MB")
      .default(256),
    CV_PDF_MAX_PAGES: z.coerce
      .number({ error: "deve essere un numero di pagine" })
      .int("deve essere un numero intero di pagine")
      .min(1, "almeno 1 pagina")
      .max(1000, "al massimo 1000 pagine")
      .default(50),
    CV_PDF_WORKERS: z.coerce
      .number({ error: "deve essere un numero di thread" })
      .int("deve essere un numero intero")
      .min(1, "almeno 1")
      .max(16, "al massimo 16")
      .default(1),
    /** Days a candidate has to confirm availability for a shortlist; no answer counts as not available. */
    AVAILABILITY_DEADLINE_DAYS: z.coerce
      .number({ error: "deve essere un numero di giorni" })
      .int("deve essere un numero intero di giorni")
      .min(1, "almeno 1 giorno")
      .max(30, "al massimo 30 giorni")
      .default(3),
    /** Days after a presentation without employer feedback before a reminder; the officer is alerted after twice as many. */
    FEEDBACK_REMINDER_DAYS: z.coerce
      .number({ error: "deve essere un numero di giorni" })
      .int("deve essere un numero intero di giorni")
      .min(1, "almeno 1 giorno")
      .max(60, "al massimo 60 giorni")
      .default(7),
    /**
     * SPID/CIE sign-in through an OpenID Connect gateway (docs/decisions/0027-spid-cie-sign-in-through-oidc.md): the issuer's URL (its
     * /.well-known/openid-configuration is read at the first sign-in), the client registered there and its secret.
     * Unset: the login page offers the password only.
     */
    OIDC_ISSUER: z.url({ error: "deve essere l'URL http(s)://… dell'emittente OpenID Connect" }).optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    OIDC_SCOPE: z.string().min(6).default("openid profile email"),
    /** With the embedded demo servers and no OIDC_ISSUER: sign in through a local test identity provider (server/demo-sign-in.ts). */
    DEMO_SIGN_IN: booleanString.default(true),
    /** The claim carrying the fiscal number («TINIT-…» in SPID), tried before the usual names. */
    OIDC_FISCAL_NUMBER_CLAIM: z.string().min(1).optional(),
    /**
     * The CPI's code in the SAP (codiceentetit, codice_ente_promotore: a letter, 3 digits, a letter, 6 digits). Unset: the SAP
     * export uses the demo code X000C000000 outside production and is refused in production.
     */
    SAP_CODICE_ENTE: z
      .string()
      .regex(/^[A-Z][0-9]{3}[A-Z][0-9]{6}$/, "deve avere la forma A000A000000 (codice dell'ente nella SAP)")
      .optional(),
  })
  // Links in e-mails must reach the portal from the recipient's mailbox: in production there is no sensible default
  // (http://localhost would be a dead link). `npm start` on embedded servers (the demo) sets http://localhost:PORT itself.
  // The session secret: with the embedded PostgreSQL (one process, one DATA_DIR) the portal generates one and keeps it
  // in DATA_DIR/session-secret; with an external database several instances may serve the same users, and a secret
  // generated per machine would log users out on every other instance (and vanish with the container): required.
  .superRefine((env, ctx) => {
    if (env.OIDC_ISSUER && !env.OIDC_CLIENT_ID)
      ctx.addIssue({
        code: "custom",
        path: ["OIDC_CLIENT_ID"],
        message: "obbligatoria con OIDC_ISSUER: indica l'identificativo del client registrato presso il gestore SPID/CIE",
      });
    if (env.NODE_ENV !== "production") return;
    // http only on loopback: the demo's local identity provider (server/demo-identity-provider.ts).
    if (env.OIDC_ISSUER && !env.OIDC_ISSUER.startsWith("https:") && !/^http:\/\/(127\.0\.0\.1|localhost|\[::1\])[:/]/.test(env.OIDC_ISSUER))
      ctx.addIssue({
        code: "custom",
        path: ["OIDC_ISSUER"],
        message:
          "in produzione l'emittente SPID/CIE deve essere raggiunto in https, salvo un gestore di prova su 127.0.0.1 (required https in production)",
      });
    if (!env.PUBLIC_URL)
      ctx.addIssue({
        code: "custom",
        path: ["PUBLIC_URL"],
        message:
          "obbligatoria in produzione (NODE_ENV=production): indica l'indirizzo pubblico del portale, es. PUBLIC_URL=https://rosa.example.it, con cui si formano i collegamenti nelle e-mail (required in production)",
      });
    if (env.DATABASE_URL && !env.SESSION_SECRET)
      ctx.addIssue({
        code: "custom",
        path: ["SESSION_SECRET"],
        message:
          "obbligatoria in produzione con un database esterno (NODE_ENV=production e DATABASE_URL): indica un segreto casuale di almeno 32 caratteri, uguale per tutte le istanze, es. SESSION_SECRET=$(openssl rand -hex 32) (required in production with an external database)",
      });
  });

export type Env = z.infer<typeof EnvSchema>;

export class EnvError extends Error {}

/** Parses a given environment (tests pass their own) and reports every bad value in one message. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = EnvSchema.safeParse(cleaned);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  throw new EnvError(`Configurazione non valida: ${problems.join("; ")}`);
}

/**
 * Current settings, parsed once and reused (parsing cost about 1 ms a call, and reading the ~40 variables to notice a change
 * ~20 µs, several calls per request: docs/performance.md). Only this module writes process.env: the server fills in the
 * services it started, tests change settings through `setEnv`, and every write makes the next call parse again.
 */
/** Bumped by every write; on globalThis because the Remix build and the Express server hold separate module instances. */
const writes = globalThis as unknown as { __rosaEnvWrites?: number };
let lastEnv: { env: Env; writes: number } | undefined;
export function getEnv(): Env {
  const count = writes.__rosaEnvWrites ?? 0;
  if (lastEnv?.writes !== count) lastEnv = { env: parseEnv(process.env), writes: count };
  return lastEnv.env;
}

/** Changes settings at run time (tests); `undefined` removes one. */
export function setEnv(settings: Record<string, string | undefined>) {
  for (const [key, value] of Object.entries(settings)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  writes.__rosaEnvWrites = (writes.__rosaEnvWrites ?? 0) + 1;
}

/** The demo's local SPID/CIE test provider, started by the server (server/demo-sign-in.ts). */
export function setDemoSignIn(settings: { OIDC_ISSUER: string; OIDC_CLIENT_ID: string; OIDC_CLIENT_SECRET: string }) {
  setEnv(settings);
}

/** The server fills in URLs of the services it started. */
export function setServiceUrls(urls: { DATABASE_URL?: string; MEILI_URL?: string; MEILI_MASTER_KEY?: string; SESSION_SECRET?: string }) {
  setEnv(Object.fromEntries(Object.entries(urls).filter(([, value]) => value)));
}
