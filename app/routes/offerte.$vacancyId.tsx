import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Notice } from "~/components/forms";
import { VacancyFacts } from "~/components/vacancy-view";
import { getDb } from "~/db/db.server";
import { EQUAL_OPPORTUNITY_NOTICE } from "~/domain/vacancies/discrimination";
import { buildJobPosting, jsonLdScript } from "~/domain/vacancies/job-posting";
import { vacancyIdFrom } from "~/domain/vacancies/policy.server";
import { toPublicVacancy } from "~/domain/vacancies/public-view";
import { getPublicVacancy } from "~/domain/vacancies/queries.server";
import { baseUrlOf } from "~/utils/action.server";
import { getEnv } from "~/utils/env.server";
import { formatDate } from "~/utils/format";
import { getCurrentUser, notFound } from "~/utils/session.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.vacancy.title} — Offerte di lavoro — Rosa` : "Offerta non trovata — Rosa" },
  ...(data ? [{ name: "description", content: `${data.vacancy.title} a ${data.vacancy.comuneName}: offerta di lavoro del Centro per l'Impiego.` }] : []),
];

/** A published vacancy, for anyone; drafts, internal and closed vacancies are 404. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const detail = await getPublicVacancy(getDb(), vacancyIdFrom(params));
  if (!detail) throw notFound("Offerta non trovata o non più disponibile");
  const vacancy = toPublicVacancy(detail);
  const user = await getCurrentUser(request);
  return {
    vacancy,
    jsonLd: jsonLdScript(buildJobPosting(vacancy, { baseUrl: baseUrlOf(request, getEnv().PUBLIC_URL), directApply: false })),
    loggedIn: !!user,
  };
}

export default function PublicVacancyPage() {
  const { vacancy, jsonLd } = useLoaderData<typeof loader>();
  return (
    <article className="col-lg-10">
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLd }} />
      <p>
        <Link to="/offerte">← Tutte le offerte</Link>
      </p>
      <h1>{vacancy.title}</h1>
      <p className="lead">
        {vacancy.employerName ?? "Azienda riservata: l'offerta è gestita dal Centro per l'Impiego"} · {vacancy.comuneName} ({vacancy.provinceCode})
      </p>
      <p className="rosa-muted">
        Offerta n. {vacancy.number}
        {vacancy.publishedAt ? ` · pubblicata il ${formatDate(vacancy.publishedAt)}` : ""} · candidature entro il {formatDate(vacancy.closingDate)}
      </p>
      <VacancyFacts v={vacancy} />
      <p>
        <em>{EQUAL_OPPORTUNITY_NOTICE}</em>
      </p>
      <Notice type="info">
        Per candidarti rivolgiti al Centro per l'Impiego indicando il numero dell'offerta ({vacancy.number}).
      </Notice>
    </article>
  );
}
