import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/forms";
import {
  EmployerTypeForm,
  HistorySection,
  pageReply,
  ObligationsSection,
  ProtectedWorkersSection,
  QuotaSummary,
  WorkforceSection,
} from "~/components/l68-file";
import { getDb } from "~/db/db.server";
import { handleFileAction } from "~/web/actions/l68-file.server";
import { getFileView } from "~/domain/l68/file/index.server";
import { redirectWithFlash } from "~/web/flash.server";
import { actorOf } from "~/web/session.server";
import { requireL68Employer } from "~/web/guards.server";

export const meta: MetaFunction = () => [{ title: "Collocamento mirato (L. 68/99) — Rosa" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireL68Employer(request);
  // Scoped by the session's employer; never the disability details (health data).
  const view = await getFileView(getDb(), user.employerId, { health: false });
  // ?scadenze=aperte: the desk's link, only the obligations still to meet (open or overdue).
  const onlyPending = new URL(request.url).searchParams.get("scadenze") === "aperte";
  return {
    view: onlyPending ? { ...view, obligations: view.obligations.filter((o) => o.status === "open" || o.status === "overdue") } : view,
    employerName: user.employerName,
    onlyPending,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireL68Employer(request);
  const result = await handleFileAction(await request.formData(), actorOf(user, context), user.employerId);
  if (!result.ok) return result.reply;
  return redirectWithFlash("/azienda/collocamento-mirato", { type: "success", message: result.message });
}

export default function EmployerL68File() {
  const { view, employerName, onlyPending } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>()?.result;
  return (
    <div>
      <h1>Collocamento mirato (L. 68/99)</h1>
      <p className="lead">
        {employerName}: dichiara l'organico e i lavoratori delle categorie protette; la quota di riserva e la copertura si ricalcolano a
        ogni modifica.
      </p>
      <ErrorSummary result={pageReply(reply)} />
      <p className="d-flex flex-wrap gap-3">
        <Link to="/azienda/collocamento-mirato/prospetto">Prospetto informativo</Link>
        <Link to="/azienda/collocamento-mirato/pratiche">Esoneri, convenzioni, sospensioni e richieste</Link>
        <Link to="/azienda/collocamento-mirato/certificato">Certificazione di ottemperanza</Link>
        <Link to="/azienda/collocamento-mirato/posti">Posti di lavoro disponibili</Link>
        <Link to="/azienda/collocamento-mirato/avviamenti">Lavoratori avviati</Link>
      </p>
      <QuotaSummary latest={view.latest} />
      {onlyPending ? (
        <p className="mt-4 mb-0">
          <strong>Solo le scadenze aperte ({view.obligations.length})</strong> ·{" "}
          <Link to="/azienda/collocamento-mirato">Tutte le scadenze</Link>
        </p>
      ) : null}
      <ObligationsSection view={view} />
      <EmployerTypeForm view={view} reply={reply} />
      <WorkforceSection view={view} reply={reply} />
      <ProtectedWorkersSection view={view} reply={reply} health={false} />
      <HistorySection view={view} />
    </div>
  );
}
