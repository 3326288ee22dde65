import { createContext, useContext } from "react";

/**
 * The Content-Security-Policy nonce of this response (server/security-headers.ts),
 * given to every inline script Remix renders. On the server it comes from the load
 * context; in the browser it is empty (browsers hide nonces from the DOM), which is
 * fine: hydration does not re-run the scripts.
 */
export const NonceContext = createContext<string | undefined>(undefined);

export function useNonce(): string | undefined {
  return useContext(NonceContext);
}
