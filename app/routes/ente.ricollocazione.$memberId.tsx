import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { MemberFacts, NoticeFacts, StateHistory } from "~/components/cohort-member";
import { getDb } from "~/db/db.server";
import { DomainError } from "~/domain/errors";
import { getMemberView } from "~/domain/outplacement/index.server";
import { MEMBER_EVENT_LABELS, MEMBER_STATE_LABELS, type MemberEvent } from "~/domain/outplacement";
import { memberIdFrom, requireProviderOperator } from "~/web/cohort-guards.server";
import { actorOf, notFound } from "~/web/session.server";

export const meta: MetaFunction = () => [{ title: "Lavoratore assegnato — Ricollocazione — Rosa" }];

/** A worker assigned to this provider's operator; any other worker is «not found». The view is audited. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireProviderOperator(request);
  const memberId = memberIdFrom(params);
  try {
    return await getMemberView(getDb(), actorOf(user, context), { kind: "provider", userId: user.id }, memberId);
  } catch (e) {
    if (e instanceof DomainError && e.kind === "not_found") throw notFound(e.message);
    throw e;
  }
}

export default function ProviderMemberPage() {
  const { member: m, history } = useLoaderData<typeof loader>();
  return (
    <div>
      <p>
        <Link to="/ente/ricollocazione">← Lavoratori assegnati</Link>
      </p>
      <h1>
        {m.first_name} {m.last_name}
      </h1>
      <p className="lead">
        {m.event_title} — stato: <strong>{MEMBER_STATE_LABELS[m.state]}</strong>
      </p>
      <section aria-labelledby="data-title" className="mb-5">
        <h2 id="data-title">Dati del lavoratore</h2>
        <MemberFacts m={m} />
        <NoticeFacts m={m} />
      </section>
      <section aria-labelledby="plan-title" className="mb-5">
        <h2 id="plan-title">Piano e incontri</h2>
        <p>
          <Link to={`/ente/ricollocazione/${m.event_id}/lavoratori/${m.id}/piano`}>Accoglienza e piano di reinserimento</Link> ·{" "}
          <Link to={`/ente/ricollocazione/${m.event_id}/lavoratori/${m.id}/sessioni`}>Incontri e ore</Link> ·{" "}
          <Link to={`/ente/ricollocazione/${m.event_id}/sessioni`}>Incontri di gruppo</Link>
        </p>
      </section>
      <section id="percorso" aria-labelledby="history-title">
        <h2 id="history-title">Storia</h2>
        <StateHistory
          history={history}
          eventLabel={(e) => (e === "import" ? "Importazione" : (MEMBER_EVENT_LABELS[e as MemberEvent] ?? e))}
        />
      </section>
    </div>
  );
}
