import type { Transaction } from "kysely";
import type { DB } from "~/db/types";
import type { Actor } from "~/domain/audit/commands.server";
import { inviteEmployerUser, registerEmployer, reviewEmployer } from "~/domain/employers/commands.server";
import { setUserActive } from "~/domain/identity/accounts.server";
import { publicBaseUrl } from "~/web/action.server";
import { grantDelegation } from "~/domain/employers/delegations.server";
import { createUser } from "~/domain/identity/commands.server";

/** One password for every demo account, printed at start and in the README. */
export const DEMO_PASSWORD = "RosaDemo2026!";

export const DEMO_ACCOUNTS = [
  { email: "admin@rosa.demo", role: "Amministratore" },
  { email: "preselezione@rosa.demo", role: "Operatore preselezione (CPI Milano)" },
  { email: "collocamento@rosa.demo", role: "Operatore collocamento mirato (CPI Milano)" },
  { email: "azienda@rosa.demo", role: "Datore di lavoro, legale rappresentante (Panificio Lombardo S.r.l., convalidata)" },
  {
    email: "consulente@rosa.demo",
    role: "Consulente del lavoro delegato da Panificio Lombardo S.r.l. e da Hotel Dolomiti S.n.c. (cambio azienda nell'intestazione)",
  },
  { email: "logistica@rosa.demo", role: "Datore di lavoro (Logistica Emiliana S.p.A., in attesa di convalida)" },
  { email: "candidato@rosa.demo", role: "Candidato (Sara Esposito, Milano: CV con tre propensioni)" },
  { email: "officine@rosa.demo", role: "Datore di lavoro (Officine Meccaniche Lombarde S.p.A., licenziamento collettivo in corso)" },
  { email: "ente@rosa.demo", role: "Operatore ente accreditato (Lavoro & Futuro, ricollocazione)" },
  { email: "sindacato@rosa.demo", role: "Rappresentante sindacale (FIOM-CGIL Milano, ricollocazione)" },
] as const;

/** Deterministic, valid 11-digit codici fiscali/partite IVA built from a 10-digit stem. */
export function withCheckDigit(stem: string): string {
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let d = Number(stem[i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return stem + String((10 - (sum % 10)) % 10);
}

const SYSTEM: Actor = { userId: null, role: "system", ip: null };

const company = (
  n: number,
  o: {
    legalName: string;
    comune: string;
    address: string;
    ateco: string;
    band: string;
    contact: string;
    email: string;
    sites?: { label: string; address: string; comune: string }[];
  },
) => ({
  legalName: o.legalName,
  taxCode: withCheckDigit(`0${n}23456789`.slice(0, 10)),
  vatNumber: withCheckDigit(`0${n}23456789`.slice(0, 10)),
  atecoCode: o.ateco,
  headcountBand: o.band as "15-35",
  legalAddress: o.address,
  legalComune: o.comune,
  pec: undefined,
  contactName: o.contact,
  contactEmail: o.email,
  contactPhone: `02 555 01${n}${n}`,
  sites: o.sites ?? [],
  password: DEMO_PASSWORD,
  confirmPassword: DEMO_PASSWORD,
  privacy: "on" as const,
});

/** The demo people and companies other contexts' seeds build on. */
export interface DemoRefs {
  adminId: string;
  preselectionOfficerId: string;
  placementOfficerId: string;
  /** Validated: Panificio Lombardo (Milano), Hotel Dolomiti (Trento). Pending: Logistica Emiliana. Rejected: Meccanica Veneta. */
  employers: { bakery: string; logistics: string; hotel: string; metal: string };
  bakeryLegalRepId: string;
}

/** Accounts, employers and their review history. */
export async function seedPlatform(trx: Transaction<DB>): Promise<DemoRefs> {
  {
    const officer = (email: string, fullName: string, role: "admin" | "preselection_officer" | "placement_officer") =>
      createUser(trx, SYSTEM, {
        email,
        full_name: fullName,
        role,
        password: DEMO_PASSWORD,
        office_province: role === "admin" ? null : "MI",
      });
    const adminId = await officer("admin@rosa.demo", "Anna Amministratrice", "admin");
    const preselection = await officer("preselezione@rosa.demo", "Paolo Preselezione", "preselection_officer");
    const placement = await officer("collocamento@rosa.demo", "Carla Collocamento", "placement_officer");
    const officerActor: Actor = { userId: preselection, role: "preselection_officer", ip: null };

    const bakery = await registerEmployer(trx, SYSTEM, {
      ...company(1, {
        legalName: "Panificio Lombardo S.r.l.",
        comune: "Milano (MI)",
        address: "Via Padova 120",
        ateco: "10.71.10",
        band: "15-35",
        contact: "Giulia Bianchi",
        email: "azienda@rosa.demo",
        sites: [{ label: "Laboratorio", address: "Via Rubattino 8", comune: "Segrate (MI)" }],
      }),
      fullName: "Giulia Bianchi",
      email: "azienda@rosa.demo",
    });
    await reviewEmployer(trx, officerActor, { employerId: bakery.employerId, decision: "validate", reason: "", version: 1 });
    // A labour consultant with one account for two companies: the header's switcher chooses the one to work for.
    const consultant = await createUser(trx, SYSTEM, {
      email: "consulente@rosa.demo",
      full_name: "Marco Verdi",
      role: "employer",
      password: DEMO_PASSWORD,
      employer_id: null,
      employer_role: "delegate",
    });
    await grantDelegation(trx, SYSTEM, { employerId: bakery.employerId, userId: consultant, grantedBy: bakery.userId });

    // Account management: a colleague the legal representative can remove, an invitation to cancel,
    // an officer who must change the password chosen by the administrator, a disabled account.
    await createUser(trx, SYSTEM, {
      email: "collaboratore@rosa.demo",
      full_name: "Davide Russo",
      role: "employer",
      password: DEMO_PASSWORD,
      employer_id: bakery.employerId,
      employer_role: "colleague",
    });
    await inviteEmployerUser(
      trx,
      { userId: bakery.userId, role: "employer", ip: null },
      {
        employerId: bakery.employerId,
        email: "nuova.collega@example.it",
        employerRole: "colleague",
        baseUrl: publicBaseUrl(),
      },
    );
    const adminActor: Actor = { userId: adminId, role: "admin", ip: null };
    await createUser(trx, adminActor, {
      email: "nuovo.operatore@rosa.demo",
      full_name: "Nicola Nuovo",
      role: "preselection_officer",
      password: DEMO_PASSWORD,
      office_province: "MI",
      must_change_password: true,
    });
    const former = await createUser(trx, adminActor, {
      email: "ex.operatore@rosa.demo",
      full_name: "Ettore Ex",
      role: "placement_officer",
      password: DEMO_PASSWORD,
      office_province: "MI",
    });
    await setUserActive(trx, adminActor, { userId: former, version: 1, active: false });

    const logistics = await registerEmployer(trx, SYSTEM, {
      ...company(2, {
        legalName: "Logistica Emiliana S.p.A.",
        comune: "Bologna (BO)",
        address: "Via Stalingrado 45",
        ateco: "52.10.10",
        band: "51-249",
        contact: "Luca Neri",
        email: "logistica@rosa.demo",
      }),
      fullName: "Luca Neri",
      email: "logistica@rosa.demo",
    });
    const hotel = await registerEmployer(trx, SYSTEM, {
      ...company(3, {
        legalName: "Hotel Dolomiti S.n.c.",
        comune: "Trento (TN)",
        address: "Via Brennero 2",
        ateco: "55.10.00",
        band: "10-14",
        contact: "Sara Conti",
        email: "hotel@rosa.demo",
      }),
      fullName: "Sara Conti",
      email: "hotel@rosa.demo",
    });
    await reviewEmployer(trx, officerActor, { employerId: hotel.employerId, decision: "validate", reason: "", version: 1 });
    await grantDelegation(trx, SYSTEM, { employerId: hotel.employerId, userId: consultant, grantedBy: hotel.userId });
    const metal = await registerEmployer(trx, SYSTEM, {
      ...company(4, {
        legalName: "Meccanica Veneta S.r.l.",
        comune: "Padova (PD)",
        address: "Corso Stati Uniti 14",
        ateco: "25.11.00",
        band: "36-50",
        contact: "Elena Gallo",
        email: "meccanica@rosa.demo",
      }),
      fullName: "Elena Gallo",
      email: "meccanica@rosa.demo",
    });
    await reviewEmployer(trx, officerActor, {
      employerId: metal.employerId,
      decision: "reject",
      version: 1,
      reason: "La visura camerale non riporta il legale rappresentante indicato: correggi il nominativo.",
    });
    return {
      adminId,
      preselectionOfficerId: preselection,
      placementOfficerId: placement,
      employers: { bakery: bakery.employerId, logistics: logistics.employerId, hotel: hotel.employerId, metal: metal.employerId },
      bakeryLegalRepId: bakery.userId,
    };
  }
}
