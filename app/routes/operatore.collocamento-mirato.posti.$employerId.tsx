import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { ErrorSummary } from "~/components/forms";
import { PostForm, PostsTable, postReplies } from "~/components/l68-posts";
import { getDb } from "~/db/db.server";
import { getEmployerHeader } from "~/domain/l68/file/index.server";
import { handlePostAction } from "~/web/actions/placement-posts.server";
import { listPosts } from "~/domain/placement/index.server";
import { redirectWithFlash } from "~/web/flash.server";
import { actorOf, notFound } from "~/web/session.server";
import { requireOfficerOn } from "~/web/guards.server";

export const meta: MetaFunction = () => [{ title: "Posti disponibili per conto dell'azienda — Rosa" }];

const ParamsSchema = z.object({ employerId: z.uuid() });
const requireOfficer = (request: Request, params: unknown) => requireOfficerOn(request, ParamsSchema.safeParse(params).data?.employerId);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { employerId } = await requireOfficer(request, params);
  const employer = await getEmployerHeader(getDb(), employerId);
  if (!employer) throw notFound("Azienda non trovata");
  return { employer: { id: employer.id, name: employer.legal_name }, posts: await listPosts(getDb(), employerId) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, employerId } = await requireOfficer(request, params);
  const result = await handlePostAction(await request.formData(), actorOf(user, context), employerId);
  if (!result.ok) return result.reply;
  return redirectWithFlash(`/operatore/collocamento-mirato/posti/${employerId}`, { type: "success", message: result.message });
}

export default function OfficerPostsPage() {
  const { employer, posts } = useLoaderData<typeof loader>();
  const { addReply, withdrawReply } = postReplies(useActionData<typeof action>()?.result);
  return (
    <div>
      <p>
        <Link to={`/operatore/collocamento-mirato/${employer.id}`}>← Pratica L. 68 di {employer.name}</Link>
      </p>
      <h1>Posti di lavoro disponibili di {employer.name}</h1>
      <p>Registra i posti comunicati dall'azienda via PEC o allo sportello: l'azienda li vede nella sua pagina.</p>
      <ErrorSummary result={withdrawReply} />
      <PostsTable posts={posts} canWithdraw />
      <h2 className="h4 mt-4">Nuovo posto disponibile</h2>
      <PostForm lastResult={addReply} />
      <p className="mt-4">
        <Link to="/operatore/collocamento-mirato/avviamenti">Avviamenti del collocamento mirato</Link>
      </p>
    </div>
  );
}
