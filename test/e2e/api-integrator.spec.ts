import { expect, expectAccessible, login, test } from "./fixtures";

/**
 * An integrator's flow (docs/decisions/open-api.md): the administrator creates a token in the browser, the integrator's
 * system calls the API with it (Playwright's `request`, as a server would), the administrator revokes it, and the
 * next call is refused with an Italian message.
 */
test("an administrator creates a token, the integrator calls the API, the token is revoked and refused", async ({
  checkedPage: page,
  request,
}) => {
  const name = `SIL prova ${Date.now().toString(36)}`;
  await login(page, "admin@rosa.demo");
  await page.goto("/admin");
  await page.getByRole("link", { name: "Token per l'API" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Token per l'API" })).toBeVisible();

  // Without a scope the form refuses, with the message next to the first scope.
  await page.getByLabel("Sistema o ente").fill(name);
  await page.getByRole("button", { name: "Crea il token" }).click();
  await expect(page.getByText("Scegli almeno un ambito").first()).toBeVisible();

  await page.getByText("Offerte pubblicate (ricerca e dettaglio) (vacancies:read)").click();
  await page.getByText("Dati UNILAV delle assunzioni (exports:unilav)").click();
  await page.getByRole("button", { name: "Crea il token" }).click();
  await expect(page.getByText(`Token creato per ${name}`)).toBeVisible();
  const token = await page.getByLabel("Token", { exact: true }).inputValue();
  expect(token).toMatch(/^rosa_[A-Za-z0-9_-]{43}$/);
  await expectAccessible(page);

  const auth = { Authorization: `Bearer ${token}` };
  const list = await request.get("/api/v1/offerte?page=1", { headers: auth });
  expect(list.status()).toBe(200);
  const body = (await list.json()) as { items: unknown[]; total: number; pageSize: number };
  expect(body.total).toBeGreaterThanOrEqual(body.items.length);
  // Authorised for UNILAV: an unknown hire is a 404, not a 401/403.
  const unknownHire = await request.get("/api/v1/esportazioni/unilav/00000000-0000-4000-8000-000000000000", { headers: auth });
  expect(unknownHire.status()).toBe(404);
  // Not authorised for ClicLavoro exports.
  const noScope = await request.get("/api/v1/esportazioni/cliclavoro/00000000-0000-4000-8000-000000000000", { headers: auth });
  expect(noScope.status()).toBe(403);
  expect(((await noScope.json()) as { error: string }).error).toContain("exports:cliclavoro");

  // The list shows the call (last use) and revokes the token.
  await page.reload();
  const row = page.getByRole("row", { name: new RegExp(name) });
  await expect(row).not.toContainText("mai");
  await row.getByRole("button", { name: `Revoca il token di ${name}` }).click();
  await expect(page.getByText(`Token di «${name}» revocato`)).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText("Revocato");

  const refused = await request.get("/api/v1/offerte?page=1", { headers: auth });
  expect(refused.status()).toBe(401);
  expect(((await refused.json()) as { error: string }).error).toContain("revocato");
  // The public endpoint still answers without a token.
  expect((await request.get("/api/v1/offerte?page=1")).status()).toBe(200);

  // The reference page is public and lists the operations.
  await page.goto("/api-aperta");
  await expect(page.getByRole("heading", { level: 1, name: "API aperta" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "UNILAV di un'assunzione" })).toBeVisible();
});
