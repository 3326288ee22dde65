import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ErrorSummary, SelectField } from "~/components/forms";
import { RecordsTable } from "~/components/l68-records";
import { getDb } from "~/db/db.server";
import { RecordListFilterSchema, RECORD_STATUS_LABELS } from "~/domain/l68";
import { listRecords } from "~/domain/l68/records/index.server";
import { parseSearchParams } from "~/utils/forms";
import { requirePermission } from "~/web/session.server";

export const meta: MetaFunction = () => [{ title: "Pratiche di collocamento mirato — Rosa" }];

const STATUS_OPTIONS: [string, string][] = [["", "Tutte"], ...Object.entries(RECORD_STATUS_LABELS)];

/** The officer's queue: records of the employers of the office's province, to decide first. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "l68:manage");
  const filter = parseSearchParams(new URL(request.url), RecordListFilterSchema);
  const province = user.officeProvince;
  if (!filter.ok) return data({ errors: filter.errors, values: filter.values, records: [], province }, { status: 400 });
  const { stato, azienda } = filter.data;
  const records = province ? await listRecords(getDb(), { province, employerId: azienda }, stato || undefined) : [];
  return { errors: undefined, values: filter.values, records, province };
}

export default function OfficerRecords() {
  const { errors, values, records, province } = useLoaderData<typeof loader>();
  return (
    <div>
      <p>
        <Link to="/operatore/collocamento-mirato">← Aziende obbligate della provincia</Link>
      </p>
      <h1>Pratiche di collocamento mirato</h1>
      <p className="lead">Provincia di competenza: {province ?? "non indicata"}</p>
      <ErrorSummary errors={errors} />
      <Form method="get" className="row align-items-end" aria-label="Filtra le pratiche">
        {values.azienda ? <input type="hidden" name="azienda" value={values.azienda} /> : null}
        <div className="col-md-4">
          <SelectField name="stato" label="Stato" options={STATUS_OPTIONS} values={values} errors={errors} defaultValue="submitted" />
        </div>
        <div className="col-md-3 mb-4">
          <button type="submit" className="btn btn-outline-primary">
            Filtra
          </button>
        </div>
      </Form>
      <p>
        <a
          href={`/operatore/collocamento-mirato/pratiche/esporta?${new URLSearchParams(values).toString()}`}
          className="btn btn-outline-primary"
          download
        >
          Esporta le pratiche in CSV
        </a>
      </p>
      <RecordsTable records={records} hrefFor={(r) => `/operatore/collocamento-mirato/pratiche/${r.id}`} showEmployer />
    </div>
  );
}
