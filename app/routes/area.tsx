import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { homePathFor } from "~/domain/identity/roles";
import { requireUser } from "~/web/session.server";

/** Every role has its own home; /area sends each user to theirs. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return redirect(homePathFor(user.role));
}
