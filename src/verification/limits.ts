/**
 * Bounds on a live check. A name can resolve to many addresses and an address can answer slowly
 * or never; every one of these keeps a check from growing or waiting without end.
 */

/** The most endpoint × address pairs one run checks: beyond this, a list is a mistake, not a fleet. */
export const MAX_TARGETS = 256;

/** The most `host[:port]` endpoints and `resolve` pins read from the inputs. */
export const MAX_ENTRIES = 256;

/** The most addresses one `resolve` pin may list. */
export const MAX_PIN_ADDRESSES = 16;

/** One connect plus handshake, from the first SYN to the served certificate. */
export const DEFAULT_HANDSHAKE_TIMEOUT_MS = 10_000;

/** One DNS lookup. */
export const DEFAULT_LOOKUP_TIMEOUT_MS = 10_000;

/**
 * Handshakes in flight at once. Up to this many endpoints cost one handshake's time; at 100 ms
 * round trip (`npm run bench`, verify), 100 endpoints took 13× one handshake at 8 at once, 2.5× at
 * 64 and 1.8× at 100, where the client's CPU (2–3 ms a handshake) is what the rest waits for.
 */
export const DEFAULT_CONCURRENCY = 64;

/**
 * Certificates followed up the served chain: a real chain is 2–4 long; Node's detailed peer
 * certificate links the root to itself, so the walk needs a bound as well as a seen-set.
 */
export const MAX_CHAIN_LENGTH = 10;

/**
 * subjectAltName entries kept from a served leaf, per kind (DNS, IP): a certificate may list
 * thousands, and a report needs enough to say what it covers, not all of them.
 */
export const MAX_SERVED_NAMES = 100;

/** The most characters of a bad entry quoted back in an error. */
export const MAX_QUOTED = 64;
