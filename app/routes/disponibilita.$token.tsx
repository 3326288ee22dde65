import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { getFormProps } from "@conform-to/react";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { CheckboxField, ErrorSummary, Notice } from "~/components/forms";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { LINK_MESSAGES, linkMessage, readAvailabilityLink, verifyAvailabilityToken } from "~/domain/shortlists/availability-links.server";
import { answerAvailabilityLink } from "~/domain/shortlists/commands.server";
import { LinkAnswerSchema } from "~/domain/shortlists/schema";
import { constraintsOf, parseForm, replyDomainError, replyFormError, replyInvalid } from "~/web/conform.server";
import { redirectWithFlash } from "~/web/flash.server";
import { useServerForm } from "~/web/form-metadata";
import { formatDateTime } from "~/utils/format";
import { clientIp } from "~/web/session.server";

export const meta: MetaFunction = () => [{ title: "La tua disponibilità — Rosa" }, { name: "robots", content: "noindex" }];

const ParamsSchema = z.object({ token: z.string().max(120) });
const tokenOf = (params: unknown) => {
  const parsed = ParamsSchema.safeParse(params);
  return parsed.success ? parsed.data.token : "";
};

/**
 * The one-click availability answer (docs/decisions/0010-signed-availability-links.md): no login, the signed link is the key. Every
 * outcome is a page with an Italian message (invalid, expired, already answered, superseded).
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const { state } = await readAvailabilityLink(getDb(), tokenOf(params));
  const status = state.kind === "invalid" ? 404 : state.kind === "expired" ? 410 : 200;
  if (state.kind === "open") return data({ open: state, message: null, constraint: constraintsOf(LinkAnswerSchema) }, { status });
  return data({ open: null, message: linkMessage(state), kind: state.kind, constraint: {} }, { status });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const token = tokenOf(params);
  // A changed or made-up link: refused before reading the form (404, as for an unknown invitation).
  if (!verifyAvailabilityToken(token)) return replyFormError(LINK_MESSAGES.invalid, 404);
  const submission = parseForm(await request.formData(), LinkAnswerSchema);
  if (submission.status !== "success") return replyInvalid(submission);
  try {
    const answer = await withTransaction((trx) =>
      answerAvailabilityLink(trx, {
        token,
        response: submission.value.response,
        shareContacts: submission.value.shareContacts === "on",
        ip: clientIp(context),
      }),
    );
    return redirectWithFlash(`/disponibilita/${token}`, {
      type: "success",
      message:
        answer === "confirmed"
          ? "Grazie: hai confermato la tua disponibilità. Il Centro per l'Impiego ti ricontatterà."
          : "Grazie: abbiamo registrato che non sei disponibile per questa offerta.",
    });
  } catch (e) {
    return replyDomainError(e, submission);
  }
}

export default function AvailabilityLinkPage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [form, fields] = useServerForm<{ response: string; shareContacts: string }>({
    id: "availability",
    lastResult: result?.result,
    constraint: page.constraint,
  });
  return (
    <div className="row">
      <div className="col-lg-8">
        <h1>La tua disponibilità per un'offerta di lavoro</h1>
        {"open" in page && page.open ? (
          <>
            <p className="lead">
              Buongiorno {page.open.firstName}, il Centro per l'Impiego ti propone per questa offerta. Rispondi entro il{" "}
              {formatDateTime(page.open.deadline)}: senza risposta risulterai non disponibile.
            </p>
            <section className="card card-bg p-3 mb-4" aria-labelledby="offerta">
              <h2 className="h4" id="offerta">
                {page.open.vacancy.title}
              </h2>
              <ul>
                <li>Sede di lavoro: {page.open.vacancy.place}</li>
                <li>Contratto: {page.open.vacancy.contract}</li>
                {page.open.vacancy.workingTime ? <li>Orario: {page.open.vacancy.workingTime}</li> : null}
                {page.open.vacancy.employer ? (
                  <li>Azienda: {page.open.vacancy.employer}</li>
                ) : (
                  <li>Azienda: comunicata dal Centro per l'Impiego dopo la tua conferma</li>
                )}
              </ul>
              <p className="mb-0">{page.open.vacancy.description}</p>
            </section>
            <ErrorSummary form={form} />
            <Form method="post" {...getFormProps(form)}>
              <CheckboxField field={fields.shareContacts} label="Se confermo, l'azienda può ricevere il mio telefono e la mia e-mail" />
              <div className="d-flex gap-3 flex-wrap">
                <button type="submit" name={fields.response.name} value="confirmed" className="btn btn-success">
                  Sono disponibile
                </button>
                <button type="submit" name={fields.response.name} value="declined" className="btn btn-outline-danger">
                  Non sono disponibile
                </button>
              </div>
            </Form>
          </>
        ) : (
          <Notice type={"kind" in page && page.kind === "answered" ? "success" : "warning"}>{page.message}</Notice>
        )}
      </div>
    </div>
  );
}
