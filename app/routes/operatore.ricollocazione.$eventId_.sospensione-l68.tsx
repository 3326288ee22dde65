import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Notice } from "~/components/forms";
import { PageTitle } from "~/components/layout";
import { NewRecordForm } from "~/components/l68-record-form";
import { getDb } from "~/db/db.server";
import { l68SuspensionDefaults } from "~/domain/outplacement";
import { listEventMilestones } from "~/domain/outplacement/index.server";
import { todayInItaly } from "~/utils/dates";
import { formatDate } from "~/utils/format";
import { redirectWithFlash } from "~/web/flash.server";
import { fileSuspensionFromEvent } from "~/web/outplacement-l68.server";
import { requireEvent } from "~/web/outplacement-guards.server";
import { actorOf, forbidden } from "~/web/session.server";

export const meta: MetaFunction = () => [{ title: "Sospensione L. 68/1999 dall'evento — Ricollocazione — Rosa" }];

/** Only the placement officers file L. 68 records (the other officers see the event, not this page). */
async function requirePlacementOfficer(request: Request, params: unknown) {
  const r = await requireEvent(request, params, ["officer"]);
  if (r.user.role !== "placement_officer") throw forbidden();
  return r;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { event } = await requirePlacementOfficer(request, params);
  const milestones = await listEventMilestones(getDb(), event.id, todayInItaly());
  const window = milestones.find((m) => m.rule_id === "L68-SUSP") ?? null;
  const defaults = l68SuspensionDefaults(
    {
      type: event.type,
      title: event.title,
      // The first site's province first (the provinces list is sorted).
      provinces: [event.sites[0]?.province, ...event.provinces].filter((p): p is string => !!p),
      legalProvince: null,
      communicationOn: event.communication_on,
    },
    window ? { starts_on: window.starts_on, due_on: window.due_on } : null,
  );
  return {
    event: { id: event.id, title: event.title, legal_name: event.legal_name, version: event.version, l68_record_id: event.l68_record_id },
    defaults,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, scope, event } = await requirePlacementOfficer(request, params);
  const result = await fileSuspensionFromEvent(request, actorOf(user, context), scope, event);
  if (!result.ok) return result.reply;
  return redirectWithFlash(`/operatore/ricollocazione/${event.id}`, {
    type: "success",
    message:
      "Pratica di sospensione L. 68/99 registrata per l'azienda e collegata all'evento: la decide l'ufficio del collocamento mirato.",
  });
}

export default function EventL68Suspension() {
  const { event, defaults } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  return (
    <div className="col-lg-10">
      <p>
        <Link to={`/operatore/ricollocazione/${event.id}`}>← {event.title}</Link>
      </p>
      <PageTitle title="Sospensione degli obblighi L. 68/1999" lead={`${event.legal_name} — dall'evento «${event.title}»`} />
      {defaults?.computed ? (
        <p>
          Periodo calcolato dall'evento: dal {formatDate(defaults.startsOn)} al {formatDate(defaults.endsOn)}. Puoi correggerlo prima di
          registrare la pratica.
        </p>
      ) : (
        <Notice type="warning">
          L'evento non ha ancora la finestra di sospensione calcolata (serve la fine della procedura): il periodo parte dalla comunicazione
          di avvio{defaults ? ` del ${formatDate(defaults.startsOn)}` : ""}, senza fine. Correggilo se serve.
        </Notice>
      )}
      {event.l68_record_id ? (
        <Notice type="info">
          L'evento ha già una pratica collegata:{" "}
          <Link to={`/operatore/collocamento-mirato/pratiche/${event.l68_record_id}`}>apri la pratica</Link>. Registrandone una nuova, il
          collegamento passa alla nuova.
        </Notice>
      ) : null}
      <NewRecordForm
        kind="sospensione"
        legalProvince={defaults?.provinceCode ?? ""}
        lastResult={reply?.result}
        defaultValue={
          defaults
            ? { startsOn: defaults.startsOn, endsOn: defaults.endsOn, suspensionType: defaults.suspensionType, notes: defaults.notes }
            : undefined
        }
        receivedVia
      >
        <input type="hidden" name="eventVersion" value={event.version} />
      </NewRecordForm>
    </div>
  );
}
