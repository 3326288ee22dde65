import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { InternshipStateBadge } from "~/components/internship-views";
import { PageTitle } from "~/components/layout";
import { getDb } from "~/db/db.server";
import { listTraineeInternships } from "~/domain/internships/index.server";
import { formatDate } from "~/utils/format";
import { requireInternshipTrainee } from "~/web/internship-guards.server";

export const meta: MetaFunction = () => [{ title: "I miei tirocini — Rosa" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { candidateId } = await requireInternshipTrainee(request, context);
  return { internships: await listTraineeInternships(getDb(), candidateId) };
}

export default function TraineeInternships() {
  const { internships } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageTitle
        title="I miei tirocini"
        lead="I tirocini per cui sei la persona scelta, con il Centro per l'Impiego come soggetto promotore."
      />
      {internships.length ? (
        <ul className="list-unstyled">
          {internships.map((i) => (
            <li key={i.id} className="mb-3">
              <Link to={`/candidato/tirocini/${i.id}`}>{i.title}</Link> presso {i.employerName}, {i.comune}{" "}
              <InternshipStateBadge state={i.state} />
              {i.startDate ? (
                <div className="small">
                  Dal {formatDate(i.startDate)}
                  {i.endDate ? ` al ${formatDate(i.endDate)}` : ""}
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>Non hai tirocini per ora.</p>
      )}
    </div>
  );
}
