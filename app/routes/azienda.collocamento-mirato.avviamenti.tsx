import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "~/db/db.server";
import { listEmployerReferrals, REFERRAL_KIND_LABELS, REFERRAL_STATUS_LABELS } from "~/domain/placement/index.server";
import { formatDate } from "~/utils/format";
import { actorOf } from "~/web/session.server";
import { requireL68Employer } from "~/web/guards.server";

export const meta: MetaFunction = () => [{ title: "Lavoratori avviati dal collocamento mirato — Rosa" }];

/** Only what the referral needs: name, contacts, the post; never health data. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireL68Employer(request);
  const rows = await listEmployerReferrals(getDb(), actorOf(user, context), user.employerId);
  return {
    referrals: rows.map((r) => ({ ...r, kindLabel: REFERRAL_KIND_LABELS[r.kind], statusLabel: REFERRAL_STATUS_LABELS[r.status] })),
  };
}

export default function EmployerReferralsPage() {
  const { referrals } = useLoaderData<typeof loader>();
  return (
    <div>
      <p>
        <Link to="/azienda/collocamento-mirato">← Collocamento mirato</Link>
      </p>
      <h1>Lavoratori avviati dal collocamento mirato</h1>
      <p>
        Le persone che il servizio di collocamento mirato ti ha avviato sui posti disponibili. Comunica l'esito del colloquio al servizio.
      </p>
      {referrals.length === 0 ? (
        <p>Nessun avviamento ricevuto.</p>
      ) : (
        <div className="table-responsive" tabIndex={0}>
          <table className="table">
            <caption>Avviamenti ricevuti</caption>
            <thead>
              <tr>
                <th scope="col">Lavoratore</th>
                <th scope="col">Recapiti</th>
                <th scope="col">Posto</th>
                <th scope="col">Tipo</th>
                <th scope="col">Avviato il</th>
                <th scope="col">Stato</th>
              </tr>
            </thead>
            <tbody>
              {referrals.map((r) => (
                <tr key={r.id}>
                  <td>
                    {r.firstName} {r.lastName}
                  </td>
                  <td>{[r.phone, r.email].filter(Boolean).join(" · ") || "—"}</td>
                  <td>{r.task}</td>
                  <td>
                    {r.kindLabel}
                    {r.nullaOstaNumber ? (
                      <>
                        {" "}
                        n. {r.nullaOstaNumber} del {formatDate(r.nullaOstaOn!)} —{" "}
                        <a href={`/azienda/collocamento-mirato/avviamenti/${r.id}/nulla-osta`} download>
                          scarica il nulla osta{" "}
                          <span className="visually-hidden">
                            di {r.firstName} {r.lastName}
                          </span>{" "}
                          (PDF)
                        </a>
                      </>
                    ) : null}
                  </td>
                  <td>{r.referredOn ? formatDate(r.referredOn) : "—"}</td>
                  <td>{r.statusLabel}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
