import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Notice, TextField } from "~/components/forms";
import { MatchExplanation } from "~/components/match-explanation";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { recordAudit } from "~/domain/audit/commands.server";
import { DomainError } from "~/domain/errors";
import { acceptedApplicants, assertMatchable, loadMatchVacancy, runMatch, SearchUnavailableError } from "~/domain/matching/search.server";
import { matchRequirementLabel } from "~/domain/matching/requirements";
import { createShortlist } from "~/domain/shortlists/commands.server";
import { mayMatchReserved, requireMatchingOfficer } from "~/domain/shortlists/policy.server";
import { exposureCounts, listVacancyShortlists } from "~/domain/shortlists/queries.server";
import { EXPOSURE_DAYS } from "~/domain/shortlists/states";
import { CreateShortlistSchema, MatchParamsSchema } from "~/domain/shortlists/schema";
import { vacancyIdFrom } from "~/domain/vacancies/policy.server";
import { domainErrorResponse, invalid } from "~/utils/action.server";
import { getEnv } from "~/utils/env.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { formatDate } from "~/utils/format";
import { zodFieldErrors, formValues } from "~/utils/forms";
import { actorOf, forbidden, notFound } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Abbinamento candidati — Rosa" }];

async function vacancyFor(request: Request, params: unknown) {
  const { user } = await requireMatchingOfficer(request);
  const vacancyId = vacancyIdFrom(params);
  const vacancy = await loadMatchVacancy(getDb(), vacancyId);
  if (!vacancy) throw notFound("Offerta non trovata");
  if (vacancy.l68Reserved !== "no" && !mayMatchReserved(user)) throw forbidden();
  return { user, vacancy };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, vacancy } = await vacancyFor(request, params);
  const parsed = MatchParamsSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  const relaxed = parsed.success ? parsed.data.rilassa.filter((id) => vacancy.requirements.some((r) => r.id === id)) : [];
  const db = getDb();
  const shortlists = await listVacancyShortlists(db, vacancy.id);
  const base = { vacancy: { ...vacancy, requirementLabels: Object.fromEntries(vacancy.requirements.map((r) => [r.id, matchRequirementLabel(r)])) }, relaxed, shortlists };
  try {
    assertMatchable(vacancy.status);
    const match = await runMatch(vacancy, { relaxed, cvObsoleteMonths: getEnv().CV_OBSOLETE_MONTHS, selfApplied: await acceptedApplicants(getDb(), vacancy.id) });
    const exposure = await exposureCounts(db, match.hits.map((h) => h.id));
    // Names of people in the CV database are personal data: the list shown is audited.
    await recordAudit(db, actorOf(user, context), {
      action: "matching.run",
      entityType: "vacancy",
      entityId: vacancy.id,
      employerId: vacancy.employerId,
      details: { relaxed, total: match.total, shown: match.hits.map((h) => h.id) },
    });
    return {
      ...base,
      error: null,
      total: match.total,
      serverMs: match.serverMs,
      conditions: match.plan.conditions.map((c) => c.label),
      manual: match.plan.manual.map((r) => matchRequirementLabel(r)),
      relaxation: match.relaxation,
      hits: match.hits.map((h) => ({ ...h, exposure: exposure[h.id] ?? 0 })),
    };
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    return { ...base, error: e.message, total: 0, serverMs: 0, conditions: [], manual: [], relaxation: [], hits: [] };
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, vacancy } = await vacancyFor(request, params);
  const formData = await request.formData();
  const values = formValues(formData);
  const parsed = CreateShortlistSchema.safeParse({ title: formData.get("title") ?? undefined, candidateIds: formData.getAll("candidateIds"), relaxed: formData.get("relaxed") ?? "" });
  if (!parsed.success) return invalid(zodFieldErrors(parsed.error), values);
  const relaxed = parsed.data.relaxed.split(",").filter((id) => vacancy.requirements.some((r) => r.id === id));
  let shortlistId: string;
  try {
    assertMatchable(vacancy.status);
    // The search runs again on the server: the snapshot is what the engine says now, not what the page sent.
    const match = await runMatch(vacancy, { relaxed, cvObsoleteMonths: getEnv().CV_OBSOLETE_MONTHS, selfApplied: await acceptedApplicants(getDb(), vacancy.id) });
    shortlistId = await withTransaction((trx) =>
      createShortlist(trx, actorOf(user, context), {
        vacancyId: vacancy.id,
        employerId: vacancy.employerId,
        vacancyStatus: vacancy.status,
        title: parsed.data.title,
        candidateIds: parsed.data.candidateIds,
        relaxed,
        match,
      }),
    );
  } catch (e) {
    if (e instanceof SearchUnavailableError) return invalid({ _form: e.message }, values, 503);
    return domainErrorResponse(e, values);
  }
  return redirectWithFlash(`/operatore/rose/${shortlistId}`, { type: "success", message: "Rosa creata: ora verifica la disponibilità dei candidati." });
}

function relaxLink(relaxed: string[], toggle: string) {
  const next = relaxed.includes(toggle) ? relaxed.filter((id) => id !== toggle) : [...relaxed, toggle];
  return next.length ? `?rilassa=${next.join(",")}` : "?";
}

export default function MatchPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { vacancy, relaxed } = data;
  const musts = vacancy.requirements.filter((r) => r.priority === "must");
  return (
    <div>
      <p>
        <Link to="/operatore/preselezione">← Preselezione</Link>
      </p>
      <h1>
        Candidati per l'offerta n. {vacancy.number}: {vacancy.title}
      </h1>
      <p>
        {vacancy.occupationTitle} ({vacancy.occupationCode}) a {vacancy.comuneName}, entro {vacancy.radiusKm} km. Posizioni: {vacancy.positions}.
      </p>
      {data.error ? <Notice type="danger">{data.error}</Notice> : null}
      <ErrorSummary errors={result?.errors} />
      {data.shortlists.length ? (
        <section>
          <h2 className="h4">Rose già create</h2>
          <ul>
            {data.shortlists.map((s) => (
              <li key={s.id}>
                <Link to={`/operatore/rose/${s.id}`}>{s.title}</Link> — creata il {formatDate(s.created_at)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {!data.error ? (
        <>
          <section aria-labelledby="criteri">
            <h2 className="h4" id="criteri">
              Criteri della ricerca
            </h2>
            <ul>
              {data.conditions.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
            {musts.length ? (
              <table className="table table-sm">
                <caption>Requisiti indispensabili: quanti candidati in più porterebbe rilassarli</caption>
                <thead>
                  <tr>
                    <th scope="col">Requisito</th>
                    <th scope="col">Stato</th>
                    <th scope="col">Azione</th>
                  </tr>
                </thead>
                <tbody>
                  {musts.map((r) => {
                    const extra = data.relaxation.find((x) => x.requirementId === r.id)?.extra;
                    const isRelaxed = relaxed.includes(r.id);
                    return (
                      <tr key={r.id}>
                        <td>{vacancy.requirementLabels[r.id]}</td>
                        <td>{isRelaxed ? "Rilassato" : extra === undefined ? "Da verificare a mano" : "Applicato"}</td>
                        <td>
                          {isRelaxed ? (
                            <Link to={relaxLink(relaxed, r.id)}>Ripristina il requisito</Link>
                          ) : extra !== undefined ? (
                            <Link to={relaxLink(relaxed, r.id)}>
                              Rilassa il requisito «{vacancy.requirementLabels[r.id]}» (+{extra} candidati)
                            </Link>
                          ) : null}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            ) : null}
            {data.manual.length ? <p>Da verificare a colloquio: {data.manual.join("; ")}.</p> : null}
          </section>
          <section aria-labelledby="risultati">
            <h2 className="h4" id="risultati">
              {data.total === 1 ? "1 candidato trovato" : `${data.total} candidati trovati`}
              {data.hits.length < data.total ? `, i primi ${data.hits.length} per punteggio` : ""}
            </h2>
            <p className="small text-muted">Tempo del motore: {data.serverMs} ms. A parità di punteggio: prima i più vicini, poi i CV più recenti.</p>
            {data.hits.length ? (
              <Form method="post" noValidate>
                <input type="hidden" name="relaxed" value={relaxed.join(",")} />
                <table className="table">
                  <caption>Candidati in ordine di punteggio, con la spiegazione</caption>
                  <thead>
                    <tr>
                      <th scope="col">Scegli</th>
                      <th scope="col">Candidato</th>
                      <th scope="col">Perché</th>
                      <th scope="col">Presentato negli ultimi {EXPOSURE_DAYS} giorni</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.hits.map((h) => (
                      <tr key={h.id}>
                        <td>
                          <input type="checkbox" className="form-check-input" name="candidateIds" value={h.id} id={`pick-${h.id}`} aria-label={`Scegli ${h.fullName}`} />
                        </td>
                        <td>
                          <label htmlFor={`pick-${h.id}`}>{h.fullName}</label>
                          <div className="small">{h.comuneName}</div>
                          {h.selfApplied ? <span className="badge bg-secondary">Auto-candidatura accettata</span> : null}
                        </td>
                        <td>
                          <MatchExplanation e={h.explanation} />
                        </td>
                        <td>{h.exposure === 0 ? "Mai" : `${h.exposure} volte`}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <div className="col-lg-6">
                  <TextField name="title" label="Nome della rosa" required defaultValue={`Rosa per ${vacancy.title}`} errors={result?.errors} values={result?.values} />
                </div>
                <button type="submit" className="btn btn-primary">
                  Crea la rosa con i candidati scelti
                </button>
              </Form>
            ) : (
              <p>Nessun candidato soddisfa tutti i requisiti: prova a rilassarne uno.</p>
            )}
          </section>
        </>
      ) : null}
    </div>
  );
}
