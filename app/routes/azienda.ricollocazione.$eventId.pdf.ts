import type { LoaderFunctionArgs } from "@remix-run/node";
import { aggregatedPdf } from "~/web/outplacement-results.server";

/** The aggregated report as PDF, the same numbers as the page. */
export async function loader(args: LoaderFunctionArgs) {
  return aggregatedPdf("employer", args);
}
