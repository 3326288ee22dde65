import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { getFormProps } from "@conform-to/react";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useState, type FormEvent } from "react";
import { z } from "zod";
import { CompanyFields, SITE_ROWS } from "~/components/company-form";
import { CheckboxField, ErrorSummary, Notice } from "~/components/forms";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { updateCompany } from "~/domain/employers/commands.server";
import { getEmployer, type EmployerDetail } from "~/domain/employers/queries.server";
import { CompanySchema, REVALIDATION_NOTICE } from "~/domain/employers/schema";
import { REVALIDATION_FIELD_LABELS } from "~/domain/employers/states";
import { parseForm, useSchemaForm } from "~/web/conform";
import { replyDomainError, replyInvalid } from "~/web/conform.server";
import { redirectWithFlash } from "~/web/flash.server";
import type { FormValues } from "~/utils/forms";
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

/** The loader's flat values (what the form posts) as the form's default, with at least SITE_ROWS site rows. */
function defaultsOf(values: FormValues) {
  const { version: _version, ...company } = Object.fromEntries(Object.entries(values).filter(([k]) => !k.startsWith("sites.")));
  const count = Math.max(SITE_ROWS, ...Object.keys(values).map((k) => Number(/^sites\.(\d+)\./.exec(k)?.[1] ?? -1) + 1));
  const sites = Array.from({ length: count }, (_, i) => ({
    label: values[`sites.${i}.label`] ?? "",
    address: values[`sites.${i}.address`] ?? "",
    comune: values[`sites.${i}.comune`] ?? "",
  }));
  return { ...company, sites };
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
  const submission = parseForm(await request.formData(), EditSchema);
  if (submission.status !== "success") return replyInvalid(submission);
  const company = submission.value;
  let revalidate = false;
  try {
    ({ revalidate } = await withTransaction((trx) =>
      updateCompany(trx, actorOf(user, context), user.employerId, company.version, company),
    ));
  } catch (e) {
    return replyDomainError(e, submission);
  }
  return redirectWithFlash("/azienda", {
    type: revalidate ? "info" : "success",
    message: revalidate
      ? "Dati salvati. La modifica è stata inviata al Centro per l'Impiego: l'azienda è in attesa di una nuova convalida."
      : "Dati dell'azienda aggiornati.",
  });
}

/** The identity fields the user has changed in the form so far (compared with the saved data). */
function changedIdentity(saved: Record<string, unknown>, current: Record<string, unknown>): string[] {
  const norm = (field: "legalName" | "taxCode", v: unknown) => {
    const text = typeof v === "string" ? v : "";
    return field === "taxCode" ? text.replace(/\s/g, "").toUpperCase() : text.trim();
  };
  return (["legalName", "taxCode"] as const)
    .filter((f) => norm(f, saved[f]) !== norm(f, current[f]))
    .map((f) => REVALIDATION_FIELD_LABELS[f]);
}

export default function EditCompany() {
  const { values, validated } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [form, fields] = useSchemaForm(EditSchema, { id: "company", lastResult: result?.result, defaultValue: defaultsOf(values) });
  const current = result?.result.initialValue ?? values;
  const [changed, setChanged] = useState<string[]>(() => (validated ? changedIdentity(values, current) : []));
  const mustConfirm = validated && (changed.length > 0 || !!fields.confirmRevalidation.errors?.length);
  function onChange(e: FormEvent<HTMLFormElement>) {
    if (!validated) return;
    const data = new FormData(e.currentTarget);
    setChanged(changedIdentity(values, { legalName: String(data.get("legalName") ?? ""), taxCode: String(data.get("taxCode") ?? "") }));
  }
  return (
    <div className="row">
      <div className="col-lg-9">
        <h1>Modifica i dati dell'azienda</h1>
        <ErrorSummary form={form} />
        {validated ? (
          <Notice type="info">
            L'azienda è convalidata. Se cambi la ragione sociale o il codice fiscale,{" "}
            {REVALIDATION_NOTICE.charAt(0).toLowerCase() + REVALIDATION_NOTICE.slice(1)}: fino ad allora l'azienda torna «In attesa di
            convalida» e non può pubblicare nuove offerte. Le altre modifiche (indirizzo, telefono, ATECO, sedi…) non la richiedono.
          </Notice>
        ) : null}
        <Form method="post" {...getFormProps(form)} onChange={onChange}>
          <input type="hidden" name="version" value={values.version} />
          <CompanyFields fields={fields} />
          <div aria-live="polite">
            {mustConfirm ? (
              <div className="alert alert-warning">
                <p className="fw-semibold">
                  {REVALIDATION_NOTICE}
                  {changed.length ? ` (hai modificato: ${changed.join(" e ")})` : ""}.
                </p>
                <CheckboxField
                  field={fields.confirmRevalidation}
                  label="Ho capito: invia la modifica al Centro per l'Impiego per una nuova convalida"
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
