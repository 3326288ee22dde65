import { describe, expect, it } from "vitest";
import { isCrossSiteMutation } from "../../server/csrf";

const base = { allowedOrigins: ["http://localhost:3000"], hasSessionCookie: true, referer: undefined };

describe("CSRF origin check", () => {
  it("lets reads through", () => {
    expect(isCrossSiteMutation({ ...base, method: "GET", origin: "https://evil.example" })).toBe(false);
  });
  it("accepts a same-origin POST and refuses a cross-site one", () => {
    expect(isCrossSiteMutation({ ...base, method: "POST", origin: "http://localhost:3000" })).toBe(false);
    expect(isCrossSiteMutation({ ...base, method: "POST", origin: "https://evil.example" })).toBe(true);
  });
  it("falls back to the Referer, and refuses a cookie-carrying POST with neither header", () => {
    expect(isCrossSiteMutation({ ...base, method: "POST", origin: undefined, referer: "http://localhost:3000/accedi" })).toBe(false);
    expect(isCrossSiteMutation({ ...base, method: "POST", origin: "null", referer: "https://evil.example/x" })).toBe(true);
    expect(isCrossSiteMutation({ ...base, method: "POST", origin: undefined })).toBe(true);
    expect(isCrossSiteMutation({ ...base, method: "POST", origin: undefined, hasSessionCookie: false })).toBe(false);
  });
});
