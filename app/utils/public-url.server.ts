import { getEnv, type Env } from "./env.server";

/**
 * The origin of absolute links (feeds, JSON-LD, e-mails), from configuration only:
 * PUBLIC_URL (required in production by env.server.ts), or http://localhost:PORT in development.
 * Never the request's Host header: the RSS/JSON feeds are publicly cached, so one forged Host would plant
 * foreign links in every copy, and an e-mail link would point wherever the sender chose.
 */
export function publicBaseUrl(env: Pick<Env, "PUBLIC_URL" | "PORT"> = getEnv()): string {
  return env.PUBLIC_URL ? env.PUBLIC_URL.replace(/\/+$/, "") : `http://localhost:${env.PORT}`;
}

/** An absolute link for an e-mail: absoluteUrl("/azienda/offerte/1") → "https://rosa.example.it/azienda/offerte/1". */
export function absoluteUrl(path: string, env?: Pick<Env, "PUBLIC_URL" | "PORT">): string {
  return `${publicBaseUrl(env)}${path.startsWith("/") ? path : `/${path}`}`;
}
