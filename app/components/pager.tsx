import { Link, useLocation } from "@remix-run/react";

/** Previous/next pagination that keeps the current filters in the query string. */
export function Pager({ page, hasMore }: { page: number; hasMore: boolean }) {
  const location = useLocation();
  const hrefFor = (p: number) => {
    const params = new URLSearchParams(location.search);
    params.set("page", String(p));
    return `${location.pathname}?${params}`;
  };
  if (page <= 1 && !hasMore) return null;
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
          </span>
        </li>
        {hasMore ? (
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
