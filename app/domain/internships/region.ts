import type { InternshipRegion } from "./checker";

const BY_REGION_NAME: Record<string, InternshipRegion> = {
  Abruzzo: "abruzzo",
  Basilicata: "basilicata",
  Calabria: "calabria",
  Campania: "campania",
  "Emilia-Romagna": "emilia-romagna",
  "Friuli-Venezia Giulia": "friuli-venezia-giulia",
  Lazio: "lazio",
  Liguria: "liguria",
  Lombardia: "lombardia",
  Marche: "marche",
  Molise: "molise",
  Piemonte: "piemonte",
  Puglia: "puglia",
  Sardegna: "sardegna",
  Sicilia: "sicilia",
  Toscana: "toscana",
  Umbria: "umbria",
  "Valle d'Aosta/Vallée d'Aoste": "valle-d-aosta",
  Veneto: "veneto",
};

/**
 * The checker's region key of a comune (its ISTAT region name and province): the two autonomous provinces of
 * Trentino-Alto Adige have rules of their own, so Bolzano and Trento are keys, not the region.
 */
export function internshipRegionOf(regionName: string, provinceCode: string): InternshipRegion {
  if (provinceCode === "BZ") return "bolzano";
  if (provinceCode === "TN") return "trento";
  return BY_REGION_NAME[regionName] ?? "IT";
}

/** Regions that authorise each internship before it starts (awaiting_authorisation): Emilia-Romagna (rules §9.3). */
export const REGIONS_REQUIRING_AUTHORISATION: readonly InternshipRegion[] = ["emilia-romagna"];
