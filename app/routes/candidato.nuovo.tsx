import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { CandidateCvForm } from "~/components/candidate-form";
import { Notice } from "~/components/forms";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { candidateIdForUser } from "~/domain/candidates/queries.server";
import { accountTaxCode, createOwnCv, pendingLinkRequestOf, registrationPrefill } from "~/domain/candidates/registration.server";
import { withBlankRows } from "~/domain/candidates/form-values";
import { CandidateSchema } from "~/domain/candidates/schema";
import { parseForm } from "~/web/conform";
import { replyDomainError, replyInvalid } from "~/web/conform.server";
import { redirectWithFlash } from "~/web/flash.server";
import { formatDate } from "~/utils/format";
import { safeRedirectPath } from "~/utils/redirect";
import { actorOf, requirePermission } from "~/web/session.server";

const ALREADY_IN_DATABASE =
  "Il tuo codice fiscale è già nella banca dati del Centro per l'Impiego: per proteggere i tuoi dati, un operatore verificherà la tua identità e collegherà il CV al tuo account. Ti contatterà ai recapiti del CV.";

export const meta: MetaFunction = () => [{ title: "Il mio primo CV — Rosa" }];

const backTo = (request: Request) => safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"), "");

/** A candidate account without a CV: write the first one (prefilled from the registration), or wait for the CPI. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "candidate:self");
  const db = getDb();
  const redirectTo = backTo(request);
  if (await candidateIdForUser(db, user.id)) throw redirect(redirectTo || "/candidato");
  const pending = await pendingLinkRequestOf(db, user.id);
  const prefill = await registrationPrefill(db, user.id);
  return {
    pendingSince: pending?.created_at ?? null,
    values: withBlankRows(
      prefill ?? { taxCode: "", firstName: "", lastName: "", birthDate: "", email: user.email, comune: "", consent: "" },
    ),
    redirectTo,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "candidate:self");
  const formData = await request.formData();
  // The codice fiscale is the account's (verified at registration), never what the page sends.
  formData.set("taxCode", (await accountTaxCode(getDb(), user.id)) ?? "");
  const submission = parseForm(formData, CandidateSchema);
  if (submission.status !== "success") return replyInvalid(submission);
  let outcome: Awaited<ReturnType<typeof createOwnCv>>;
  try {
    outcome = await withTransaction((trx) => createOwnCv(trx, { ...actorOf(user, context), userId: user.id }, submission.value));
  } catch (e) {
    return replyDomainError(e, submission);
  }
  const redirectTo = backTo(request);
  if ("pendingLink" in outcome)
    return redirectWithFlash(`/candidato/nuovo${redirectTo ? `?redirectTo=${encodeURIComponent(redirectTo)}` : ""}`, {
      type: "info",
      message: "Il tuo codice fiscale è già nella banca dati del Centro per l'Impiego.",
    });
  return redirectWithFlash(redirectTo || "/candidato", {
    type: "success",
    message: redirectTo ? "Il tuo CV è salvato: ora puoi inviare la candidatura." : "Il tuo CV è salvato.",
  });
}

export default function FirstCvPage() {
  const { pendingSince, values, redirectTo } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (pendingSince)
    return (
      <div className="col-lg-9">
        <h1>Il tuo CV</h1>
        <Notice type="info">{ALREADY_IN_DATABASE}</Notice>
        <p>
          Richiesta inviata il {formatDate(pendingSince)}. Nel frattempo puoi consultare le <Link to="/offerte">offerte di lavoro</Link>.
        </p>
      </div>
    );
  return (
    <div>
      <h1>Il mio primo CV</h1>
      <p className="lead">
        Il CV è ciò che invii quando ti candidi e ciò che il Centro per l'Impiego usa per proporti alle aziende. Bastano un titolo di studio
        e una propensione (la professione che cerchi); potrai completarlo quando vuoi.
      </p>
      <p>
        Codice fiscale: {typeof values.taxCode === "string" && values.taxCode ? values.taxCode : "—"} (per correggerlo rivolgiti al tuo
        Centro per l'Impiego).
      </p>
      <CandidateCvForm
        mode="self"
        canSetProtectedCategory={false}
        lastResult={result?.result}
        defaultValue={values}
        action={redirectTo ? `/candidato/nuovo?redirectTo=${encodeURIComponent(redirectTo)}` : "/candidato/nuovo"}
        submitLabel="Salva il mio CV"
      />
    </div>
  );
}
