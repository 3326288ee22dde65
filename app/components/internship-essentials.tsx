/**
 * The officer's case page panels (docs/decisions/tirocini.md#scheda-dell-operatore): reminders, what to do next with
 * a link to the page where it is done, the PFI's signatures and CO, the open addendum and the attendance summary.
 */
import { Link } from "@remix-run/react";
import { CONVENTION_STATE_LABELS, SIGNATURE_PARTY_LABELS, isConventionState, type SignatureParty } from "~/domain/internships";
import { formatDate, formatDateTime } from "~/utils/format";
import { plural } from "~/utils/plural";

export interface EssentialsData {
  reminders: { kind: string; dueOn: string; detail: string }[];
  signatures: {
    frozen: boolean;
    live: { party: string; signerName: string; signedAt: string }[];
    missingParties: string[];
    convention: { number: number; state: string | null } | null;
    co: { protocol: string; filedOn: string | null } | null;
  } | null;
  openAddendum: { id: string; sequence: number; kind: string } | null;
  attendance: {
    monthsRecorded: number;
    percentLabel: string;
    plannedLabel: string;
    attendedLabel: string;
    attestationAllowed: boolean;
  } | null;
}

const party = (p: string) => SIGNATURE_PARTY_LABELS[p as SignatureParty] ?? p;

export function InternshipEssentials({ data, base, state }: { data: EssentialsData; base: string; state: string }) {
  const s = data.signatures;
  return (
    <>
      <section aria-labelledby="reminders-case" className="mb-4">
        <h2 id="reminders-case" className="h4">
          Promemoria
        </h2>
        {data.reminders.length ? (
          <ul>
            {data.reminders.map((r) => (
              <li key={`${r.kind}-${r.dueOn}`}>{r.detail}</li>
            ))}
          </ul>
        ) : (
          <p>Nessun promemoria: non c'è nulla in sospeso.</p>
        )}
      </section>
      {s ? (
        <section aria-labelledby="signatures-case" className="mb-4">
          <h2 id="signatures-case" className="h4">
            Firme e comunicazione obbligatoria
          </h2>
          <ul className="list-unstyled">
            <li>
              Convenzione:{" "}
              {s.convention
                ? `n. ${s.convention.number} (${isConventionState(s.convention.state) ? CONVENTION_STATE_LABELS[s.convention.state].toLowerCase() : s.convention.state})`
                : "da collegare"}
            </li>
            <li>
              Progetto formativo:{" "}
              {!s.frozen
                ? "non ancora pronto per la firma"
                : s.missingParties.length
                  ? `mancano le firme di ${s.missingParties.map((p) => party(p).toLowerCase()).join(", ")}`
                  : "firmato dalle tre parti"}
            </li>
            {s.live.map((l) => (
              <li key={l.party} className="small">
                {party(l.party)}: {l.signerName}, {formatDateTime(l.signedAt)}
              </li>
            ))}
            <li>
              Comunicazione obbligatoria (UNILAV):{" "}
              {s.co ? `protocollo ${s.co.protocol}${s.co.filedOn ? ` del ${formatDate(s.co.filedOn)}` : ""}` : "non ancora registrata"}
            </li>
          </ul>
          <p>
            <Link to={`${base}/progetto`}>Progetto formativo, firme e comunicazione obbligatoria</Link>
          </p>
        </section>
      ) : null}
      {data.openAddendum || ["awaiting_authorisation", "awaiting_co", "active", "suspended"].includes(state) ? (
        <section aria-labelledby="addenda-case" className="mb-4">
          <h2 id="addenda-case" className="h4">
            Integrazioni al progetto
          </h2>
          <p>
            {data.openAddendum
              ? `L'integrazione n. ${data.openAddendum.sequence} (${data.openAddendum.kind === "extension" ? "proroga" : "modifica"}) attende le firme.`
              : "Nessuna integrazione in attesa: una proroga o una modifica del progetto firmato passa da qui."}{" "}
            <Link to={`${base}/integrazioni`}>Integrazioni al progetto formativo</Link>
          </p>
        </section>
      ) : null}
      {data.attendance ? (
        <section aria-labelledby="attendance-case" className="mb-4">
          <h2 id="attendance-case" className="h4">
            Presenze
          </h2>
          <p>
            {plural(data.attendance.monthsRecorded, "mese registrato", "mesi registrati")}: {data.attendance.attendedLabel} di presenza su{" "}
            {data.attendance.plannedLabel} previste dal progetto ({data.attendance.percentLabel}).{" "}
            {data.attendance.attestationAllowed
              ? "La soglia del 70 % per l'attestazione è raggiunta."
              : "La soglia del 70 % per l'attestazione non è ancora raggiunta."}
          </p>
          <p>
            <Link to={`${base}/svolgimento`}>Svolgimento: presenze, sospensioni, dossier ed esito</Link>
          </p>
        </section>
      ) : null}
    </>
  );
}
