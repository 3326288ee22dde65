import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { getFormProps } from "@conform-to/react";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { CheckboxField, ErrorSummary, Notice, SelectField, TextField } from "~/components/forms";
import { NewPasswordFields } from "~/components/password-fields";
import { LookupInput } from "~/components/lookup-input";
import { withTransaction } from "~/db/transaction.server";
import { REGISTRATION_LINK_HOURS, startCandidateRegistration } from "~/domain/candidates/registration.server";
import { CandidateRegistrationSchema } from "~/domain/candidates/schema";
import { publicBaseUrl } from "~/web/action.server";
import { constraintsOf, parseForm, replyDomainError, replyInvalid } from "~/web/conform.server";
import { useServerForm, type Field } from "~/web/form-metadata";
import { safeRedirectPath } from "~/utils/redirect";
import { actorOf, getCurrentUser } from "~/web/session.server";

export const meta: MetaFunction = () => [
  { title: "Registrati come candidato — Rosa" },
  { name: "description", content: "Crea il tuo account di candidato per candidarti alle offerte di lavoro dei Centri per l'Impiego." },
];

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getCurrentUser(request)) throw redirect("/area");
  const url = new URL(request.url);
  return {
    sent: url.searchParams.get("inviata") === "1",
    redirectTo: safeRedirectPath(url.searchParams.get("redirectTo"), ""),
    hours: REGISTRATION_LINK_HOURS,
    constraint: constraintsOf(CandidateRegistrationSchema),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseForm(await request.formData(), CandidateRegistrationSchema);
  if (submission.status !== "success") return replyInvalid(submission);
  try {
    await withTransaction((trx) => startCandidateRegistration(trx, actorOf(null, context), submission.value, { baseUrl: publicBaseUrl() }));
  } catch (e) {
    return replyDomainError(e, submission);
  }
  // The same answer whether or not the address already had an account (no enumeration).
  return redirect("/registrazione/candidato?inviata=1");
}

export default function CandidateRegistration() {
  const { sent, redirectTo, hours, constraint } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const [form, fields] = useServerForm<Record<string, string>>({ id: "candidate-registration", lastResult: result?.result, constraint });
  const f = fields as unknown as Record<string, Field>;
  const typedRedirect = f.redirectTo.initialValue;
  if (sent)
    return (
      <div className="row">
        <div className="col-lg-8">
          <h1>Controlla la tua e-mail</h1>
          <Notice type="success">
            Ti abbiamo scritto all'indirizzo che hai indicato. Apri il collegamento nel messaggio entro {hours} ore per attivare il tuo
            account: fino ad allora l'account non esiste.
          </Notice>
          <p>
            Non trovi il messaggio? Guarda nella posta indesiderata, oppure registrati di nuovo: vale solo l'ultimo collegamento inviato.
          </p>
        </div>
      </div>
    );
  return (
    <div className="row">
      <div className="col-lg-9">
        <h1>Registrati come candidato</h1>
        <p className="lead">
          Con un account di candidato puoi candidarti alle offerte pubblicate, tenere aggiornato il tuo CV e rispondere al Centro per
          l'Impiego. Se sei un'azienda, <Link to="/registrazione">registra l'azienda</Link>.
        </p>
        <p className="rosa-muted">I campi con * sono obbligatori.</p>
        <ErrorSummary form={form} />
        <Form method="post" {...getFormProps(form)}>
          <input type="hidden" name="redirectTo" value={typeof typedRedirect === "string" ? typedRedirect : redirectTo} />
          <fieldset className="mb-4">
            <legend className="h4">I tuoi dati</legend>
            <div className="row">
              <div className="col-md-6">
                <TextField field={f.firstName} label="Nome" required autoComplete="given-name" />
              </div>
              <div className="col-md-6">
                <TextField field={f.lastName} label="Cognome" required autoComplete="family-name" />
              </div>
              <div className="col-md-6">
                <TextField
                  field={f.taxCode}
                  label="Codice fiscale"
                  required
                  maxLength={16}
                  hint="16 caratteri, come sulla tessera sanitaria"
                />
              </div>
              <div className="col-md-6">
                <TextField field={f.birthDate} label="Data di nascita" type="date" required autoComplete="bday" />
              </div>
              <div className="col-md-6">
                <SelectField
                  field={f.sex}
                  label="Sesso (come nel codice fiscale)"
                  required
                  placeholder="Scegli…"
                  options={[
                    ["F", "Femminile"],
                    ["M", "Maschile"],
                  ]}
                />
              </div>
              <div className="col-md-6">
                <LookupInput
                  field={f.comune}
                  label="Comune di domicilio"
                  source="/api/comuni"
                  required
                  hint="Scrivi le prime lettere e scegli, es. «Milano (MI)»"
                />
              </div>
            </div>
          </fieldset>
          <fieldset className="mb-4">
            <legend className="h4">Il tuo account</legend>
            <TextField
              field={f.email}
              label="E-mail"
              type="email"
              required
              autoComplete="email"
              hint="Ti invieremo un collegamento per confermarla"
            />
            <NewPasswordFields password={f.password} confirm={f.confirmPassword} columns />
          </fieldset>
          <fieldset className="mb-4">
            <legend className="h4">Informativa e consensi</legend>
            <p>
              Il Centro per l'Impiego tratta i tuoi dati per i servizi per il lavoro, un compito di interesse pubblico (art. 6.1.e GDPR,
              D.Lgs. 150/2015): per questo non serve un consenso, ma devi aver letto l'informativa. I due consensi che seguono sono
              facoltativi e puoi revocarli quando vuoi.
            </p>
            <CheckboxField field={f.privacy} label="Dichiaro di aver letto l'informativa sul trattamento dei dati personali (obbligatorio)">
              {" "}
              (<Link to="/privacy">leggi l'informativa</Link>)
            </CheckboxField>
            <CheckboxField
              field={f.consentCvVisible}
              label="Facoltativo: acconsento che il mio CV sia usato per l'incrocio con le offerte e mostrato alle aziende"
            />
            <CheckboxField
              field={f.consentJobAlerts}
              label="Facoltativo: acconsento a ricevere per e-mail offerte di lavoro adatte al mio profilo"
            />
          </fieldset>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            Registrati
          </button>
        </Form>
        <p className="mt-4">
          Hai già un account? <Link to={redirectTo ? `/accedi?redirectTo=${encodeURIComponent(redirectTo)}` : "/accedi"}>Accedi</Link>.
        </p>
      </div>
    </div>
  );
}
