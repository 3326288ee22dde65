import { Form } from "@remix-run/react";
import { LookupInput } from "~/components/lookup-input";
import { CheckboxField, ErrorSummary, SelectField, TextField } from "~/components/forms";
import { CAPACITIES, CAPACITY_KEYS, orderedCapacities } from "~/domain/placement";
import type { PostView } from "~/domain/placement/index.server";
import type { FieldErrors, FormValues } from "~/utils/forms";

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

/** The form of one available post (fields of the national prospetto). */
export function PostForm({ errors, values }: { errors?: FieldErrors; values?: FormValues }) {
  const common = { errors, values };
  return (
    <Form method="post" noValidate>
      <input type="hidden" name="intent" value="add" />
      <ErrorSummary errors={errors} />
      <TextField name="task" label="Mansione" required {...common} />
      <LookupInput
        name="occupation"
        label="Qualifica (classificazione CP2021)"
        source="/api/professioni"
        required
        hint="Scrivi almeno due lettere e scegli dall'elenco"
        {...common}
      />
      <div className="row">
        <div className="col-md-4">
          <TextField name="posts" label="Numero di posti" inputMode="numeric" required {...common} />
        </div>
        <div className="col-md-8">
          <LookupInput name="comune" label="Comune della sede di lavoro" source="/api/comuni" required {...common} />
        </div>
      </div>
      <fieldset className="mb-3">
        <legend className="h6">Capacità richieste dalla mansione</legend>
        <div className="row">
          {CAPACITY_KEYS.map((k) => (
            <div className="col-md-6" key={k}>
              <CheckboxField name={`cap.${k}`} label={CAPACITIES[k]} {...common} />
            </div>
          ))}
        </div>
      </fieldset>
      <div className="row">
        <div className="col-md-4">
          <SelectField
            name="architecturalBarriers"
            label="Barriere architettoniche"
            options={YES_NO}
            placeholder="Scegli…"
            required
            {...common}
          />
        </div>
        <div className="col-md-4">
          <SelectField name="nightShifts" label="Turni notturni" options={YES_NO} placeholder="Scegli…" required {...common} />
        </div>
        <div className="col-md-4">
          <SelectField
            name="publicTransport"
            label="Raggiungibile con i mezzi pubblici"
            options={YES_NO}
            placeholder="Scegli…"
            required
            {...common}
          />
        </div>
      </div>
      <button type="submit" className="btn btn-primary">
        Aggiungi il posto
      </button>
    </Form>
  );
}
