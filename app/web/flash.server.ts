import { createCookie, redirect } from "@remix-run/node";
import { z } from "zod";

/** One short message shown once on the next page after a successful change. */
const flashCookie = createCookie("rosa_flash", { httpOnly: true, sameSite: "lax", path: "/", maxAge: 60 });

const FlashSchema = z.object({ type: z.enum(["success", "info", "warning"]), message: z.string().max(300) });
export type Flash = z.infer<typeof FlashSchema>;

export async function redirectWithFlash(url: string, flash: Flash, headers: HeadersInit = {}) {
  const h = new Headers(headers);
  h.append("Set-Cookie", await flashCookie.serialize(flash));
  return redirect(url, { headers: h });
}

export async function readFlash(request: Request): Promise<{ flash: Flash | null; setCookie: string | null }> {
  const raw = await flashCookie.parse(request.headers.get("Cookie"));
  const parsed = FlashSchema.safeParse(raw);
  if (!raw) return { flash: null, setCookie: null };
  return { flash: parsed.success ? parsed.data : null, setCookie: await flashCookie.serialize("", { maxAge: 0 }) };
}
