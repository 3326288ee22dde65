import type { DemoIdentity } from "../demo-identity-provider";

const FISCAL = "https://attributes.eid.gov.it/fiscal_number";

/**
 * The identities of the local SPID/CIE test provider (README, «Accesso con SPID e CIE»): one per first-sign-in case.
 * Sara Esposito's account already carries her codice fiscale (she enters at once); Giulia Bianchi, the bakery's legal
 * representative, links her identity to her account with its password once; Luca Verdi has no account and creates a
 * candidate account from his identity.
 */
export const DEMO_IDENTITIES: DemoIdentity[] = [
  {
    id: "demo-sara-esposito",
    label: "Sara Esposito (candidata con account)",
    claims: { given_name: "Sara", family_name: "Esposito", email: "candidato@rosa.demo", [FISCAL]: "TINIT-ESPSRA95T60F205W" },
  },
  {
    id: "demo-giulia-bianchi",
    label: "Giulia Bianchi (legale rappresentante di Panificio Lombardo, da collegare)",
    claims: { given_name: "Giulia", family_name: "Bianchi", email: "azienda@rosa.demo", [FISCAL]: "TINIT-BNCGLI80A41F205F" },
  },
  {
    id: "demo-luca-verdi",
    label: "Luca Verdi (persona senza account)",
    claims: { given_name: "Luca", family_name: "Verdi", email: "luca.verdi@example.org", [FISCAL]: "TINIT-VRDLCU99M12F205R" },
  },
];
