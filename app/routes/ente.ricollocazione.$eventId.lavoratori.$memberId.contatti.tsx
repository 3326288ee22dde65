import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { MemberCheckinsPage } from "~/components/outplacement-checkins";
import { checkinsAction, checkinsLoader } from "~/web/outplacement-checkins.server";

export const meta: MetaFunction = () => [{ title: "Contatti mensili del lavoratore — Ricollocazione — Rosa" }];

export const loader = (args: LoaderFunctionArgs) => checkinsLoader("provider", args);
export const action = (args: ActionFunctionArgs) => checkinsAction("provider", args);

export default MemberCheckinsPage;
