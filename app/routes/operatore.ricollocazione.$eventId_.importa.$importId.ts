import type { ActionFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { z } from "zod";
import { getDb } from "~/db/db.server";
import { DomainError } from "~/domain/errors";
import { applyCohortImport, discardCohortImport, reviewEmployerList } from "~/domain/outplacement/index.server";
import { plural } from "~/utils/plural";
import { requireCohortOfficer } from "~/web/cohort-guards.server";
import { redirectWithFlash } from "~/web/flash.server";
import { actorOf, notFound } from "~/web/session.server";

/**
 * The officer's decisions on a list that waits (docs/decisions/outplacement.md, «Elenco dall'azienda, Excel e
 * reimportazione»): check the employer's list («verifica»), apply a preview after reading its differences («applica»; «applica-parziale» for a partial list, whose absent workers
 * are not flagged),
 * set it aside («scarta»). Each answer goes back to the import page with the result.
 */
const Intent = z.object({ intent: z.enum(["verifica", "applica", "applica-parziale", "scarta"], { error: "Scegli un'operazione" }) });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, eventId } = await requireCohortOfficer(request, params);
  const importId = z.uuid().safeParse(params.importId);
  if (!importId.success) throw notFound("Importazione non trovata");
  const parsed = Intent.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ error: "Scegli un'operazione: verifica, applica o scarta" }, { status: 400 });
  const db = getDb();
  const actor = { ...actorOf(user, context), userId: user.id };
  const page = `/operatore/ricollocazione/${eventId}/importa?esito=${importId.data}`;
  try {
    switch (parsed.data.intent) {
      case "verifica": {
        const r = await reviewEmployerList(db, actor, eventId, importId.data);
        return redirectWithFlash(
          page,
          r.status === "failed"
            ? {
                type: "warning",
                message: "L'elenco dell'azienda ha errori: nessun lavoratore è stato importato. Vedi il rapporto qui sotto.",
              }
            : { type: "info", message: "Elenco verificato: controlla le differenze qui sotto e applicale." },
        );
      }
      case "applica":
      case "applica-parziale": {
        const r = await applyCohortImport(db, actor, eventId, importId.data, { flagMissing: parsed.data.intent === "applica" });
        return redirectWithFlash(page, {
          type: "success",
          message: `Elenco applicato: ${plural(r.imported, "lavoratore importato", "lavoratori importati")}.`,
        });
      }
      case "scarta":
        await discardCohortImport(db, actor, eventId, importId.data);
        return redirectWithFlash(`/operatore/ricollocazione/${eventId}/importa`, {
          type: "info",
          message: "Elenco scartato: nessun dato importato.",
        });
    }
  } catch (e) {
    if (e instanceof DomainError && e.kind === "not_found") throw notFound(e.message);
    if (e instanceof DomainError) return redirectWithFlash(page, { type: "warning", message: e.message });
    throw e;
  }
}
