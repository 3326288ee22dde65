import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/db/db.server";
import { validateNationalXml } from "~/documents/xsd.server";
import { fiscalCheckCharacter } from "~/domain/sap";
import * as candidateSap from "~/routes/operatore.candidati.$candidateId.sap[.]xml";
import * as memberSap from "~/routes/operatore.ricollocazione.$eventId_.lavoratori.$memberId_.sap[.]xml";
import { cookieFor, createEmployer, createUserWithRole, request } from "../support/factories";
import { insertCohortRows } from "../support/factories-cohort";
import { insertInternship } from "../support/factories-internships";
import { createMatchCandidate } from "../support/factories-shortlists";
import { callRoute } from "../support/routes";
import { validTaxCode } from "../support/tax-codes";

let officer: string;
let officerId: string;
let candidateId: string;
let taxCode: string;
let cohort: { eventId: string; memberId: string };

beforeAll(async () => {
  const employer = await createEmployer({ legalName: "Panificio di Prova S.r.l." });
  const o = await createUserWithRole("preselection_officer");
  officerId = o.id;
  officer = await cookieFor(o.id);
  const provider = await createUserWithRole("outplacement_provider");
  taxCode = validTaxCode();
  candidateId = await createMatchCandidate({ comune: "Milano", taxCode });
  // A started internship (C06) and one only requested (not a policy yet).
  await insertInternship(employer.id, { state: "active", candidate_id: candidateId, start_date: "2026-10-01", end_date: "2027-03-31" });
  await insertInternship(employer.id, { state: "drafting", candidate_id: candidateId });
  // The same person in an outplacement cohort, with the activation pact signed (A02).
  cohort = (await insertCohortRows(employer.id, officerId, provider.id)).cohortMember;
  await getDb()
    .updateTable("outplacement_members")
    .set({ codice_fiscale: taxCode, patto_signed_on: "2026-11-20", birth_date: "1990-01-01" })
    .where("id", "=", cohort.memberId)
    .execute();
});

const policyIds = (xml: string) => [...xml.matchAll(/<identificativo_politica>([^<]+)<\/identificativo_politica>/g)].map((m) => m[1]!);

describe("the SAP active-policy section of a person", () => {
  it("exports the started internship (C06) and the signed pact (A02), valid against Rev009_SAP.xsd, with stable identifiers", async () => {
    const first = await callRoute(candidateSap.loader, request(`/operatore/candidati/${candidateId}/sap.xml`, { cookie: officer }), {
      candidateId,
    });
    expect(first.status).toBe(200);
    const xml = first.body as string;
    expect(await validateNationalXml("sap", xml)).toEqual({ valid: true });
    expect(xml.match(/<tipo_attivita>/g)).toHaveLength(2);
    expect(xml).toContain("<tipo_attivita>C06</tipo_attivita>");
    expect(xml).toContain("<tipo_attivita>A02</tipo_attivita>");
    expect(xml).toContain("<evento>02</evento><data_evento>2026-10-01</data_evento>");
    expect(xml).toContain("<codiceentetit>X000C000000</codiceentetit>");
    const ids = policyIds(xml);
    // The officer is in Milano: Lombardia's sender code 10; the check character over ente + activity + proposal date.
    for (const id of ids) expect(id).toMatch(/^10[0-9A-F]{8}[A-Z]$/);
    const a02 = ids.find((_, i) => xml.split("<politiche_attive>")[i + 1]!.includes("A02"))!;
    expect(a02.slice(-1)).toBe(fiscalCheckCharacter("X000C000000A0220261120"));

    const member = await callRoute(
      memberSap.loader,
      request(`/operatore/ricollocazione/${cohort.eventId}/lavoratori/${cohort.memberId}/sap.xml`, { cookie: officer }),
      cohort,
    );
    expect(member.status).toBe(200);
    expect(policyIds(member.body as string).sort()).toEqual([...ids].sort());

    const audit = await getDb()
      .selectFrom("audit_log")
      .select(["entity_type"])
      .where("action", "=", "sap.policies_exported")
      .where("actor_user_id", "=", officerId)
      .execute();
    expect(audit.map((a) => a.entity_type).sort()).toEqual(["candidate", "outplacement_event"]);
  });

  it("an employer or an administrator cannot export it", async () => {
    const admin = await cookieFor((await createUserWithRole("admin")).id);
    const denied = await callRoute(candidateSap.loader, request(`/operatore/candidati/${candidateId}/sap.xml`, { cookie: admin }), {
      candidateId,
    });
    expect(denied.status).toBe(403);
  });
});
