import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageTitle } from "~/components/layout";
import { getDb } from "~/db/db.server";
import { searchArticles } from "~/domain/services/queries.server";
import { INFO_CATEGORY_LABELS } from "~/domain/services/schema";
import { formatDateTime } from "~/utils/format";
import { requirePermission } from "~/web/session.server";

export const meta: MetaFunction = () => [{ title: "Contenuti informativi — Rosa" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "content:edit");
  return { articles: await searchArticles(getDb(), "", { includeDrafts: true }) };
}

export default function ContentAdmin() {
  const { articles } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageTitle title="Contenuti informativi" lead="Le pagine dell'area informazioni per i datori di lavoro.">
        <Link to="/admin/contenuti/nuovo" className="btn btn-primary">
          Nuova pagina
        </Link>
      </PageTitle>
      <div className="table-responsive" tabIndex={0}>
        <table className="table">
          <caption>Pagine ({articles.length})</caption>
          <thead>
            <tr>
              <th scope="col">Titolo</th>
              <th scope="col">Sezione</th>
              <th scope="col">Stato</th>
              <th scope="col">Aggiornata</th>
            </tr>
          </thead>
          <tbody>
            {articles.map((a) => (
              <tr key={a.id}>
                <td>
                  <Link to={`/admin/contenuti/${a.id}`}>{a.title}</Link>
                </td>
                <td>{INFO_CATEGORY_LABELS[a.category]}</td>
                <td>{a.published ? "Pubblicata" : "Bozza"}</td>
                <td>{formatDateTime(a.updated_at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
