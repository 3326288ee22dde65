import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/db/db.server";
import { recordAudit } from "~/domain/audit/commands.server";
import { csvDownload, toCsv } from "~/utils/csv";
import { listDeliveries } from "~/domain/services/queries.server";
import { DeliveryFilterSchema, MODALITY_LABELS } from "~/domain/services/schema";
import { parseSearchParams } from "~/utils/forms";
import { actorOf } from "~/web/session.server";
import { plural } from "~/utils/plural";
import { requireRegisterReader } from "~/web/guards.server";

/** The register as CSV (";" separated, for Excel), with a totals row; the filter as on the page. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRegisterReader(request);
  const parsed = parseSearchParams(new URL(request.url), DeliveryFilterSchema);
  if (!parsed.ok)
    return new Response(Object.values(parsed.errors).join("\n"), { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const { rows, totals } = await listDeliveries(getDb(), parsed.data, 100_000);
  await recordAudit(getDb(), actorOf(user, context), {
    action: "service_delivery.exported",
    entityType: "service_delivery",
    details: { filter: parsed.data, rows: rows.length },
  });
  const csv = toCsv(
    [
      "data",
      "servizio",
      "standard_trento",
      "lep",
      "codice_sap",
      "azienda",
      "codice_fiscale",
      "minuti",
      "modalita",
      "operatore",
      "risultato",
      "giustificazione",
    ],
    [
      ...rows.map((r) => [
        r.delivered_on,
        r.standard_code,
        r.trento_code,
        r.lep_letter,
        r.sap_code,
        r.employer_name,
        r.employer_tax_code,
        r.minutes,
        MODALITY_LABELS[r.modality],
        r.officer_name,
        r.output,
        r.justification,
      ]),
      ["TOTALE", plural(totals.count, "servizio", "servizi"), null, null, null, null, null, totals.minutes, null, null, null, null],
    ],
  );
  return csvDownload(csv, "registro-servizi.csv");
}
