/** The edit page of an internship request (officer and employer): the saved values, the checker's answer, the form. */
import { Link } from "@remix-run/react";
import { Notice } from "~/components/forms";
import { InternshipChecksPanel, type StoredCheck } from "~/components/internship-views";
import { InternshipRequestFormView } from "~/components/internship-request-form";
import { PageTitle } from "~/components/layout";
import { InternshipRequestSchema } from "~/domain/internships";
import { useSchemaForm, type FormResult } from "~/web/conform";

export interface RequestEditData {
  internship: { id: string; number: number; title: string; state: string; version: number; region: string; checkedAt: string | null };
  values: Record<string, string>;
  block: string | null;
  voidsSignatures: boolean;
  check: unknown;
  base: string;
  area: "officer" | "employer";
}

export function RequestEditPage({ data, lastResult }: { data: RequestEditData; lastResult?: FormResult | null }) {
  const i = data.internship;
  const form = useSchemaForm(InternshipRequestSchema, { id: "internship-request-edit", lastResult, defaultValue: data.values });
  return (
    <div className="col-lg-10">
      <p>
        <Link to={data.base}>← Tirocinio n. {i.number}</Link>
      </p>
      <PageTitle
        title={`Modifica la richiesta di tirocinio n. ${i.number}`}
        lead="A ogni salvataggio Rosa rifà i controlli delle regole della Regione e li mostra nella scheda del tirocinio."
      />
      {data.block ? (
        <Notice type="warning">
          {data.block}{" "}
          {data.area === "officer" || data.block.includes("addendum") ? (
            <Link to={`${data.base}/integrazioni`}>Vai alle integrazioni del progetto</Link>
          ) : null}
        </Notice>
      ) : (
        <>
          {data.voidsSignatures ? (
            <Notice type="warning">Salvare una modifica annulla le firme già raccolte: il progetto formativo va firmato di nuovo.</Notice>
          ) : null}
          <section aria-labelledby="current-checks" className="mb-4">
            <h2 id="current-checks" className="h4">
              Controlli delle regole sui dati salvati
            </h2>
            <InternshipChecksPanel stored={data.check as StoredCheck | null} region={i.region} checkedAt={i.checkedAt} />
          </section>
          <InternshipRequestFormView form={form} submitLabel="Salva le modifiche" version={i.version} withTrainee={false} />
        </>
      )}
    </div>
  );
}
