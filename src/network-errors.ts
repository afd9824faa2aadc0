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

/**
 * An error and its causes, outermost first, each once: undici wraps the socket's error (with the
 * code that says what happened) in its own, and a cause chain may loop.
 */
export function* causeChain(thrown: unknown): Generator<{ code?: unknown; name?: unknown }> {
  const seen = new Set<unknown>();
  for (
    let e: unknown = thrown;
    e && typeof e === 'object' && !seen.has(e);
    e = (e as { cause?: unknown }).cause
  ) {
    seen.add(e);
    yield e as { code?: unknown; name?: unknown };
  }
}
