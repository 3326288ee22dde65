import { afterAll, beforeAll, describe, expect, it } from "vitest";
import nodemailer from "nodemailer";
import { getDb } from "~/db/db.server";
import { deliverPendingMail } from "~/domain/mail/delivery.server";
import { enqueueMail } from "~/domain/mail/commands.server";
import { freePort } from "../../server/embedded-services";
import { startTestSmtp } from "../support/smtp";

const FROM = "Rosa <noreply@rosa.invalid>";
let smtp: Awaited<ReturnType<typeof startTestSmtp>>;
let port: number;
let received: string[];

beforeAll(async () => {
  smtp = await startTestSmtp();
  ({ port, received } = smtp);
});

afterAll(() => smtp.stop());

describe("e-mail delivery through SMTP", () => {
  it("sends pending outbox messages once, marks them sent, and records failures for a retry", async () => {
    const db = getDb();
    const to = `destinatario-${Date.now()}@example.it`;
    await enqueueMail(db, { to, subject: "Promemoria: offerta in scadenza", body: "La tua offerta scade tra 7 giorni." });
    const transport = nodemailer.createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true });

    // Other tests leave mail in the same outbox: drain it, batch after batch.
    let sent = 0;
    for (let run = await deliverPendingMail(db, transport, FROM); run.sent > 0; run = await deliverPendingMail(db, transport, FROM))
      sent += run.sent;
    expect(sent).toBeGreaterThanOrEqual(1);
    const message = received.find((m) => m.includes(to));
    expect(message).toContain("Subject: Promemoria: offerta in scadenza");
    const row = await db.selectFrom("mail_outbox").select(["sent_at", "last_error"]).where("to_address", "=", to).executeTakeFirstOrThrow();
    expect(row.sent_at).not.toBeNull();

    // Nothing is sent twice.
    const before = received.length;
    expect((await deliverPendingMail(db, transport, FROM)).sent).toBe(0);
    expect(received.length).toBe(before);

    // An unreachable server leaves the message pending with the error, for the next run.
    const to2 = `secondo-${Date.now()}@example.it`;
    await enqueueMail(db, { to: to2, subject: "Secondo", body: "x" });
    const down = nodemailer.createTransport({
      host: "127.0.0.1",
      port: await freePort(),
      secure: false,
      ignoreTLS: true,
      connectionTimeout: 2000,
    });
    const failedRun = await deliverPendingMail(db, down, FROM);
    expect(failedRun.failed).toBeGreaterThanOrEqual(1);
    const pending = await db
      .selectFrom("mail_outbox")
      .select(["sent_at", "last_error"])
      .where("to_address", "=", to2)
      .executeTakeFirstOrThrow();
    expect(pending.sent_at).toBeNull();
    expect(pending.last_error).toBeTruthy();
    await deliverPendingMail(db, transport, FROM);
    expect(received.some((m) => m.includes(to2))).toBe(true);
  });
});
