import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { CheckboxField, ErrorSummary, Notice, SelectField, TextField } from "~/components/forms";
import { FacetGroup } from "~/components/facet-group";
import { LookupInput } from "~/components/lookup-input";
import { Pager } from "~/components/pager";
import { getDb } from "~/db/db.server";
import { recordAudit } from "~/domain/audit/commands.server";
import { LANGUAGE_LABELS, LICENCE_LABELS, PROTECTED_CATEGORY_LABELS } from "~/domain/candidates/schema";
import { STUDY_LEVELS } from "~/domain/reference";
import { auditableSearch, searchCandidates, type CandidateSearchResult } from "~/domain/candidates/search.server";
import {
  AVAILABILITY_LABELS,
  CandidateSearchSchema,
  RADIUS_OPTIONS,
  SORT_LABELS,
  searchParamsToRaw,
  type MatchReason,
} from "~/domain/candidates/search-query";
import { DomainError } from "~/domain/errors";
import { formatDate, formatNumber } from "~/utils/format";
import { zodFieldErrors, type FieldErrors } from "~/utils/forms";
import { actorOf, forbidden, requirePermission } from "~/web/session.server";
import { getMeili } from "../../search/client.server";
import { plural } from "~/utils/plural";
import { log } from "~/utils/logger.server";

export const meta: MetaFunction = () => [{ title: "Cerca candidati — Rosa" }];

const EMPTY: CandidateSearchResult = { hits: [], total: 0, page: 1, totalPages: 1, facets: [], center: null };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "candidates:read");
  const url = new URL(request.url);
  const values = Object.fromEntries(url.searchParams.entries());
  const parsed = CandidateSearchSchema.safeParse(searchParamsToRaw(url.searchParams));
  const fail = (errors: FieldErrors) => data({ errors, values, result: EMPTY, unavailable: false }, { status: 400 });
  if (!parsed.success) return fail(zodFieldErrors(parsed.error));
  let result: CandidateSearchResult;
  try {
    result = await searchCandidates(getDb(), getMeili(), user, parsed.data);
  } catch (e) {
    if (e instanceof DomainError && e.kind === "forbidden") throw forbidden();
    if (e instanceof DomainError) return fail({ [e.field]: e.message });
    if (e instanceof Response) throw e;
    // Meilisearch down: PostgreSQL still has every CV, the page says so instead of failing.
    log().error({ err: e }, "[candidate-search] ricerca non disponibile");
    return data({ errors: undefined, values, result: EMPTY, unavailable: true }, { status: 503 });
  }
  // Searching the CV database is access to personal data: recorded, with the criteria (not the results).
  await recordAudit(getDb(), actorOf(user, context), {
    action: "candidates.searched",
    entityType: "candidate",
    details: { ...auditableSearch(parsed.data), results: result.total },
  });
  return { errors: undefined, values, result, unavailable: false };
}

function Highlighted({ reason }: { reason: MatchReason }) {
  return (
    <li>
      <span className="fw-semibold">{reason.label}:</span>{" "}
      {reason.parts.map((p, i) => (p.hit ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </li>
  );
}

export default function CandidateSearchPage() {
  const { errors, values, result, unavailable } = useLoaderData<typeof loader>();
  const sortOptions = Object.entries(SORT_LABELS) as [string, string][];
  const location = useLocation();
  const withOccupations = new URLSearchParams(location.search);
  withOccupations.set("showOccupations", "1");
  return (
    <div>
      <h1>Cerca candidati</h1>
      <p className="lead">
        Tutta la banca dati dei CV: testo libero su propensioni, esperienze, competenze e CV in PDF, con filtri e raggio dal comune.
      </p>
      <p className="d-flex gap-3">
        <Link to="/operatore/candidati/nuovo" className="btn btn-outline-primary btn-sm">
          Nuovo candidato
        </Link>
        <Link to="/operatore/candidati/importa" className="btn btn-outline-primary btn-sm">
          Importa da CSV
        </Link>
      </p>
      <ErrorSummary errors={errors} />
      {unavailable ? (
        <Notice type="warning">La ricerca non è al momento disponibile (motore di ricerca non raggiungibile). Riprova tra poco.</Notice>
      ) : null}
      <Form method="get" role="search" aria-label="Cerca candidati">
        <div className="row align-items-end">
          <div className="col-lg-4">
            <TextField
              name="q"
              label="Cerca (professione, competenze, nome…)"
              hint="Le professioni si trovano anche con le voci professionali ISTAT, al maschile e al femminile (Fonte: Istat). Il luogo si sceglie a fianco."
              values={values}
              errors={errors}
              maxLength={200}
            />
          </div>
          <div className="col-lg-3">
            <LookupInput name="comune" label="Vicino a (comune)" source="/api/comuni" values={values} errors={errors} />
          </div>
          <div className="col-lg-2">
            <SelectField
              name="radiusKm"
              label="Entro"
              values={values}
              errors={errors}
              defaultValue="20"
              options={RADIUS_OPTIONS.map((r) => [String(r), `${r} km`])}
            />
          </div>
          <div className="col-lg-2">
            <SelectField name="sort" label="Ordina per" values={values} errors={errors} options={sortOptions} />
          </div>
          <div className="col-lg-1 mb-4">
            <button type="submit" className="btn btn-primary w-100">
              Cerca
            </button>
          </div>
        </div>
        <div className="row">
          <div className="col-lg-3">
            <h2 className="h5">Filtri</h2>
            <CheckboxField
              name="outplacement"
              label="Solo lavoratori in ricollocazione"
              hint="Lavoratori di un evento di crisi nel periodo di priorità"
              values={values}
              errors={errors}
            />
            {values.showOccupations === "1" ? <input type="hidden" name="showOccupations" value="1" /> : null}
            {result.facets.map((f) => (
              <FacetGroup key={f.param} facet={f} showHref={`?${withOccupations}#facet-group-${f.param}`} />
            ))}
            {result.facets.length ? (
              <button type="submit" className="btn btn-outline-primary btn-sm mb-4">
                Applica i filtri
              </button>
            ) : null}
          </div>
          <div className="col-lg-9">
            <h2 className="h5" aria-live="polite">
              {result.total === 0 ? "Nessun candidato trovato" : plural(result.total, "candidato trovato", "candidati trovati")}
              {result.center ? ` entro ${values.radiusKm ?? 20} km da ${result.center.label}` : ""}
            </h2>
            <ul className="list-unstyled" data-testid="candidate-results">
              {result.hits.map((h) => (
                <li key={h.id} className="card card-bg mb-3">
                  <div className="card-body">
                    <h3 className="h5 card-title mb-1">
                      <Link to={`/operatore/candidati/${h.id}`}>{h.fullName}</Link>
                    </h3>
                    <p className="mb-1">
                      {h.comune}
                      {h.distanceKm !== null ? <strong> · a {formatNumber(h.distanceKm)} km</strong> : null}
                      {" · "}CV aggiornato il {formatDate(h.cvUpdatedAt)}{" "}
                      {h.obsolete ? <span className="badge bg-warning text-dark">CV obsoleto</span> : null}{" "}
                      {!h.consentVisible ? <span className="badge bg-danger">Consenso ritirato</span> : null}{" "}
                      {h.protectedCategory && h.protectedCategory !== "none" ? (
                        <span className="badge bg-info text-dark" title={PROTECTED_CATEGORY_LABELS[h.protectedCategory]}>
                          L. 68/99 {h.protectedCategory === "art1" ? "art. 1" : "art. 18"}
                        </span>
                      ) : null}
                    </p>
                    <p className="mb-1">
                      <span className="fw-semibold">Propensioni:</span> {h.preferences.join(" · ")}
                    </p>
                    <p className="mb-1 small text-muted">
                      {h.studyLevel >= 0
                        ? `${STUDY_LEVELS[String(h.studyLevel)] ?? `Livello ${h.studyLevel}`}${h.educationLevel ? ` (EQF ${h.educationLevel})` : ""}`
                        : "Titolo non indicato"}
                      {h.licences.length ? ` · Patenti: ${h.licences.map((l) => LICENCE_LABELS[l] ?? l).join(", ")}` : ""}
                      {h.languages.length ? ` · Lingue: ${h.languages.map((l) => LANGUAGE_LABELS[l] ?? l).join(", ")}` : ""}
                      {h.availability.length ? ` · ${h.availability.map((a) => AVAILABILITY_LABELS[a] ?? a).join(", ")}` : ""}
                    </p>
                    {h.outplacement ? (
                      <p className="mb-1 small" data-testid="outplacement-badge">
                        <span className="badge bg-primary">In ricollocazione</span>{" "}
                        {h.outplacement.events.map((e, i) => (
                          <span key={e.id}>
                            {i ? ", " : "evento "}
                            <Link to={`/operatore/ricollocazione/${e.id}`}>{e.title}</Link>
                          </span>
                        ))}
                        {" · "}priorità fino al {formatDate(h.outplacement.priorityTo)}
                      </p>
                    ) : null}
                    {h.reasons.length ? (
                      <div className="small">
                        <span className="visually-hidden">Perché corrisponde:</span>
                        <ul className="mb-0">
                          {h.reasons.map((r, i) => (
                            <Highlighted key={i} reason={r} />
                          ))}
                        </ul>
                      </div>
                    ) : null}
                  </div>
                </li>
              ))}
            </ul>
            <Pager page={result.page} hasMore={result.page < result.totalPages} />
          </div>
        </div>
      </Form>
    </div>
  );
}
