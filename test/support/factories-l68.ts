import { getDb } from "~/db/db.server";
import { cookieFor, createEmployer, createUserWithRole, request } from "./factories";

/** A validated employer in Milano with a logged-in legal representative. */
export async function createL68Employer() {
  const employer = await createEmployer();
  const user = await createUserWithRole("employer", { employerId: employer.id, employerRole: "legal_rep" });
  return { employerId: employer.id, legalName: employer.legal_name, cookie: await cookieFor(user.id), userId: user.id };
}

/** A logged-in placement officer of `province`. */
export async function createPlacementOfficer(province = "MI") {
  const user = await createUserWithRole("placement_officer");
  await getDb().updateTable("users").set({ office_province: province }).where("id", "=", user.id).execute();
  return { userId: user.id, cookie: await cookieFor(user.id) };
}

export async function fileVersion(employerId: string): Promise<number> {
  const row = await getDb().selectFrom("l68_files").select("version").where("employer_id", "=", employerId).executeTakeFirst();
  return row?.version ?? 1;
}

/** A POST to a file page with the current version filled in. */
export async function fileForm(path: string, cookie: string, employerId: string, form: Record<string, string>) {
  return request(path, { cookie, form: { version: String(await fileVersion(employerId)), ...form } });
}

export function jsonRequest(path: string, body: unknown, cookie?: string) {
  const headers = new Headers({ "Content-Type": "application/json" });
  if (cookie) headers.set("Cookie", cookie);
  return new Request(`http://localhost${path}`, { method: "POST", headers, body: typeof body === "string" ? body : JSON.stringify(body) });
}
