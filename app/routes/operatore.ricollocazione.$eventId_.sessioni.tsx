import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { GroupSessionsPage } from "~/components/outplacement-plan";
import { groupSessionsLoader, groupSessionsAction } from "~/web/outplacement-plans.server";

export const meta: MetaFunction = () => [{ title: "Incontri e ore della coorte — Ricollocazione — Rosa" }];

export const loader = (args: LoaderFunctionArgs) => groupSessionsLoader("officer", args);
export const action = (args: ActionFunctionArgs) => groupSessionsAction("officer", args);

export default GroupSessionsPage;
