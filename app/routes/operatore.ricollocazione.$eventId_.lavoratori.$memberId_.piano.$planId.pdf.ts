import type { LoaderFunctionArgs } from "@remix-run/node";
import { planPdfLoader } from "~/web/outplacement-plans.server";

/** The reinsertion plan's PDF (one version), to print and have signed; `?firmato=1`: the signed copy uploaded. */
export const loader = (args: LoaderFunctionArgs) => planPdfLoader("officer", args);
