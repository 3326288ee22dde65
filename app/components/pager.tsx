import { Link, useLocation } from "@remix-run/react";

/**
 * Previous/next pagination that keeps the current filters in the query string.
 * Give `totalPages` when the total is known ("Pagina 2 di 7"), `hasMore` otherwise.
 */
/** `param`: the URL parameter holding the page (Italian URLs use «pagina»); every other parameter is kept. */
export function Pager({
  page,
  hasMore,
  totalPages,
  param = "page",
}: {
  page: number;
  hasMore?: boolean;
  totalPages?: number;
  param?: string;
}) {
  const location = useLocation();
  const hrefFor = (p: number) => {
    const params = new URLSearchParams(location.search);
    params.set(param, String(p));
    return `${location.pathname}?${params}`;
  };
  const more = totalPages !== undefined ? page < totalPages : !!hasMore;
  if (page <= 1 && !more) return null;
  return (
    <nav className="pagination-wrapper" aria-label="Paginazione">
      <ul className="pagination">
        {page > 1 ? (
          <li className="page-item">
            <Link className="page-link" to={hrefFor(page - 1)}>
              Pagina precedente
            </Link>
          </li>
        ) : null}
        <li className="page-item">
          <span className="page-link" aria-current="page">
            Pagina {page}
            {totalPages !== undefined ? ` di ${totalPages}` : ""}
          </span>
        </li>
        {more ? (
          <li className="page-item">
            <Link className="page-link" to={hrefFor(page + 1)}>
              Pagina successiva
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
