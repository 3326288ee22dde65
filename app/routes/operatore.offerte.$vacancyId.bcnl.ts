import type { LoaderFunctionArgs } from "@remix-run/node";
import { withTransaction } from "~/db/transaction.server";
import { xmlDownload } from "~/documents/xml";
import { exportBcnlVacancy } from "~/domain/vacancies/index.server";
import { redirectWithFlash } from "~/web/flash.server";
import { requireVacancyOfficer, vacancyIdFrom } from "~/web/guards.server";
import { actorOf } from "~/web/session.server";

/**
 * The vacancy's next ClicLavoro message (first sending, update or closing) as a download for officers. The document
 * is validated against the ClicLavoro schema first: an invalid one is never offered, the officer goes back to the
 * vacancy page, which lists what is missing and where to fix it.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, scope } = await requireVacancyOfficer(request);
  const vacancyId = vacancyIdFrom(params);
  const result = await withTransaction((trx) => exportBcnlVacancy(trx, actorOf(user, context), scope, vacancyId));
  if (!result.ok) {
    const message = result.refused
      ? `Nessun documento ClicLavoro: ${result.refused}`
      : "Documento ClicLavoro non scaricato: mancano dei dati. Sotto «Invio a ClicLavoro» trovi cosa manca e dove correggerlo.";
    return redirectWithFlash(`/operatore/offerte/${vacancyId}#cliclavoro`, { type: "warning", message: message.slice(0, 300) });
  }
  return xmlDownload(result.xml, result.fileName);
}
