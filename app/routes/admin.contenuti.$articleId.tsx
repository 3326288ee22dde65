import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { CheckboxField, ErrorSummary, SelectField, TextAreaField, TextField } from "~/components/forms";
import { PageTitle } from "~/components/layout";
import { getDb } from "~/db/db.server";
import { withTransaction } from "~/db/transaction.server";
import { saveArticle } from "~/domain/services/commands.server";
import { getArticleForEdit } from "~/domain/services/queries.server";
import { ArticleSchema, INFO_CATEGORY_LABELS } from "~/domain/services/schema";
import { domainErrorResponse, invalid } from "~/web/action.server";
import { redirectWithFlash } from "~/web/flash.server";
import { parseFormData, type FormValues } from "~/utils/forms";
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
  if (!id) return { id: null, version: undefined, values: { published: "on", sortOrder: "100" } as FormValues };
  const a = await getArticleForEdit(getDb(), id);
  if (!a) throw notFound("Pagina non trovata");
  const values: FormValues = {
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
  const form = parseFormData(await request.formData(), ArticleSchema);
  if (!form.ok) return invalid(form.errors, form.values);
  try {
    await withTransaction((trx) => saveArticle(trx, actorOf(user, context), id, form.data));
  } catch (e) {
    return domainErrorResponse(e, form.values);
  }
  return redirectWithFlash("/admin/contenuti", {
    type: "success",
    message: "Pagina salvata: le modifiche sono nell'elenco dei contenuti.",
  });
}

export default function EditArticle() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const common = { errors: result?.errors, values: result?.values ?? data.values };
  return (
    <div className="col-lg-10">
      <p>
        <Link to="/admin/contenuti">← Contenuti informativi</Link>
      </p>
      <PageTitle title={data.id ? "Modifica la pagina" : "Nuova pagina"} />
      <Form method="post" noValidate>
        <ErrorSummary errors={result?.errors} />
        {data.version ? <input type="hidden" name="version" value={data.version} /> : null}
        <TextField name="title" label="Titolo" required {...common} />
        <div className="row">
          <div className="col-md-6">
            <TextField name="slug" label="Indirizzo (/informazioni/…)" required hint="Lettere minuscole, cifre e trattini" {...common} />
          </div>
          <div className="col-md-6">
            <SelectField name="category" label="Sezione" options={INFO_CATEGORY_LABELS} placeholder="Scegli…" required {...common} />
          </div>
        </div>
        <TextAreaField name="summary" label="Sommario" required rows={2} {...common} />
        <TextAreaField name="body" label="Testo" required rows={12} hint="Separa i paragrafi con una riga vuota" {...common} />
        <div className="row">
          <div className="col-md-6">
            <TextField name="serviceCodes" label="Servizi collegati" hint="Codici separati da virgole, es. 4A, 4C" {...common} />
          </div>
          <div className="col-md-6">
            <TextField name="sortOrder" label="Ordine" inputMode="numeric" {...common} />
          </div>
        </div>
        <CheckboxField name="published" label="Pubblicata" {...common} />
        <button type="submit" className="btn btn-primary">
          Salva la pagina
        </button>
      </Form>
    </div>
  );
}
