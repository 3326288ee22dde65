import type { EmployerStatus } from "~/db/types";
import { HEADCOUNT_BANDS } from "~/domain/employers/schema";
import { EMPLOYER_STATUS_LABELS } from "~/domain/employers/states";
import { formatDateTime } from "~/utils/format";

export interface EmployerView {
  legal_name: string;
  tax_code: string;
  vat_number: string | null;
  ateco_code: string;
  ateco_title: string;
  headcount_band: string;
  legal_address: string;
  comune_name: string;
  province_code: string;
  pec: string | null;
  contact_name: string;
  contact_email: string;
  contact_phone: string;
  status: EmployerStatus;
  status_reason: string | null;
  status_changed_at: string | Date | null;
  created_at: string | Date;
  sites: { id: string; label: string; address: string; comune_name: string; province_code: string }[];
}

const STATUS_BADGE: Record<EmployerStatus, string> = { pending: "bg-warning text-dark", validated: "bg-success", rejected: "bg-danger" };

export function EmployerStatusBadge({ status }: { status: EmployerStatus }) {
  return <span className={`badge ${STATUS_BADGE[status]}`}>{EMPLOYER_STATUS_LABELS[status]}</span>;
}

export function EmployerSummary({ employer }: { employer: EmployerView }) {
  const rows: [string, string][] = [
    ["Ragione sociale", employer.legal_name],
    ["Codice fiscale", employer.tax_code],
    ["Partita IVA", employer.vat_number ?? "—"],
    ["Settore ATECO", `${employer.ateco_code} — ${employer.ateco_title}`],
    ["Dipendenti", HEADCOUNT_BANDS[employer.headcount_band as keyof typeof HEADCOUNT_BANDS] ?? employer.headcount_band],
    ["Sede legale", `${employer.legal_address}, ${employer.comune_name} (${employer.province_code})`],
    ["PEC", employer.pec ?? "—"],
    ["Referente", `${employer.contact_name} · ${employer.contact_email} · ${employer.contact_phone}`],
    ["Registrata il", formatDateTime(employer.created_at)],
  ];
  return (
    <>
      <dl className="row">
        {rows.map(([k, v]) => (
          <div className="col-md-6 mb-2" key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <h2 className="h4">Sedi operative</h2>
      {employer.sites.length ? (
        <ul>
          {employer.sites.map((s) => (
            <li key={s.id}>
              <strong>{s.label}</strong>: {s.address}, {s.comune_name} ({s.province_code})
            </li>
          ))}
        </ul>
      ) : (
        <p className="rosa-muted">Nessuna sede operativa oltre alla sede legale.</p>
      )}
    </>
  );
}
