/** Italian formats (it-IT): dd/mm/yyyy, 1.234,56 €, 24h time, Europe/Rome. */
const dateFormat = new Intl.DateTimeFormat("it-IT", { day: "2-digit", month: "2-digit", year: "numeric", timeZone: "Europe/Rome" });
const dateTimeFormat = new Intl.DateTimeFormat("it-IT", {
  day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "Europe/Rome",
});
const numberFormat = new Intl.NumberFormat("it-IT");
const moneyFormat = new Intl.NumberFormat("it-IT", { style: "currency", currency: "EUR" });

const toDate = (value: Date | string) => (value instanceof Date ? value : new Date(value));

export const formatDate = (value: Date | string) => dateFormat.format(toDate(value));
export const formatDateTime = (value: Date | string) => dateTimeFormat.format(toDate(value));
export const formatNumber = (value: number) => numberFormat.format(value);
export const formatMoney = (value: number | string) => moneyFormat.format(Number(value));
