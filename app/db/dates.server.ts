import { sql } from "kysely";

/**
 * A DATE column as its `yyyy-mm-dd` text, read in SQL: pg would otherwise turn it into a JavaScript
 * Date at local midnight, which shifts the day with the server's time zone.
 */
export const isoDate = (column: string) => sql<string>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`;

/** The same for a nullable DATE column. */
export const isoDateOrNull = (column: string) => sql<string | null>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`;

/** A timestamp as the Italian calendar day (yyyy-mm-dd). */
export const romeDay = (column: string) => sql<string | null>`to_char(${sql.ref(column)} at time zone 'Europe/Rome', 'YYYY-MM-DD')`;
