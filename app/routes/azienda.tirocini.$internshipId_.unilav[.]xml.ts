import type { LoaderFunctionArgs } from "@remix-run/node";
import { unilavXmlLoader } from "~/web/internship-documents.server";

/** The UNILAV C.01.00 of the internship as XML, from the common UNILAV builder (reconstructed structure). */
export const loader = (args: LoaderFunctionArgs) => unilavXmlLoader("employer", args);
