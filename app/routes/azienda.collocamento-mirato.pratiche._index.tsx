import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { RecordsTable } from "~/components/l68-records";
import { getDb } from "~/db/db.server";
import { RECORD_KINDS, RECORD_KIND_LABELS } from "~/domain/l68";
import { listRecords } from "~/domain/l68/records/index.server";
import { requireL68Employer } from "~/web/guards.server";

export const meta: MetaFunction = () => [{ title: "Pratiche di collocamento mirato — Rosa" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireL68Employer(request);
  return { records: await listRecords(getDb(), { employerId: user.employerId }) };
}

export default function EmployerRecords() {
  const { records } = useLoaderData<typeof loader>();
  return (
    <div>
      <p>
        <Link to="/azienda/collocamento-mirato">← Collocamento mirato</Link>
      </p>
      <h1>Esoneri, convenzioni, sospensioni e richieste</h1>
      <p>
        Ogni pratica ha uno stato, le sue date e i documenti allegati; il collocamento mirato la accoglie o la respinge indicando il motivo.
      </p>
      <h2 className="h4">Presenta una nuova pratica</h2>
      <ul className="d-flex flex-wrap gap-3 list-unstyled">
        {RECORD_KINDS.map((kind) => (
          <li key={kind}>
            <Link to={`/azienda/collocamento-mirato/pratiche/nuova?tipo=${kind}`}>{RECORD_KIND_LABELS[kind]}</Link>
          </li>
        ))}
      </ul>
      <h2 className="h4">Le tue pratiche</h2>
      {records.length ? (
        <p>
          <a href="/azienda/collocamento-mirato/pratiche/esporta" download>
            Esporta le pratiche in CSV
          </a>
        </p>
      ) : null}
      <RecordsTable records={records} hrefFor={(r) => `/azienda/collocamento-mirato/pratiche/${r.id}`} />
    </div>
  );
}
