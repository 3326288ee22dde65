import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "~/components/forms";
import { PostForm, PostsTable, postReplies } from "~/components/l68-posts";
import { getDb } from "~/db/db.server";
import { handlePostAction } from "~/web/actions/placement-posts.server";
import { listPosts } from "~/domain/placement/index.server";
import { redirectWithFlash } from "~/web/flash.server";
import { actorOf } from "~/web/session.server";
import { requireL68Employer } from "~/web/guards.server";

export const meta: MetaFunction = () => [{ title: "Posti di lavoro disponibili — Rosa" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireL68Employer(request);
  return { posts: await listPosts(getDb(), user.employerId) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireL68Employer(request);
  const result = await handlePostAction(await request.formData(), actorOf(user, context), user.employerId);
  if (!result.ok) return result.reply;
  return redirectWithFlash("/azienda/collocamento-mirato/posti", { type: "success", message: result.message });
}

export default function EmployerPostsPage() {
  const { posts } = useLoaderData<typeof loader>();
  const { addReply, withdrawReply } = postReplies(useActionData<typeof action>()?.result);
  return (
    <div>
      <p>
        <Link to="/azienda/collocamento-mirato">← Collocamento mirato</Link>
      </p>
      <h1>Posti di lavoro disponibili</h1>
      <p>
        Descrivi i posti che puoi offrire alle persone con disabilità, come nel prospetto informativo: il servizio di collocamento mirato li
        usa per l'avviamento numerico e per proporti le persone iscritte con le capacità richieste.
      </p>
      <ErrorSummary result={withdrawReply} />
      <PostsTable posts={posts} canWithdraw />
      <h2 className="h4 mt-4">Nuovo posto disponibile</h2>
      <PostForm lastResult={addReply} />
      <p className="mt-4">
        <Link to="/azienda/collocamento-mirato/avviamenti">Lavoratori avviati dal collocamento mirato</Link>
      </p>
    </div>
  );
}
