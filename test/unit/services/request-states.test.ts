import { describe, expect, it } from "vitest";
import type { ServiceRequestStatus } from "~/db/tables/vacancies";
import { DomainError } from "~/domain/errors";
import {
  nextServiceRequestStatus,
  SERVICE_REQUEST_TRANSITIONS,
  serviceRequestMove,
  type ServiceRequestEvent,
} from "~/domain/services/states";

const STATUSES: ServiceRequestStatus[] = ["open", "taken", "done", "cancelled"];
const EVENTS: ServiceRequestEvent[] = ["take", "done", "cancel"];

const ALLOWED: [ServiceRequestStatus, ServiceRequestEvent, ServiceRequestStatus][] = [
  ["open", "take", "taken"],
  ["open", "done", "done"],
  ["open", "cancel", "cancelled"],
  ["taken", "done", "done"],
  ["taken", "cancel", "cancelled"],
];

describe("service request transition table", () => {
  it.each(ALLOWED)("%s + %s → %s", (from, event, to) => {
    expect(nextServiceRequestStatus(from, event)).toBe(to);
    expect(serviceRequestMove(from, event)).toBe(to);
  });

  it("allows nothing else", () => {
    const allowed = new Set(ALLOWED.map(([f, e]) => `${f}:${e}`));
    for (const from of STATUSES)
      for (const event of EVENTS) if (!allowed.has(`${from}:${event}`)) expect(nextServiceRequestStatus(from, event)).toBeNull();
    const listed = Object.entries(SERVICE_REQUEST_TRANSITIONS).flatMap(([f, m]) => Object.keys(m).map((e) => `${f}:${e}`));
    expect(listed.sort()).toEqual([...allowed].sort());
  });

  it("refuses a move the table does not allow with a conflict and the Italian message", () => {
    for (const [from, event] of [
      ["taken", "take"],
      ["done", "cancel"],
      ["cancelled", "done"],
      ["done", "take"],
    ] as const) {
      let error: unknown;
      try {
        serviceRequestMove(from, event);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).kind).toBe("conflict");
      expect((error as DomainError).message).toBe("Operazione non consentita nello stato attuale della richiesta");
    }
  });
});
