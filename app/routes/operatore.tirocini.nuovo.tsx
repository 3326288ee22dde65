import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Notice } from "~/components/forms";
import { InternshipRequestFormView } from "~/components/internship-request-form";
import { PageTitle } from "~/components/layout";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { getEmployer, listEmployers } from "~/domain/employers/queries.server";
import { InternshipRequestSchema } from "~/domain/internships";
import { createInternshipRequest } from "~/domain/internships/index.server";
import { todayInItaly } from "~/utils/dates";
import { parseForm, useSchemaForm } from "~/web/conform";
import { replyDomainError, replyFormError, replyInvalid } from "~/web/conform.server";
import { redirectWithFlash } from "~/web/flash.server";
import { requireInternshipOfficer } from "~/web/internship-guards.server";
import { notFound } from "~/web/session.server";

export const meta: MetaFunction = () => [{ title: "Nuova richiesta di tirocinio per un'azienda — Rosa" }];

const QuerySchema = z.object({
  azienda: z.uuid().nullable().catch(null),
  q: z.string().trim().max(100).catch(""),
});

function queryOf(request: Request) {
  const params = new URL(request.url).searchParams;
  return QuerySchema.parse({ azienda: params.get("azienda"), q: params.get("q") ?? "" });
}

/** The officer asks for an internship on a validated employer's behalf: first the employer, then the request form. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireInternshipOfficer(request, context);
  const { azienda, q } = queryOf(request);
  const db = getDb();
  if (azienda) {
    const employer = await getEmployer(db, azienda);
    if (!employer) throw notFound("Azienda non trovata");
    return {
      employer: { id: employer.id, name: employer.legal_name, validated: employer.status === "validated" },
      comune: `${employer.comune_name} (${employer.province_code})`,
      q,
      found: [],
    };
  }
  const found = q.length >= 2 ? (await listEmployers(db, { q, status: "validated", page: 1 })).employers : [];
  return {
    employer: null,
    comune: "",
    q,
    found: found.map((e) => ({ id: e.id, name: e.legal_name, taxCode: e.tax_code, comune: `${e.comune_name} (${e.province_code})` })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { actor } = await requireInternshipOfficer(request, context);
  const { azienda } = queryOf(request);
  if (!azienda) return replyFormError("Scegli prima l'azienda per cui chiedi il tirocinio.", 400);
  const submission = parseForm(await request.formData(), InternshipRequestSchema);
  if (submission.status !== "success") return replyInvalid(submission);
  let id: string;
  let allowed: boolean;
  try {
    const row = await withTransaction((trx) => createInternshipRequest(trx, actor, azienda, submission.value, todayInItaly()));
    id = row.id;
    allowed = (row.check_result as { allowed?: boolean } | null)?.allowed ?? false;
  } catch (e) {
    return replyDomainError(e, submission);
  }
  return redirectWithFlash(`/operatore/tirocini/${id}`, {
    type: allowed ? "success" : "warning",
    message: allowed
      ? "Richiesta di tirocinio inserita per conto dell'azienda: i controlli delle regole sono superati."
      : "Richiesta inserita per conto dell'azienda, ma non rispetta ancora tutte le regole: leggi i controlli qui sotto.",
  });
}

export default function OfficerNewInternshipRequest() {
  const { employer, comune, q, found } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const form = useSchemaForm(InternshipRequestSchema, {
    id: "officer-internship-request",
    lastResult: result?.result,
    defaultValue: { weeklyHours: "40", dailyHours: "8", plannedMonths: "6", employeesPermanent: "0", comune },
  });
  return (
    <div className="col-lg-10">
      <p>
        <Link to="/operatore/tirocini">← Tirocini da seguire</Link>
      </p>
      <PageTitle
        title={employer ? `Nuova richiesta di tirocinio per ${employer.name}` : "Nuova richiesta di tirocinio per un'azienda"}
        lead="Il Centro per l'Impiego inserisce la richiesta per conto dell'azienda ospitante: gli stessi controlli delle regole, con l'origine «Centro per l'Impiego»."
      />
      {employer ? (
        employer.validated ? (
          <InternshipRequestFormView form={form} submitLabel="Inserisci la richiesta" />
        ) : (
          <Notice type="warning">L'azienda non è convalidata: convalidala prima di richiedere un tirocinio per suo conto.</Notice>
        )
      ) : (
        <>
          <Form method="get" className="row g-2 align-items-end mb-3">
            <div className="col-md-6">
              <label htmlFor="q" className="form-label">
                Azienda (ragione sociale o codice fiscale)
              </label>
              <input id="q" name="q" className="form-control" defaultValue={q} minLength={2} maxLength={100} required />
            </div>
            <div className="col-auto">
              <button type="submit" className="btn btn-outline-primary">
                Cerca
              </button>
            </div>
          </Form>
          {q.length >= 2 ? (
            found.length ? (
              <ul>
                {found.map((e) => (
                  <li key={e.id}>
                    <Link to={`/operatore/tirocini/nuovo?azienda=${e.id}`}>
                      {e.name} — C.F. {e.taxCode}, {e.comune}
                    </Link>
                  </li>
                ))}
              </ul>
            ) : (
              <p>Nessuna azienda convalidata trovata con «{q}».</p>
            )
          ) : null}
        </>
      )}
    </div>
  );
}
