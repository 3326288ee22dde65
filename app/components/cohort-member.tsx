import { getFormProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { ErrorSummary } from "~/components/forms";
import {
  CONSENT_LABELS,
  LEGAL_BASIS_LABEL,
  MEMBER_STATE_LABELS,
  MemberActionSchema,
  NOTICE_CHANNEL_LABELS,
  SITUATION_LABELS,
  type ConsentKind,
  type MemberState,
  type NoticeChannel,
  type Situation,
} from "~/domain/outplacement";
import { formatDate, formatDateTime } from "~/utils/format";
import { useSchemaForm, type FormResult } from "~/web/conform";

type Fields = ReturnType<typeof useSchemaForm<typeof MemberActionSchema>>[1];

/** One form of the member page: its own intent, errors shown only on the form that was sent. */
export function IntentForm(props: {
  intent: string;
  result?: FormResult | null;
  defaults?: Record<string, string>;
  children: (fields: Fields) => ReactNode;
  submit: string;
  version?: number;
}) {
  const sent = (props.result?.initialValue as Record<string, unknown> | undefined)?.intent === props.intent;
  const [form, fields] = useSchemaForm(MemberActionSchema, {
    id: `member-${props.intent}`,
    lastResult: sent ? props.result : undefined,
    defaultValue: props.defaults,
  });
  return (
    <Form method="post" {...getFormProps(form)} className="mb-4">
      <ErrorSummary form={form} />
      <input type="hidden" name="intent" value={props.intent} />
      {props.version ? <input type="hidden" name="version" value={props.version} /> : null}
      {props.children(fields)}
      <button type="submit" className="btn btn-primary">
        {props.submit}
      </button>
    </Form>
  );
}

export interface MemberData {
  first_name: string;
  last_name: string;
  codice_fiscale: string;
  birth_date: string | null;
  email: string | null;
  phone: string | null;
  residence_comune: string | null;
  residence_province: string | null;
  site: string | null;
  qualification: string | null;
  cp2021_code: string | null;
  level: string | null;
  ccnl: string | null;
  situation: string;
  t0_on: string | null;
  dismissal_on: string | null;
  cigs_from: string | null;
  cigs_to: string | null;
  naspi: boolean | null;
  notice_sent_on: string | null;
  notice_channel: string | null;
  informed_on: string | null;
  priority_from: string | null;
  priority_to: string | null;
  state: MemberState;
  provider_name: string | null;
  provider_organisation: string | null;
}

const d = (v: string | null) => (v ? formatDate(v) : "—");

/** The worker's data as imported (never family burden or selection scores: they are not kept). */
export function MemberFacts({ m }: { m: MemberData }) {
  const rows: [string, ReactNode][] = [
    ["Codice fiscale", m.codice_fiscale],
    ["Data di nascita", d(m.birth_date)],
    ["Residenza", m.residence_comune ? `${m.residence_comune}${m.residence_province ? ` (${m.residence_province})` : ""}` : "—"],
    ["Contatti", [m.phone, m.email].filter(Boolean).join(" · ") || "—"],
    ["Sede di lavoro", m.site ?? "—"],
    ["Qualifica", `${m.qualification ?? "—"}${m.cp2021_code ? ` (CP2021 ${m.cp2021_code})` : ""}`],
    ["Livello e contratto", [m.level, m.ccnl].filter(Boolean).join(" · ") || "—"],
    ["Situazione", SITUATION_LABELS[m.situation as Situation] ?? m.situation],
    ["Data di riferimento (t0)", d(m.t0_on)],
    ["Cessazione", d(m.dismissal_on)],
    ["CIGS", m.cigs_from ? `dal ${formatDate(m.cigs_from)}${m.cigs_to ? ` al ${formatDate(m.cigs_to)}` : ""}` : "—"],
    ["NASpI", m.naspi === null ? "Non indicato" : m.naspi ? "Sì" : "No"],
    [
      "Priorità «ricollocazione»",
      m.priority_from && m.priority_to ? `dal ${formatDate(m.priority_from)} al ${formatDate(m.priority_to)}` : "Nessuna",
    ],
    [
      "Ente accreditato",
      m.provider_name ? `${m.provider_name}${m.provider_organisation ? ` — ${m.provider_organisation}` : ""}` : "Nessuno",
    ],
  ];
  return (
    <dl className="row">
      {rows.map(([k, v]) => (
        <div key={k} className="col-md-6 d-flex flex-column mb-2">
          <dt>{k}</dt>
          <dd className="mb-0">{v}</dd>
        </div>
      ))}
    </dl>
  );
}

export function NoticeFacts({ m }: { m: MemberData }) {
  return (
    <>
      <p>
        <strong>Base giuridica:</strong> {LEGAL_BASIS_LABEL}. I servizi non dipendono da alcun consenso.
      </p>
      <p>
        <strong>Informativa (art. 14 GDPR):</strong>{" "}
        {m.notice_sent_on
          ? `inviata il ${formatDate(m.notice_sent_on)}${m.notice_channel ? ` per ${NOTICE_CHANNEL_LABELS[m.notice_channel as NoticeChannel] ?? m.notice_channel}` : ""}`
          : "non ancora inviata"}
        . <strong>Informato:</strong> {m.informed_on ? `il ${formatDate(m.informed_on)}` : "non ancora"}.
      </p>
    </>
  );
}

export function ConsentList({
  consents,
}: {
  consents: {
    id: string;
    kind: string;
    given_on: string;
    revoked_on: string | null;
    channel: string | null;
    text_version: string | null;
  }[];
}) {
  if (!consents.length) return <p>Nessun consenso facoltativo registrato.</p>;
  return (
    <ul>
      {consents.map((c) => (
        <li key={c.id}>
          {CONSENT_LABELS[c.kind as ConsentKind] ?? c.kind}: dato il {formatDate(c.given_on)}
          {c.text_version ? ` (testo ${c.text_version})` : ""}
          {c.revoked_on ? `, revocato il ${formatDate(c.revoked_on)}` : ", in vigore"}
        </li>
      ))}
    </ul>
  );
}

export function StateHistory({
  history,
  eventLabel,
}: {
  history: {
    id: string;
    event: string;
    from_state: string | null;
    to_state: string;
    note: string | null;
    created_at: Date | string;
    by_name: string | null;
  }[];
  eventLabel: (e: string) => string;
}) {
  return (
    <ol className="list-unstyled">
      {history.map((h) => (
        <li key={h.id} className="mb-2">
          <strong>{formatDateTime(h.created_at)}</strong> — {eventLabel(h.event)}:{" "}
          {h.from_state ? `${MEMBER_STATE_LABELS[h.from_state as MemberState]} → ` : ""}
          {MEMBER_STATE_LABELS[h.to_state as MemberState] ?? h.to_state}
          {h.by_name ? ` (${h.by_name})` : ""}
          {h.note ? <div className="small">{h.note}</div> : null}
        </li>
      ))}
    </ol>
  );
}
