/** Who filed the UNILAV of an internship (the host, its delegated labour consultant, or the CPI as promoter). Client-safe. */
export const CO_FILED_BY_LABELS = {
  host: "L'azienda ospitante",
  delegate: "Il consulente del lavoro delegato dall'azienda",
  promoter: "Il Centro per l'Impiego (soggetto promotore)",
} as const;
export type CoFiledBy = keyof typeof CO_FILED_BY_LABELS;

/** Regions whose rules require a prior authorisation of each internship before the start (rules §9.3). */
export const REGIONS_REQUIRING_AUTHORISATION: readonly string[] = ["emilia-romagna"];

export const requiresRegionalAuthorisation = (region: string) => REGIONS_REQUIRING_AUTHORISATION.includes(region);

/** The promoter's kind of body in the CO, for the CPI (a «servizio per l'impiego», rules §2.1 n. 1). */
export const DEFAULT_PROMOTER_KIND = "Servizi per l'impiego e agenzie regionali per il lavoro";
