import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Notice, TextField } from "~/components/forms";
import { MatchExplanation } from "~/components/match-explanation";
import { Pager } from "~/components/pager";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { recordAudit } from "~/domain/audit/commands.server";
import { DomainError } from "~/domain/errors";
import {
  acceptedApplicants,
  assertMatchable,
  loadMatchVacancy,
  runMatch,
  SearchUnavailableError,
  TOP_N,
} from "~/domain/matching/search.server";
import { matchRequirementLabel } from "~/domain/matching/requirements";
import { createShortlist } from "~/domain/shortlists/commands.server";
import { mayMatchReserved } from "~/domain/shortlists/policy.server";
import { exposureCounts, listVacancyShortlists } from "~/domain/shortlists/queries.server";
import { EXPOSURE_DAYS } from "~/domain/shortlists/states";
import { CreateShortlistSchema, MatchParamsSchema } from "~/domain/shortlists/schema";
import { parseForm, useSchemaForm } from "~/web/conform";
import { replyDomainError, replyInvalid } from "~/web/conform.server";
import { getFormProps } from "@conform-to/react";
import { getEnv } from "~/utils/env.server";
import { redirectWithFlash } from "~/web/flash.server";
import { formatDate, formatNumber } from "~/utils/format";
import { formValues } from "~/utils/forms";
import { actorOf, forbidden, notFound } from "~/web/session.server";
import { plural } from "~/utils/plural";
import { requireMatchingOfficer, vacancyIdFrom } from "~/web/guards.server";

export const meta: MetaFunction = () => [{ title: "Abbinamento candidati — Rosa" }];

async function vacancyFor(request: Request, params: unknown) {
  const { user } = await requireMatchingOfficer(request);
  const vacancyId = vacancyIdFrom(params);
  const vacancy = await loadMatchVacancy(getDb(), vacancyId);
  if (!vacancy) throw notFound("Offerta non trovata");
  if (vacancy.l68Reserved !== "no" && !mayMatchReserved(user)) throw forbidden();
  return { user, vacancy };
}

/** The officer's choices from the URL (or the rosa form): unknown requirement ids are dropped, bad values fall back to the vacancy's own. */
function matchChoices(raw: Record<string, unknown>, vacancy: { requirements: { id: string }[] }) {
  const parsed = MatchParamsSchema.safeParse(raw);
  const p = parsed.success ? parsed.data : MatchParamsSchema.parse({});
  return {
    relaxed: p.rilassa.filter((id) => vacancy.requirements.some((r) => r.id === id)),
    options: {
      radiusKm: p.raggio,
      includeObsolete: p.obsoleti,
      preferLessPresented: p.menopresentati,
      cohortFirst: p.ricollocazione,
      page: p.pagina,
    },
    error: parsed.success
      ? null
      : "Alcuni parametri della ricerca non erano validi: è stata eseguita la ricerca con i criteri dell'offerta.",
  };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, vacancy } = await vacancyFor(request, params);
  const { relaxed, options, error: paramsError } = matchChoices(Object.fromEntries(new URL(request.url).searchParams), vacancy);
  const db = getDb();
  const shortlists = await listVacancyShortlists(db, vacancy.id);
  const base = {
    vacancy: { ...vacancy, requirementLabels: Object.fromEntries(vacancy.requirements.map((r) => [r.id, matchRequirementLabel(r)])) },
    relaxed,
    shortlists,
    paramsError,
    options: { ...options, radiusKm: options.radiusKm ?? vacancy.radiusKm },
  };
  try {
    assertMatchable(vacancy.status);
    const match = await runMatch(vacancy, {
      relaxed,
      options,
      withControls: true,
      employerId: vacancy.employerId,
      exposureDays: EXPOSURE_DAYS,
      cvObsoleteMonths: getEnv().CV_OBSOLETE_MONTHS,
      selfApplied: await acceptedApplicants(getDb(), vacancy.id),
    });
    const exposure = await exposureCounts(
      db,
      match.hits.map((h) => h.id),
    );
    // Names of people in the CV database are personal data: the list shown is audited.
    await recordAudit(db, actorOf(user, context), {
      action: "matching.run",
      entityType: "vacancy",
      entityId: vacancy.id,
      employerId: vacancy.employerId,
      details: { relaxed, options: match.options, total: match.total, shown: match.hits.map((h) => h.id) },
    });
    return {
      ...base,
      error: null,
      total: match.total,
      offset: match.offset,
      page: match.page,
      totalPages: match.totalPages,
      pageSize: TOP_N,
      controls: match.controls ?? null,
      serverMs: match.serverMs,
      conditions: match.plan.conditions.map((c) => c.label),
      manual: match.plan.manual.map((r) => matchRequirementLabel(r)),
      relaxation: match.relaxation,
      toVerify: match.toVerify,
      hits: match.hits.map((h) => ({ ...h, exposure: exposure[h.id] ?? 0 })),
    };
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    return {
      ...base,
      error: e.message,
      total: 0,
      offset: 0,
      page: 1,
      totalPages: 1,
      pageSize: TOP_N,
      controls: null,
      serverMs: 0,
      conditions: [],
      manual: [],
      relaxation: [],
      toVerify: [],
      hits: [],
    };
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, vacancy } = await vacancyFor(request, params);
  const formData = await request.formData();
  const values = formValues(formData);
  const parsed = parseForm(formData, CreateShortlistSchema);
  if (parsed.status !== "success") return replyInvalid(parsed);
  const { relaxed, options } = matchChoices({ ...values, rilassa: parsed.value.relaxed }, vacancy);
  let shortlistId: string;
  try {
    assertMatchable(vacancy.status);
    // The search runs again on the server, on the same page with the same choices: the snapshot is what the engine says now, not what the page sent.
    const match = await runMatch(vacancy, {
      relaxed,
      options,
      exposureDays: EXPOSURE_DAYS,
      cvObsoleteMonths: getEnv().CV_OBSOLETE_MONTHS,
      selfApplied: await acceptedApplicants(getDb(), vacancy.id),
    });
    shortlistId = await withTransaction((trx) =>
      createShortlist(trx, actorOf(user, context), {
        vacancyId: vacancy.id,
        employerId: vacancy.employerId,
        vacancyStatus: vacancy.status,
        title: parsed.value.title,
        candidateIds: parsed.value.candidateIds,
        relaxed,
        match,
      }),
    );
  } catch (e) {
    if (e instanceof SearchUnavailableError) return replyInvalid(parsed, { formError: e.message, status: 503 });
    return replyDomainError(e, parsed);
  }
  return redirectWithFlash(`/operatore/rose/${shortlistId}`, {
    type: "success",
    message: "Rosa creata: ora verifica la disponibilità dei candidati.",
  });
}

interface Choices {
  relaxed: string[];
  options: { radiusKm: number; includeObsolete: boolean; preferLessPresented: boolean; cohortFirst: boolean };
}

/** The same search with one must-have relaxed or restored, from page 1; the officer's other choices are kept. */
function relaxLink(current: Choices, toggle: string) {
  const relaxed = current.relaxed.includes(toggle) ? current.relaxed.filter((id) => id !== toggle) : [...current.relaxed, toggle];
  const p = new URLSearchParams();
  if (relaxed.length) p.set("rilassa", relaxed.join(","));
  p.set("raggio", String(current.options.radiusKm));
  if (current.options.includeObsolete) p.set("obsoleti", "1");
  if (current.options.preferLessPresented) p.set("menopresentati", "1");
  if (current.options.cohortFirst) p.set("ricollocazione", "1");
  return `?${p}`;
}

const candidati = (n: number) => plural(n, "candidato", "candidati");

export default function MatchPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { vacancy, relaxed } = data;
  const [form, fields] = useSchemaForm(CreateShortlistSchema, {
    id: "shortlist",
    lastResult: result?.result,
    defaultValue: { title: `Rosa per ${vacancy.title}` },
  });
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
        {vacancy.occupationTitle} ({vacancy.occupationCode}) a {vacancy.comuneName}, entro {vacancy.radiusKm} km. Posizioni:{" "}
        {vacancy.positions}.
      </p>
      {data.error ? <Notice type="danger">{data.error}</Notice> : null}
      <ErrorSummary form={form} />
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
              <div className="table-responsive" tabIndex={0}>
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
                      const unverified = data.toVerify.find((x) => x.requirementId === r.id)?.count ?? 0;
                      const isRelaxed = relaxed.includes(r.id);
                      return (
                        <tr key={r.id}>
                          <td>{vacancy.requirementLabels[r.id]}</td>
                          <td>
                            {isRelaxed ? "Rilassato" : extra === undefined ? "Da verificare a mano" : "Applicato"}
                            {!isRelaxed && unverified ? `: ${candidati(unverified)} da verificare (il CV non lo dice)` : ""}
                          </td>
                          <td>
                            {isRelaxed ? (
                              <Link to={relaxLink(data, r.id)}>Ripristina il requisito</Link>
                            ) : extra !== undefined ? (
                              <Link to={relaxLink(data, r.id)}>
                                Rilassa il requisito «{vacancy.requirementLabels[r.id]}» (+{candidati(extra)})
                              </Link>
                            ) : null}
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            ) : null}
            {data.manual.length ? <p>Da verificare a colloquio: {data.manual.join("; ")}.</p> : null}
          </section>
          {data.controls ? <MatchControlsForm data={data} controls={data.controls} /> : null}
          <section aria-labelledby="risultati">
            <h2 className="h4" id="risultati">
              {plural(data.total, "candidato trovato", "candidati trovati")}
              {data.hits.length && data.total > data.hits.length
                ? `: dal ${data.offset + 1}° al ${data.offset + data.hits.length}° per punteggio`
                : ""}
            </h2>
            <p className="small text-muted">
              Tempo del motore: {data.serverMs} ms. A parità di punteggio:{" "}
              {data.options.preferLessPresented ? `prima chi non è stato presentato negli ultimi ${EXPOSURE_DAYS} giorni, poi ` : ""}i più
              vicini, poi i CV più recenti.
              {data.options.cohortFirst ? " Prima i lavoratori in ricollocazione (ciascun gruppo in ordine di punteggio)." : ""}
            </p>
            {data.hits.length ? (
              <>
                <Form method="post" {...getFormProps(form)}>
                  <input type="hidden" name="relaxed" value={relaxed.join(",")} />
                  <input type="hidden" name="raggio" value={data.options.radiusKm} />
                  <input type="hidden" name="pagina" value={data.page} />
                  {data.options.includeObsolete ? <input type="hidden" name="obsoleti" value="1" /> : null}
                  {data.options.preferLessPresented ? <input type="hidden" name="menopresentati" value="1" /> : null}
                  {data.options.cohortFirst ? <input type="hidden" name="ricollocazione" value="1" /> : null}
                  <div className="table-responsive" tabIndex={0}>
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
                              <input
                                type="checkbox"
                                className="form-check-input"
                                name="candidateIds"
                                value={h.id}
                                id={`pick-${h.id}`}
                                aria-label={`Scegli ${h.fullName}`}
                              />
                            </td>
                            <td>
                              <label htmlFor={`pick-${h.id}`}>{h.fullName}</label>
                              <div className="small">{h.comuneName}</div>
                              {h.selfApplied ? <span className="badge bg-secondary">Auto-candidatura accettata</span> : null}
                              {h.obsolete ? <span className="badge bg-warning text-dark">CV obsoleto: verificalo</span> : null}
                            </td>
                            <td>
                              {h.outplacement ? (
                                <p className="small mb-1" data-testid="outplacement-note">
                                  <span className={`badge ${h.outplacement.rehire ? "bg-success" : "bg-primary"}`}>
                                    {h.outplacement.rehire ? "Precedenza nella riassunzione" : "In ricollocazione"}
                                  </span>{" "}
                                  {h.outplacement.text}
                                </p>
                              ) : null}
                              <MatchExplanation e={h.explanation} />
                            </td>
                            <td>{h.exposure === 0 ? "Mai" : plural(h.exposure, "volta", "volte")}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                  <div className="col-lg-6">
                    <TextField field={fields.title} label="Nome della rosa" />
                  </div>
                  {vacancy.status === "validated" ? (
                    <p className="small">
                      Creando la rosa avvii anche la preselezione: l'offerta convalidata viene pubblicata sulla bacheca pubblica e raccoglie
                      candidature (se non è «solo interna»).
                    </p>
                  ) : null}
                  <button type="submit" className="btn btn-primary">
                    Crea la rosa con i candidati scelti
                  </button>
                </Form>
                <Pager page={data.page} totalPages={data.totalPages} param="pagina" />
                {data.total > data.totalPages * data.pageSize ? (
                  <p className="small">
                    Sono elencati i primi {formatNumber(data.totalPages * data.pageSize)} per punteggio: rilassa meno requisiti o riduci il
                    raggio per vedere gli altri.
                  </p>
                ) : null}
              </>
            ) : (
              <p>Nessun candidato soddisfa tutti i requisiti: prova a rilassarne uno.</p>
            )}
          </section>
        </>
      ) : null}
    </div>
  );
}

type PageData = ReturnType<typeof useLoaderData<typeof loader>>;

/** Radius, obsolete CVs and the less-presented preference, each with what it would change counted beforehand. */
function MatchControlsForm({ data, controls }: { data: PageData; controls: NonNullable<PageData["controls"]> }) {
  const own = data.vacancy.radiusKm;
  return (
    <section aria-labelledby="scelte">
      <h2 className="h4" id="scelte">
        Allarga o ordina la ricerca
      </h2>
      <Form method="get" className="row g-3 align-items-end">
        {data.relaxed.length ? <input type="hidden" name="rilassa" value={data.relaxed.join(",")} /> : null}
        {controls.radius.length ? (
          <div className="col-md-4">
            <label htmlFor="raggio" className="form-label">
              Distanza dalla sede
            </label>
            <select id="raggio" name="raggio" className="form-select" defaultValue={String(data.options.radiusKm)}>
              {controls.radius.map((r) => (
                <option key={r.km} value={r.km}>
                  {`Entro ${r.km} km${r.km === own ? " (quella dell'offerta)" : ""}: ${candidati(r.total)}`}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="col-md-8">
          <div className="form-check">
            <input
              className="form-check-input"
              type="checkbox"
              id="obsoleti"
              name="obsoleti"
              value="1"
              defaultChecked={data.options.includeObsolete}
            />
            <label className="form-check-label" htmlFor="obsoleti">
              {data.options.includeObsolete
                ? `Includi anche i CV obsoleti, segnalati (${controls.obsolete ? `${candidati(controls.obsolete)} tra i risultati` : "nessuno tra i risultati"})`
                : `Includi anche i CV obsoleti, segnalati (${controls.obsolete ? `+${candidati(controls.obsolete)}` : "nessun candidato in più"})`}
            </label>
          </div>
          <div className="form-check">
            <input
              className="form-check-input"
              type="checkbox"
              id="menopresentati"
              name="menopresentati"
              value="1"
              defaultChecked={data.options.preferLessPresented}
            />
            <label className="form-check-label" htmlFor="menopresentati">
              {`A parità di punteggio, metti dopo chi è stato presentato a un'azienda negli ultimi ${EXPOSURE_DAYS} giorni (${controls.recentlyPresented ? `${candidati(controls.recentlyPresented)} tra i risultati` : "nessuno tra i risultati"}; il numero dei risultati non cambia)`}
            </label>
          </div>
          <div className="form-check">
            <input
              className="form-check-input"
              type="checkbox"
              id="ricollocazione"
              name="ricollocazione"
              value="1"
              defaultChecked={data.options.cohortFirst}
            />
            <label className="form-check-label" htmlFor="ricollocazione">
              {`Mostra prima i lavoratori in ricollocazione (${controls.cohort ? `${candidati(controls.cohort)} tra i risultati` : "nessuno tra i risultati"}; il numero dei risultati non cambia; nessuna precedenza di legge presso altri datori di lavoro)`}
            </label>
          </div>
        </div>
        <div className="col-12">
          <button type="submit" className="btn btn-outline-primary">
            Aggiorna la ricerca
          </button>
        </div>
      </Form>
    </section>
  );
}
