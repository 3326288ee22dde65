import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { getFormProps } from "@conform-to/react";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { CheckboxField, ErrorSummary, SelectField, TextAreaField, TextField } from "~/components/forms";
import { PageTitle } from "~/components/layout";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { saveArticle } from "~/domain/services/commands.server";
import { getArticleForEdit } from "~/domain/services/queries.server";
import { ArticleSchema, INFO_CATEGORY_LABELS } from "~/domain/services/schema";
import { parseForm, useSchemaForm } from "~/web/conform";
import { replyDomainError, replyInvalid } from "~/web/conform.server";
import { redirectWithFlash } from "~/web/flash.server";
import { actorOf, notFound, requirePermission } from "~/web/session.server";

export const meta: MetaFunction = () => [{ title: "Modifica contenuto — Rosa" }];

const ParamSchema = z.union([z.literal("nuovo"), z.uuid()]);

function articleIdFrom(params: Record<string, string | undefined>): string | null {
  const parsed = ParamSchema.safeParse(params.articleId);
  if (!parsed.success) throw notFound("Pagina non trovata");
  return parsed.data === "nuovo" ? null : parsed.data;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "content:edit");
  const id = articleIdFrom(params);
  if (!id) return { id: null, version: undefined, values: { published: "on", sortOrder: "100" } as Record<string, string> };
  const a = await getArticleForEdit(getDb(), id);
  if (!a) throw notFound("Pagina non trovata");
  const values: Record<string, string> = {
    slug: a.slug,
    category: a.category,
    title: a.title,
    summary: a.summary,
    body: a.body,
    serviceCodes: a.service_codes.join(", "),
    sortOrder: String(a.sort_order),
    published: a.published ? "on" : "",
  };
  return { id: a.id, version: a.version, values };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "content:edit");
  const id = articleIdFrom(params);
  if (id && !(await getArticleForEdit(getDb(), id))) throw notFound("Pagina non trovata");
  const submission = parseForm(await request.formData(), ArticleSchema);
  if (submission.status !== "success") return replyInvalid(submission);
  try {
    await withTransaction((trx) => saveArticle(trx, actorOf(user, context), id, submission.value));
  } catch (e) {
    return replyDomainError(e, submission);
  }
  return redirectWithFlash("/admin/contenuti", {
    type: "success",
    message: "Pagina salvata: le modifiche sono nell'elenco dei contenuti.",
  });
}

export default function EditArticle() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [form, fields] = useSchemaForm(ArticleSchema, { id: "article", lastResult: result?.result, defaultValue: data.values });
  return (
    <div className="col-lg-10">
      <p>
        <Link to="/admin/contenuti">← Contenuti informativi</Link>
      </p>
      <PageTitle title={data.id ? "Modifica la pagina" : "Nuova pagina"} />
      <Form method="post" {...getFormProps(form)}>
        <ErrorSummary form={form} />
        {data.version ? <input type="hidden" name="version" value={data.version} /> : null}
        <TextField field={fields.title} label="Titolo" required />
        <div className="row">
          <div className="col-md-6">
            <TextField field={fields.slug} label="Indirizzo (/informazioni/…)" required hint="Lettere minuscole, cifre e trattini" />
          </div>
          <div className="col-md-6">
            <SelectField field={fields.category} label="Sezione" options={INFO_CATEGORY_LABELS} placeholder="Scegli…" required />
          </div>
        </div>
        <TextAreaField field={fields.summary} label="Sommario" required rows={2} />
        <TextAreaField field={fields.body} label="Testo" required rows={12} hint="Separa i paragrafi con una riga vuota" />
        <div className="row">
          <div className="col-md-6">
            <TextField field={fields.serviceCodes} label="Servizi collegati" hint="Codici separati da virgole, es. 4A, 4C" />
          </div>
          <div className="col-md-6">
            <TextField field={fields.sortOrder} label="Ordine" inputMode="numeric" />
          </div>
        </div>
        <CheckboxField field={fields.published} label="Pubblicata" />
        <button type="submit" className="btn btn-primary">
          Salva la pagina
        </button>
      </Form>
    </div>
  );
}
