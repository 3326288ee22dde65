import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { MemberSessionsPage } from "~/components/outplacement-plan";
import { memberPlanLoader, memberPlanAction } from "~/web/outplacement-plans.server";

export const meta: MetaFunction = () => [{ title: "Incontri e ore del lavoratore — Ricollocazione — Rosa" }];

export const loader = (args: LoaderFunctionArgs) => memberPlanLoader("provider", args);
export const action = (args: ActionFunctionArgs) => memberPlanAction("provider", args);

export default MemberSessionsPage;
