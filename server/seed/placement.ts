import type { Transaction } from "kysely";
import type { DB } from "~/db/types";
import type { Actor } from "~/domain/audit/commands.server";
import { addDays, addMonths } from "~/domain/l68";
import { type Capacity, EnrolmentFormSchema, PostFormSchema } from "~/domain/placement";
import { linkVacancyToPost, enrol, addPost, proposeNumeric, referNominative, transitionReferral } from "~/domain/placement/index.server";
import { createVacancy, transitionVacancy } from "~/domain/vacancies/commands.server";
import type { VacancyInput } from "~/domain/vacancies/schema";
import { todayInItaly } from "~/utils/dates";
import type { DemoRefs } from "./platform";

interface DemoPerson {
  taxCode: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  comune: string;
  monthsEnrolled: number;
  dependants: number;
  isee: string;
  percent: string;
  category: string;
  diagnosis: string;
  capacities: Capacity[];
  night?: boolean;
  barrierFree?: boolean;
  transport?: boolean;
}

// Nobody here can drive («guida»): the integration tests use that capacity to keep the demo people out of their posts.
const PEOPLE: DemoPerson[] = [
  {
    taxCode: "RSSDVD92C15F205P",
    firstName: "Davide",
    lastName: "Russo",
    birthDate: "1992-03-15",
    comune: "Milano (MI)",
    monthsEnrolled: 14,
    dependants: 0,
    isee: "9.800,00",
    percent: "67",
    category: "invalido_civile",
    diagnosis: "Esiti di trauma all'arto inferiore sinistro: evitare la stazione eretta prolungata oltre le due ore.",
    capacities: [
      "arti_superiori",
      "manualita_fine",
      "vista",
      "udito",
      "comunicazione",
      "lettura_scrittura",
      "uso_computer",
      "lavoro_di_gruppo",
      "autonomia",
    ],
    transport: true,
  },
  {
    taxCode: "BNCLRA85M41F205C",
    firstName: "Laura",
    lastName: "Bianchi",
    birthDate: "1985-08-01",
    comune: "Pioltello (MI)",
    monthsEnrolled: 30,
    dependants: 2,
    isee: "6.200,00",
    percent: "75",
    category: "sordo",
    diagnosis: "Ipoacusia bilaterale grave con protesi: comunicazione scritta o visiva, nessun limite motorio.",
    capacities: [
      "stazione_eretta",
      "deambulazione",
      "scale",
      "sollevamento",
      "arti_superiori",
      "manualita_fine",
      "vista",
      "lettura_scrittura",
      "uso_computer",
      "autonomia",
    ],
    night: true,
  },
  {
    taxCode: "FRRMRC78T10F205U",
    firstName: "Marco",
    lastName: "Ferraro",
    birthDate: "1978-12-10",
    comune: "Segrate (MI)",
    monthsEnrolled: 48,
    dependants: 1,
    isee: "",
    percent: "60",
    category: "invalido_lavoro",
    diagnosis: "Esiti di infortunio alla colonna lombare: nessun sollevamento di carichi oltre 5 kg.",
    capacities: [
      "stazione_eretta",
      "deambulazione",
      "scale",
      "arti_superiori",
      "manualita_fine",
      "vista",
      "udito",
      "comunicazione",
      "lavoro_di_gruppo",
      "autonomia",
    ],
    night: true,
    transport: true,
  },
  {
    taxCode: "CSTGLI99A52F205P",
    firstName: "Giulia",
    lastName: "Costa",
    birthDate: "1999-01-12",
    comune: "Milano (MI)",
    monthsEnrolled: 3,
    dependants: 0,
    isee: "14.500,00",
    percent: "46",
    category: "psichico",
    diagnosis: "Disturbo d'ansia in trattamento: ambiente di lavoro stabile, compiti definiti, niente turni notturni.",
    capacities: [
      "stazione_eretta",
      "deambulazione",
      "scale",
      "sollevamento",
      "arti_superiori",
      "manualita_fine",
      "vista",
      "udito",
      "lettura_scrittura",
      "uso_computer",
    ],
    barrierFree: false,
    transport: true,
  },
];

/**
 * Targeted placement demo (docs/architecture.md#service-s, docs/legal/placement.md), after the L. 68 files: four people enrolled in the list of
 * Milano by the demo placement officer (with capacities and health data), the available posts of
 * the bakery and of the logistics hub at Pioltello, a numeric referral in progress on the hub's
 * post (proposed by ranking and confirmed, waiting for the outcome) and a nominative referral to
 * the bakery for Davide Russo — the person its nominative request names — with the nulla osta.
 */
export async function seedPlacement(trx: Transaction<DB>, refs: DemoRefs, today: string) {
  const officer: Actor = { userId: refs.placementOfficerId, role: "placement_officer", ip: null };
  const ids: Record<string, string> = {};
  for (const p of PEOPLE) {
    const form = EnrolmentFormSchema.parse({
      taxCode: p.taxCode,
      firstName: p.firstName,
      lastName: p.lastName,
      birthDate: p.birthDate,
      phone: "02 5550" + String(100 + Object.keys(ids).length),
      email: `${p.firstName.toLowerCase()}.${p.lastName.toLowerCase()}@example.it`,
      comune: p.comune,
      enrolledOn: addDays(addMonths(today, -p.monthsEnrolled), -3),
      familyDependants: String(p.dependants),
      isee: p.isee,
      disabilityCategory: p.category,
      disabilityPercent: p.percent,
      functionalDiagnosis: p.diagnosis,
      cap: Object.fromEntries(p.capacities.map((c) => [c, "on"])),
      nightShiftsOk: p.night ? "on" : undefined,
      needsBarrierFree: p.barrierFree ? "on" : undefined,
      needsPublicTransport: p.transport ? "on" : undefined,
    });
    ids[p.firstName] = await enrol(trx, officer, "MI", form, today);
  }

  const bakeryRep = await trx
    .selectFrom("users")
    .select("id")
    .where("employer_id", "=", refs.employers.bakery)
    .orderBy("created_at")
    .executeTakeFirstOrThrow();
  const bakery: Actor = { userId: bakeryRep.id, role: "employer", ip: null };
  const shopPost = await addPost(
    trx,
    bakery,
    refs.employers.bakery,
    PostFormSchema.parse({
      task: "Addetto al banco vendita e alla cassa",
      occupation: "5.1.2.2.0",
      posts: "1",
      cap: { arti_superiori: "on", comunicazione: "on", uso_computer: "on" },
      architecturalBarriers: "no",
      nightShifts: "no",
      comune: "Milano (MI)",
      publicTransport: "si",
    }),
  );
  // The logistics hub's post is entered by the officer from the prospetto received by PEC.
  const hubPost = await addPost(
    trx,
    officer,
    refs.employers.logistics,
    PostFormSchema.parse({
      task: "Addetto al controllo delle spedizioni in magazzino",
      occupation: "8.1.3.2.0",
      posts: "1",
      cap: { stazione_eretta: "on", deambulazione: "on", vista: "on", lettura_scrittura: "on" },
      architecturalBarriers: "no",
      nightShifts: "si",
      comune: "Pioltello (MI)",
      publicTransport: "no",
    }),
  );

  await referNominative(trx, officer, "MI", shopPost, ids.Davide, today);
  const [numeric] = await proposeNumeric(trx, officer, "MI", hubPost, today);
  await transitionReferral(trx, officer, "MI", numeric, "confirm", 1, today);
}

/**
 * A reserved vacancy linked to its post (docs/legal/placement.md), after the vacancies: the bakery publishes an
 * offer reserved to people with disabilities (art. 1) for two places at the shop counter and online
 * orders, the placement officer links it to the post it describes, and the province's list shows
 * who fits (Giulia Costa and Paolo Greco; Davide Russo and Laura Bianchi already have a referral in
 * progress; Marco Ferraro lacks the capacities).
 */
export async function seedReservedVacancyDemo(trx: Transaction<DB>, refs: DemoRefs) {
  const today = todayInItaly();
  const officer: Actor = { userId: refs.placementOfficerId, role: "placement_officer", ip: null };
  const bakery: Actor = { userId: refs.bakeryLegalRepId, role: "employer", ip: null };
  await enrol(
    trx,
    officer,
    "MI",
    EnrolmentFormSchema.parse({
      taxCode: "GRCPLA88D12F205P",
      firstName: "Paolo",
      lastName: "Greco",
      birthDate: "1988-04-12",
      phone: "02 5550110",
      email: "paolo.greco@example.it",
      comune: "Sesto San Giovanni (MI)",
      enrolledOn: addDays(addMonths(today, -8), -3),
      familyDependants: "1",
      isee: "11.200,00",
      disabilityCategory: "non_vedente",
      disabilityPercent: "80",
      functionalDiagnosis: "Ipovisione grave (residuo visivo 1/20): lavoro al computer con sintesi vocale e ingranditore.",
      cap: {
        arti_superiori: "on",
        manualita_fine: "on",
        udito: "on",
        comunicazione: "on",
        lettura_scrittura: "on",
        uso_computer: "on",
        lavoro_di_gruppo: "on",
      },
      nightShiftsOk: undefined,
      needsBarrierFree: undefined,
      needsPublicTransport: "on",
    }),
    today,
  );
  const postId = await addPost(
    trx,
    bakery,
    refs.employers.bakery,
    PostFormSchema.parse({
      task: "Addetto alle vendite e agli ordini online",
      occupation: "5.1.2.2.0",
      posts: "2",
      cap: { arti_superiori: "on", lettura_scrittura: "on", uso_computer: "on" },
      architecturalBarriers: "no",
      nightShifts: "no",
      comune: "Milano (MI)",
      publicTransport: "si",
    }),
  );
  const input: VacancyInput = {
    title: "Addetto/a alle vendite e agli ordini online (riservata L. 68/99)",
    occupation: "5.1.2.2.0",
    atecoCode: null,
    description:
      "Il nostro negozio di Milano cerca due persone per il banco e per gli ordini ricevuti dal sito: offerta riservata alle persone iscritte al collocamento mirato.",
    tasks: "Vendita al banco, preparazione e registrazione degli ordini online, risposta ai clienti per e-mail.",
    comune: "Milano (MI)",
    radiusKm: 15,
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
    positions: 2,
    startDate: null,
    closingDate: addDays(today, 25),
    l68Reserved: "art1",
    publicationMode: "public",
    requirements: [],
  };
  const created = await createVacancy(trx, bakery, refs.employers.bakery, input);
  let version = created.version;
  for (const event of ["submit", "validate", "publish"] as const) {
    const employerMove = event === "submit";
    const result = await transitionVacancy(
      trx,
      employerMove ? bakery : { userId: refs.preselectionOfficerId, role: "preselection_officer", ip: null },
      employerMove ? { kind: "employer", employerId: refs.employers.bakery } : { kind: "officer" },
      created.vacancyId,
      { event, version, reason: "", outcome: "", channel: "" },
    );
    version = result.version;
  }
  await linkVacancyToPost(trx, officer, "MI", created.vacancyId, postId);
}
