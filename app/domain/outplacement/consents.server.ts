import type { Trx } from "~/db/db.server";
import type { Actor } from "~/domain/audit/index.server";
import { recordAudit } from "~/domain/audit/index.server";
import { CANDIDATES_INDEX } from "~/domain/candidates/index.server";
import { DomainError } from "~/domain/errors";
import { todayInItaly } from "~/utils/dates";
import { enqueueSearchSync } from "../../../search/outbox.server";
import { CONSENT_LABELS, type ConsentKind } from "./consents";
import { lockMember } from "./members.server";

export const CONSENT_CHANNELS = ["modulo_cartaceo", "colloquio", "area_personale", "email"] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];
export const CONSENT_CHANNEL_LABELS: Record<ConsentChannel, string> = {
  modulo_cartaceo: "Modulo firmato",
  colloquio: "Dichiarato al colloquio",
  area_personale: "Area personale",
  email: "E-mail",
};

/** Records an optional consent the worker gave; refused while the same consent is already in force. */
export async function giveConsent(
  trx: Trx,
  actor: Actor,
  memberId: string,
  eventId: string,
  input: { kind: ConsentKind; givenOn: string; channel: ConsentChannel; textVersion: string | null },
  now: Date = new Date(),
) {
  if (input.givenOn > todayInItaly(now)) throw new DomainError("La data del consenso non può essere nel futuro", "givenOn");
  const m = await lockMember(trx, { kind: "officer" }, memberId, { eventId });
  const open = await trx
    .selectFrom("outplacement_consents")
    .select("id")
    .where("member_id", "=", memberId)
    .where("kind", "=", input.kind)
    .where("revoked_on", "is", null)
    .executeTakeFirst();
  if (open) throw new DomainError(`Consenso già registrato: «${CONSENT_LABELS[input.kind]}»`, "kind", "conflict");
  await trx
    .insertInto("outplacement_consents")
    .values({
      member_id: memberId,
      kind: input.kind,
      given_on: input.givenOn,
      channel: input.channel,
      text_version: input.textVersion,
      recorded_by: actor.userId,
    })
    .execute();
  await recordAudit(trx, actor, {
    action: "outplacement.member.consent_given",
    entityType: "outplacement_member",
    entityId: memberId,
    details: { kind: input.kind, givenOn: input.givenOn, channel: input.channel, textVersion: input.textVersion },
  });
  if (m.candidate_id) await enqueueSearchSync(trx, CANDIDATES_INDEX, [m.candidate_id]);
}

/** The worker withdraws a consent from `revokedOn`: the data stop being shared from then on. */
export async function revokeConsent(
  trx: Trx,
  actor: Actor,
  memberId: string,
  eventId: string,
  input: { kind: ConsentKind; revokedOn: string },
  now: Date = new Date(),
) {
  if (input.revokedOn > todayInItaly(now)) throw new DomainError("La data della revoca non può essere nel futuro", "revokedOn");
  const m = await lockMember(trx, { kind: "officer" }, memberId, { eventId });
  const open = await trx
    .selectFrom("outplacement_consents")
    .select(["id", "given_on"])
    .where("member_id", "=", memberId)
    .where("kind", "=", input.kind)
    .where("revoked_on", "is", null)
    .executeTakeFirst();
  if (!open) throw new DomainError("Questo consenso non è in vigore", "kind", "conflict");
  if (input.revokedOn < open.given_on) throw new DomainError("La revoca non può precedere il consenso", "revokedOn");
  await trx
    .updateTable("outplacement_consents")
    .set({ revoked_on: input.revokedOn, revoked_by: actor.userId })
    .where("id", "=", open.id)
    .execute();
  await recordAudit(trx, actor, {
    action: "outplacement.member.consent_revoked",
    entityType: "outplacement_member",
    entityId: memberId,
    details: { kind: input.kind, revokedOn: input.revokedOn },
  });
  if (m.candidate_id) await enqueueSearchSync(trx, CANDIDATES_INDEX, [m.candidate_id]);
}
