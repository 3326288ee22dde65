import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { z } from "zod";
import { Notice } from "~/components/forms";
import { getDb } from "~/db/db.server";
import { getCandidateImport } from "~/domain/candidates/queries.server";
import { formatNumber } from "~/utils/format";
import { notFound, requirePermission } from "~/web/session.server";
import { plural } from "~/utils/plural";

export const meta: MetaFunction = () => [{ title: "Importazione candidati — Rosa" }];

const ParamsSchema = z.object({ importId: z.uuid() });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "candidates:write");
  const parsed = ParamsSchema.safeParse(params);
  if (!parsed.success) throw notFound("Importazione non trovata");
  const job = await getCandidateImport(getDb(), parsed.data.importId, user.id);
  if (!job) throw notFound("Importazione non trovata");
  return { job };
}

const PHASE = { validating: "Verifica delle righe", importing: "Importazione", done: "Completata", failed: "Non importato" } as const;

export default function ImportProgressPage() {
  const { job } = useLoaderData<typeof loader>();
  const revalidator = useRevalidator();
  const running = job.status === "validating" || job.status === "importing";
  // Poll while the job runs; the loader reads the progress the job writes outside its transaction.
  useEffect(() => {
    if (!running) return;
    const t = setTimeout(() => revalidator.state === "idle" && revalidator.revalidate(), 700);
    return () => clearTimeout(t);
  }, [running, job.processed_rows, job.status, revalidator]);
  const percent = job.status === "done" ? 100 : job.total_rows ? Math.round((job.processed_rows / job.total_rows) * 100) : 0;
  return (
    <div className="col-lg-8">
      <p>
        <Link to="/operatore/candidati/importa">← Nuova importazione</Link>
      </p>
      <h1>Importazione di {job.filename}</h1>
      <p>
        {PHASE[job.status]}: {formatNumber(job.status === "done" ? job.total_rows : job.processed_rows)} su{" "}
        {plural(job.total_rows, "riga", "righe")}
      </p>
      {/* A native <progress> rather than Bootstrap's bar: its width needs no inline style, which the CSP refuses. */}
      <div className="rosa-progress-row mb-4">
        <progress
          className={`rosa-progress${job.status === "failed" ? " rosa-progress-failed" : ""}`}
          aria-label={`Avanzamento: ${PHASE[job.status]}`}
          max={100}
          value={percent}
        >
          {percent}%
        </progress>
        <span aria-hidden="true">{percent}%</span>
      </div>
      <div aria-live="polite">
        {job.status === "done" ? <Notice type="success">{job.message}</Notice> : null}
        {job.status === "failed" ? (
          <Notice type="danger">
            {job.message}{" "}
            {job.has_report ? (
              <a href={`/operatore/candidati/importa/${job.id}/errori`} download>
                Scarica il rapporto degli errori ({plural(job.error_count, "errore", "errori")}, CSV)
              </a>
            ) : null}
          </Notice>
        ) : null}
      </div>
    </div>
  );
}
