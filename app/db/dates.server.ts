import { sql } from "kysely";

// DATE columns need no conversion: the pool reads them as `yyyy-mm-dd` text (app/db/db.server.ts).

/** A timestamp as the Italian calendar day (yyyy-mm-dd). */
export const romeDay = (column: string) => sql<string | null>`to_char(${sql.ref(column)} at time zone 'Europe/Rome', 'YYYY-MM-DD')`;
