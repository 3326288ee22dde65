import type { LoaderFunctionArgs } from "@remix-run/node";
import { traineePfiPdfLoader } from "~/web/internship-party-signing.server";

/** The trainee's own PFI as a PDF: the version to sign, then their project. */
export const loader = (args: LoaderFunctionArgs) => traineePfiPdfLoader(args);
