import { createHmac, timingSafeEqual } from "node:crypto";
import type { Db, Trx } from "~/db/db.server";
import type { Actor } from "~/domain/audit/index.server";
import { DomainError } from "~/domain/errors";
import { enqueueMail } from "~/domain/mail/index.server";
import { contractLabel, WORKING_TIME_LABELS as VACANCY_WORKING_TIME } from "~/domain/vacancies";
import { absoluteUrl } from "~/utils/public-url.server";
import { getEnv } from "~/utils/env.server";
import { formatDateTime } from "~/utils/format";

/**
 * One-click availability links (docs/decisions/0010-signed-availability-links.md). A person without an account cannot be told to «log in
 * to your area»: they get a link, by e-mail or (with only a phone) by SMS, that confirms or declines
 * without login. The link is signed (HMAC of the request id and its expiry with a key derived from
 * SESSION_SECRET: a changed character is refused), answers once (the request row records the
 * answer), expires at the availability deadline, and is superseded by a newer request for the
 * same person. SMS are written to sms_outbox: no SMS gateway is connected yet.
 */

function linkKey() {
  const secret = getEnv().SESSION_SECRET;
  // Never sign with an empty key: a link anybody could forge.
  if (!secret) throw new Error("SESSION_SECRET non impostato");
  return createHmac("sha256", secret).update("rosa:availability-link:v1").digest();
}
const sign = (payload: string) => createHmac("sha256", linkKey()).update(payload).digest("base64url").slice(0, 32);

export function availabilityToken(requestId: string, expiresAt: Date) {
  const payload = `${requestId}.${Math.floor(expiresAt.getTime() / 1000).toString(36)}`;
  return `${payload}.${sign(payload)}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The request id of a genuine token; null when anything was changed. */
export function verifyAvailabilityToken(token: string): { requestId: string; expiresAt: Date } | null {
  const parts = token.split(".");
  if (parts.length !== 3 || !UUID.test(parts[0]!) || !/^[0-9a-z]{1,10}$/.test(parts[1]!)) return null;
  const expected = Buffer.from(sign(`${parts[0]}.${parts[1]}`));
  const given = Buffer.from(parts[2]!);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { requestId: parts[0]!, expiresAt: new Date(parseInt(parts[1]!, 36) * 1000) };
}

export const availabilityUrl = (token: string) => absoluteUrl(`/disponibilita/${token}`);

const dateIt = (d: Date) => d.toLocaleDateString("it-IT", { timeZone: "Europe/Rome" });

async function vacancySummary(db: Db | Trx, shortlistCandidateId: string) {
  return db
    .selectFrom("shortlist_candidates as sc")
    .innerJoin("shortlists as s", "s.id", "sc.shortlist_id")
    .innerJoin("vacancies as v", "v.id", "s.vacancy_id")
    .innerJoin("employers as e", "e.id", "v.employer_id")
    .innerJoin("comuni as m", "m.istat_code", "v.comune_code")
    .innerJoin("candidates as c", "c.id", "sc.candidate_id")
    .select([
      "sc.id",
      "sc.state",
      "sc.availability_deadline",
      "c.first_name",
      "c.user_id",
      "v.title",
      "v.contract_type",
      "v.engagement",
      "v.working_time",
      "v.publication_mode",
      "v.description",
      "e.legal_name",
      "m.name as comune_name",
      "m.province_code",
    ])
    .where("sc.id", "=", shortlistCandidateId)
    .executeTakeFirstOrThrow();
}

/**
 * Sends the link for a person just asked for availability: e-mail when there is an address, else
 * SMS when there is a phone, else nothing (the officer phones: the returned channel is null).
 */
export async function sendAvailabilityLink(
  trx: Trx,
  actor: Actor,
  row: { id: string; email: string | null; phone: string | null; user_id: string | null },
  deadline: Date,
): Promise<"email" | "sms" | null> {
  const channel = row.email ? "email" : row.phone ? "sms" : null;
  if (!channel) return null;
  const sentTo = channel === "email" ? row.email! : row.phone!;
  const request = await trx
    .insertInto("availability_requests")
    .values({ shortlist_candidate_id: row.id, channel, sent_to: sentTo, expires_at: deadline, created_by: actor.userId })
    .returning("id")
    .executeTakeFirstOrThrow();
  const url = availabilityUrl(availabilityToken(request.id, deadline));
  const v = await vacancySummary(trx, row.id);
  if (channel === "email") {
    await enqueueMail(trx, {
      to: sentTo,
      subject: "Rosa: sei disponibile per un'offerta di lavoro?",
      body:
        `Buongiorno ${v.first_name},\nil Centro per l'Impiego ti propone per l'offerta «${v.title}» a ${v.comune_name} (${v.province_code}).\n\n` +
        `Per rispondere apri questo collegamento (non serve un account) e scegli «Sono disponibile» o «Non sono disponibile»:\n${url}\n\n` +
        `Il collegamento vale fino al ${formatDateTime(deadline)}. Senza risposta entro la scadenza risulterai non disponibile.` +
        (v.user_id ? "\nPuoi rispondere anche dalla tua area personale (Rosa → Disponibilità)." : ""),
    });
  } else {
    await trx
      .insertInto("sms_outbox")
      .values({
        to_number: sentTo,
        body_text: `CPI - Rosa: sei disponibile per l'offerta "${v.title.slice(0, 80)}" a ${v.comune_name}? Rispondi entro il ${dateIt(deadline)}: ${url}`,
      })
      .execute();
  }
  return channel;
}

export type LinkState =
  | { kind: "invalid" }
  | { kind: "expired"; expiresAt: string }
  | { kind: "answered"; answer: "confirmed" | "declined"; answeredAt: string }
  | { kind: "closed" }
  | {
      kind: "open";
      firstName: string;
      deadline: string;
      vacancy: { title: string; place: string; contract: string; workingTime: string; employer: string | null; description: string };
    };

async function findRequest(db: Db | Trx, requestId: string, lock: boolean) {
  let q = db
    .selectFrom("availability_requests")
    .select(["id", "shortlist_candidate_id", "expires_at", "answered_at", "answer", "created_at"])
    .where("id", "=", requestId);
  if (lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

/** What the link shows: the request, checked (signature, answer, expiry, newer request, state). */
export async function readAvailabilityLink(
  db: Db | Trx,
  token: string,
  now = new Date(),
  lock = false,
): Promise<{ state: LinkState; requestId?: string; rowId?: string }> {
  const verified = verifyAvailabilityToken(token);
  if (!verified) return { state: { kind: "invalid" } };
  const req = await findRequest(db, verified.requestId, lock);
  if (!req || Math.floor(req.expires_at.getTime() / 1000) !== Math.floor(verified.expiresAt.getTime() / 1000))
    return { state: { kind: "invalid" } };
  const ids = { requestId: req.id, rowId: req.shortlist_candidate_id };
  if (req.answered_at && req.answer)
    return { ...ids, state: { kind: "answered", answer: req.answer, answeredAt: req.answered_at.toISOString() } };
  if (req.expires_at.getTime() < now.getTime()) return { ...ids, state: { kind: "expired", expiresAt: req.expires_at.toISOString() } };
  const newer = await db
    .selectFrom("availability_requests")
    .select("id")
    .where("shortlist_candidate_id", "=", req.shortlist_candidate_id)
    .where("id", "!=", req.id)
    // Compared in SQL: a JS Date keeps milliseconds, PostgreSQL microseconds.
    .where("created_at", ">", (eb) => eb.selectFrom("availability_requests as r").select("r.created_at").where("r.id", "=", req.id))
    .executeTakeFirst();
  const v = await vacancySummary(db, req.shortlist_candidate_id);
  if (newer || v.state !== "contacting") return { ...ids, state: { kind: "closed" } };
  return {
    ...ids,
    state: {
      kind: "open",
      firstName: v.first_name,
      deadline: req.expires_at.toISOString(),
      vacancy: {
        title: v.title,
        place: `${v.comune_name} (${v.province_code})`,
        contract: contractLabel({ engagement: v.engagement, contractType: v.contract_type }),
        workingTime: VACANCY_WORKING_TIME[v.working_time as keyof typeof VACANCY_WORKING_TIME] ?? "",
        // The employer's name only where the vacancy is public with it (anonymous and internal ones hide it).
        employer: v.publication_mode === "public" ? v.legal_name : null,
        description: v.description.length > 600 ? `${v.description.slice(0, 598)}…` : v.description,
      },
    },
  };
}

export const LINK_MESSAGES = {
  invalid:
    "Il collegamento non è valido: controlla di averlo aperto per intero dal messaggio ricevuto, oppure contatta il Centro per l'Impiego.",
  expired: (at: string) =>
    `Il collegamento è scaduto il ${formatDateTime(at)}: per dare la tua disponibilità contatta il Centro per l'Impiego.`,
  answered: (answer: "confirmed" | "declined", at: string) =>
    `Risposta registrata il ${formatDateTime(at)}: ${answer === "confirmed" ? "sei disponibile" : "non sei disponibile"}. Il collegamento vale per una sola risposta: per cambiarla contatta il Centro per l'Impiego.`,
  closed:
    "Questa richiesta non attende più una risposta (ne hai ricevuta una più recente, o il Centro per l'Impiego ha già registrato la tua risposta).",
} as const;

export function linkMessage(state: Exclude<LinkState, { kind: "open" }>) {
  switch (state.kind) {
    case "invalid":
      return LINK_MESSAGES.invalid;
    case "expired":
      return LINK_MESSAGES.expired(state.expiresAt);
    case "answered":
      return LINK_MESSAGES.answered(state.answer, state.answeredAt);
    case "closed":
      return LINK_MESSAGES.closed;
  }
}

/** Locks the request, checks it again and hands back the row to move (the caller moves it). */
export async function claimAvailabilityLink(trx: Trx, token: string, answer: "confirmed" | "declined", now = new Date()) {
  const read = await readAvailabilityLink(trx, token, now, true);
  if (read.state.kind !== "open")
    throw new DomainError(linkMessage(read.state), "_form", read.state.kind === "invalid" ? "not_found" : "conflict");
  const row = await trx
    .selectFrom("shortlist_candidates as sc")
    .innerJoin("candidates as c", "c.id", "sc.candidate_id")
    .select(["sc.id", "sc.candidate_id", "c.user_id"])
    .where("sc.id", "=", read.rowId!)
    .executeTakeFirstOrThrow();
  await trx.updateTable("availability_requests").set({ answered_at: now, answer }).where("id", "=", read.requestId!).execute();
  return { ...row, requestId: read.requestId! };
}
