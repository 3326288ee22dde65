/** Italian formats (it-IT): dd/mm/yyyy, 1.234,56 €, 24h time, Europe/Rome. */
const dateFormat = new Intl.DateTimeFormat("it-IT", { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "Europe/Rome" });
const dateTimeFormat = new Intl.DateTimeFormat("it-IT", {
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "Europe/Rome",
});
// useGrouping "always": it-IT (CLDR minimumGroupingDigits 2) would print 1500 and «1500,00 €»; a public
// administration writes 1.500 and «1.500,00 €» (also in PDFs and CSV messages, which use these same formatters).
// (The TypeScript lib in use still types useGrouping as boolean; Node 20 and every browser accept "always".)
const ALWAYS = { useGrouping: "always" } as unknown as Intl.NumberFormatOptions;
const numberFormat = new Intl.NumberFormat("it-IT", ALWAYS);
const moneyFormat = new Intl.NumberFormat("it-IT", { ...ALWAYS, style: "currency", currency: "EUR" });

const toDate = (value: Date | string) => (value instanceof Date ? value : new Date(value));

export const formatDate = (value: Date | string) => dateFormat.format(toDate(value));
export const formatDateTime = (value: Date | string) => dateTimeFormat.format(toDate(value));
/** Also exact for bigint (the L. 68 calculator's integers). */
export const formatNumber = (value: number | bigint) => numberFormat.format(value);
export const formatMoney = (value: number | string) => moneyFormat.format(Number(value));

const monthFormat = new Intl.DateTimeFormat("it-IT", { month: "long", year: "numeric", timeZone: "UTC" });
/** A calendar month «YYYY-MM» as words: "2026-01" → «gennaio 2026». */
export const formatMonth = (yearMonth: string) => monthFormat.format(new Date(`${yearMonth.slice(0, 7)}-01T00:00:00Z`));

const megabyteFormat = new Intl.NumberFormat("it-IT", { ...ALWAYS, maximumFractionDigits: 1 });
/** A size limit or a file's size: 5242880 → «5 MB», 1572864 → «1,5 MB». */
export const formatMegabytes = (bytes: number) => `${megabyteFormat.format(bytes / 1_048_576)} MB`;

/**
 * A decimal exactly as stored, with the Italian comma: «12.50» → «12,50», 37.5 → «37,5». For scores, rates
 * and hours that must keep their digits (CSV exports, form values); formatNumber rounds and groups.
 */
export const decimalComma = (value: string | number) => String(value).replace(".", ",");
