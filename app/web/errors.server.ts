import { DomainError, type DomainErrorKind } from "~/domain/errors";

/** The HTTP status of each kind of domain error: the domain names what went wrong, the web tier how to answer. */
export const STATUS_OF_KIND = {
  invalid: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  too_large: 413,
  unreadable: 422,
  unavailable: 503,
} as const satisfies Record<DomainErrorKind, number>;

export type DomainErrorStatus = (typeof STATUS_OF_KIND)[DomainErrorKind];

export function statusOf(e: DomainError): DomainErrorStatus {
  return STATUS_OF_KIND[e.kind];
}

/** A DomainError that no action caught: the error page with its message and status (instead of a 500). */
export function domainErrorPage(e: unknown): Response | undefined {
  if (!(e instanceof DomainError)) return undefined;
  return new Response(e.message, {
    status: statusOf(e),
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
