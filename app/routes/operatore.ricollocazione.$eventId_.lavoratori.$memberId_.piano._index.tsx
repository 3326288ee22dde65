import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { MemberPlanPage } from "~/components/outplacement-plan";
import { memberPlanLoader, memberPlanAction } from "~/web/outplacement-plans.server";

export const meta: MetaFunction = () => [{ title: "Accoglienza e piano di reinserimento — Ricollocazione — Rosa" }];

export const loader = (args: LoaderFunctionArgs) => memberPlanLoader("officer", args);
export const action = (args: ActionFunctionArgs) => memberPlanAction("officer", args);

export default MemberPlanPage;
