/**
 * Writing XML by hand for the documents Rosa sends to the national systems (ClicLavoro, UNILAV, SAP) and for its
 * feeds: escaping, attributes, one element a line, and the download. Client-safe and pure (the XSD check is in
 * xsd.server.ts).
 */

/** Text or attribute value as XML: `&`, `<`, `>` and `"` escaped. */
export const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** ` name="value"` for each attribute with a value (null and undefined are left out), in the given order. */
export const xmlAttributes = (attributes: Record<string, string | null | undefined>) =>
  Object.entries(attributes)
    .filter((entry): entry is [string, string] => entry[1] !== null && entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXml(value)}"`)
    .join("");

/** `<name>value</name>` on its own line at `indent`; nothing when the value is null or undefined. */
export const xmlElement = (name: string, value: string | null | undefined, indent: string) =>
  value === null || value === undefined ? "" : `${indent}<${name}>${escapeXml(value)}</${name}>\n`;

/** An XML document as a download. Never cached: the national documents carry personal and company data. */
export function xmlDownload(xml: string, filename: string): Response {
  return new Response(xml, {
    headers: {
      "Content-Type": "application/xml; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
