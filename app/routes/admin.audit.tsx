import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { ErrorSummary, SelectField, TextField } from "~/components/forms";
import { Pager } from "~/components/pager";
import { getDb } from "~/db/db.server";
import { listAuditEntityTypes, listAuditEntries } from "~/domain/audit/queries.server";
import { AuditFilterSchema } from "~/domain/audit/schema";
import { ROLE_LABELS } from "~/domain/identity/roles";
import { formatDateTime } from "~/utils/format";
import { parseSearchParams } from "~/utils/forms";
import { requirePermission } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Registro delle attività — Rosa" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "audit:read");
  const db = getDb();
  const entityTypes = await listAuditEntityTypes(db);
  const filter = parseSearchParams(new URL(request.url), AuditFilterSchema);
  if (!filter.ok) return data({ errors: filter.errors, values: filter.values, entityTypes, entries: [], hasMore: false, page: 1 }, { status: 400 });
  const result = await listAuditEntries(db, filter.data);
  return { errors: undefined, values: filter.values, entityTypes, ...result, page: filter.data.page };
}

export default function AuditLog() {
  const { errors, values, entityTypes, entries, hasMore, page } = useLoaderData<typeof loader>();
  const common = { errors, values };
  return (
    <div>
      <h1>Registro delle attività</h1>
      <p className="rosa-muted">Il registro è in sola aggiunta: nessuno, nemmeno l'amministratore, può modificarne o cancellarne le righe.</p>
      <ErrorSummary errors={errors} />
      <Form method="get" className="row" role="search" aria-label="Filtra il registro">
        <div className="col-md-4">
          <TextField {...common} name="actor" label="E-mail di chi ha agito" />
        </div>
        <div className="col-md-4">
          <TextField {...common} name="action" label="Azione (inizio del nome)" hint="Es. employer. oppure auth.login" />
        </div>
        <div className="col-md-4">
          <SelectField {...common} name="entityType" label="Tipo di dato" placeholder="Tutti" options={entityTypes.map((t) => [t, t] as [string, string])} />
        </div>
        <div className="col-md-4">
          <TextField {...common} name="entityId" label="Identificativo del dato" />
        </div>
        <div className="col-md-3">
          <TextField {...common} name="from" label="Dal" type="date" />
        </div>
        <div className="col-md-3">
          <TextField {...common} name="to" label="Al" type="date" />
        </div>
        <div className="col-md-2 d-flex align-items-center">
          <button type="submit" className="btn btn-primary w-100">
            Filtra
          </button>
        </div>
      </Form>
      <div className="table-responsive" tabIndex={0}>
        <table className="table table-sm">
          <caption>{entries.length ? `Attività, dalla più recente (pagina ${page})` : "Nessuna attività con questi filtri"}</caption>
          <thead>
            <tr>
              <th scope="col">Quando</th>
              <th scope="col">Chi</th>
              <th scope="col">Azione</th>
              <th scope="col">Dato</th>
              <th scope="col">Dettagli</th>
              <th scope="col">IP</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>{formatDateTime(e.at)}</td>
                <td>
                  {e.actor_email ?? (e.actor_role === "system" ? "sistema" : "anonimo")}
                  {e.actor_role && e.actor_role in ROLE_LABELS ? <div className="rosa-muted small">{ROLE_LABELS[e.actor_role as keyof typeof ROLE_LABELS]}</div> : null}
                </td>
                <td>
                  <code>{e.action}</code>
                </td>
                <td>
                  {e.entity_type}
                  {e.entity_id ? <div className="small rosa-muted">{e.entity_id}</div> : null}
                </td>
                <td className="small">
                  <code>{JSON.stringify(e.details)}</code>
                </td>
                <td className="small">{e.ip ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager page={page} hasMore={hasMore} />
    </div>
  );
}
