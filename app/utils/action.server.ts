import { data } from "@remix-run/node";
import { DomainError, FieldsError } from "~/domain/errors";
import { getEnv, type Env } from "./env.server";
import type { FieldErrors, FormValues } from "./forms";

export type ActionErrors = { errors: FieldErrors; values: FormValues };

/** A 400 (or the given status) that re-renders the form with the messages and what the user typed. */
export function invalid(errors: FieldErrors, values: FormValues, status = 400) {
  return data<ActionErrors>({ errors, values }, { status });
}

/** Maps a DomainError to a form error; anything else is a bug and propagates to the 500 page. */
export function domainErrorResponse(e: unknown, values: FormValues) {
  if (e instanceof FieldsError) return invalid(e.fields, values, e.status);
  if (e instanceof DomainError) return invalid({ [e.field]: e.message }, values, e.status);
  throw e;
}

/**
 * The origin of absolute links (feeds, JSON-LD, e-mails), from configuration only:
 * PUBLIC_URL, or http://localhost:PORT when it is unset. Never the request's Host
 * header: the RSS/JSON feeds are publicly cached, so one forged Host would plant
 * foreign links in every copy, and an e-mail link would point wherever the sender chose.
 */
export function publicBaseUrl(env: Pick<Env, "PUBLIC_URL" | "PORT"> = getEnv()): string {
  return env.PUBLIC_URL ? env.PUBLIC_URL.replace(/\/+$/, "") : `http://localhost:${env.PORT}`;
}

export const isMultipart = (request: Request) => (request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data");
