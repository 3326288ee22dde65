import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { plural } from "~/utils/plural";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary } from "~/components/forms";
import { getDb } from "~/db/db.server";
import { recordAudit } from "~/domain/audit/commands.server";
import { runSubmission } from "~/web/actions/placement.server";
import { CAPACITIES, orderedCapacities } from "~/domain/placement";
import { getPost, numericProposals, pendingObligationUnits, proposeNumeric } from "~/domain/placement/index.server";
import { todayInItaly } from "~/utils/dates";
import { redirectWithFlash } from "~/web/flash.server";
import { decimalComma, formatDate } from "~/utils/format";
import { actorOf, notFound } from "~/web/session.server";
import { requirePlacementOfficer } from "~/web/guards.server";

export const meta: MetaFunction = () => [{ title: "Avviamento numerico — Rosa" }];

const ParamsSchema = z.object({ postId: z.uuid() });

async function requirePost(request: Request, params: unknown) {
  const officer = await requirePlacementOfficer(request);
  const p = ParamsSchema.safeParse(params);
  const post = p.success ? await getPost(getDb(), p.data.postId) : null;
  if (!post || post.provinceCode !== officer.province) throw notFound("Posto non trovato");
  return { ...officer, post };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, post } = await requirePost(request, params);
  const today = todayInItaly();
  const db = getDb();
  const { fitting, excluded } = await numericProposals(db, post, today);
  await recordAudit(db, actorOf(user, context), {
    action: "l68.numeric_proposals_viewed",
    entityType: "l68_available_post",
    entityId: post.id,
    employerId: post.employerId,
  });
  const view = (p: (typeof fitting)[number]) => ({
    id: p.ranked.entry.id,
    position: p.ranked.position,
    name: `${p.ranked.entry.lastName} ${p.ranked.entry.firstName}`,
    score: decimalComma(p.score),
    reasons: p.fit.reasons,
  });
  return {
    post: { ...post, capacityLabels: orderedCapacities(post.capacities).map((c) => CAPACITIES[c]) },
    obligations: await pendingObligationUnits(db, post.employerId),
    fitting: fitting.map(view),
    excluded: excluded.map(view),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, province, post } = await requirePost(request, params);
  const result = await runSubmission(await request.formData(), z.object({}), (trx) =>
    proposeNumeric(trx, actorOf(user, context), province, post.id, todayInItaly()),
  );
  if (!result.ok) return result.reply;
  const n = result.value.length;
  return redirectWithFlash("/operatore/collocamento-mirato/avviamenti", {
    type: "success",
    message: `${plural(n, "persona proposta", "persone proposte")}: ${n === 1 ? "conferma l'avviamento dalla sua scheda" : "conferma ogni avviamento dalla sua scheda"}.`,
  });
}

export default function NumericReferralPage() {
  const { post, obligations, fitting, excluded } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  return (
    <div>
      <p>
        <Link to="/operatore/collocamento-mirato/avviamenti">← Avviamenti</Link>
      </p>
      <h1>Avviamento numerico: {post.task}</h1>
      <dl className="row">
        <dt className="col-sm-4">Qualifica</dt>
        <dd className="col-sm-8">
          {post.occupationCode} — {post.occupationTitle}
        </dd>
        <dt className="col-sm-4">Posti</dt>
        <dd className="col-sm-8">{post.posts}</dd>
        <dt className="col-sm-4">Sede</dt>
        <dd className="col-sm-8">
          {post.comuneLabel}; mezzi pubblici: {post.publicTransport ? "sì" : "no"}; barriere architettoniche:{" "}
          {post.architecturalBarriers ? "sì" : "no"}; turni notturni: {post.nightShifts ? "sì" : "no"}
        </dd>
        <dt className="col-sm-4">Capacità richieste</dt>
        <dd className="col-sm-8">{post.capacityLabels.join("; ") || "Nessuna in particolare"}</dd>
        <dt className="col-sm-4">Obbligo dell'azienda</dt>
        <dd className="col-sm-8">
          {obligations.units === 0
            ? "Nessun posto della quota da coprire"
            : `${plural(obligations.units, "posto", "posti")} della quota da coprire${obligations.dueOn ? `, termine più vicino ${formatDate(obligations.dueOn)}` : ""}`}
        </dd>
      </dl>
      <p>
        <Link to={`/operatore/collocamento-mirato/abbinamento/posto/${post.id}`}>
          Abbinamento con l'elenco: perché ogni persona è idonea o no, distanza e professione
        </Link>
      </p>
      <ErrorSummary result={failed?.result} />
      <h2 className="h4">Persone idonee in ordine di graduatoria</h2>
      {fitting.length === 0 ? (
        <p>Nessuna persona iscritta ha le capacità e le condizioni richieste dal posto.</p>
      ) : (
        <>
          <ol>
            {fitting.map((p) => (
              <li key={p.id}>
                {p.name} — posizione {p.position} in graduatoria, punteggio {p.score}
              </li>
            ))}
          </ol>
          <Form method="post">
            <button type="submit" className="btn btn-primary">
              Proponi {post.posts === 1 ? "la prima persona" : `le prime ${plural(post.posts, "persona", "persone")}`}
            </button>
          </Form>
        </>
      )}
      {excluded.length ? (
        <>
          <h2 className="h4 mt-4">Persone escluse</h2>
          <ul>
            {excluded.map((p) => (
              <li key={p.id}>
                {p.name} (posizione {p.position}): {p.reasons.join("; ")}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
