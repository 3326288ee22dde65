import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { EmployerStatusBadge } from "~/components/employer-summary";
import { ErrorSummary, SelectField, TextField } from "~/components/forms";
import { Pager } from "~/components/pager";
import { getDb } from "~/db/db.server";
import { listEmployers } from "~/domain/employers/queries.server";
import { EmployerListFilterSchema } from "~/domain/employers/schema";
import { EMPLOYER_STATUS_LABELS } from "~/domain/employers/states";
import { formatDate } from "~/utils/format";
import { parseSearchParams } from "~/utils/forms";
import { requirePermission } from "~/web/session.server";
import { RevalidationChanges } from "~/components/revalidation-changes";

export const meta: MetaFunction = () => [{ title: "Aziende — Rosa" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "employers:review");
  const url = new URL(request.url);
  const filter = parseSearchParams(url, EmployerListFilterSchema);
  if (!filter.ok) return data({ errors: filter.errors, values: filter.values, employers: [], hasMore: false, page: 1 }, { status: 400 });
  const result = await listEmployers(getDb(), filter.data);
  return { errors: undefined, values: filter.values, ...result, page: filter.data.page };
}

export default function EmployerList() {
  const { errors, values, employers, hasMore, page } = useLoaderData<typeof loader>();
  return (
    <div>
      <h1>Aziende</h1>
      <ErrorSummary errors={errors} />
      <Form method="get" className="row align-items-end" role="search" aria-label="Cerca aziende">
        <div className="col-md-6">
          <TextField name="q" label="Ragione sociale, codice fiscale o partita IVA" values={values} errors={errors} />
        </div>
        <div className="col-md-4">
          <SelectField
            name="status"
            label="Stato"
            values={values}
            errors={errors}
            placeholder="Tutti gli stati"
            options={EMPLOYER_STATUS_LABELS}
          />
        </div>
        <div className="col-md-2 mb-4">
          <button type="submit" className="btn btn-primary w-100">
            Cerca
          </button>
        </div>
      </Form>
      <div className="table-responsive" tabIndex={0}>
        <table className="table table-hover">
          <caption>{employers.length ? `Aziende trovate (pagina ${page})` : "Nessuna azienda trovata con questi criteri"}</caption>
          <thead>
            <tr>
              <th scope="col">Ragione sociale</th>
              <th scope="col">Codice fiscale</th>
              <th scope="col">Sede legale</th>
              <th scope="col">Stato</th>
              <th scope="col">Registrata il</th>
            </tr>
          </thead>
          <tbody>
            {employers.map((e) => (
              <tr key={e.id}>
                <td>
                  <Link to={`/operatore/aziende/${e.id}`}>{e.legal_name}</Link>
                  {e.status === "pending" ? <RevalidationChanges changes={e.revalidation_changes} /> : null}
                </td>
                <td>{e.tax_code}</td>
                <td>
                  {e.comune_name} ({e.province_code})
                </td>
                <td>
                  <EmployerStatusBadge status={e.status} />
                </td>
                <td>{formatDate(e.created_at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager page={page} hasMore={hasMore} />
    </div>
  );
}
