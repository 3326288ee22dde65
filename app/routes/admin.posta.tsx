import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { getDb } from "~/db/db.server";
import { listOutbox, listSmsOutbox } from "~/domain/mail/queries.server";
import { formatDateTime } from "~/utils/format";
import { requirePermission } from "~/web/session.server";

export const meta: MetaFunction = () => [{ title: "Posta in uscita — Rosa" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "mail:read");
  const [messages, sms] = await Promise.all([listOutbox(getDb()), listSmsOutbox(getDb())]);
  return { messages, sms };
}

export default function Outbox() {
  const { messages, sms } = useLoaderData<typeof loader>();
  return (
    <div>
      <h1>Posta in uscita</h1>
      <p className="rosa-muted">Senza un server SMTP configurato (SMTP_URL) i messaggi restano qui e non vengono spediti.</p>
      {messages.length === 0 ? <p>Nessun messaggio.</p> : null}
      {messages.map((m) => (
        <article key={m.id} className="card card-bg mb-3">
          <div className="card-body">
            <h2 className="h5 card-title">{m.subject}</h2>
            <p className="small rosa-muted">
              A {m.to_address} · {formatDateTime(m.created_at)} · {m.sent_at ? `spedito il ${formatDateTime(m.sent_at)}` : "non spedito"}
            </p>
            <pre className="mb-0 rosa-pre-wrap">{m.body_text}</pre>
          </div>
        </article>
      ))}
      <h2 className="h3 mt-5">SMS in uscita</h2>
      <p className="rosa-muted">
        Nessun gateway SMS è collegato: gli SMS (collegamenti per confermare la disponibilità a chi ha solo il telefono) restano qui e vanno
        inviati a mano.
      </p>
      {sms.length === 0 ? <p>Nessun SMS.</p> : null}
      {sms.length ? (
        <table className="table table-sm">
          <caption>SMS in uscita, dal più recente</caption>
          <thead>
            <tr>
              <th scope="col">Numero</th>
              <th scope="col">Scritto il</th>
              <th scope="col">Testo</th>
            </tr>
          </thead>
          <tbody>
            {sms.map((m) => (
              <tr key={m.id}>
                <td>{m.to_number}</td>
                <td>{formatDateTime(m.created_at)}</td>
                <td className="text-break">{m.body_text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
