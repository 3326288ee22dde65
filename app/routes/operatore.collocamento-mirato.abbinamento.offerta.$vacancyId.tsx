import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { getFormProps } from "@conform-to/react";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ElencoMatch, PostFacts } from "~/components/elenco-match";
import { ErrorSummary, Notice, SelectField } from "~/components/forms";
import { getDb } from "~/db/db.server";
import { runSubmission } from "~/web/actions/placement.server";
import { useSchemaForm, type FormResult } from "~/web/conform";
import { requirePlacementOfficer } from "~/web/guards.server";
import { getVacancyForPlacement, linkablePosts, linkVacancyToPost, viewElencoMatch, getPost } from "~/domain/placement/index.server";
import { L68_LABELS } from "~/domain/vacancies/codes";
import { todayInItaly } from "~/utils/dates";
import { redirectWithFlash } from "~/web/flash.server";
import { plural } from "~/utils/plural";
import { actorOf, notFound } from "~/web/session.server";

export const meta: MetaFunction = () => [{ title: "Abbinamento dell'offerta riservata con l'elenco — Rosa" }];

const ParamsSchema = z.object({ vacancyId: z.uuid() });

const LinkSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({ intent: z.literal("link"), postId: z.uuid({ error: "Scegli il posto di lavoro disponibile" }) }),
    z.object({ intent: z.literal("unlink") }),
  ],
  { error: "Operazione non valida" },
);

async function requireVacancy(request: Request, params: unknown) {
  const officer = await requirePlacementOfficer(request);
  const p = ParamsSchema.safeParse(params);
  const vacancy = p.success ? await getVacancyForPlacement(getDb(), officer.province, p.data.vacancyId) : null;
  if (!vacancy) throw notFound("Offerta non trovata");
  return { ...officer, vacancy };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, province, vacancy } = await requireVacancy(request, params);
  const db = getDb();
  const linked = vacancy.postId ? await getPost(db, vacancy.postId) : null;
  const post = linked && linked.provinceCode === province ? linked : null;
  const art1 = vacancy.l68Reserved === "art1";
  const match = post && art1 ? await viewElencoMatch(db, actorOf(user, context), province, post, { vacancy }, todayInItaly()) : null;
  const options = art1 && !post ? await linkablePosts(db, province, vacancy.employerId) : [];
  return {
    province,
    vacancy,
    post,
    postElsewhere: linked && !post ? linked.provinceCode : null,
    options: options.map((p): [string, string] => [
      p.id,
      `${p.task} — ${p.occupationCode}, ${p.comuneLabel}, ${plural(p.posts, "posto", "posti")}`,
    ]),
    match,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, province, vacancy } = await requireVacancy(request, params);
  const result = await runSubmission(await request.formData(), LinkSchema, (trx, d) =>
    linkVacancyToPost(trx, actorOf(user, context), province, vacancy.id, d.intent === "link" ? d.postId : null),
  );
  if (!result.ok) return result.reply;
  const linking = vacancy.postId === null;
  return redirectWithFlash(`/operatore/collocamento-mirato/abbinamento/offerta/${vacancy.id}`, {
    type: "success",
    message: linking ? "Posto collegato all'offerta: ecco le persone dell'elenco." : "Posto scollegato dall'offerta.",
  });
}

export default function ReservedVacancyMatchPage() {
  const { province, vacancy, post, postElsewhere, options, match } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>()?.result ?? null;
  // The «Collega» form shows its own reply; a refused «Scollega» (or an unknown operation) shows in the summary.
  const linkReply = reply?.initialValue?.intent === "link" ? reply : null;
  return (
    <div>
      <p>
        <Link to={`/operatore/offerte/${vacancy.id}`}>← Offerta n. {vacancy.number}</Link>
      </p>
      <h1>Abbinamento con l'elenco: {vacancy.title}</h1>
      <dl className="row">
        <dt className="col-sm-4">Azienda</dt>
        <dd className="col-sm-8">
          <Link to={`/operatore/collocamento-mirato/${vacancy.employerId}`}>{vacancy.employerName}</Link>
        </dd>
        <dt className="col-sm-4">Professione dell'offerta</dt>
        <dd className="col-sm-8">
          {vacancy.occupationCode} — {vacancy.occupationTitle}
        </dd>
        <dt className="col-sm-4">Sede e raggio</dt>
        <dd className="col-sm-8">
          {vacancy.comuneLabel}, candidati entro {plural(vacancy.radiusKm, "chilometro", "chilometri")}
        </dd>
        <dt className="col-sm-4">Collocamento mirato</dt>
        <dd className="col-sm-8">{L68_LABELS[vacancy.l68Reserved]}</dd>
      </dl>
      <ErrorSummary result={linkReply ? null : reply} />
      {vacancy.l68Reserved !== "art1" ? (
        <Notice type="info">
          {vacancy.l68Reserved === "art18"
            ? "L'offerta è riservata alle categorie protette dell'art. 18: l'elenco del collocamento mirato di Rosa riguarda le persone con disabilità (art. 1), quindi non c'è abbinamento con l'elenco."
            : "L'offerta non è riservata al collocamento mirato: non c'è abbinamento con l'elenco."}
        </Notice>
      ) : (
        <section aria-labelledby="post">
          <h2 id="post" className="h4">
            Posto di lavoro disponibile descritto dall'offerta
          </h2>
          {postElsewhere ? (
            <Notice type="info">
              Il posto collegato è in un'altra provincia ({postElsewhere}): l'abbinamento con l'elenco lo fa l'ufficio di quella provincia.
            </Notice>
          ) : post ? (
            <>
              <PostFacts post={post} />
              {post.occupationCode !== vacancy.occupationCode ? (
                <Notice type="warning">
                  La qualifica del posto ({post.occupationCode}) è diversa dalla professione dell'offerta ({vacancy.occupationCode}):
                  l'abbinamento confronta i CV delle persone con la professione dell'offerta.
                </Notice>
              ) : null}
              <Form method="post">
                <input type="hidden" name="intent" value="unlink" />
                <button type="submit" className="btn btn-outline-secondary btn-sm">
                  Scollega il posto
                </button>
              </Form>
            </>
          ) : (
            <>
              <p>
                Collega l'offerta al posto di lavoro disponibile che descrive (il posto della quota da coprire): l'abbinamento usa le sue
                capacità richieste e le sue condizioni, e l'avviamento riguarda quel posto.
              </p>
              {options.length ? (
                <LinkPostForm options={options} lastResult={linkReply} />
              ) : (
                <p>L'azienda non ha posti di lavoro disponibili aperti nella provincia ({province}).</p>
              )}
              <p>
                <Link to={`/operatore/collocamento-mirato/posti/${vacancy.employerId}`}>Aggiungi un posto per conto dell'azienda</Link>
              </p>
            </>
          )}
        </section>
      )}
      {match && post ? (
        <ElencoMatch
          province={province}
          postId={post.id}
          vacancyId={vacancy.id}
          people={match.people}
          counts={match.counts}
          freePlaces={match.freePlaces}
          withRadius
        />
      ) : null}
    </div>
  );
}

const LinkPostSchema = z.object({ postId: z.uuid({ error: "Scegli il posto di lavoro disponibile" }) });

/** Linking the vacancy to one of the employer's open posts (the «link» branch of the action's schema). */
function LinkPostForm({ options, lastResult }: { options: [string, string][]; lastResult: FormResult | null }) {
  const [form, fields] = useSchemaForm(LinkPostSchema, { id: "link", lastResult });
  return (
    <Form method="post" {...getFormProps(form)}>
      <ErrorSummary form={form} />
      <input type="hidden" name="intent" value="link" />
      <SelectField field={fields.postId} label="Posto di lavoro disponibile" options={options} placeholder="Scegli…" />
      <button type="submit" className="btn btn-primary">
        Collega il posto
      </button>
    </Form>
  );
}
