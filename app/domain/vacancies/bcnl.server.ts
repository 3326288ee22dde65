import type { Db } from "~/db/db.server";
import type { BcnlInput } from "./bcnl";
import type { VacancyScope } from "./policy.server";
import { toPublicVacancy } from "./public-view";
import { getVacancy } from "./queries.server";

/** Everything the BCNL export needs; drafts are not exported. */
export async function loadBcnlInput(db: Db, scope: VacancyScope, vacancyId: string): Promise<BcnlInput | null> {
  const v = await getVacancy(db, scope, vacancyId);
  if (!v || v.status === "draft") return null;
  const belfiore = async (code: string) =>
    (await db.selectFrom("comuni").select("belfiore").where("istat_code", "=", code).executeTakeFirst())?.belfiore ?? null;
  return {
    vacancy: { ...toPublicVacancy(v), outcome: v.outcome },
    employer: {
      taxCode: v.employer_tax_code,
      name: v.employer_name,
      atecoCode: v.employer_ateco_code,
      headcountBand: v.employer_headcount_band,
      address: v.employer_address,
      comuneBelfiore: await belfiore(v.employer_comune_code),
      phone: v.employer_phone,
      email: v.employer_email,
    },
    workplaceBelfiore: await belfiore(v.comune_code),
    intermediary: { name: "Centro per l'Impiego", taxCode: null, email: null },
  };
}
