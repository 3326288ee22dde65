import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { AddendaPage } from "~/components/internship-addenda";
import { addendaAction, addendaLoader } from "~/web/internship-addenda.server";

export const meta: MetaFunction = () => [{ title: "Integrazioni al progetto formativo — Rosa" }];

export const loader = (args: LoaderFunctionArgs) => addendaLoader("employer", args);

export const action = (args: ActionFunctionArgs) => addendaAction("employer", args);

export default function InternshipAddenda() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return <AddendaPage data={data} lastResult={result?.result} />;
}
