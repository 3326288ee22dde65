import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DeskCards } from "~/components/desk";
import { PageTitle } from "~/components/layout";
import { getDb } from "~/db/db.server";
import { officerDesk } from "~/domain/desk/queries.server";
import { countEmployersByStatus } from "~/domain/employers/queries.server";
import { ROLE_LABELS } from "~/domain/identity/roles";
import { todayInItaly } from "~/utils/dates";
import { formatNumber } from "~/utils/format";
import { requirePermission } from "~/web/session.server";

export const meta: MetaFunction = () => [{ title: "Scrivania dell'operatore — Rosa" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "employers:review");
  const db = getDb();
  return {
    items: await officerDesk(db, user, todayInItaly()),
    counts: await countEmployersByStatus(db),
    roleLabel: ROLE_LABELS[user.role],
    province: user.officeProvince,
  };
}

export default function OfficerHome() {
  const { items, counts, roleLabel, province } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageTitle title="Scrivania" lead={`${roleLabel}${province ? ` · provincia di competenza ${province}` : ""}`} />
      <DeskCards items={items} />
      <section aria-labelledby="employers-title">
        <h2 id="employers-title" className="h4">
          Aziende registrate
        </h2>
        <ul className="list-unstyled">
          <li>
            <Link to="/operatore/aziende?status=pending">Da convalidare</Link>:{" "}
            <span data-testid="pending-count">{formatNumber(counts.pending)}</span>
          </li>
          <li>
            <Link to="/operatore/aziende?status=validated">Convalidate</Link>: {formatNumber(counts.validated)}
          </li>
          <li>
            <Link to="/operatore/aziende?status=rejected">Registrazioni respinte</Link>: {formatNumber(counts.rejected)}
          </li>
        </ul>
      </section>
    </div>
  );
}
