/** 413: an upload over its size limit; 422: a file that cannot be read within its limits; 503: try again shortly. */
export type DomainErrorStatus = 400 | 404 | 409 | 413 | 422 | 503;

/**
 * A rule of the domain was not met. Routes turn it into a 400 (or 409 for a
 * stale version) with the Italian message next to `field`.
 */
export class DomainError extends Error {
  constructor(
    message: string,
    readonly field: string = "_form",
    readonly status: DomainErrorStatus = 400,
  ) {
    super(message);
  }
}

export class StaleVersionError extends DomainError {
  constructor() {
    super("Qualcun altro ha modificato questi dati nel frattempo: ricarica la pagina e riprova.", "_form", 409);
  }
}

/** Several fields wrong at once (e.g. every non-discrimination problem of a vacancy): the form shows each message by its field. */
export class FieldsError extends DomainError {
  constructor(readonly fields: Record<string, string>) {
    super(Object.values(fields)[0] ?? "Dati non validi", Object.keys(fields)[0] ?? "_form");
  }
}
