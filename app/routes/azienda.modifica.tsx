import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { CompanyFields } from "~/components/company-form";
import { ErrorSummary } from "~/components/forms";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { updateCompany } from "~/domain/employers/commands.server";
import { requireLegalRepresentative } from "~/domain/employers/policy.server";
import { getEmployer, type EmployerDetail } from "~/domain/employers/queries.server";
import { CompanySchema } from "~/domain/employers/schema";
import { domainErrorResponse, invalid } from "~/utils/action.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { parseFormData, type FormValues } from "~/utils/forms";
import { actorOf, notFound, requireEmployerUser } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Modifica i dati dell'azienda — Rosa" }];

const EditSchema = CompanySchema.extend({ version: z.coerce.number({ error: "Versione mancante" }).int().min(1) });

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
  return { values: toFormValues(employer) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireEmployerUser(request);
  requireLegalRepresentative(user);
  const form = parseFormData(await request.formData(), EditSchema);
  if (!form.ok) return invalid(form.errors, form.values);
  try {
    await withTransaction((trx) => updateCompany(trx, actorOf(user, context), user.employerId, form.data.version, form.data));
  } catch (e) {
    return domainErrorResponse(e, form.values);
  }
  return redirectWithFlash("/azienda", { type: "success", message: "Dati dell'azienda aggiornati." });
}

export default function EditCompany() {
  const { values } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const current = result?.values ?? values;
  return (
    <div className="row">
      <div className="col-lg-9">
        <h1>Modifica i dati dell'azienda</h1>
        <ErrorSummary errors={result?.errors} />
        <Form method="post" noValidate>
          <input type="hidden" name="version" value={current.version} />
          <CompanyFields errors={result?.errors} values={current} />
          <button type="submit" className="btn btn-primary">
            Salva e invia
          </button>
        </Form>
      </div>
    </div>
  );
}
