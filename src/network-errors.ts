/**
 * Network error codes (Node's and undici's) after which a request cannot have reached the other
 * side: sending it again can do no harm. Shared by the provider client and the chat alert.
 */
export const NOT_SENT: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);
