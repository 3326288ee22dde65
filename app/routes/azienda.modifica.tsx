import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useState, type FormEvent } from "react";
import { z } from "zod";
import { CompanyFields } from "~/components/company-form";
import { CheckboxField, ErrorSummary, Notice } from "~/components/forms";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { updateCompany } from "~/domain/employers/commands.server";
import { getEmployer, type EmployerDetail } from "~/domain/employers/queries.server";
import { CompanySchema, REVALIDATION_NOTICE } from "~/domain/employers/schema";
import { REVALIDATION_FIELD_LABELS } from "~/domain/employers/states";
import { domainErrorResponse, invalid } from "~/web/action.server";
import { redirectWithFlash } from "~/web/flash.server";
import { parseFormData, type FormValues } from "~/utils/forms";
import { actorOf, notFound, requireEmployerUser } from "~/web/session.server";
import { requireLegalRepresentative } from "~/web/guards.server";

export const meta: MetaFunction = () => [{ title: "Modifica i dati dell'azienda — Rosa" }];

const EditSchema = CompanySchema.extend({
  version: z.coerce.number({ error: "Versione mancante" }).int().min(1),
  confirmRevalidation: z
    .literal("on", { error: "Valore non valido" })
    .optional()
    .transform((v) => v === "on"),
});

function toFormValues(e: EmployerDetail): FormValues {
  const values: FormValues = {
    legalName: e.legal_name,
    taxCode: e.tax_code,
    vatNumber: e.vat_number ?? "",
    atecoCode: `${e.ateco_code} — ${e.ateco_title}`,
    headcountBand: e.headcount_band,
    legalAddress: e.legal_address,
    legalComune: `${e.comune_name} (${e.province_code})`,
    pec: e.pec ?? "",
    contactName: e.contact_name,
    contactEmail: e.contact_email,
    contactPhone: e.contact_phone,
    version: String(e.version),
  };
  e.sites.forEach((s, i) => {
    values[`sites.${i}.label`] = s.label;
    values[`sites.${i}.address`] = s.address;
    values[`sites.${i}.comune`] = `${s.comune_name} (${s.province_code})`;
  });
  return values;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireEmployerUser(request);
  requireLegalRepresentative(user);
  const employer = await getEmployer(getDb(), user.employerId);
  if (!employer) throw notFound();
  return { values: toFormValues(employer), validated: employer.status === "validated" };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireEmployerUser(request);
  requireLegalRepresentative(user);
  const form = parseFormData(await request.formData(), EditSchema);
  if (!form.ok) return invalid(form.errors, form.values);
  let revalidate = false;
  try {
    ({ revalidate } = await withTransaction((trx) =>
      updateCompany(trx, actorOf(user, context), user.employerId, form.data.version, form.data),
    ));
  } catch (e) {
    return domainErrorResponse(e, form.values);
  }
  return redirectWithFlash("/azienda", {
    type: revalidate ? "info" : "success",
    message: revalidate
      ? "Dati salvati. La modifica è stata inviata al Centro per l'Impiego: l'azienda è in attesa di una nuova convalida."
      : "Dati dell'azienda aggiornati.",
  });
}

/** The identity fields the user has changed in the form so far (compared with the saved data). */
function changedIdentity(saved: Record<string, string>, current: Record<string, string>): string[] {
  const norm = (field: "legalName" | "taxCode", v: string | undefined) =>
    field === "taxCode" ? (v ?? "").replace(/\s/g, "").toUpperCase() : (v ?? "").trim();
  return (["legalName", "taxCode"] as const)
    .filter((f) => norm(f, saved[f]) !== norm(f, current[f]))
    .map((f) => REVALIDATION_FIELD_LABELS[f]);
}

export default function EditCompany() {
  const { values, validated } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const current = result?.values ?? values;
  const [changed, setChanged] = useState<string[]>(() => (validated ? changedIdentity(values, current) : []));
  const mustConfirm = validated && (changed.length > 0 || !!result?.errors?.confirmRevalidation);
  function onChange(e: FormEvent<HTMLFormElement>) {
    if (!validated) return;
    const data = new FormData(e.currentTarget);
    setChanged(changedIdentity(values, { legalName: String(data.get("legalName") ?? ""), taxCode: String(data.get("taxCode") ?? "") }));
  }
  return (
    <div className="row">
      <div className="col-lg-9">
        <h1>Modifica i dati dell'azienda</h1>
        <ErrorSummary errors={result?.errors} />
        {validated ? (
          <Notice type="info">
            L'azienda è convalidata. Se cambi la ragione sociale o il codice fiscale,{" "}
            {REVALIDATION_NOTICE.charAt(0).toLowerCase() + REVALIDATION_NOTICE.slice(1)}: fino ad allora l'azienda torna «In attesa di
            convalida» e non può pubblicare nuove offerte. Le altre modifiche (indirizzo, telefono, ATECO, sedi…) non la richiedono.
          </Notice>
        ) : null}
        <Form method="post" noValidate onChange={onChange}>
          <input type="hidden" name="version" value={current.version} />
          <CompanyFields errors={result?.errors} values={current} />
          <div aria-live="polite">
            {mustConfirm ? (
              <div className="alert alert-warning">
                <p className="fw-semibold">
                  {REVALIDATION_NOTICE}
                  {changed.length ? ` (hai modificato: ${changed.join(" e ")})` : ""}.
                </p>
                <CheckboxField
                  name="confirmRevalidation"
                  label="Ho capito: invia la modifica al Centro per l'Impiego per una nuova convalida"
                  errors={result?.errors}
                  values={current}
                />
              </div>
            ) : null}
          </div>
          <button type="submit" className="btn btn-primary">
            Salva e invia
          </button>
        </Form>
      </div>
    </div>
  );
}
