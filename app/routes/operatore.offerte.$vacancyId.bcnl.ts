import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/db/db.server";
import { recordAudit } from "~/domain/audit/commands.server";
import { buildBcnlVacancy, toXml } from "~/domain/vacancies/bcnl";
import { loadBcnlInput } from "~/domain/vacancies/bcnl.server";
import { actorOf, notFound } from "~/web/session.server";
import { requireVacancyOfficer, vacancyIdFrom } from "~/web/guards.server";

/** The vacancy in the ClicLavoro/BCNL XML shape, as a download for officers. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, scope } = await requireVacancyOfficer(request);
  const db = getDb();
  const input = await loadBcnlInput(db, scope, vacancyIdFrom(params));
  if (!input) throw notFound("Offerta non trovata");
  await recordAudit(db, actorOf(user, context), {
    action: "vacancy.exported_bcnl",
    entityType: "vacancy",
    entityId: input.vacancy.id,
    details: { number: input.vacancy.number },
  });
  return new Response(toXml(buildBcnlVacancy(input)), {
    headers: {
      "Content-Type": "application/xml; charset=utf-8",
      "Content-Disposition": `attachment; filename="offerta-${input.vacancy.number}-bcnl.xml"`,
    },
  });
}
