import { formatNumber } from "./format";

const rules = new Intl.PluralRules("it-IT");

/** «1 offerta», «2 offerte», «1.200 offerte»: the Italian plural with the number formatted it-IT. */
export function plural(n: number, one: string, many: string): string {
  return `${formatNumber(n)} ${rules.select(n) === "one" ? one : many}`;
}
