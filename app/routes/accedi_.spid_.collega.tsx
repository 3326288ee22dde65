import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { getFormProps } from "@conform-to/react";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { getDb } from "~/db/db.server";
import type { Role } from "~/db/types";
import { ErrorSummary, TextField } from "~/components/forms";
import { homePathFor } from "~/domain/identity/roles";
import { CandidateFromIdentitySchema, LinkIdentitySchema } from "~/domain/identity/schema.server";
import { createCandidateAccountFromIdentity, linkVerifiedIdentity } from "~/domain/identity/verified-login.server";
import { getEnv } from "~/utils/env.server";
import { plural } from "~/utils/plural";
import { safeRedirectPath } from "~/utils/redirect";
import { constraintsOf, parseForm, replyDomainError, replyInvalid } from "~/web/conform.server";
import { useServerForm } from "~/web/form-metadata";
import { clientIp, sessionCookieHeader } from "~/web/session.server";
import { clearPendingIdentityCookie, pendingIdentity } from "~/web/verified-identity.server";

export const meta: MetaFunction = () => [{ title: "Collega la tua identità digitale — Rosa" }];

/** First SPID/CIE sign-in of a person Rosa does not know yet by codice fiscale (docs/decisions/0027-spid-cie-sign-in-through-oidc.md). */
export async function loader({ request }: LoaderFunctionArgs) {
  const pending = await pendingIdentity(request);
  if (!pending) throw redirect("/accedi?spid=expired");
  const { identity } = pending;
  return {
    taxCode: identity.taxCode,
    fullName: [identity.givenName, identity.familyName].filter(Boolean).join(" "),
    email: identity.email ?? "",
    link: constraintsOf(LinkIdentitySchema),
    candidate: constraintsOf(CandidateFromIdentitySchema),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const pending = await pendingIdentity(request);
  if (!pending) throw redirect("/accedi?spid=expired");
  const formData = await request.formData();
  const ip = clientIp(context);
  const headers = new Headers({ "Set-Cookie": await clearPendingIdentityCookie() });
  if (formData.get("intent") === "candidate") {
    const submission = parseForm(formData, CandidateFromIdentitySchema);
    if (submission.status !== "success") return replyInvalid(submission);
    try {
      const created = await createCandidateAccountFromIdentity(getDb(), pending.identity, { ...submission.value, ip });
      headers.append("Set-Cookie", await sessionCookieHeader(created.sessionId));
      return redirect(created.linkedCv ? "/candidato" : "/candidato/nuovo", { headers });
    } catch (e) {
      return replyDomainError(e, submission);
    }
  }
  const submission = parseForm(formData, LinkIdentitySchema);
  if (submission.status !== "success") return replyInvalid(submission);
  const env = getEnv();
  try {
    const result = await linkVerifiedIdentity(
      getDb(),
      pending.identity,
      { email: submission.value.email, password: submission.value.password, ip },
      {
        maxFailures: env.LOGIN_MAX_FAILURES,
        lockMinutes: env.LOGIN_LOCK_MINUTES,
      },
    );
    if (!result.ok) {
      const message =
        result.reason === "locked"
          ? `Troppi tentativi non riusciti: per sicurezza l'accesso è bloccato per ${plural(result.minutes, "minuto", "minuti")}.`
          : "E-mail o password non corrette.";
      return replyInvalid(submission, { formError: message, status: result.reason === "locked" ? 429 : 400 });
    }
    headers.append("Set-Cookie", await sessionCookieHeader(result.sessionId));
    return redirect(safeRedirectPath(pending.redirectTo, homePathFor(result.role as Role)), { headers });
  } catch (e) {
    return replyDomainError(e, submission);
  }
}

export default function LinkIdentity() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const intent = (result?.result?.initialValue as { intent?: string } | undefined)?.intent;
  const [linkForm, linkFields] = useServerForm<{ intent: string; email: string; password: string }>({
    id: "link-identity",
    lastResult: intent === "link" ? result?.result : undefined,
    constraint: data.link,
  });
  const [candidateForm, candidateFields] = useServerForm<{ intent: string; email: string; fullName: string }>({
    id: "candidate-from-identity",
    lastResult: intent === "candidate" ? result?.result : undefined,
    constraint: data.candidate,
    defaultValue: { email: data.email, fullName: data.fullName },
  });
  const busy = useNavigation().state !== "idle";
  return (
    <div className="row">
      <div className="col-lg-8">
        <h1>Collega la tua identità digitale</h1>
        <p>
          Hai eseguito l'accesso con SPID o CIE come <strong>{data.fullName || "persona senza nome comunicato"}</strong>, codice fiscale{" "}
          <strong>{data.taxCode}</strong>. Nessun account Rosa è ancora collegato a questo codice fiscale: scegli come continuare. Dalla
          prossima volta entrerai direttamente.
        </p>
        <h2 className="h4 mt-4">Hai già un account Rosa?</h2>
        <p>Inserisci per l'ultima volta e-mail e password: l'account verrà collegato al tuo codice fiscale.</p>
        <ErrorSummary form={linkForm} />
        <Form method="post" {...getFormProps(linkForm)}>
          <input type="hidden" name="intent" value="link" />
          <TextField field={linkFields.email} label="E-mail" type="email" autoComplete="username" required />
          <TextField field={linkFields.password} label="Password" type="password" autoComplete="current-password" required />
          <button type="submit" className="btn btn-primary" disabled={busy}>
            Collega e accedi
          </button>
        </Form>
        <h2 className="h4 mt-5">Cerchi lavoro e non hai un account?</h2>
        <p>
          Crea il tuo account da candidato: il codice fiscale è quello verificato da SPID o CIE. Se il Centro per l'Impiego ha già il tuo
          CV, lo trovi subito nella tua area.
        </p>
        <ErrorSummary form={candidateForm} />
        <Form method="post" {...getFormProps(candidateForm)}>
          <input type="hidden" name="intent" value="candidate" />
          <TextField field={candidateFields.fullName} label="Nome e cognome" autoComplete="name" required />
          <TextField field={candidateFields.email} label="E-mail per gli avvisi" type="email" autoComplete="email" required />
          <button type="submit" className="btn btn-outline-primary" disabled={busy}>
            Crea l'account da candidato
          </button>
        </Form>
        <p className="mt-4">
          Sei il rappresentante di un'azienda senza account? <Link to="/registrazione">Registra l'azienda</Link> e poi accedi con SPID o CIE
          per collegare la tua identità.
        </p>
      </div>
    </div>
  );
}
