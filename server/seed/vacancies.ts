import { addDays, todayInItaly } from "~/utils/dates";
import type { Transaction } from "kysely";
import type { DB } from "~/db/types";
import type { Actor } from "~/domain/audit/commands.server";
import { createVacancy, transitionVacancy } from "~/domain/vacancies/commands.server";
import { type VacancyInput } from "~/domain/vacancies/schema";
import type { VacancyEvent } from "~/domain/vacancies/states";
import type { DemoRefs } from "./platform";

const base: Omit<VacancyInput, "title" | "occupation" | "description" | "comune" | "closingDate"> = {
  atecoCode: null,
  tasks: null,
  radiusKm: 20,
  engagement: "direct",
  contractType: "A.01.00",
  ccnl: "",
  ccnlNote: null,
  ccnlCnel: "",
  workingTime: "F",
  weeklyHours: 40,
  shifts: null,
  payMin: null,
  payMax: null,
  payPeriod: "",
  positions: 1,
  startDate: null,
  l68Reserved: "no",
  publicationMode: "public",
  requirements: [],
};

const req = (position: number, r: Partial<VacancyInput["requirements"][number]> & Pick<VacancyInput["requirements"][number], "kind">) => ({
  position,
  priority: "must" as const,
  description: "",
  studyLevel: null,
  studyTitle: null,
  years: null,
  languageCode: null,
  cefrLevel: null,
  nativeSpeaker: false,
  licenceCode: null,
  licenceCategory: null,
  patentinoCode: null,
  alboCode: null,
  ...r,
});

/**
 * Demo vacancies of the validated companies in every state, created through
 * the domain commands (so they are audited and reach the public index).
 */
export async function seedVacancies(trx: Transaction<DB>, refs: DemoRefs) {
  const today = todayInItaly();
  const employer: Actor = { userId: refs.bakeryLegalRepId, role: "employer", ip: null };
  const officer: Actor = { userId: refs.preselectionOfficerId, role: "preselection_officer", ip: null };
  const demo: { employerId: string; input: VacancyInput; events: VacancyEvent[]; close?: { outcome: "filled"; channel: "rosa" } }[] = [
    {
      employerId: refs.employers.bakery,
      events: ["submit", "validate", "publish"],
      input: {
        ...base,
        title: "Panettiere/a per il turno di notte",
        occupation: "6.5.1.2.1",
        description:
          "Il nostro laboratorio di Segrate cerca una persona per la produzione notturna di pane, focacce e grissini per i negozi di Milano.",
        tasks: "Preparazione degli impasti, formatura, cottura nel forno a platea, pulizia delle attrezzature.",
        comune: "Segrate (MI)",
        ccnl: "176",
        ccnlNote: "Panificazione artigianato, livello A3",
        // CNEL archive: the artisans' food and bakery contract (CNA, Confartigianato, Casartigiani, CLAAI).
        ccnlCnel: "E015",
        shifts: "Notturno, dalle 2 alle 9, dal martedì alla domenica",
        payMin: 1650,
        payMax: 1900,
        payPeriod: "month",
        positions: 2,
        closingDate: addDays(today, 30),
        requirements: [
          req(1, { kind: "experience", years: 2, description: "come panettiere o aiuto panettiere" }),
          req(2, { kind: "certificate", description: "Attestato HACCP" }),
          req(3, { kind: "licence", priority: "nice", licenceCode: "02", licenceCategory: "B" }),
        ],
      },
    },
    {
      // CP2021 «Tecnico biologo» is new: no certain CP2011 qualification, the officer chooses it for ClicLavoro.
      employerId: refs.employers.bakery,
      events: ["submit", "validate", "publish"],
      input: {
        ...base,
        title: "Tecnico/a biologo/a per il controllo qualità",
        occupation: "3.2.2.3.4",
        description:
          "Per il laboratorio di Segrate cerchiamo una persona per le analisi microbiologiche su farine, impasti e prodotti finiti e per il piano di autocontrollo.",
        tasks: "Campionamenti, analisi di laboratorio, registrazioni HACCP, rapporti con il laboratorio esterno accreditato.",
        comune: "Segrate (MI)",
        contractType: "A.02.00",
        closingDate: addDays(today, 40),
        requirements: [req(1, { kind: "education", studyLevel: 7, studyTitle: "71000000", description: "in biologia o biotecnologie" })],
      },
    },
    {
      employerId: refs.employers.bakery,
      events: ["submit"],
      input: {
        ...base,
        title: "Addetto/a alla vendita al banco",
        occupation: "5.1.2.2.0",
        description: "Per il negozio di via Padova cerchiamo una persona per la vendita al banco di pane e pasticceria e per la cassa.",
        comune: "Milano (MI)",
        contractType: "A.02.00",
        workingTime: "V",
        weeklyHours: 24,
        closingDate: addDays(today, 5),
        requirements: [
          req(1, { kind: "language", languageCode: "003", cefrLevel: "B1" }),
          req(2, { kind: "skill", priority: "nice", description: "Uso del registratore di cassa" }),
        ],
      },
    },
    {
      employerId: refs.employers.bakery,
      events: [],
      input: {
        ...base,
        title: "Pasticciere/a",
        occupation: "6.5.1.3.1",
        description: "Bozza in preparazione: pasticceria secca e mignon per il laboratorio di Segrate.",
        comune: "Segrate (MI)",
        closingDate: addDays(today, 45),
      },
    },
    {
      employerId: refs.employers.hotel,
      events: ["submit", "validate", "publish"],
      input: {
        ...base,
        title: "Receptionist d'albergo",
        occupation: "4.2.2.2.0",
        description:
          "Albergo quattro stelle nel centro di Trento cerca una persona per il ricevimento: check-in, check-out, prenotazioni e informazioni agli ospiti.",
        comune: "Trento (TN)",
        contractType: "A.02.00",
        shifts: "Turni a rotazione 7-15 e 15-23",
        payMin: 1500,
        payMax: 1500,
        payPeriod: "month",
        closingDate: addDays(today, 21),
        publicationMode: "anonymous",
        requirements: [
          req(1, { kind: "language", languageCode: "001", cefrLevel: "B2" }),
          req(2, { kind: "language", languageCode: "002", cefrLevel: "B1", priority: "nice" }),
          req(3, { kind: "education", studyLevel: 4, studyTitle: "40200000" }),
        ],
      },
    },
    {
      employerId: refs.employers.hotel,
      events: ["submit", "validate", "publish", "start_preselection"],
      input: {
        ...base,
        title: "Cameriere/a di sala",
        occupation: "5.2.2.3.2",
        description: "Ristorante dell'hotel cerca una persona per il servizio ai tavoli a pranzo e a cena per la stagione invernale.",
        comune: "Trento (TN)",
        contractType: "A.02.00",
        payMin: 9.5,
        payMax: 11,
        payPeriod: "hour",
        positions: 3,
        closingDate: addDays(today, 12),
        requirements: [req(1, { kind: "experience", years: 1 })],
      },
    },
    {
      employerId: refs.employers.hotel,
      events: ["submit", "validate", "publish", "close"],
      close: { outcome: "filled", channel: "rosa" },
      input: {
        ...base,
        title: "Cameriere/a ai piani",
        occupation: "5.2.2.3.1",
        description: "Riassetto delle camere e dei piani per l'albergo nel centro di Trento, stagione estiva.",
        comune: "Trento (TN)",
        closingDate: addDays(today, 3),
      },
    },
  ];
  for (const d of demo) {
    // The hotel has no demo login: its actions are attributed to the system.
    const actor: Actor = d.employerId === refs.employers.bakery ? employer : { userId: null, role: "system", ip: null };
    const scope = { kind: "employer" as const, employerId: d.employerId };
    const created = await createVacancy(trx, actor, d.employerId, d.input);
    let version = created.version;
    for (const event of d.events) {
      const byEmployer = event === "submit";
      const result = await transitionVacancy(
        trx,
        byEmployer ? actor : officer,
        byEmployer ? scope : { kind: "officer" },
        created.vacancyId,
        {
          event,
          version,
          reason: "",
          outcome: event === "close" ? (d.close?.outcome ?? "") : "",
          channel: event === "close" ? (d.close?.channel ?? "") : "",
        },
      );
      version = result.version;
    }
  }
}
