import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { ErrorSummary, TextField } from "~/components/forms";
import { PageTitle } from "~/components/layout";
import { getDb } from "~/db/db.server";
import { searchArticles } from "~/domain/services/queries.server";
import { INFO_CATEGORY_LABELS } from "~/domain/services/labels";
import { ArticleSearchSchema } from "~/domain/services/schema.server";
import { parseSearchParams } from "~/utils/forms";
import { plural } from "~/utils/plural";

export const meta: MetaFunction = () => [{ title: "Informazioni per i datori di lavoro — Rosa" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const parsed = parseSearchParams(new URL(request.url), ArticleSearchSchema);
  const q = parsed.ok ? parsed.data.q : "";
  return { q, errors: parsed.ok ? undefined : parsed.errors, articles: await searchArticles(getDb(), q) };
}

export default function InfoIndex() {
  const { q, errors, articles } = useLoaderData<typeof loader>();
  const categories = Object.entries(INFO_CATEGORY_LABELS).filter(([c]) => articles.some((a) => a.category === c));
  return (
    <div className="col-lg-10">
      <PageTitle
        title="Informazioni per i datori di lavoro"
        lead="Servizi dei Centri per l'Impiego, incentivi, procedure, contratti e tirocini (standard 4A, LEP P)."
      >
        <Link to="/azienda/servizi/questionario" className="btn btn-primary">
          Quale servizio fa per te? Rispondi a cinque domande
        </Link>
      </PageTitle>
      <ErrorSummary errors={errors} />
      <Form method="get" role="search" aria-label="Cerca nelle informazioni" className="row align-items-end mb-4">
        <div className="col-md-8">
          <TextField name="q" label="Cerca" defaultValue={q} hint="Es. «tirocinio», «apprendistato», «prospetto informativo»" />
        </div>
        <div className="col-md-4 mb-4">
          <button type="submit" className="btn btn-primary">
            Cerca
          </button>
        </div>
      </Form>
      {q ? (
        <p role="status">
          {plural(articles.length, "pagina trovata", "pagine trovate")} per «{q}»
        </p>
      ) : null}
      {categories.map(([category, label]) => (
        <section key={category} className="mb-4">
          <h2 className="h4">{label}</h2>
          <ul>
            {articles
              .filter((a) => a.category === category)
              .map((a) => (
                <li key={a.id}>
                  <Link to={`/informazioni/${a.slug}`}>{a.title}</Link> — {a.summary}
                </li>
              ))}
          </ul>
        </section>
      ))}
      {!articles.length ? <p>Nessuna pagina trovata: prova con altre parole.</p> : null}
    </div>
  );
}
