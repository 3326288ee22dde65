import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ElencoMatch, PostFacts } from "~/components/elenco-match";
import { getDb } from "~/db/db.server";
import { getEmployerHeader } from "~/domain/l68/file/index.server";
import { requirePlacementOfficer } from "~/web/guards.server";
import { vacanciesOfPost, viewElencoMatch, getPost } from "~/domain/placement/index.server";
import { todayInItaly } from "~/utils/dates";
import { actorOf, notFound } from "~/web/session.server";

export const meta: MetaFunction = () => [{ title: "Abbinamento del posto con l'elenco — Rosa" }];

const ParamsSchema = z.object({ postId: z.uuid() });

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, province } = await requirePlacementOfficer(request);
  const p = ParamsSchema.safeParse(params);
  const db = getDb();
  const post = p.success ? await getPost(db, p.data.postId) : null;
  if (!post || post.provinceCode !== province) throw notFound("Posto non trovato");
  const [match, vacancies, employer] = await Promise.all([
    viewElencoMatch(db, actorOf(user, context), province, post, { vacancy: null }, todayInItaly()),
    vacanciesOfPost(db, post.id),
    getEmployerHeader(db, post.employerId),
  ]);
  return { province, post, match, vacancies, employerName: employer?.legal_name ?? "" };
}

export default function PostMatchPage() {
  const { province, post, match, vacancies, employerName } = useLoaderData<typeof loader>();
  return (
    <div>
      <p>
        <Link to="/operatore/collocamento-mirato/avviamenti">← Avviamenti</Link>
      </p>
      <h1>Abbinamento con l'elenco: {post.task}</h1>
      <p>
        Azienda: <Link to={`/operatore/collocamento-mirato/${post.employerId}`}>{employerName}</Link>
      </p>
      <PostFacts post={post} />
      {vacancies.length ? (
        <>
          <h2 className="h5">Offerte riservate che descrivono il posto</h2>
          <ul>
            {vacancies.map((v) => (
              <li key={v.id}>
                <Link to={`/operatore/collocamento-mirato/abbinamento/offerta/${v.id}`}>
                  Offerta n. {v.number} {v.title}
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {post.status !== "open" ? <p>Il posto non è più aperto: nessun nuovo avviamento.</p> : null}
      <ElencoMatch
        province={province}
        postId={post.id}
        people={match.people}
        counts={match.counts}
        freePlaces={match.freePlaces}
        withRadius={false}
      />
    </div>
  );
}
