import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ErrorSummary, SelectField, TextField } from "~/components/forms";
import { Pager } from "~/components/pager";
import { getDb } from "~/db/db.server";
import { recordAudit } from "~/domain/audit/commands.server";
import { auditActionLabel, auditEntityLabel } from "~/domain/audit/labels";
import { listAuditActions, listAuditEntityTypes, listAuditEntries } from "~/domain/audit/queries.server";
import { AuditFilterSchema } from "~/domain/audit/schema";
import { ROLE_LABELS } from "~/domain/identity/roles";
import { formatDateTime } from "~/utils/format";
import { parseSearchParams } from "~/utils/forms";
import { actorOf, requirePermission } from "~/web/session.server";

export const meta: MetaFunction = () => [{ title: "Registro delle attività — Rosa" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "audit:read");
  const db = getDb();
  const [entityTypes, actions] = await Promise.all([listAuditEntityTypes(db), listAuditActions(db)]);
  const options = {
    entityTypes: entityTypes.map((t) => [t, auditEntityLabel(t)] as [string, string]),
    actions: actions.map((a) => [a, auditActionLabel(a)] as [string, string]).sort((x, y) => x[1].localeCompare(y[1], "it")),
  };
  const filter = parseSearchParams(new URL(request.url), AuditFilterSchema);
  if (!filter.ok)
    return data({ errors: filter.errors, values: filter.values, ...options, entries: [], hasMore: false, page: 1 }, { status: 400 });
  const result = await listAuditEntries(db, filter.data);
  // The log shows people's names, e-mails and IP addresses: reading it is itself recorded (who looked, with which filter).
  if (result.entries.length) {
    const { page, ...criteria } = filter.data;
    await recordAudit(db, actorOf(user, context), {
      action: "audit.viewed",
      entityType: "audit_log",
      details: { filter: criteria, page, rows: result.entries.length },
    });
  }
  return { errors: undefined, values: filter.values, ...options, ...result, page: filter.data.page };
}

const ENTITY_LINKS: Record<string, (id: string) => string> = {
  employer: (id) => `/operatore/aziende/${id}`,
};

export default function AuditLog() {
  const { errors, values, entityTypes, actions, entries, hasMore, page } = useLoaderData<typeof loader>();
  const common = { errors, values };
  return (
    <div>
      <h1>Registro delle attività</h1>
      <p className="rosa-muted">
        Il registro è in sola aggiunta: nessuno, nemmeno l'amministratore, può modificarne o cancellarne le righe. Anche la sua
        consultazione vi è registrata.
      </p>
      <ErrorSummary errors={errors} />
      <Form method="get" className="row" role="search" aria-label="Filtra il registro">
        <div className="col-12 col-md-4">
          <TextField {...common} name="actor" label="Persona che ha agito" hint="Nome o e-mail, anche in parte" />
        </div>
        <div className="col-12 col-md-4">
          <SelectField {...common} name="action" label="Azione" placeholder="Tutte" options={actions} />
        </div>
        <div className="col-12 col-md-4">
          <SelectField {...common} name="entityType" label="Tipo di dato" placeholder="Tutti" options={entityTypes} />
        </div>
        <div className="col-12 col-md-4">
          <TextField
            {...common}
            name="entity"
            label="Dato"
            hint="Nome della persona, dell'azienda o dell'offerta, oppure il suo identificativo"
          />
        </div>
        <div className="col-6 col-md-3">
          <TextField {...common} name="from" label="Dal" type="date" />
        </div>
        <div className="col-6 col-md-3">
          <TextField {...common} name="to" label="Al" type="date" />
        </div>
        <div className="col-12 col-md-2 d-flex align-items-center">
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
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>{formatDateTime(e.at)}</td>
                <td>
                  {e.actor_name ?? (e.actor_role === "system" ? "Sistema (attività automatica)" : "Visitatore non autenticato")}
                  {e.actor_email ? <div className="small rosa-muted">{e.actor_email}</div> : null}
                  {e.actor_role && e.actor_role in ROLE_LABELS ? (
                    <div className="rosa-muted small">{ROLE_LABELS[e.actor_role as keyof typeof ROLE_LABELS]}</div>
                  ) : null}
                </td>
                <td>{auditActionLabel(e.action)}</td>
                <td>
                  {auditEntityLabel(e.entity_type)}
                  {e.entity_name ? (
                    <div>
                      {e.entity_id && ENTITY_LINKS[e.entity_type] ? (
                        <Link to={ENTITY_LINKS[e.entity_type](e.entity_id)}>{e.entity_name}</Link>
                      ) : (
                        e.entity_name
                      )}
                    </div>
                  ) : null}
                  {e.employer_name && e.employer_name !== e.entity_name ? <div className="small">Azienda: {e.employer_name}</div> : null}
                </td>
                <td className="small">
                  <details>
                    <summary>Dati tecnici</summary>
                    <dl className="mb-0">
                      <dt>Codice dell'azione</dt>
                      <dd>
                        <code>{e.action}</code>
                      </dd>
                      {e.entity_id ? (
                        <>
                          <dt>Identificativo del dato</dt>
                          <dd>
                            <code>{e.entity_id}</code>
                          </dd>
                        </>
                      ) : null}
                      {e.ip ? (
                        <>
                          <dt>Indirizzo IP</dt>
                          <dd>{e.ip}</dd>
                        </>
                      ) : null}
                      <dt>Dettagli (JSON)</dt>
                      <dd>
                        <pre className="mb-0 text-wrap text-break">{JSON.stringify(e.details, null, 1)}</pre>
                      </dd>
                    </dl>
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager page={page} hasMore={hasMore} />
    </div>
  );
}
