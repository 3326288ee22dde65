import { Form } from "@remix-run/react";
import { LookupInput } from "~/components/lookup-input";
import { CheckboxField, ErrorSummary, SelectField, TextField } from "~/components/forms";
import { getFormProps } from "@conform-to/react";
import { CAPACITIES, CAPACITY_KEYS, orderedCapacities, PostFormSchema } from "~/domain/placement";
import type { PostView } from "~/domain/placement/index.server";
import { useSchemaForm, type Field, type FormResult } from "~/web/conform";

const yesNo = (v: boolean) => (v ? "Sì" : "No");
const POST_STATUS: Record<string, string> = { open: "Disponibile", filled: "Coperto", withdrawn: "Ritirato" };

/** The available posts as in the prospetto informativo, with a «ritira» button when `canWithdraw`. */
export function PostsTable({ posts, canWithdraw }: { posts: PostView[]; canWithdraw: boolean }) {
  if (!posts.length) return <p>Nessun posto di lavoro disponibile registrato.</p>;
  return (
    <div className="table-responsive" tabIndex={0}>
      <table className="table">
        <caption>Posti di lavoro disponibili</caption>
        <thead>
          <tr>
            <th scope="col">Mansione</th>
            <th scope="col">Qualifica (CP2021)</th>
            <th scope="col">Posti</th>
            <th scope="col">Capacità richieste</th>
            <th scope="col">Barriere architettoniche</th>
            <th scope="col">Turni notturni</th>
            <th scope="col">Comune</th>
            <th scope="col">Mezzi pubblici</th>
            <th scope="col">Stato</th>
            {canWithdraw ? <th scope="col">Azioni</th> : null}
          </tr>
        </thead>
        <tbody>
          {posts.map((p) => (
            <tr key={p.id}>
              <td>{p.task}</td>
              <td>
                {p.occupationCode} — {p.occupationTitle}
              </td>
              <td>{p.posts}</td>
              <td>
                {orderedCapacities(p.capacities)
                  .map((c) => CAPACITIES[c])
                  .join("; ") || "Nessuna in particolare"}
              </td>
              <td>{yesNo(p.architecturalBarriers)}</td>
              <td>{yesNo(p.nightShifts)}</td>
              <td>{p.comuneLabel}</td>
              <td>{yesNo(p.publicTransport)}</td>
              <td>{POST_STATUS[p.status] ?? p.status}</td>
              {canWithdraw ? (
                <td>
                  {p.status === "open" ? (
                    <Form method="post">
                      <input type="hidden" name="intent" value="withdraw" />
                      <input type="hidden" name="postId" value={p.id} />
                      <button type="submit" className="btn btn-sm btn-outline-danger">
                        Ritira <span className="visually-hidden">il posto «{p.task}»</span>
                      </button>
                    </Form>
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const YES_NO: [string, string][] = [
  ["si", "Sì"],
  ["no", "No"],
];

/** The form of one available post (fields of the national prospetto): conform, with the action's reply as `lastResult`. */
export function PostForm({ lastResult }: { lastResult?: FormResult | null }) {
  const [form, fields] = useSchemaForm(PostFormSchema, { id: "post", lastResult });
  const caps = fields.cap.getFieldset() as Record<string, Field>;
  return (
    <Form method="post" {...getFormProps(form)}>
      <input type="hidden" name="intent" value="add" />
      <ErrorSummary form={form} />
      <TextField field={fields.task} label="Mansione" />
      <LookupInput
        field={fields.occupation}
        label="Qualifica (classificazione CP2021)"
        source="/api/professioni"
        hint="Scrivi almeno due lettere e scegli dall'elenco"
      />
      <div className="row">
        <div className="col-md-4">
          <TextField field={fields.posts} label="Numero di posti" inputMode="numeric" />
        </div>
        <div className="col-md-8">
          <LookupInput field={fields.comune} label="Comune della sede di lavoro" source="/api/comuni" />
        </div>
      </div>
      <fieldset className="mb-3">
        <legend className="h6">Capacità richieste dalla mansione</legend>
        <div className="row">
          {CAPACITY_KEYS.map((k) => (
            <div className="col-md-6" key={k}>
              <CheckboxField field={caps[k]} label={CAPACITIES[k]} />
            </div>
          ))}
        </div>
      </fieldset>
      <div className="row">
        <div className="col-md-4">
          <SelectField field={fields.architecturalBarriers} label="Barriere architettoniche" options={YES_NO} placeholder="Scegli…" />
        </div>
        <div className="col-md-4">
          <SelectField field={fields.nightShifts} label="Turni notturni" options={YES_NO} placeholder="Scegli…" />
        </div>
        <div className="col-md-4">
          <SelectField field={fields.publicTransport} label="Raggiungibile con i mezzi pubblici" options={YES_NO} placeholder="Scegli…" />
        </div>
      </div>
      <button type="submit" className="btn btn-primary">
        Aggiungi il posto
      </button>
    </Form>
  );
}

/** The action's reply split between the forms of the posts page: the new post's form, or a «Ritira» button. */
export function postReplies(reply: FormResult | null | undefined) {
  const withdraw = reply?.initialValue?.intent === "withdraw";
  return { addReply: withdraw ? null : (reply ?? null), withdrawReply: withdraw ? reply : null };
}
