import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "~/db/db.server";
import { getArticleBySlug } from "~/domain/services/queries.server";
import { INFO_CATEGORY_LABELS } from "~/domain/services/labels";
import { ArticleSlugSchema } from "~/domain/services/schema.server";
import { formatDate } from "~/utils/format";
import { notFound } from "~/web/session.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.article.title} — Rosa` : "Pagina non trovata — Rosa" },
];

export async function loader({ params }: LoaderFunctionArgs) {
  const slug = ArticleSlugSchema.safeParse(params.slug);
  const article = slug.success ? await getArticleBySlug(getDb(), slug.data) : null;
  if (!article) throw notFound("Pagina non trovata");
  return { article };
}

export default function InfoArticle() {
  const { article } = useLoaderData<typeof loader>();
  return (
    <article className="col-lg-8">
      <p>
        <Link to="/informazioni">← Informazioni per i datori di lavoro</Link>
      </p>
      <p className="rosa-muted mb-1">{INFO_CATEGORY_LABELS[article.category]}</p>
      <h1>{article.title}</h1>
      <p className="lead">{article.summary}</p>
      {article.body.split(/\n{2,}/).map((p, i) => (
        <p key={i} className="rosa-pre-line">
          {p}
        </p>
      ))}
      <p className="rosa-muted">Aggiornato il {formatDate(article.updated_at)}</p>
      <p>
        <Link to="/azienda/servizi/questionario">Chiedi un servizio al Centro per l'Impiego</Link>
      </p>
    </article>
  );
}
