import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ConventionForm } from "~/components/internship-convention-form";
import { PageTitle } from "~/components/layout";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { ConventionSchema, DEFAULT_PROMOTER_KIND } from "~/domain/internships";
import { createConvention } from "~/domain/internships/index.server";
import { todayInItaly, addMonths } from "~/utils/dates";
import { parseForm } from "~/web/conform";
import { replyDomainError, replyInvalid } from "~/web/conform.server";
import { redirectWithFlash } from "~/web/flash.server";
import { actorOf, requirePermission } from "~/web/session.server";

export const meta: MetaFunction = () => [{ title: "Nuova convenzione di tirocinio — Rosa" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "services:deliver");
  const employers = await getDb()
    .selectFrom("employers")
    .select(["id", "legal_name"])
    .where("status", "=", "validated")
    .orderBy("legal_name")
    .limit(2000)
    .execute();
  const url = new URL(request.url);
  const today = todayInItaly();
  return {
    employers,
    defaults: {
      employerId: url.searchParams.get("azienda") ?? "",
      validFrom: today,
      validTo: addMonths(today, 36),
      promoterName: "Centro per l'Impiego",
      promoterKind: DEFAULT_PROMOTER_KIND,
      version: "0",
    },
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "services:deliver");
  const submission = parseForm(await request.formData(), ConventionSchema);
  if (submission.status !== "success") return replyInvalid(submission);
  let id: string;
  try {
    id = (await withTransaction((trx) => createConvention(trx, actorOf(user, context), submission.value))).id;
  } catch (e) {
    return replyDomainError(e, submission);
  }
  return redirectWithFlash(`/operatore/tirocini/convenzioni/${id}`, {
    type: "success",
    message:
      "Convenzione salvata come bozza: scarica il PDF, falla firmare all'azienda e al Centro per l'Impiego e carica le copie firmate.",
  });
}

export default function NewConvention() {
  const { employers, defaults } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="col-lg-10">
      <p>
        <Link to="/operatore/tirocini/convenzioni">← Convenzioni</Link>
      </p>
      <PageTitle title="Nuova convenzione di tirocinio" />
      <ConventionForm employers={employers} defaults={defaults} lastResult={result?.result} submitLabel="Salva la convenzione" />
    </div>
  );
}
