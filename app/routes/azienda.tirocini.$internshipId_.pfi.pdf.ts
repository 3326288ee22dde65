import type { LoaderFunctionArgs } from "@remix-run/node";
import { pfiPdfLoader } from "~/web/internship-documents.server";

/** The PFI as a PDF: the current version, with its fingerprint, to print and sign. */
export const loader = (args: LoaderFunctionArgs) => pfiPdfLoader("employer", args);
