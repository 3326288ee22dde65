/**
 * The patron saint's day of each provincial capital, which the regional esonero portals exclude
 * from the working days like the national holidays (docs/legal/l68.md#s1-7, S20/S21 `GiorniLavorativiUtils`).
 * Used to prefill a production unit's local holiday: the employer or the officer can always
 * change it (a unit outside the capital keeps its own comune's patron, a CCNL may add days).
 *
 * Source: the civic holiday calendars of the comuni capoluogo as commonly published; no official
 * list could be read in this session, so every entry is `verified: false` and the explanation says
 * so when one is used. Capitals whose patron day moves with the calendar (e.g. Asti, Reggio
 * Calabria) or that have none of their own (Bolzano: Pentecost Monday is provincial) are left out:
 * for them the day must be entered by hand.
 */
export interface PatronSaint {
  /** Province code whose capital keeps the holiday. */
  readonly province: string;
  readonly comune: string;
  /** "MM-DD", every year. */
  readonly day: string;
  readonly saint: string;
  /** First year the table is used for (the civic holidays are older; the table's own validity). */
  readonly since: string;
  readonly verified: boolean;
}

const entry = (province: string, comune: string, day: string, saint: string): PatronSaint => ({
  province,
  comune,
  day,
  saint,
  since: "1999-01-01",
  verified: false,
});

export const PATRON_SAINTS: readonly PatronSaint[] = [
  entry("AL", "Alessandria", "11-10", "San Baudolino"),
  entry("AN", "Ancona", "05-04", "San Ciriaco"),
  entry("AO", "Aosta", "09-07", "San Grato"),
  entry("AQ", "L'Aquila", "06-10", "San Massimo"),
  entry("BA", "Bari", "12-06", "San Nicola"),
  entry("BG", "Bergamo", "08-26", "Sant'Alessandro"),
  entry("BO", "Bologna", "10-04", "San Petronio"),
  entry("BS", "Brescia", "02-15", "Santi Faustino e Giovita"),
  entry("CA", "Cagliari", "10-30", "San Saturnino"),
  entry("CB", "Campobasso", "04-23", "San Giorgio"),
  entry("CN", "Cuneo", "09-29", "San Michele"),
  entry("CO", "Como", "08-31", "Sant'Abbondio"),
  entry("CR", "Cremona", "11-13", "Sant'Omobono"),
  entry("CT", "Catania", "02-05", "Sant'Agata"),
  entry("FE", "Ferrara", "04-23", "San Giorgio"),
  entry("FI", "Firenze", "06-24", "San Giovanni Battista"),
  entry("GE", "Genova", "06-24", "San Giovanni Battista"),
  entry("GO", "Gorizia", "03-16", "Santi Ilario e Taziano"),
  entry("LC", "Lecco", "12-06", "San Nicolò"),
  entry("LE", "Lecce", "08-26", "Sant'Oronzo"),
  entry("LI", "Livorno", "05-22", "Santa Giulia"),
  entry("LU", "Lucca", "07-12", "San Paolino"),
  entry("MB", "Monza", "06-24", "San Giovanni Battista"),
  entry("ME", "Messina", "06-03", "Madonna della Lettera"),
  entry("MI", "Milano", "12-07", "Sant'Ambrogio"),
  entry("MN", "Mantova", "03-18", "Sant'Anselmo"),
  entry("MO", "Modena", "01-31", "San Geminiano"),
  entry("NA", "Napoli", "09-19", "San Gennaro"),
  entry("NO", "Novara", "01-22", "San Gaudenzio"),
  entry("PA", "Palermo", "07-15", "Santa Rosalia"),
  entry("PC", "Piacenza", "07-04", "Sant'Antonino"),
  entry("PD", "Padova", "06-13", "Sant'Antonio"),
  entry("PE", "Pescara", "10-10", "San Cetteo"),
  entry("PG", "Perugia", "01-29", "San Costanzo"),
  entry("PI", "Pisa", "06-17", "San Ranieri"),
  entry("PR", "Parma", "01-13", "Sant'Ilario"),
  entry("PV", "Pavia", "12-09", "San Siro"),
  entry("PZ", "Potenza", "05-30", "San Gerardo"),
  entry("RA", "Ravenna", "07-23", "Sant'Apollinare"),
  entry("RE", "Reggio Emilia", "11-24", "San Prospero"),
  entry("RM", "Roma", "06-29", "Santi Pietro e Paolo"),
  entry("RN", "Rimini", "10-14", "San Gaudenzo"),
  entry("SA", "Salerno", "09-21", "San Matteo"),
  entry("SI", "Siena", "12-01", "Sant'Ansano"),
  entry("SP", "La Spezia", "03-19", "San Giuseppe"),
  entry("SS", "Sassari", "12-06", "San Nicola"),
  entry("SV", "Savona", "03-18", "Nostra Signora della Misericordia"),
  entry("TA", "Taranto", "05-10", "San Cataldo"),
  entry("TN", "Trento", "06-26", "San Vigilio"),
  entry("TO", "Torino", "06-24", "San Giovanni Battista"),
  entry("TS", "Trieste", "11-03", "San Giusto"),
  entry("TV", "Treviso", "04-27", "San Liberale"),
  entry("UD", "Udine", "07-12", "Santi Ermacora e Fortunato"),
  entry("VA", "Varese", "05-08", "San Vittore"),
  entry("VE", "Venezia", "04-25", "San Marco"),
  entry("VI", "Vicenza", "09-08", "Madonna di Monte Berico"),
  entry("VR", "Verona", "05-21", "San Zeno"),
];

/** The capital's patron saint for `province`, if the table has one. */
export const patronSaintOf = (province: string): PatronSaint | undefined => PATRON_SAINTS.find((p) => p.province === province);
