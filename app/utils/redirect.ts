/**
 * Where to send a user after login (`redirectTo`): only a path of this site.
 * Browsers drop tabs and newlines inside URLs and read "\" as "/", so
 * "/\t/evil.example" would become "//evil.example", another site; a newline
 * would also make the Location header invalid (a 500). Anything with control
 * characters or backslashes, or that does not start with a single "/", is
 * refused; what is left is normalised by the URL parser (dot segments,
 * percent-encoding of non-ASCII) and checked again, so "/.//evil.example"
 * cannot turn into a protocol-relative address either (OWASP Unvalidated
 * Redirects and Forwards Cheat Sheet).
 */
export function safeRedirectPath(to: unknown, fallback = "/area"): string {
  if (typeof to !== "string" || to.length > 2000) return fallback;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001F\u007F-\u009F\\]/.test(to)) return fallback;
  if (!to.startsWith("/") || to.startsWith("//")) return fallback;
  const base = "http://rosa.invalid";
  let url: URL;
  try {
    url = new URL(to, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base || url.pathname.startsWith("//")) return fallback;
  return url.pathname + url.search + url.hash;
}
