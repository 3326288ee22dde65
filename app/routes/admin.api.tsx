import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { getFormProps } from "@conform-to/react";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CheckboxField, ErrorSummary, Notice, TextField } from "~/components/forms";
import { PageTitle } from "~/components/layout";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { API_SCOPE_LIST, API_SCOPES, ApiClientCreateSchema, ApiClientRevokeSchema, scopesOf } from "~/domain/integrations";
import { createApiClient, listApiClients, revokeApiClient } from "~/domain/integrations/index.server";
import { formatDateTime } from "~/utils/format";
import { parseForm, useSchemaForm } from "~/web/conform";
import { replyDomainError, replyFormError, replyInvalid } from "~/web/conform.server";
import { redirectWithFlash } from "~/web/flash.server";
import { actorOf, requirePermission } from "~/web/session.server";

export const meta: MetaFunction = () => [{ title: "Token per l'API — Rosa" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "users:manage");
  const clients = await listApiClients(getDb());
  return {
    clients: clients.map((c) => ({
      ...c,
      scopes: c.scopes.map((s) => ({ code: s, label: API_SCOPES[s as keyof typeof API_SCOPES] ?? s })),
    })),
  };
}

/** Creates a token (shown once, in this answer only) or revokes one. */
export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requirePermission(request, "users:manage");
  const actor = actorOf(admin, context);
  const formData = await request.formData();
  switch (formData.get("intent")) {
    case "create": {
      const submission = parseForm(formData, ApiClientCreateSchema);
      if (submission.status !== "success") return replyInvalid(submission);
      try {
        const { client, token } = await withTransaction((trx) =>
          createApiClient(trx, actor, {
            name: submission.value.name,
            contactEmail: submission.value.contactEmail,
            scopes: scopesOf(submission.value),
          }),
        );
        return data({ result: submission.reply({ resetForm: true }), created: { name: client.name, token } });
      } catch (e) {
        return replyDomainError(e, submission);
      }
    }
    case "revoke": {
      const submission = parseForm(formData, ApiClientRevokeSchema);
      if (submission.status !== "success") return replyInvalid(submission);
      try {
        const { name } = await withTransaction((trx) => revokeApiClient(trx, actor, submission.value.clientId, submission.value.version));
        return redirectWithFlash("/admin/api", {
          type: "success",
          message: `Token di «${name}» revocato: le sue chiamate sono rifiutate da ora.`,
        });
      } catch (e) {
        return replyDomainError(e, submission);
      }
    }
    default:
      return replyFormError("Richiesta non valida: ricarica la pagina.", 400);
  }
}

export default function AdminApiTokens() {
  const { clients } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const created = (answer as { created?: { name: string; token: string } } | undefined)?.created ?? null;
  const forCreate = answer?.result.initialValue?.intent === "create";
  const [form, fields] = useSchemaForm(ApiClientCreateSchema, { id: "api-client-create", lastResult: forCreate ? answer?.result : null });
  const active = clients.filter((c) => !c.revoked_at);
  return (
    <div>
      <PageTitle
        title="Token per l'API"
        lead="I sistemi autorizzati (regione, ministero, enti accreditati) chiamano l'API aperta con un token: ogni token ha i suoi ambiti, un suo limite di richieste e ogni chiamata è registrata."
      >
        <p>
          <Link to="/api-aperta">Documentazione dell'API aperta</Link>
        </p>
      </PageTitle>
      {created ? (
        <div className="callout success" role="status">
          <div className="callout-title">Token creato per {created.name}</div>
          <p>Copialo ora e consegnalo al referente del sistema in modo sicuro: non sarà più mostrato. Rosa ne conserva solo l'impronta.</p>
          <p>
            <label htmlFor="new-token" className="fw-bold">
              Token
            </label>
            <input id="new-token" className="form-control" readOnly value={created.token} />
          </p>
        </div>
      ) : null}
      <ErrorSummary result={forCreate ? null : answer?.result} />
      <div className="table-responsive" tabIndex={0}>
        <table className="table">
          <caption>
            Token dell'API ({active.length} attivi su {clients.length})
          </caption>
          <thead>
            <tr>
              <th scope="col">Sistema</th>
              <th scope="col">Ambiti</th>
              <th scope="col">Inizio del token</th>
              <th scope="col">Creato</th>
              <th scope="col">Ultimo uso</th>
              <th scope="col">Stato</th>
            </tr>
          </thead>
          <tbody>
            {clients.map((c) => (
              <tr key={c.id}>
                <td>
                  {c.name}
                  {c.contact_email ? <div className="small rosa-muted">{c.contact_email}</div> : null}
                </td>
                <td>
                  <ul className="list-unstyled mb-0">
                    {c.scopes.map((s) => (
                      <li key={s.code}>
                        <code>{s.code}</code> {s.label}
                      </li>
                    ))}
                  </ul>
                </td>
                <td>
                  <code>{c.token_prefix}…</code>
                </td>
                <td>
                  {formatDateTime(c.created_at)}
                  {c.created_by_name ? <div className="small rosa-muted">da {c.created_by_name}</div> : null}
                </td>
                <td>{c.last_used_at ? formatDateTime(c.last_used_at) : "mai"}</td>
                <td>
                  {c.revoked_at ? (
                    <span className="badge bg-secondary">Revocato il {formatDateTime(c.revoked_at)}</span>
                  ) : (
                    <Form method="post">
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="clientId" value={c.id} />
                      <input type="hidden" name="version" value={c.version} />
                      <button type="submit" className="btn btn-outline-danger btn-sm" aria-label={`Revoca il token di ${c.name}`}>
                        Revoca
                      </button>
                    </Form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {clients.length === 0 ? <p>Nessun token creato.</p> : null}
      <section className="col-lg-6 mt-4">
        <h2 className="h4">Crea un token</h2>
        <Notice type="info">Il token è mostrato una sola volta, subito dopo la creazione. Se va perso, revocalo e creane un altro.</Notice>
        <ErrorSummary form={form} />
        <Form method="post" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="create" />
          <TextField field={fields.name} label="Sistema o ente" required hint="Es. «SIL Regione Lombardia»" />
          <TextField field={fields.contactEmail} label="E-mail del referente" type="email" />
          <fieldset className="mb-3">
            <legend className="h6">Ambiti</legend>
            {API_SCOPE_LIST.map((scope) => {
              const name = `scope_${scope.replace(":", "_")}` as "scope_vacancies_read";
              return <CheckboxField key={scope} field={fields[name]} label={`${API_SCOPES[scope]} (${scope})`} />;
            })}
          </fieldset>
          <button type="submit" className="btn btn-primary">
            Crea il token
          </button>
        </Form>
      </section>
    </div>
  );
}
