import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { plural } from "~/utils/plural";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary, Notice, SelectField } from "~/components/forms";
import { getDb } from "~/db/db.server";
import { runSubmission } from "~/web/actions/placement.server";
import { useSchemaForm } from "~/web/conform";
import { getFormProps } from "@conform-to/react";
import {
  listEnrolments,
  listOpenPostsInProvince,
  listReferralsInProvince,
  referNominative,
  REFERRAL_KIND_LABELS,
  REFERRAL_STATUS_LABELS,
} from "~/domain/placement/index.server";
import { todayInItaly } from "~/utils/dates";
import { redirectWithFlash } from "~/web/flash.server";
import { formatDate } from "~/utils/format";
import { actorOf } from "~/web/session.server";
import { requirePlacementOfficer } from "~/web/guards.server";

export const meta: MetaFunction = () => [{ title: "Avviamenti del collocamento mirato — Rosa" }];

const NominativeSchema = z.object({
  postId: z.uuid({ error: "Scegli il posto" }),
  enrolmentId: z.uuid({ error: "Scegli la persona indicata dall'azienda" }),
});

/** From the matching with the list (elenco-match): the post and the person preselected in the nominative form. */
const PrefillSchema = z.object({
  posto: z.uuid().optional().catch(undefined),
  persona: z.uuid().optional().catch(undefined),
  offerta: z.uuid().optional().catch(undefined),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, province } = await requirePlacementOfficer(request);
  const prefill = PrefillSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const db = getDb();
  const [posts, referrals, people] = await Promise.all([
    listOpenPostsInProvince(db, province),
    listReferralsInProvince(db, province),
    listEnrolments(db, actorOf(user, context), province),
  ]);
  const fromMatch =
    !!prefill.posto &&
    !!prefill.persona &&
    posts.some((p) => p.id === prefill.posto) &&
    people.some((p) => p.id === prefill.persona && p.status === "active");
  return {
    province,
    prefill: fromMatch ? { postId: prefill.posto!, enrolmentId: prefill.persona!, vacancyId: prefill.offerta ?? null } : null,
    posts: posts.map((p) => ({
      id: p.id,
      label: `${p.employerName} — ${p.task} (${p.comuneLabel}), ${plural(p.posts, "posto", "posti")}`,
    })),
    people: people.filter((p) => p.status === "active").map((p) => ({ id: p.id, label: `${p.lastName} ${p.firstName} (${p.taxCode})` })),
    referrals: referrals.map((r) => ({ ...r, kindLabel: REFERRAL_KIND_LABELS[r.kind], statusLabel: REFERRAL_STATUS_LABELS[r.status] })),
  };
}

/** Nominative referral: the office issues the nulla osta for the person the employer named. */
export async function action({ request, context }: ActionFunctionArgs) {
  const { user, province } = await requirePlacementOfficer(request);
  const result = await runSubmission(await request.formData(), NominativeSchema, (trx, d) =>
    referNominative(trx, actorOf(user, context), province, d.postId, d.enrolmentId, todayInItaly()),
  );
  if (!result.ok) return result.reply;
  return redirectWithFlash(`/operatore/collocamento-mirato/avviamenti/${result.value.id}`, {
    type: "success",
    message: `Nulla osta n. ${result.value.number} rilasciato.`,
  });
}

export default function ReferralsPage() {
  const { province, prefill, posts, people, referrals } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const [form, fields] = useSchemaForm(NominativeSchema, {
    id: "nominative",
    lastResult: reply?.result,
    defaultValue: prefill ? { postId: prefill.postId, enrolmentId: prefill.enrolmentId } : undefined,
  });
  return (
    <div>
      <p>
        <Link to="/operatore/collocamento-mirato/elenco">← Elenco del collocamento mirato</Link>
      </p>
      <h1>Avviamenti del collocamento mirato ({province})</h1>
      <section aria-labelledby="numeric">
        <h2 id="numeric" className="h4">
          Avviamento numerico
        </h2>
        <p>
          Scegli il posto: Rosa propone le persone con il punteggio più alto in graduatoria che hanno le capacità e le condizioni richieste.
        </p>
        {posts.length === 0 ? (
          <p>Nessun posto disponibile nelle aziende della provincia.</p>
        ) : (
          <ul>
            {posts.map((p) => (
              <li key={p.id}>
                <Link to={`/operatore/collocamento-mirato/avviamenti/numerico/${p.id}`}>{p.label}</Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="nominative" className="mt-4">
        <h2 id="nominative" className="h4">
          Avviamento nominativo con nulla osta
        </h2>
        {prefill ? (
          <Notice type="info">
            Posto e persona scelti dall'abbinamento con l'elenco: controlla e rilascia il nulla osta.{" "}
            {prefill.vacancyId ? (
              <Link to={`/operatore/collocamento-mirato/abbinamento/offerta/${prefill.vacancyId}`}>Torna all'abbinamento dell'offerta</Link>
            ) : null}
          </Notice>
        ) : null}
        <Form method="post" {...getFormProps(form)}>
          <ErrorSummary form={form} />
          <SelectField
            field={fields.postId}
            label="Posto"
            options={posts.map((p) => [p.id, p.label] as [string, string])}
            placeholder="Scegli…"
          />
          <SelectField
            field={fields.enrolmentId}
            label="Persona indicata dall'azienda"
            options={people.map((p) => [p.id, p.label] as [string, string])}
            placeholder="Scegli…"
          />
          <button type="submit" className="btn btn-primary">
            Rilascia il nulla osta
          </button>
        </Form>
      </section>
      <section aria-labelledby="list" className="mt-4">
        <h2 id="list" className="h4">
          Avviamenti
        </h2>
        {referrals.length === 0 ? (
          <p>Nessun avviamento.</p>
        ) : (
          <div className="table-responsive" tabIndex={0}>
            <table className="table">
              <caption>Avviamenti delle persone iscritte nell'elenco</caption>
              <thead>
                <tr>
                  <th scope="col">Persona</th>
                  <th scope="col">Azienda e posto</th>
                  <th scope="col">Tipo</th>
                  <th scope="col">Stato</th>
                  <th scope="col">Dettaglio</th>
                </tr>
              </thead>
              <tbody>
                {referrals.map((r) => (
                  <tr key={r.id}>
                    <td>{r.personName}</td>
                    <td>
                      {r.employerName} — {r.task}
                    </td>
                    <td>
                      {r.kindLabel}
                      {r.nullaOstaNumber ? ` n. ${r.nullaOstaNumber} del ${formatDate(r.nullaOstaOn!)}` : ""}
                    </td>
                    <td>{r.statusLabel}</td>
                    <td>
                      <Link to={`/operatore/collocamento-mirato/avviamenti/${r.id}`}>
                        Apri <span className="visually-hidden">l'avviamento di {r.personName}</span>
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
