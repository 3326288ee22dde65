import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { InternshipStateBadge } from "~/components/internship-views";
import { PageTitle } from "~/components/layout";
import { getDb } from "~/db/db.server";
import { INTERNSHIP_STATE_LABELS, isInternshipState } from "~/domain/internships";
import {
  QUEUE_SLA_DAYS,
  QUEUE_STATES,
  REMINDER_KINDS,
  REMINDER_LABELS,
  internshipReminders,
  listInternshipQueue,
  reminderCounts,
  type ReminderKind,
} from "~/domain/internships/index.server";
import { todayInItaly } from "~/utils/dates";
import { formatDate } from "~/utils/format";
import { plural } from "~/utils/plural";
import { requireInternshipOfficer } from "~/web/internship-guards.server";

export const meta: MetaFunction = () => [{ title: "Tirocini da seguire — Rosa" }];

const SOURCE_LABELS: Record<string, string> = {
  direct: "Richiesta dell'azienda",
  screening: "Questionario dei servizi",
  gap_proposal: "Proposta da una rosa",
  officer: "Centro per l'Impiego",
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireInternshipOfficer(request, context);
  const params = new URL(request.url).searchParams;
  const raw = params.get("stato");
  const wanted = params.get("promemoria");
  const kind = (REMINDER_KINDS as readonly string[]).includes(wanted ?? "") ? (wanted as ReminderKind) : null;
  const all = raw === "tutti" || kind !== null;
  const state = isInternshipState(raw) ? raw : null;
  const reminders = await internshipReminders(getDb(), todayInItaly());
  const withKind = new Set(reminders.filter((r) => r.kind === kind).map((r) => r.internshipId));
  const rows = (await listInternshipQueue(getDb(), { state, all })).filter((r) => !kind || withKind.has(r.id));
  const perInternship = new Map<string, number>();
  for (const r of reminders) perInternship.set(r.internshipId, (perInternship.get(r.internshipId) ?? 0) + 1);
  const counts = reminderCounts(reminders);
  const now = Date.now();
  return {
    reminderKind: kind,
    reminders: REMINDER_KINDS.map((k) => ({ kind: k, label: REMINDER_LABELS[k], count: counts[k] })),
    filter: all && !kind ? "tutti" : (state ?? ""),
    slaDays: QUEUE_SLA_DAYS,
    states: QUEUE_STATES.map((s) => [s, INTERNSHIP_STATE_LABELS[s]] as const),
    rows: rows.map((r) => ({
      ...r,
      createdAt: r.createdAt.toISOString(),
      waitingDays: Math.floor((now - r.createdAt.getTime()) / 86_400_000),
      reminders: perInternship.get(r.id) ?? 0,
    })),
  };
}

export default function InternshipQueue() {
  const { rows, states, filter, slaDays, reminders, reminderKind } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageTitle
        title="Tirocini da seguire"
        lead="Le richieste di tirocinio e i tirocini in preparazione, dalla richiesta più vecchia. Il Centro per l'Impiego è il soggetto promotore."
      />
      <p>
        <Link to="/operatore/tirocini/nuovo">Nuova richiesta per un'azienda</Link> ·{" "}
        <Link to="/operatore/tirocini/convenzioni">Convenzioni con le aziende</Link> ·{" "}
        <Link to="/operatore/tirocini/cifre">Cifre dei tirocini</Link>
      </p>
      <section aria-labelledby="reminders-title" className="mb-3">
        <h2 id="reminders-title" className="h4">
          Promemoria
        </h2>
        <ul className="list-unstyled">
          {reminders.map((r) => (
            <li key={r.kind}>
              {r.count ? (
                <Link to={`/operatore/tirocini?promemoria=${r.kind}`} aria-current={reminderKind === r.kind ? "page" : undefined}>
                  {r.label}: {plural(r.count, "tirocinio", "tirocini")}
                </Link>
              ) : (
                <>{r.label}: nessun tirocinio</>
              )}
            </li>
          ))}
        </ul>
        {reminderKind ? (
          <p>
            <Link to="/operatore/tirocini">Mostra tutti i tirocini da seguire</Link>
          </p>
        ) : null}
      </section>
      <Form method="get" className="row g-2 align-items-end mb-3">
        <div className="col-auto">
          <label htmlFor="stato" className="form-label">
            Stato
          </label>
          <select id="stato" name="stato" className="form-select" defaultValue={filter}>
            <option value="">Tutti quelli da seguire</option>
            {states.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
            <option value="tutti">Tutti, anche conclusi</option>
          </select>
        </div>
        <div className="col-auto">
          <button type="submit" className="btn btn-outline-primary">
            Filtra
          </button>
        </div>
      </Form>
      <p>{plural(rows.length, "tirocinio", "tirocini")}</p>
      {rows.length ? (
        <div className="table-responsive" tabIndex={0}>
          <table className="table">
            <caption className="visually-hidden">Tirocini da seguire</caption>
            <thead>
              <tr>
                <th scope="col">N.</th>
                <th scope="col">Tirocinio</th>
                <th scope="col">Azienda</th>
                <th scope="col">Sede</th>
                <th scope="col">Origine</th>
                <th scope="col">Stato</th>
                <th scope="col">Richiesto il</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>{r.number}</td>
                  <td>
                    <Link to={`/operatore/tirocini/${r.id}`}>{r.title}</Link>
                    {r.traineeName ? <div className="small">Tirocinante: {r.traineeName}</div> : null}
                    {r.reminders ? <div className="small text-danger">{plural(r.reminders, "promemoria", "promemoria")}</div> : null}
                  </td>
                  <td>{r.employerName}</td>
                  <td>{r.comune}</td>
                  <td>{SOURCE_LABELS[r.source]}</td>
                  <td>
                    <InternshipStateBadge state={r.state} />
                  </td>
                  <td>
                    {formatDate(r.createdAt)}
                    {r.state === "requested" && r.waitingDays >= slaDays ? (
                      <>
                        {" "}
                        <span className="badge bg-danger">In attesa da {plural(r.waitingDays, "giorno", "giorni")}</span>
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>Nessun tirocinio in questo stato.</p>
      )}
    </div>
  );
}
