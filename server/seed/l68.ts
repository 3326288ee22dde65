import { todayInItaly } from "~/utils/dates";
import { createHash } from "node:crypto";
import type { Transaction } from "kysely";
import type { DB } from "~/db/types";
import type { Actor } from "~/domain/audit/commands.server";
import { addProtectedWorker, addWorkforceGroup } from "~/domain/l68/file/index.server";
import {
  addDays,
  addMonths,
  type ProtectedWorkerForm,
  type WorkforceGroupForm,
  RECORD_FORM_SCHEMAS,
  RecordEventSchema,
} from "~/domain/l68";
import { changeRecordStatus, fileRecord, type StoredPdf } from "~/domain/l68/records/index.server";
import { PdfWriter } from "~/documents/pdf.server";
import type { DemoRefs } from "./platform";
import { seedPlacement } from "./placement";

/**
 * L. 68/99 demo data. Like every context seed it runs once, inside the transaction that loads an
 * empty database (`seedDemoData`), through the same domain commands the pages use, so each
 * change is audited and recomputed as in real use.
 */
export async function seedL68(trx: Transaction<DB>, refs: DemoRefs) {
  const today = todayInItaly();
  await seedBakery(trx, refs, today);
  await seedLogistics(trx, refs, today);
  await seedPlacement(trx, refs, today);
}

/** A one-page PDF standing in for the scanned document a record needs (the pages refuse a record without one). */
async function demoPdf(filename: string, title: string, lines: string[]): Promise<StoredPdf> {
  const pdf = await PdfWriter.create({ title });
  pdf.heading(title, 2, 12);
  for (const line of lines) pdf.text(line, { size: 11, gap: 4 });
  const bytes = await pdf.space(24).text("Documento dimostrativo generato da Rosa.", { size: 9 }).save();
  return { filename, bytes, sha256: createHash("sha256").update(bytes).digest("hex") };
}

/**
 * The demo bakery (Milano, 15–35 employees) declares its workforce: 17 full-time, 1 apprentice and
 * 2 short fixed-term (both excluded), 4 part-time at 20/40 (pooled: 2) → base 19, quota 1, no disabled
 * worker yet → 1 uncovered position and a 60-day obligation the placement officer of MI sees. Within
 * the 60 days it files a nominative referral request, which satisfies the obligation (art. 9 c. 1)
 * without covering the position: the quota stays uncovered until the hire.
 */
async function seedBakery(trx: Transaction<DB>, refs: DemoRefs, today: string) {
  const actor: Actor = { userId: refs.bakeryLegalRepId, role: "employer", ip: null };
  const groups: WorkforceGroupForm[] = [
    { provinceCode: "MI", siteLabel: "Negozio di Via Padova", count: 8, contract: "indeterminato" },
    { provinceCode: "MI", siteLabel: "Laboratorio di Segrate", count: 9, contract: "indeterminato" },
    { provinceCode: "MI", siteLabel: "Laboratorio di Segrate", count: 1, contract: "apprendistato" },
    { provinceCode: "MI", siteLabel: "Negozio di Via Padova", count: 4, contract: "indeterminato", weeklyHours: 20, fullTimeHours: 40 },
    { provinceCode: "MI", siteLabel: "Laboratorio di Segrate", count: 2, contract: "determinato", months: 4 },
  ];
  let version = 1;
  for (const g of groups) await addWorkforceGroup(trx, actor, refs.employers.bakery, version++, g, today);

  const referral = RECORD_FORM_SCHEMAS.richiesta_nominativa.parse({
    provinceCode: "MI",
    startsOn: today,
    units: "1",
    qualification: "Addetto al banco vendita",
    candidateName: "Davide Russo",
    notes: "Colloquio già svolto durante il tirocinio di orientamento.",
  });
  const doc = await demoPdf("richiesta-nominativa.pdf", "Richiesta di nulla osta nominativo (art. 7 L. 68/1999)", [
    "Datore di lavoro: Panificio Lombardo S.r.l.",
    "Qualifica: addetto al banco vendita, 1 lavoratore",
  ]);
  await fileRecord(trx, actor, refs.employers.bakery, referral, doc, today);
}

/**
 * The logistics company (Bologna, with a hub in the province of Milano, so the demo officer of MI
 * follows it): 70 + 45 full-time, 10 part-time at 20/40 (5), 18 drivers and 6 short fixed-term
 * excluded, 3 disabled workers and 1 art. 18 worker → base 120, quota R(8.4) = 8, 5 uncovered.
 * An art. 11 convention, approved by the office, schedules 3 hires over the next 15 months (not
 * uncovered while planned); for the 2 positions left it asks for a partial exemption, with the
 * contributo esonerativo computed on the file, waiting for the office's decision.
 */
async function seedLogistics(trx: Transaction<DB>, refs: DemoRefs, today: string) {
  const employerId = refs.employers.logistics;
  const rep = await trx
    .selectFrom("users")
    .select("id")
    .where("employer_id", "=", employerId)
    .orderBy("created_at")
    .executeTakeFirstOrThrow();
  const actor: Actor = { userId: rep.id, role: "employer", ip: null };
  const officer: Actor = { userId: refs.placementOfficerId, role: "placement_officer", ip: null };

  const groups: WorkforceGroupForm[] = [
    { provinceCode: "BO", siteLabel: "Magazzino dell'Interporto", count: 70, contract: "indeterminato" },
    { provinceCode: "BO", siteLabel: "Autisti", count: 18, contract: "indeterminato", exclusion: "autotrasporto" },
    { provinceCode: "BO", siteLabel: "Magazzino dell'Interporto", count: 6, contract: "determinato", months: 4 },
    { provinceCode: "MI", siteLabel: "Hub di Pioltello", count: 45, contract: "indeterminato" },
    { provinceCode: "MI", siteLabel: "Hub di Pioltello", count: 10, contract: "indeterminato", weeklyHours: 20, fullTimeHours: 40 },
  ];
  const workers: ProtectedWorkerForm[] = [
    { workerName: "Giovanni Ferri", provinceCode: "BO", category: "disabile_l68", contract: "indeterminato", hiredOn: "2018-05-14" },
    { workerName: "Marta Colombo", provinceCode: "MI", category: "disabile_l68", contract: "indeterminato", hiredOn: "2021-09-01" },
    {
      workerName: "Paolo Greco",
      provinceCode: "BO",
      category: "disabile_art4",
      contract: "indeterminato",
      hiredOn: "2016-02-01",
      disabilityPercent: 67,
    },
    { workerName: "Rita Fontana", provinceCode: "BO", category: "art18", contract: "indeterminato", hiredOn: "2015-10-12" },
  ];
  let version = 1;
  for (const g of groups) await addWorkforceGroup(trx, actor, employerId, version++, g, today);
  for (const w of workers) await addProtectedWorker(trx, actor, employerId, version++, w, today);

  const convention = RECORD_FORM_SCHEMAS.convenzione_art11.parse({
    provinceCode: "MI",
    startsOn: today,
    endsOn: addDays(addMonths(today, 24), -1),
    scheduleDate1: addMonths(today, 3),
    scheduleUnits1: "1",
    scheduleDate2: addMonths(today, 9),
    scheduleUnits2: "1",
    scheduleDate3: addMonths(today, 15),
    scheduleUnits3: "1",
    notes: "Ogni assunzione è preceduta da un tirocinio di tre mesi con il tutor del collocamento mirato.",
  });
  const conventionId = await fileRecord(
    trx,
    actor,
    employerId,
    convention,
    await demoPdf("convenzione-art11.pdf", "Convenzione di programma (art. 11 L. 68/1999)", [
      "Datore di lavoro: Logistica Emiliana S.p.A.",
      "Programma: 3 assunzioni di magazzinieri in 15 mesi, precedute da tirocinio",
    ]),
    today,
  );
  const approve = RecordEventSchema.parse({
    event: "approve",
    version: "1",
    note: "Programma concordato con il servizio di collocamento mirato.",
  });
  await changeRecordStatus(trx, officer, "officer", employerId, conventionId, approve, today);

  const firstOfNextMonth = `${addMonths(today, 1).slice(0, 7)}-01`;
  const exemption = RECORD_FORM_SCHEMAS.esonero.parse({
    provinceCode: "BO",
    startsOn: firstOfNextMonth,
    endsOn: addDays(addMonths(firstOfNextMonth, 12), -1),
    percent: "60",
    weekDays: "5",
    reason: "Movimentazione manuale di carichi pesanti e turni notturni nei magazzini: mansioni compatibili limitate (DM 357/2000).",
  });
  await fileRecord(
    trx,
    actor,
    employerId,
    exemption,
    await demoPdf("istanza-esonero.pdf", "Istanza di esonero parziale (art. 5 c. 3 L. 68/1999)", [
      "Datore di lavoro: Logistica Emiliana S.p.A.",
      "Percentuale richiesta: 60% della quota di riserva",
    ]),
    today,
  );
}
