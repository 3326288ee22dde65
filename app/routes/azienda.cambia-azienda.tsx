import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { withTransaction } from "~/db/transaction.server";
import { switchActiveEmployer } from "~/domain/employers/delegations.server";
import { SwitchCompanySchema } from "~/domain/employers/schema";
import { parseForm } from "~/web/conform";
import { replyDomainError, replyInvalid } from "~/web/conform.server";
import { redirectWithFlash } from "~/web/flash.server";
import { actorOf, requirePermission } from "~/web/session.server";

/** The switcher is a form in the header; opening its address goes to the company's home. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "employer:own");
  return redirect("/azienda");
}

/** A labour consultant chooses which delegating company to work for; the session remembers it. */
export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "employer:own");
  const submission = parseForm(await request.formData(), SwitchCompanySchema);
  if (submission.status !== "success") return replyInvalid(submission);
  try {
    const company = await withTransaction((trx) =>
      switchActiveEmployer(
        trx,
        { ...actorOf(user, context), userId: user.id },
        { sessionId: user.sessionId, employerId: submission.value.employerId, companies: user.companies },
      ),
    );
    // Back to the company's home: the page the user was on may belong to the previous company.
    return redirectWithFlash("/azienda", { type: "success", message: `Ora stai operando per ${company.name}.`.slice(0, 300) });
  } catch (e) {
    return replyDomainError(e, submission);
  }
}
