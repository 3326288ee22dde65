import type { LoaderFunctionArgs } from "@remix-run/node";
import { conventionPdf, idParam } from "~/web/internship-documents.server";
import { requirePermission } from "~/web/session.server";

/** The convention as a PDF (the current version, with its fingerprint), to print and sign. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "services:deliver");
  return conventionPdf(user, context, idParam(params, "conventionId", "Convenzione non trovata"));
}
