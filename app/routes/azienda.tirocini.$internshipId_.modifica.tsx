import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { RequestEditPage } from "~/components/internship-request-edit";
import { requestEditAction, requestEditLoader } from "~/web/internship-requests.server";

export const meta: MetaFunction = () => [{ title: "Modifica la richiesta di tirocinio — Rosa" }];

export const loader = (args: LoaderFunctionArgs) => requestEditLoader("employer", args);

export const action = (args: ActionFunctionArgs) => requestEditAction("employer", args);

export default function InternshipRequestEdit() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return <RequestEditPage data={data} lastResult={result?.result} />;
}
