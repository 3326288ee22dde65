import { todayInItaly } from "~/utils/dates";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { getFormProps } from "@conform-to/react";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary, Notice, TextAreaField } from "~/components/forms";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { ProspettoFormSchema, describeProspettoDue, formatCents } from "~/domain/l68";
import { getProspetto, lateFiling, prospettoDue, submitProspetto, type ProspettoDraft } from "~/domain/l68/file/index.server";
import { parseForm, useSchemaForm } from "~/web/conform";
import { replyDomainError, replyInvalid } from "~/web/conform.server";
import { redirectWithFlash } from "~/web/flash.server";
import { formatDate, formatMoney } from "~/utils/format";
import { actorOf } from "~/web/session.server";
import { plural } from "~/utils/plural";

import { listPosts, postsSummary } from "~/domain/placement/index.server";
import { requireL68Employer } from "~/web/guards.server";

export const meta: MetaFunction = () => [{ title: "Prospetto informativo — Rosa" }];

const YearSchema = z.object({ anno: z.coerce.number().int().min(2000).max(2999).optional() });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireL68Employer(request);
  const today = todayInItaly();
  const parsed = YearSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  const year = (parsed.success && parsed.data.anno) || Number(today.slice(0, 4));
  const db = getDb();
  const stored = await getProspetto(db, user.employerId, year);
  const submitted = stored?.status === "submitted" ? stored : null;
  const due = await prospettoDue(db, user.employerId, year);
  const draft = submitted ? (submitted.data as ProspettoDraft & { postiDisponibili: string }) : due.draft;
  // Not owed (nothing changed, art. 40 c. 4 DL 112/2008): sending it anyway costs nothing.
  const ifFiledToday = due.owed ? lateFiling(year, today) : { daysLate: 0, sanctionCents: 0n };
  const thisYear = Number(today.slice(0, 4));
  return {
    year,
    // In December the next year's prospetto (situation at 31 December) can be prepared too.
    years: today.slice(5, 7) === "12" ? [thisYear, thisYear + 1] : [thisYear],
    sendableFrom: `${year - 1}-12-31`,
    canSend: today >= `${year - 1}-12-31`,
    due: { owed: due.owed, reason: due.reason, sentence: describeProspettoDue(year, due) },
    draft,
    submitted: submitted
      ? {
          on: submitted.submitted_on,
          daysLate: submitted.days_late ?? 0,
          sanction: formatCents(BigInt(submitted.late_sanction_cents ?? 0)),
          positions: (submitted.data as { postiDisponibili?: string }).postiDisponibili ?? "",
        }
      : null,
    ifFiledToday: { daysLate: ifFiledToday.daysLate, sanction: formatCents(ifFiledToday.sanctionCents) },
    // The structured available posts (posti page) prefill the prospetto's list.
    postsText: postsSummary(await listPosts(db, user.employerId, { openOnly: true })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireL68Employer(request);
  const submission = parseForm(await request.formData(), ProspettoFormSchema);
  if (submission.status !== "success") return replyInvalid(submission);
  const prospetto = submission.value;
  let outcome;
  try {
    outcome = await withTransaction((trx) => submitProspetto(trx, actorOf(user, context), user.employerId, prospetto, todayInItaly()));
  } catch (e) {
    return replyDomainError(e, submission);
  }
  const message = outcome.daysLate
    ? `Prospetto inviato con ${plural(outcome.daysLate, "giorno", "giorni")} di ritardo: sanzione di ${formatMoney(outcome.sanction)} (art. 15 c. 1).`
    : "Prospetto informativo inviato nei termini.";
  return redirectWithFlash(`/azienda/collocamento-mirato/prospetto?anno=${prospetto.deadlineYear}`, {
    type: outcome.daysLate ? "warning" : "success",
    message,
  });
}

function Row({ label, value }: { label: string; value: string | number | null }) {
  return (
    <>
      <dt className="col-sm-6">{label}</dt>
      <dd className="col-sm-6">{value ?? "—"}</dd>
    </>
  );
}

export default function ProspettoPage() {
  const { year, years, draft, submitted, ifFiledToday, due, canSend, sendableFrom, postsText } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [form, fields] = useSchemaForm(ProspettoFormSchema, {
    id: "prospetto",
    lastResult: result?.result,
    defaultValue: { availablePositions: postsText },
  });
  const n = draft.riepilogoNazionale;
  return (
    <div>
      <p>
        <Link to="/azienda/collocamento-mirato">← Collocamento mirato</Link>
      </p>
      <h1>Prospetto informativo {year}</h1>
      {years.length > 1 ? (
        <nav aria-label="Anno del prospetto">
          <ul className="nav nav-tabs mb-3">
            {years.map((y) => (
              <li className="nav-item" key={y}>
                <Link className={`nav-link${y === year ? " active" : ""}`} aria-current={y === year ? "page" : undefined} to={`?anno=${y}`}>
                  Prospetto {y} (situazione al 31/12/{y - 1})
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <p className="lead">
        Situazione al {formatDate(draft.referenceDate)}, da inviare entro il {formatDate(draft.deadline)} (art. 9 c. 6 L. 68/99).
      </p>
      <p data-testid="prospetto-due">{due.sentence}</p>
      {"organicoFonte" in draft && draft.organicoFonte === "approximate" ? (
        <Notice type="warning">
          Non è conservata la fotografia dell'organico al {formatDate(draft.referenceDate)}: la bozza usa l'organico dichiarato oggi.
          Verifica i numeri prima di inviarla.
        </Notice>
      ) : null}
      {submitted ? (
        <Notice type={submitted.daysLate ? "warning" : "success"}>
          Inviato il {formatDate(submitted.on!)}
          {submitted.daysLate
            ? ` con ${plural(submitted.daysLate, "giorno", "giorni")} di ritardo: sanzione ${formatMoney(submitted.sanction)} (art. 15 c. 1).`
            : " nei termini."}
        </Notice>
      ) : (
        <Notice type="info">
          Bozza costruita dai dati dell'organico al {formatDate(draft.referenceDate)}.{" "}
          {!canSend
            ? `Potrai inviarlo dal ${formatDate(sendableFrom)}.`
            : ifFiledToday.daysLate
              ? `Se lo invii oggi il ritardo è di ${plural(ifFiledToday.daysLate, "giorno", "giorni")}: sanzione di ${formatMoney(ifFiledToday.sanction)} (art. 15 c. 1).`
              : "Se lo invii oggi sei nei termini."}
        </Notice>
      )}
      <h2 className="h4">Quadro aziendale</h2>
      <dl className="row">
        <Row label="Codice fiscale" value={draft.quadroAzienda.codiceFiscale} />
        <Row label="Denominazione" value={draft.quadroAzienda.denominazione} />
        <Row label="Settore (ATECO)" value={draft.quadroAzienda.ateco} />
        <Row label="Sede legale" value={draft.quadroAzienda.sedeLegale} />
        <Row label="Natura giuridica" value={draft.quadroAzienda.naturaGiuridica} />
      </dl>
      <h2 className="h4">Riepilogo nazionale</h2>
      <dl className="row" data-testid="prospetto-riepilogo">
        <Row label="Totale lavoratori dipendenti" value={n.totaleLavoratori} />
        <Row label="Base di computo" value={n.baseComputo} />
        <Row label="Categoria (A oltre 50, B 36–50, C 15–35)" value={n.categoria} />
        <Row label="Quota di riserva disabili" value={n.quotaRiservaDisabili} />
        <Row label="Quota di riserva art. 18" value={n.quotaRiservaArt18} />
        <Row label="Disabili in forza" value={n.disabiliInForza} />
        <Row label="Categorie art. 18 in forza" value={n.art18InForza} />
        <Row label="Scoperture disabili" value={n.scopertureDisabili} />
        <Row label="Scoperture art. 18" value={n.scopertureArt18} />
        <Row label="Unità esonerate" value={n.esonerati} />
        <Row label="Autocertificati 60 per mille" value={n.autocertificati60PerMille} />
        <Row label="Sospensione in corso" value={n.sospensione} />
        <Row label="Posizioni in convenzione art. 11" value={n.posizioniInConvenzione} />
        <Row label="Lavoratori in convenzione art. 12-bis" value={n.lavoratoriConvenzione12bis} />
      </dl>
      <div className="table-responsive" tabIndex={0}>
        <table className="table table-sm">
          <caption>Lavoratori computati nella quota di riserva</caption>
          <thead>
            <tr>
              <th scope="col">Nominativo</th>
              <th scope="col">Categoria</th>
              <th scope="col">Provincia</th>
              <th scope="col">Orario</th>
              <th scope="col">Assunto il</th>
            </tr>
          </thead>
          <tbody>
            {draft.lavoratoriComputati.map((w) => (
              <tr key={`${w.nominativo}-${w.dataAssunzione}`}>
                <td>{w.nominativo}</td>
                <td>{w.categoria}</td>
                <td>{w.provincia}</td>
                <td>{w.orario}</td>
                <td>{formatDate(w.dataAssunzione)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {submitted || !canSend ? (
        <p>
          <strong>Posti di lavoro disponibili:</strong> {submitted ? submitted.positions || "nessuno indicato" : "da indicare all'invio"}
        </p>
      ) : (
        <>
          <ErrorSummary form={form} />
          <Form method="post" {...getFormProps(form)}>
            <input type="hidden" name="deadlineYear" value={year} />
            <TextAreaField
              field={fields.availablePositions}
              label="Posti di lavoro e mansioni disponibili per i lavoratori delle categorie protette"
              hint="Compilato dai posti disponibili registrati; per descriverli campo per campo usa la pagina «Posti di lavoro disponibili»"
            />
            <button type="submit" className="btn btn-primary">
              Invia il prospetto
            </button>
          </Form>
        </>
      )}
    </div>
  );
}
