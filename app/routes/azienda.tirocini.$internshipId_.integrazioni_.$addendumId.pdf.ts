import type { LoaderFunctionArgs } from "@remix-run/node";
import { addendumPdfLoader } from "~/web/internship-addenda.server";

export const loader = (args: LoaderFunctionArgs) => addendumPdfLoader("employer", args);
