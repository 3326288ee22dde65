import type { LoaderFunctionArgs } from "@remix-run/node";
import { unilavCsvLoader } from "~/web/internship-documents.server";

/** The UNILAV C.01.00 data of the internship as CSV, to copy into the regional CO system. */
export const loader = (args: LoaderFunctionArgs) => unilavCsvLoader("officer", args);
