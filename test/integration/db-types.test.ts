import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getEnv } from "~/utils/env.server";
import { DB_TYPES_FILE, generateDbTypes } from "../../server/db-types";

// The drift check: the committed table types are what kysely-codegen derives from the migrated schema.
describe("generated database types", () => {
  it("app/db/schema.generated.ts matches migrations/ (npm run db:types regenerates it)", async () => {
    const fromSchema = await generateDbTypes(getEnv().DATABASE_URL!);
    const committed = fs.readFileSync(DB_TYPES_FILE, "utf8");
    expect(committed, `${path.relative(process.cwd(), DB_TYPES_FILE)} is out of date: run npm run db:types`).toBe(fromSchema);
  });
});
