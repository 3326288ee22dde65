/** The posts page's action, shared by the employer's route and the officer's (on the employer's behalf). */
import { z } from "zod";
import type { Actor } from "~/domain/audit/commands.server";
import { runSubmission } from "./placement.server";
import { addPost, withdrawPost } from "~/domain/placement/index.server";
import { PostFormSchema } from "~/domain/placement";

const WithdrawSchema = z.object({ postId: z.uuid({ error: "Posto non valido" }) });

/** On failure `reply` is conform's answer; its values carry the `intent` of the form that was sent («add» or «withdraw»). */
export async function handlePostAction(formData: FormData, actor: Actor, employerId: string) {
  if (formData.get("intent") === "withdraw") {
    const r = await runSubmission(formData, WithdrawSchema, (trx, d) => withdrawPost(trx, actor, employerId, d.postId));
    return r.ok ? { ok: true as const, message: "Posto ritirato." } : r;
  }
  const r = await runSubmission(formData, PostFormSchema, (trx, d) => addPost(trx, actor, employerId, d));
  return r.ok ? { ok: true as const, message: "Posto di lavoro disponibile aggiunto." } : r;
}
