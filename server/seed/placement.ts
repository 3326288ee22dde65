import type { Transaction } from "kysely";
import type { DB } from "~/db/types";
import type { Actor } from "~/domain/audit/commands.server";
import { addDays, addMonths } from "~/domain/l68/dates";
import type { Capacity } from "~/domain/placement/capacities";
import { enrol } from "~/domain/placement/enrolments.server";
import { addPost } from "~/domain/placement/posts.server";
import { proposeNumeric, referNominative, transitionReferral } from "~/domain/placement/referrals.server";
import { EnrolmentFormSchema, PostFormSchema } from "~/domain/placement/schema";
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
    capacities: ["arti_superiori", "manualita_fine", "vista", "udito", "comunicazione", "lettura_scrittura", "uso_computer", "lavoro_di_gruppo", "autonomia"],
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
    capacities: ["stazione_eretta", "deambulazione", "scale", "sollevamento", "arti_superiori", "manualita_fine", "vista", "lettura_scrittura", "uso_computer", "autonomia"],
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
    capacities: ["stazione_eretta", "deambulazione", "scale", "arti_superiori", "manualita_fine", "vista", "udito", "comunicazione", "lavoro_di_gruppo", "autonomia"],
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
    capacities: ["stazione_eretta", "deambulazione", "scale", "sollevamento", "arti_superiori", "manualita_fine", "vista", "udito", "lettura_scrittura", "uso_computer"],
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

  const bakeryRep = await trx.selectFrom("users").select("id").where("employer_id", "=", refs.employers.bakery).orderBy("created_at").executeTakeFirstOrThrow();
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
