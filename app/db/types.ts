import type { Insertable, Selectable, Updateable } from "kysely";
import type { DB, Employers, Users } from "./schema.generated";

/**
 * The table types are generated from the migrated schema (`npm run db:types` writes
 * app/db/schema.generated.ts; test/integration/db-types.test.ts fails when it and migrations/ differ).
 * The unions of text columns come from their `check (… in (…))` constraints; the names the code uses
 * for them are aliases of those columns, here and in app/db/tables/<context>.ts.
 */
export type { DB } from "./schema.generated";
export type { RevalidationChanges } from "./column-types";

/** A column's type as read, without null: `ColumnValue<"users", "role">`. */
export type ColumnValue<T extends keyof DB, C extends keyof Selectable<DB[T]>> = NonNullable<Selectable<DB[T]>[C]>;

export type Role = ColumnValue<"users", "role">;
export type EmployerRole = ColumnValue<"users", "employer_role">;
export type EmployerStatus = ColumnValue<"employers", "status">;

export type User = Selectable<Users>;
export type NewUser = Insertable<Users>;
export type Employer = Selectable<Employers>;
export type NewEmployer = Insertable<Employers>;
export type EmployerUpdate = Updateable<Employers>;
