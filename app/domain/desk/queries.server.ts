/**
 * «Le cose che aspettano me» (docs/decisions/0021-desk-counts-link-to-their-lists.md): each role's desk. Every item is a count and the link to the filtered
 * list it counts; the count comes from the same filter the list uses (one query builder per list), so the
 * list always shows that many rows. The L. 68 items are scoped by the officer's province, like their lists.
 */
import type { Db } from "~/db/db.server";
import { plural } from "~/utils/plural";
import { countEmployersByStatus } from "~/domain/employers/index.server";
import type { SessionUser } from "~/domain/identity/index.server";
import { roleHas } from "~/domain/identity";
import { countPendingObligations, countProvinceEmployersDueBy, DEADLINE_HORIZON_DAYS } from "~/domain/l68/index.server";
import { countRecords } from "~/domain/l68/index.server";
import { queuesOf } from "~/domain/services/index.server";
import { countRequestQueue } from "~/domain/services/index.server";
import { countOfficerShortlists, listEmployerShortlists } from "~/domain/shortlists/index.server";
import { countVacancyQueueRows, listEmployerVacancies } from "~/domain/vacancies/index.server";
import { EXPIRING_DAYS } from "~/domain/vacancies";
import { countDueMilestones, countEventProposals, eventScopeOf } from "~/domain/outplacement/index.server";
import { DUE_SOON_DAYS } from "~/domain/outplacement";
import { addDays } from "~/utils/dates";

export interface DeskItem {
  key: string;
  title: string;
  count: number;
  href: string;
  /** What the link opens, for the link text. */
  linkLabel: string;
  /** Why the item matters, one short sentence. */
  hint?: string;
}

/** Preselection and placement officers. */
export async function officerDesk(db: Db, user: SessionUser, today: string): Promise<DeskItem[]> {
  const items: DeskItem[] = [];
  const employers = await countEmployersByStatus(db);
  items.push({
    key: "employers",
    title: "Aziende da convalidare",
    count: employers.pending,
    href: "/operatore/aziende?status=pending",
    linkLabel: "Apri le aziende da convalidare",
  });
  if (roleHas(user.role, "vacancies:review")) {
    items.push({
      key: "vacancies",
      title: "Offerte da convalidare",
      count: await countVacancyQueueRows(db, { status: "submitted" }),
      href: "/operatore/offerte?status=submitted",
      linkLabel: "Apri le offerte da convalidare",
    });
  }
  if (roleHas(user.role, "matching:run")) {
    items.push({
      key: "feedback",
      title: "Rose in attesa del riscontro dell'azienda",
      count: await countOfficerShortlists(db, { attesa: "riscontro", scadenza: "" }, today),
      href: "/operatore/rose?attesa=riscontro",
      linkLabel: "Apri le rose in attesa",
      hint: "Rose presentate con almeno un candidato su cui l'azienda non si è ancora espressa.",
    });
    items.push({
      key: "availability",
      title: "Disponibilità in scadenza oggi",
      count: await countOfficerShortlists(db, { attesa: "", scadenza: "oggi" }, today),
      href: "/operatore/rose?scadenza=oggi",
      linkLabel: "Apri le rose con scadenze oggi",
      hint: "Rose con almeno un candidato che deve rispondere entro oggi.",
    });
  }
  const queues = queuesOf(user);
  if (queues.length) {
    items.push({
      key: "requests",
      title: "Richieste di servizio da gestire",
      count: await countRequestQueue(db, queues),
      href: "/operatore/richieste",
      linkLabel: "Apri le richieste",
    });
  }
  if (roleHas(user.role, "l68:manage") && user.officeProvince) {
    const province = user.officeProvince;
    items.push({
      key: "l68-records",
      title: "Pratiche L. 68/99 da decidere",
      count: await countRecords(db, { province }, "submitted"),
      href: "/operatore/collocamento-mirato/pratiche?stato=submitted",
      linkLabel: "Apri le pratiche da decidere",
    });
    items.push({
      key: "l68-deadlines",
      title: `Aziende con scadenze L. 68/99 (scadute o entro ${plural(DEADLINE_HORIZON_DAYS, "giorno", "giorni")})`,
      count: await countProvinceEmployersDueBy(db, province, addDays(today, DEADLINE_HORIZON_DAYS)),
      href: `/operatore/collocamento-mirato?scadenza=${DEADLINE_HORIZON_DAYS}`,
      linkLabel: "Apri le aziende con scadenze",
    });
  }
  const outplacement = roleHas(user.role, "outplacement:manage") ? eventScopeOf(user) : null;
  if (outplacement) {
    // Ricollocazione: the same scope (the officer's province) and filters as the lists the links open.
    items.push({
      key: "outplacement-deadlines",
      title: `Scadenze della ricollocazione (scadute o entro ${plural(DUE_SOON_DAYS, "giorno", "giorni")})`,
      count: await countDueMilestones(db, outplacement, today),
      href: "/operatore/ricollocazione/scadenze",
      linkLabel: "Apri le scadenze della ricollocazione",
      hint: "Adempimenti degli eventi di crisi non ancora svolti: procedure, accordi, comunicazioni.",
    });
    items.push({
      key: "outplacement-proposals",
      title: "Eventi di crisi proposti dalle aziende da convalidare",
      count: await countEventProposals(db, outplacement),
      href: "/operatore/ricollocazione?proposte=1",
      linkLabel: "Apri le proposte delle aziende",
    });
  }
  return items;
}

/** Administrators: the companies waiting for validation (they may validate them too). */
export async function adminDesk(db: Db): Promise<DeskItem[]> {
  const employers = await countEmployersByStatus(db);
  return [
    {
      key: "employers",
      title: "Aziende da convalidare",
      count: employers.pending,
      href: "/operatore/aziende?status=pending",
      linkLabel: "Apri le aziende da convalidare",
    },
  ];
}

/** Employer users: what the CPI waits from them, and their deadlines. */
export async function employerDesk(db: Db, employerId: string, today: string, opts: { l68: boolean }): Promise<DeskItem[]> {
  const items: DeskItem[] = [
    {
      key: "feedback",
      title: "Rose su cui dare il riscontro",
      count: (await listEmployerShortlists(db, employerId, { awaitingOnly: true })).length,
      href: "/azienda/rose?da=riscontrare",
      linkLabel: "Apri le rose da riscontrare",
      hint: "Per ogni candidato presentato indica se vuoi un colloquio, se lo selezioni o perché no.",
    },
    {
      key: "expiring",
      title: `Offerte in scadenza entro ${plural(EXPIRING_DAYS, "giorno", "giorni")}`,
      count: (await listEmployerVacancies(db, employerId, { expiring: true, today })).length,
      href: "/azienda/offerte?scadenza=7",
      linkLabel: "Apri le offerte in scadenza",
    },
  ];
  if (opts.l68) {
    items.push({
      key: "l68",
      title: "Scadenze L. 68/99 aperte",
      count: await countPendingObligations(db, employerId),
      href: "/azienda/collocamento-mirato?scadenze=aperte#obligations-title",
      linkLabel: "Apri le scadenze",
      hint: "Obblighi di assunzione ancora da soddisfare (60 giorni, art. 9).",
    });
  }
  return items;
}
