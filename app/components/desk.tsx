import { Link } from "@remix-run/react";
import { formatNumber } from "~/utils/format";

export interface DeskItemView {
  key: string;
  title: string;
  count: number;
  href: string;
  linkLabel: string;
  hint?: string;
}

/** «Le cose che aspettano me»: one card per item, its exact count and the link to the list it counts. */
export function DeskCards({ items, title = "Le cose che ti aspettano" }: { items: DeskItemView[]; title?: string }) {
  return (
    <section aria-labelledby="desk-title" className="mb-4">
      <h2 id="desk-title" className="h4">
        {title}
      </h2>
      <div className="row g-3">
        {items.map((item) => (
          <div className="col-12 col-md-6 col-lg-4" key={item.key}>
            <div className="card card-bg h-100">
              <div className="card-body">
                <h3 className="h6 card-title">{item.title}</h3>
                <p className="display-6 mb-1" data-testid={`desk-${item.key}`}>
                  {formatNumber(item.count)}
                </p>
                {item.hint ? <p className="small rosa-muted">{item.hint}</p> : null}
                <Link to={item.href}>{item.linkLabel}</Link>
              </div>
            </div>
          </div>
        ))}
      </div>
    </section>
  );
}
