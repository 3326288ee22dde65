import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { PageTitle } from "~/components/layout";
import { getDb } from "~/db/db.server";
import { countEmployersByStatus } from "~/domain/employers/queries.server";
import { ROLE_LABELS } from "~/domain/identity/roles";
import { formatNumber } from "~/utils/format";
import { requirePermission } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Scrivania dell'operatore — Rosa" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "employers:review");
  return { counts: await countEmployersByStatus(getDb()), roleLabel: ROLE_LABELS[user.role], province: user.officeProvince };
}

export default function OfficerHome() {
  const { counts, roleLabel, province } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageTitle title="Scrivania" lead={`${roleLabel}${province ? ` · provincia di competenza ${province}` : ""}`} />
      <div className="row">
        <div className="col-md-4">
          <div className="card card-bg">
            <div className="card-body">
              <h2 className="h5 card-title">Aziende da convalidare</h2>
              <p className="display-6" data-testid="pending-count">
                {formatNumber(counts.pending)}
              </p>
              <Link to="/operatore/aziende?status=pending">Apri l'elenco</Link>
            </div>
          </div>
        </div>
        <div className="col-md-4">
          <div className="card card-bg">
            <div className="card-body">
              <h2 className="h5 card-title">Aziende convalidate</h2>
              <p className="display-6">{formatNumber(counts.validated)}</p>
              <Link to="/operatore/aziende?status=validated">Apri l'elenco</Link>
            </div>
          </div>
        </div>
        <div className="col-md-4">
          <div className="card card-bg">
            <div className="card-body">
              <h2 className="h5 card-title">Registrazioni respinte</h2>
              <p className="display-6">{formatNumber(counts.rejected)}</p>
              <Link to="/operatore/aziende?status=rejected">Apri l'elenco</Link>
            </div>
          </div>
        </div>
      </div>
    </div>
  );
}
