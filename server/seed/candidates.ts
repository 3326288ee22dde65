import { sql, type Transaction } from "kysely";
import type { DB } from "~/db/types";
import type { Actor } from "~/domain/audit/commands.server";
import { createCandidate, setDisability } from "~/domain/candidates/commands.server";
import { CandidateSchema } from "~/domain/candidates/schema";
import { createUser } from "~/domain/identity/commands.server";
import { DEMO_PASSWORD, type DemoRefs } from "./platform";

/** The demo candidate account (README table): linked to Sara Esposito's CV. */
export const DEMO_CANDIDATE_EMAIL = "candidato@rosa.demo";

type Form = Record<string, string>;

const pref = (i: number, occupation: string, source: string, extra: Form = {}): Form =>
  Object.fromEntries(Object.entries({ occupation, source, ...extra }).map(([k, v]) => [`preferences.${i}.${k}`, v]));

/**
 * The CV input from the demo's dotted names (`preferences.0.occupation`, `licences.0.code`): rows become
 * lists, the shape CandidateSchema reads from the form.
 */
function cvInput(form: Form): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(form)) {
    const [head, index, key] = name.split(".");
    if (index === undefined) input[head] = value;
    else if (key === undefined) input[head] = { ...(input[head] as Form | undefined), [index]: value };
    else {
      const rows = ((input[head] as Form[] | undefined) ?? []).slice();
      rows[Number(index)] = { ...rows[Number(index)], [key]: value };
      input[head] = Array.from(rows, (row) => row ?? {});
    }
  }
  return input;
}

/** A handful of hand-written CVs covering the cases a demo shows: three preferences, obsolete, no consent, L. 68/99. */
const PEOPLE: {
  form: Form;
  obsoleteMonthsAgo?: number;
  disability?: { percentage: number; functionalNotes: string };
  account?: boolean;
}[] = [
  {
    account: true,
    form: {
      firstName: "Sara",
      lastName: "Esposito",
      taxCode: "ESPSRA95T60F205W",
      birthDate: "1995-12-20",
      comune: "Milano (MI)",
      address: "Via Padova 88",
      phone: "333 4455667",
      email: "sara.esposito@example.it",
      workTime: "any",
      shifts: "on",
      weekends: "on",
      maxCommuteKm: "20",
      consent: "on",
      "education.0.title": "Diploma di tecnico dei servizi commerciali",
      "education.0.studyLevel": "4",
      "education.0.studyTitle": "40100000",
      "education.0.institution": "IIS Marelli, Milano",
      "education.0.year": "2014",
      ...pref(0, "5.1.2.2.0", "work", {
        ateco: "47.11",
        years: "6",
        lastJobYear: "2025",
        notes: "Cassa, riassortimento, apertura e chiusura punto vendita",
        interviewDate: "2026-10-14",
      }),
      ...pref(1, "4.3.1.2.0", "training", {
        ateco: "52.10",
        years: "0",
        notes: "Corso addetto magazzino con WMS (2025)",
        interviewDate: "2026-10-14",
      }),
      ...pref(2, "5.2.2.3.2", "work", { years: "2", lastJobYear: "2019", notes: "Sala e banco bar", interviewDate: "2026-10-14" }),
      "experiences.0.occupation": "5.1.2.2.0",
      "experiences.0.employer": "Supermercati Navigli S.r.l.",
      "experiences.0.from": "2019-09-01",
      "experiences.0.to": "2025-12-31",
      "experiences.0.tasks": "Cassa e reparto ortofrutta",
      "experiences.1.occupation": "5.2.2.3.2",
      "experiences.1.employer": "Trattoria Da Gino",
      "experiences.1.from": "2015-04-01",
      "experiences.1.to": "2019-06-30",
      "motherTongues.0.code": "003",
      "languages.0.code": "001",
      "languages.0.level": "B1",
      "languages.1.code": "SPA",
      "languages.1.level": "A2",
      "licences.0.code": "02",
      "certificates.0.name": "HACCP",
      "certificates.0.expiresOn": "2027-05-31",
      "itSkills.0.skill": "Excel",
      "itSkills.0.level": "basic",
    },
  },
  {
    form: {
      firstName: "Tommaso",
      lastName: "Barbieri",
      taxCode: "BRBTMS76R20D969B",
      birthDate: "1976-10-20",
      comune: "Sesto San Giovanni (MI)",
      phone: "347 7654321",
      workTime: "full_time",
      shifts: "on",
      ownVehicle: "on",
      willingToRelocate: "on",
      maxCommuteKm: "50",
      consent: "on",
      "education.0.title": "Qualifica di operatore meccanico",
      "education.0.studyLevel": "3",
      "education.0.year": "1993",
      ...pref(0, "6.2.1.7.0", "work", {
        years: "20",
        lastJobYear: "2024",
        notes: "Saldatura TIG e MIG, lettura disegno tecnico",
        interviewDate: "2026-09-30",
      }),
      ...pref(1, "7.4.2.3.0", "work", { years: "4", lastJobYear: "2012", notes: "Patente CE con CQC merci" }),
      "experiences.0.occupation": "6.2.1.7.0",
      "experiences.0.employer": "Carpenterie Brianza S.p.A.",
      "experiences.0.from": "2004-02-01",
      "experiences.0.to": "2024-11-30",
      "licences.0.code": "02",
      "licences.1.code": "03",
      "licences.1.category": "C",
      "licences.2.code": "05",
      "licences.2.category": "CE",
      "certificates.0.name": "Patentino saldatura EN ISO 9606-1",
      "certificates.1.name": "Carrellista",
      "certificates.2.name": "CQC merci (carta di qualificazione del conducente)",
      // The official patentino beside the person's words (docs/legal/national-systems.md#cv-codes).
      "certificates.3.name": "Conduzione caldaie a vapore",
      "certificates.3.official": "patentino:07",
    },
  },
  {
    obsoleteMonthsAgo: 9,
    form: {
      firstName: "Ahmed",
      lastName: "Benali",
      taxCode: "BNLHMD88B10Z330G",
      birthDate: "1988-02-10",
      comune: "Milano (MI)",
      phone: "320 1112223",
      workTime: "part_time",
      maxCommuteKm: "15",
      consent: "on",
      "education.0.title": "Diploma di maturità (titolo estero riconosciuto)",
      "education.0.studyLevel": "4",
      ...pref(0, "5.2.2.1.0", "work", { years: "8", lastJobYear: "2025", notes: "Cucina mediterranea e pizzeria" }),
      "motherTongues.0.code": "ARA",
      "languages.0.code": "005",
      "languages.0.level": "C1",
      "languages.1.code": "003",
      "languages.1.level": "B2",
      "certificates.0.name": "HACCP",
    },
  },
  {
    form: {
      firstName: "Lucia",
      lastName: "Galli",
      taxCode: "GLLLCU90H55L219E",
      birthDate: "1990-06-15",
      comune: "Torino (TO)",
      workTime: "any",
      consent: "",
      "education.0.title": "Laurea in economia aziendale",
      "education.0.studyLevel": "7",
      "education.0.studyTitle": "71000000",
      "education.0.institution": "Università di Torino",
      "education.0.year": "2013",
      ...pref(0, "4.1.1.4.0", "education", { years: "3", lastJobYear: "2022" }),
      "languages.0.code": "001",
      "languages.0.level": "C1",
      "itSkills.0.skill": "Gestionali paghe",
      "itSkills.0.level": "advanced",
    },
  },
  {
    disability: { percentage: 67, functionalNotes: "Evitare sollevamento carichi oltre 10 kg; nessun limite per lavoro d'ufficio." },
    form: {
      firstName: "Marco",
      lastName: "Colombo",
      taxCode: "CLMMRC82A01F205X",
      birthDate: "1982-01-01",
      comune: "Monza (MB)",
      workTime: "any",
      maxCommuteKm: "30",
      consent: "on",
      protectedCategory: "art1",
      "education.0.title": "Diploma di ragioneria",
      "education.0.studyLevel": "4",
      "education.0.studyTitle": "40200000",
      "education.0.year": "2001",
      ...pref(0, "4.1.1.1.0", "work", { years: "10", lastJobYear: "2024", notes: "Front office e protocollo" }),
      ...pref(1, "3.3.1.2.1", "training", { notes: "Corso contabilità 2023" }),
      "itSkills.0.skill": "Pacchetto Office",
      "itSkills.0.level": "advanced",
    },
  },
];

/** Hand-written demo CVs (the synthetic thousands come from seedGeneratedCandidates). */
export async function seedCandidates(trx: Transaction<DB>, refs: DemoRefs) {
  const officer: Actor = { userId: refs.preselectionOfficerId, role: "preselection_officer", ip: null };
  const placement: Actor = { userId: refs.placementOfficerId, role: "placement_officer", ip: null };
  for (const person of PEOPLE) {
    const input = CandidateSchema.parse(cvInput(person.form));
    const id = await createCandidate(trx, person.disability ? placement : officer, input, { canSetProtectedCategory: !!person.disability });
    if (person.disability) await setDisability(trx, placement, id, person.disability);
    if (person.obsoleteMonthsAgo)
      await trx
        .updateTable("candidates")
        .set({ cv_updated_at: sql<Date>`now() - make_interval(months => ${person.obsoleteMonthsAgo})` })
        .where("id", "=", id)
        .execute();
    if (person.account) {
      const userId = await createUser(
        trx,
        { userId: null, role: "system", ip: null },
        {
          email: DEMO_CANDIDATE_EMAIL,
          full_name: `${input.firstName} ${input.lastName}`,
          password: DEMO_PASSWORD,
          role: "candidate",
          tax_code: input.taxCode,
        },
      );
      await trx.updateTable("candidates").set({ user_id: userId }).where("id", "=", id).execute();
    }
  }
}
