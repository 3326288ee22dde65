import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "~/utils/env.server";

describe("environment schema", () => {
  it("has working defaults for a fresh machine", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 3000, DATA_DIR: ".data", SEED_DEMO: true, EMBEDDED_PG_PORT: 0 });
    expect(env.DATABASE_URL).toBeUndefined();
  });
  it("accepts external servers", () => {
    const env = parseEnv({
      DATABASE_URL: "postgres://u:p@db:5432/rosa",
      MEILI_URL: "https://meili.example.it",
      MEILI_MASTER_KEY: "0123456789abcdef",
      SEED_DEMO: "false",
    });
    expect(env.DATABASE_URL).toBe("postgres://u:p@db:5432/rosa");
    expect(env.SEED_DEMO).toBe(false);
  });
  it("reports every bad value at once in Italian", () => {
    let error: unknown;
    try {
      parseEnv({ PORT: "novanta", DATABASE_URL: "mysql://x", MEILI_MASTER_KEY: "corta", SEED_DEMO: "forse" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EnvError);
    const message = (error as Error).message;
    expect(message).toMatch(/^Configurazione non valida: /);
    expect(message).toContain("PORT: deve essere un numero di porta");
    expect(message).toContain("DATABASE_URL: deve essere un URL postgres://");
    expect(message).toContain("MEILI_MASTER_KEY: deve essere lunga almeno 16 caratteri");
    expect(message).toContain("SEED_DEMO: deve essere true oppure false");
  });
  it("reads TRUST_PROXY as Express expects it (default: loopback only)", () => {
    expect(parseEnv({}).TRUST_PROXY).toBe("loopback");
    expect(parseEnv({ TRUST_PROXY: "1" }).TRUST_PROXY).toBe(1);
    expect(parseEnv({ TRUST_PROXY: "false" }).TRUST_PROXY).toBe(false);
    expect(parseEnv({ TRUST_PROXY: "loopback, 10.0.0.0/8,192.168.1.4" }).TRUST_PROXY).toBe("loopback,10.0.0.0/8,192.168.1.4");
    expect(() => parseEnv({ TRUST_PROXY: "proxy.example.it" })).toThrow(/TRUST_PROXY: valore non valido \(proxy.example.it\)/);
  });
  it("indexes with 1 thread in the embedded Meilisearch unless told otherwise", () => {
    expect(parseEnv({}).EMBEDDED_MEILI_INDEXING_THREADS).toBe(1);
    expect(parseEnv({ EMBEDDED_MEILI_INDEXING_THREADS: "2" }).EMBEDDED_MEILI_INDEXING_THREADS).toBe(2);
    expect(() => parseEnv({ EMBEDDED_MEILI_INDEXING_THREADS: "0" })).toThrow(/EMBEDDED_MEILI_INDEXING_THREADS: almeno 1/);
  });
  it("rejects out-of-range ports", () => {
    expect(() => parseEnv({ PORT: "70000" })).toThrow(/PORT: deve essere tra 0 e 65535/);
  });
  it("refuses to start in production without PUBLIC_URL, saying why in Italian", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(
      /PUBLIC_URL: obbligatoria in produzione \(NODE_ENV=production\).*collegamenti nelle e-mail/,
    );
    expect(parseEnv({ NODE_ENV: "production", PUBLIC_URL: "https://rosa.example.it" }).PUBLIC_URL).toBe("https://rosa.example.it");
    expect(parseEnv({ NODE_ENV: "development" }).PUBLIC_URL).toBeUndefined();
  });
  it("requires SESSION_SECRET in production with an external database, not with the embedded one (generated in DATA_DIR)", () => {
    const production = { NODE_ENV: "production", PUBLIC_URL: "https://rosa.example.it" };
    expect(() => parseEnv({ ...production, DATABASE_URL: "postgres://u:p@db:5432/rosa" })).toThrow(
      /SESSION_SECRET: obbligatoria in produzione con un database esterno \(NODE_ENV=production e DATABASE_URL\).*almeno 32 caratteri/,
    );
    expect(
      parseEnv({ ...production, DATABASE_URL: "postgres://u:p@db:5432/rosa", SESSION_SECRET: "x".repeat(32) }).SESSION_SECRET,
    ).toHaveLength(32);
    expect(parseEnv(production).SESSION_SECRET).toBeUndefined();
    expect(parseEnv({ DATABASE_URL: "postgres://u:p@db:5432/rosa" }).SESSION_SECRET).toBeUndefined();
  });
  it("names both missing settings at once in production", () => {
    expect(() => parseEnv({ NODE_ENV: "production", DATABASE_URL: "postgres://u:p@db:5432/rosa" })).toThrow(
      /PUBLIC_URL: obbligatoria.*; SESSION_SECRET: obbligatoria/,
    );
  });
  it("reads LOG_LEVEL, and rejects an unknown level in Italian", () => {
    expect(parseEnv({ LOG_LEVEL: "debug" }).LOG_LEVEL).toBe("debug");
    expect(() => parseEnv({ LOG_LEVEL: "verbose" })).toThrow(/LOG_LEVEL: deve essere fatal, error, warn, info, debug, trace o silent/);
  });
  it("stops the portal at start with exit code 2 and one readable line when a production setting is missing", () => {
    const root = path.resolve(import.meta.dirname, "../..");
    const run = spawnSync(process.execPath, ["--import", "tsx", "server/index.ts"], {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "/root",
        NODE_ENV: "production",
        DATABASE_URL: "postgres://u:p@127.0.0.1:1/rosa",
        PUBLIC_URL: "https://rosa.example.it",
      },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      /^Rosa non si avvia: Configurazione non valida: SESSION_SECRET: obbligatoria in produzione con un database esterno/,
    );
  }, 60_000);
});
