import { describe, expect, it } from "vitest";
import { getDb } from "~/db/db.server";
import { notifyEmployer } from "~/domain/vacancies/notifications.server";
import { publicBaseUrl } from "~/utils/public-url.server";
import { createEmployer } from "../support/factories";

describe("links in e-mails", () => {
  it("are absolute, built from PUBLIC_URL (http://localhost:PORT in development)", async () => {
    const employer = await createEmployer();
    await notifyEmployer(getDb(), employer.id, {
      title: "Offerta convalidata",
      body: "L'offerta è stata convalidata.",
      link: "/azienda/offerte/123",
    });
    const mail = await getDb()
      .selectFrom("mail_outbox")
      .select("body_text")
      .where(
        "to_address",
        "=",
        (await getDb().selectFrom("employers").select("contact_email").where("id", "=", employer.id).executeTakeFirstOrThrow())
          .contact_email,
      )
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(mail.body_text).toContain(`Apri in Rosa: ${publicBaseUrl()}/azienda/offerte/123`);
    expect(mail.body_text).toMatch(/https?:\/\/[^\s]+\/azienda\/offerte\/123/);
    // The in-app notice keeps the relative link (it is followed inside the portal).
    const notice = await getDb()
      .selectFrom("employer_notifications")
      .select("link")
      .where("employer_id", "=", employer.id)
      .executeTakeFirstOrThrow();
    expect(notice.link).toBe("/azienda/offerte/123");
  });

  it("no e-mail written by any test so far carries a relative link", async () => {
    const relative = await getDb()
      .selectFrom("mail_outbox")
      .select("body_text")
      .where("body_text", "~", "(:|Apri in Rosa:)\\s+/[a-z]")
      .execute();
    expect(relative.map((r) => r.body_text)).toEqual([]);
  });

  it("publicBaseUrl drops a trailing slash of PUBLIC_URL", () => {
    expect(publicBaseUrl({ PUBLIC_URL: "https://rosa.example.it/", PORT: 3000 })).toBe("https://rosa.example.it");
    expect(publicBaseUrl({ PUBLIC_URL: undefined, PORT: 3100 })).toBe("http://localhost:3100");
  });
});
