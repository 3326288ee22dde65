/** The meetings of a redundancy event's steering committee: the list (officer's event page, union area) and the form. */
import { STEERING_ROLES, STEERING_ROLE_KEYS, type SteeringParticipants } from "~/domain/outplacement/steering";
import { formatDate } from "~/utils/format";

export interface SteeringMeetingView {
  id: string;
  held_on: string;
  participants: SteeringParticipants;
  minutes: string;
  decisions: string;
}

export function SteeringMeetingList({ meetings, headingLevel = 3 }: { meetings: SteeringMeetingView[]; headingLevel?: 3 | 4 }) {
  if (!meetings.length) return <p>Nessuna riunione del comitato di monitoraggio registrata.</p>;
  const H = headingLevel === 3 ? "h3" : "h4";
  return (
    <ul className="list-unstyled" data-testid="steering-meetings">
      {meetings.map((m) => (
        <li key={m.id} className="border rounded p-3 mb-3">
          <H className="h5">Riunione del {formatDate(m.held_on)}</H>
          <dl className="mb-2">
            {STEERING_ROLE_KEYS.filter((r) => m.participants[r]).map((r) => (
              <div key={r} className="d-flex flex-wrap gap-1">
                <dt>{STEERING_ROLES[r]}:</dt>
                <dd className="mb-0">{m.participants[r]}</dd>
              </div>
            ))}
          </dl>
          <p className="text-pre-line mb-1">
            <strong>Verbale.</strong> {m.minutes}
          </p>
          {m.decisions ? (
            <p className="text-pre-line mb-0">
              <strong>Decisioni.</strong> {m.decisions}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
