/**
 * What kind of rule was not met. The domain knows nothing of HTTP: the web tier (`app/web/errors.server.ts`)
 * maps each kind to a status. `too_large`: an upload over its size limit; `unreadable`: a file that cannot be
 * read within its limits; `unavailable`: try again shortly; `conflict`: the row is not in a state that allows
 * the change (or someone else changed it meanwhile); `gone`: a single-use link that existed but can no longer be
 * used (used, cancelled, superseded, expired).
 */
export type DomainErrorKind = "invalid" | "forbidden" | "not_found" | "conflict" | "gone" | "too_large" | "unreadable" | "unavailable";

/**
 * A rule of the domain was not met. The web tier turns it into the Italian message next to `field`,
 * with the status of its `kind` (400 for "invalid", 409 for "conflict"…).
 */
export class DomainError extends Error {
  constructor(
    message: string,
    readonly field: string = "_form",
    readonly kind: DomainErrorKind = "invalid",
  ) {
    super(message);
  }
}

export class StaleVersionError extends DomainError {
  constructor() {
    super("Qualcun altro ha modificato questi dati nel frattempo: ricarica la pagina e riprova.", "_form", "conflict");
  }
}

/** Several fields wrong at once (e.g. every non-discrimination problem of a vacancy): the form shows each message by its field. */
export class FieldsError extends DomainError {
  constructor(readonly fields: Record<string, string>) {
    super(Object.values(fields)[0] ?? "Dati non validi", Object.keys(fields)[0] ?? "_form");
  }
}
