/**
 * Offline XSD validation of the documents Rosa sends to the national systems, on `xmllint-wasm` (libxml2 compiled to
 * WebAssembly: no native build, no network). The schemas are the Ministry's interface files, vendored unchanged in
 * server/reference-data/national/schemas/ (provenance in server/reference-data/national/SOURCES.md). An export route
 * validates what it is about to offer and refuses an invalid document; tests validate every generated document.
 * Server only.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { validateXML } from "xmllint-wasm";

/** The schemas Rosa validates against, by what the document is. */
export const NATIONAL_SCHEMAS = {
  /** ClicLavoro / BCNL «ricerca personale» (the vacancy), revision 064. */
  cliclavoroVacancy: "cliclavoro/ricerca_personale_rev064.xsd",
  /** ClicLavoro «messaggio» envelope (close/update messages). */
  cliclavoroMessage: "cliclavoro/messaggio.xsd",
  /** ClicLavoro «candidatura». */
  cliclavoroApplication: "cliclavoro/candidatura_2017.xsd",
  /** SAP (scheda anagrafica professionale) transmission, Rev009: root `lavoratore`, section 6 = active policies. */
  sap: "sap/Rev009_SAP.xsd",
  /** SIL-ER's UNILAV-derived web-service input: NOT the ministerial UNILAV XSD (which is not public); see SOURCES.md. */
  unilavSilEr: "co/unilav_in_SIL-ER.xsd",
} as const;
export type NationalSchema = keyof typeof NATIONAL_SCHEMAS;

const schemaText = new Map<NationalSchema, string>();
function schemaOf(name: NationalSchema) {
  let text = schemaText.get(name);
  if (text === undefined) {
    text = readFileSync(resolve(process.cwd(), "server/reference-data/national/schemas", NATIONAL_SCHEMAS[name]), "utf8");
    schemaText.set(name, text);
  }
  return text;
}

export interface XsdProblem {
  /** Line in the document (1-based) when libxml2 gives one. */
  line: number | null;
  /** libxml2's message, in English (e.g. «Element 'DatiSistema': This element is not expected. Expected is ( DatoreLavoro ).»). */
  message: string;
}

export type XsdResult = { valid: true } | { valid: false; problems: XsdProblem[] };

/** Validates `xml` against one of the national schemas. Never throws for an invalid document (only for a missing schema). */
export async function validateNationalXml(schema: NationalSchema, xml: string): Promise<XsdResult> {
  const fileName = NATIONAL_SCHEMAS[schema].split("/").pop()!;
  const result = await validateXML({
    xml: [{ fileName: "document.xml", contents: xml }],
    schema: [{ fileName, contents: schemaOf(schema) }],
  });
  if (result.valid) return { valid: true };
  return {
    valid: false,
    problems: result.errors.map((e) => ({ line: e.loc?.lineNumber ?? null, message: (e.message ?? e.rawMessage).trim() })),
  };
}
