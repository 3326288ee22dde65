import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { PfiPage } from "~/components/internship-pfi-page";
import { idParam, internshipBase, internshipDocumentsAction, pfiPageLoader } from "~/web/internship-documents.server";

export const meta: MetaFunction = () => [{ title: "Progetto formativo del tirocinio — Rosa" }];

export const loader = (args: LoaderFunctionArgs) => pfiPageLoader("employer", args);

export async function action({ request, params, context }: ActionFunctionArgs) {
  const id = idParam(params, "internshipId", "Tirocinio non trovato");
  return internshipDocumentsAction("employer", request, context, id, `${internshipBase("employer", id)}/progetto`);
}

export default function InternshipPfiPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return <PfiPage data={data} lastResult={result?.result} />;
}
