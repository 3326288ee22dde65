import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { getFormProps } from "@conform-to/react";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { ErrorSummary, SelectField, TextField } from "~/components/forms";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import {
  assignProvider,
  cohortEvent,
  listCohort,
  listProviderUsers,
  markNoticeSent,
  recordInfoSession,
} from "~/domain/outplacement/index.server";
import { BulkActionSchema, MEMBER_STATE_LABELS, MEMBER_STATES, NOTICE_CHANNEL_LABELS, type MemberState } from "~/domain/outplacement";
import { DomainError } from "~/domain/errors";
import { todayInItaly } from "~/utils/dates";
import { formatDate, formatNumber } from "~/utils/format";
import { plural } from "~/utils/plural";
import { requireCohortOfficer } from "~/web/cohort-guards.server";
import { parseForm, useSchemaForm } from "~/web/conform";
import { replyDomainError, replyInvalid } from "~/web/conform.server";
import { redirectWithFlash } from "~/web/flash.server";
import { actorOf, notFound } from "~/web/session.server";

export const meta: MetaFunction = () => [{ title: "Lavoratori della coorte — Ricollocazione — Rosa" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, eventId } = await requireCohortOfficer(request, params);
  const url = new URL(request.url);
  const db = getDb();
  const stateParam = url.searchParams.get("stato");
  const state = (MEMBER_STATES as readonly string[]).includes(stateParam ?? "") ? (stateParam as MemberState) : null;
  const site = url.searchParams.get("sede")?.slice(0, 200) || null;
  const page = Math.max(1, Number.parseInt(url.searchParams.get("pagina") ?? "1", 10) || 1);
  try {
    const event = await cohortEvent(db, eventId);
    const cohort = await listCohort(db, actorOf(user, context), eventId, {
      state,
      site,
      page,
      unreachableTask: url.searchParams.get("compito") === "irraggiungibili",
    });
    return { event, cohort, providers: await listProviderUsers(db), filters: { state, site }, today: todayInItaly() };
  } catch (e) {
    if (e instanceof DomainError && e.kind === "not_found") throw notFound(e.message);
    throw e;
  }
}

const DONE = {
  notice: (n: number) => `Informativa segnata come inviata a ${plural(n, "lavoratore", "lavoratori")}.`,
  session: (n: number) => `Presenze registrate: ${plural(n, "lavoratore informato", "lavoratori informati")}.`,
  assign: (n: number) => `Assegnazione aggiornata per ${plural(n, "lavoratore", "lavoratori")}.`,
} as const;

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, eventId } = await requireCohortOfficer(request, params);
  const submission = parseForm(await request.formData(), BulkActionSchema);
  if (submission.status !== "success") return replyInvalid(submission);
  const v = submission.value;
  const actor = actorOf(user, context);
  let count = 0;
  try {
    count = await withTransaction(async (trx) => {
      await cohortEvent(trx, eventId);
      if (v.intent === "notice")
        return markNoticeSent(trx, actor, eventId, { memberIds: v.memberIds, sentOn: v.sentOn!, channel: v.channel! });
      if (v.intent === "session")
        return (await recordInfoSession(trx, actor, eventId, { heldOn: v.heldOn!, place: v.place!, memberIds: v.memberIds })).informed;
      return assignProvider(trx, actor, eventId, { memberIds: v.memberIds, providerUserId: v.providerUserId });
    });
  } catch (e) {
    return replyDomainError(e, submission);
  }
  return redirectWithFlash(new URL(request.url).pathname + new URL(request.url).search, {
    type: "success",
    message: DONE[v.intent](count),
  });
}

export default function CohortPage() {
  const { event, cohort, providers, filters, today } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const [form, fields] = useSchemaForm(BulkActionSchema, {
    id: "bulk",
    lastResult: result?.result,
    defaultValue: { sentOn: today, heldOn: today },
  });
  const base = `/operatore/ricollocazione/${event.id}`;
  const pageHref = (p: number) => {
    const next = new URLSearchParams(params);
    next.set("pagina", String(p));
    return `?${next.toString()}`;
  };
  const selectedError = fields.memberIds.errors?.[0];
  return (
    <div>
      <p>
        <Link to={base}>← {event.title}</Link>
      </p>
      <h1>Lavoratori della coorte</h1>
      <p className="lead">
        {event.employer_name}: {plural(cohort.cohortTotal, "lavoratore", "lavoratori")} nella coorte.{" "}
        <Link to={`${base}/importa`}>Importa l&apos;elenco dei lavoratori</Link> ·{" "}
        <Link to={`${base}/sessioni`}>Incontri e ore della coorte</Link>
      </p>

      <section aria-labelledby="counts-title" className="mb-4">
        <h2 id="counts-title" className="h5">
          Lavoratori per stato
        </h2>
        <ul className="list-inline">
          {MEMBER_STATES.filter((s) => cohort.stateCounts[s] > 0).map((s) => (
            <li key={s} className="list-inline-item me-3">
              <Link to={`?stato=${s}`}>
                {MEMBER_STATE_LABELS[s]}: {formatNumber(cohort.stateCounts[s])}
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <Form method="get" className="row g-3 align-items-end mb-4" aria-label="Filtra i lavoratori">
        <div className="col-md-4">
          <label htmlFor="f-stato">Stato</label>
          <select id="f-stato" name="stato" className="form-select" defaultValue={filters.state ?? ""}>
            <option value="">Tutti gli stati</option>
            {MEMBER_STATES.map((s) => (
              <option key={s} value={s}>
                {MEMBER_STATE_LABELS[s]} ({formatNumber(cohort.stateCounts[s])})
              </option>
            ))}
          </select>
        </div>
        <div className="col-md-4">
          <label htmlFor="f-sede">Sede</label>
          <select id="f-sede" name="sede" className="form-select" defaultValue={filters.site ?? ""}>
            <option value="">Tutte le sedi</option>
            {cohort.siteCounts.map((s) => (
              <option key={s.site} value={s.site}>
                {s.site} ({formatNumber(s.count)})
              </option>
            ))}
          </select>
        </div>
        <div className="col-md-4">
          <button type="submit" className="btn btn-outline-primary">
            Filtra
          </button>{" "}
          <Link to="?compito=irraggiungibili">Da segnare come non raggiungibili</Link>
        </div>
      </Form>

      <Form method="post" {...getFormProps(form)}>
        <ErrorSummary form={form} />
        <p aria-live="polite">
          {plural(cohort.total, "lavoratore trovato", "lavoratori trovati")}
          {cohort.pageCount > 1 ? `, pagina ${formatNumber(cohort.page)} di ${formatNumber(cohort.pageCount)}` : ""}.
        </p>
        {selectedError ? (
          <div id="bulk-memberIds" className="alert alert-danger" tabIndex={-1}>
            {selectedError}
          </div>
        ) : null}
        <div className="table-responsive" tabIndex={0} role="region" aria-label="Lavoratori della coorte">
          <table className="table">
            <caption className="visually-hidden">Lavoratori della coorte, con stato, informativa e ente assegnato</caption>
            <thead>
              <tr>
                <th scope="col">Scelta</th>
                <th scope="col">Lavoratore</th>
                <th scope="col">Sede</th>
                <th scope="col">Stato</th>
                <th scope="col">Informativa</th>
                <th scope="col">Ente</th>
              </tr>
            </thead>
            <tbody>
              {cohort.rows.map((m) => (
                <tr key={m.id}>
                  <td>
                    <div className="form-check">
                      <input id={`sel-${m.id}`} type="checkbox" name="memberIds" value={m.id} />
                      <label htmlFor={`sel-${m.id}`}>
                        Seleziona
                        <span className="visually-hidden">
                          {" "}
                          {m.first_name} {m.last_name}
                        </span>
                      </label>
                    </div>
                  </td>
                  <td>
                    <Link to={`${base}/lavoratori/${m.id}`}>
                      {m.last_name} {m.first_name}
                    </Link>
                    <br />
                    <small>{m.qualification}</small>
                  </td>
                  <td>{m.site}</td>
                  <td>
                    {MEMBER_STATE_LABELS[m.state]}
                    {m.unreachableDue ? (
                      <>
                        <br />
                        <span className="badge bg-warning text-dark">Da segnare come non raggiungibile</span>
                      </>
                    ) : null}
                    {m.missing_from_import_id ? (
                      <>
                        <br />
                        <span className="badge bg-warning text-dark">Assente dall&apos;ultimo elenco</span>
                      </>
                    ) : null}
                  </td>
                  <td>
                    {m.notice_sent_on
                      ? `${formatDate(m.notice_sent_on)}${m.notice_channel ? ` (${NOTICE_CHANNEL_LABELS[m.notice_channel as keyof typeof NOTICE_CHANNEL_LABELS] ?? m.notice_channel})` : ""}`
                      : "Da inviare"}
                  </td>
                  <td>{m.provider_name ? `${m.provider_name}${m.provider_organisation ? ` — ${m.provider_organisation}` : ""}` : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {cohort.pageCount > 1 ? (
          <nav aria-label="Pagine dei lavoratori" className="mb-4">
            <ul className="pagination">
              {cohort.page > 1 ? (
                <li className="page-item">
                  <Link className="page-link" to={pageHref(cohort.page - 1)}>
                    Pagina precedente
                  </Link>
                </li>
              ) : null}
              {cohort.page < cohort.pageCount ? (
                <li className="page-item">
                  <Link className="page-link" to={pageHref(cohort.page + 1)}>
                    Pagina successiva
                  </Link>
                </li>
              ) : null}
            </ul>
          </nav>
        ) : null}

        <h2 className="h4 mt-4">Azioni sui lavoratori selezionati</h2>
        <div className="row">
          <fieldset className="col-lg-4 mb-4">
            <legend className="h5">Informativa (art. 14 GDPR)</legend>
            <TextField field={fields.sentOn} label="Inviata il" type="date" />
            <SelectField field={fields.channel} label="Canale" options={NOTICE_CHANNEL_LABELS} placeholder="Scegli…" />
            <button type="submit" name="intent" value="notice" className="btn btn-primary">
              Segna come inviata
            </button>
          </fieldset>
          <fieldset className="col-lg-4 mb-4">
            <legend className="h5">Sessione informativa collettiva</legend>
            <TextField field={fields.heldOn} label="Tenuta il" type="date" />
            <TextField field={fields.place} label="Luogo" hint="Per esempio: sala mensa dello stabilimento" />
            <button type="submit" name="intent" value="session" className="btn btn-primary">
              Registra i presenti
            </button>
          </fieldset>
          <fieldset className="col-lg-4 mb-4">
            <legend className="h5">Ente accreditato</legend>
            <SelectField
              field={fields.providerUserId}
              label="Operatore dell'ente"
              options={providers.map((p) => [p.id, `${p.full_name}${p.organisation ? ` — ${p.organisation}` : ""}`] as [string, string])}
              placeholder="Nessuno (togli l'assegnazione)"
            />
            <button type="submit" name="intent" value="assign" className="btn btn-primary">
              Assegna
            </button>
          </fieldset>
        </div>
      </Form>
      {/* Plans (reinsertion) and outcomes of the cohort are reached from each worker's page. */}
    </div>
  );
}
