import type { LoaderFunctionArgs } from "@remix-run/node";
import { hostConventionPdfLoader } from "~/web/internship-party-signing.server";

/** The convention the company's internship is annexed to, as a PDF: the current version, with its fingerprint, to sign. */
export const loader = (args: LoaderFunctionArgs) => hostConventionPdfLoader(args);
