/**
 * The settings of the live check: whether to look at what clients are served after apply (and in
 * check mode), where to look, how long to wait, and what to do when an endpoint stays stale.
 * Read from the same raw inputs as everything else (settings.ts calls this), so the action and the
 * command word their errors the same way.
 */
import { type InputName, Inputs, VERIFY_FAILURE_ACTIONS, VERIFY_MODES } from './constants.ts';
import { CertRotateError, InputError } from './errors.ts';
import { quoteValue } from './secrets.ts';
import type { PartSource } from './settings.ts';
import { type Endpoint, parseEndpoints } from './verification/endpoints.ts';
import { type Pins, parsePins } from './verification/pins.ts';
import type { Vocabulary } from './vocabulary.ts';

/** `auto`: what can be reached is checked; `require`: an endpoint that cannot be is a failure too. */
export type VerifyMode = 'auto' | 'require' | 'off';
export type VerifyFailureAction = (typeof VERIFY_FAILURE_ACTIONS)[number];

export interface VerifySettings {
  mode: VerifyMode;
  /** Endpoints given as an input (`host[:port]`), besides each certificate's domains. */
  endpoints: Endpoint[];
  /** `resolve` pins: host:port → addresses, instead of DNS. */
  pins: Pins;
  /** PEM CA certificates to trust besides the public roots: the PEM itself, or a file. */
  trustedCa: PartSource | undefined;
  /** How long apply waits for every endpoint to serve the new certificate. */
  timeoutSeconds: number;
  onFailure: VerifyFailureAction;
  /** Check mode: the names of `domains`, each checked on port 443. */
  domains?: string[];
}

/** Five minutes: a global load balancer switches in one to three (DIGITALOCEAN-NOTES.md). */
export const DEFAULT_VERIFY_TIMEOUT_SECONDS = 300;
const MAX_VERIFY_TIMEOUT_SECONDS = 3600;

export function parseVerify(
  get: (name: InputName) => string | undefined,
  words: Vocabulary,
  provider: string | undefined,
): VerifySettings {
  const { name: named } = words;
  // `true` reads as what it plainly means: check, as auto does.
  const given = get(Inputs.Verify)?.trim().toLowerCase() ?? 'auto';
  const modeText = given === 'true' ? 'auto' : given;
  if (!(VERIFY_MODES as readonly string[]).includes(modeText)) {
    throw new InputError(
      `Invalid ${named(Inputs.Verify)} ${quoteValue(modeText)}. Expected one of: ${VERIFY_MODES.join(', ')}.`,
      'auto (or true) checks every endpoint that can be reached, require also fails on one that cannot, false checks nothing.',
    );
  }
  const onFailure = get(Inputs.OnVerifyFailure)?.trim().toLowerCase() ?? 'keep';
  if (!(VERIFY_FAILURE_ACTIONS as readonly string[]).includes(onFailure)) {
    throw new InputError(
      `Invalid ${named(Inputs.OnVerifyFailure)} ${quoteValue(onFailure)}. Expected one of: ${VERIFY_FAILURE_ACTIONS.join(', ')}.`,
    );
  }
  if (onFailure === 'rollback' && provider === 'dokploy') {
    throw new InputError(
      `${named(Inputs.OnVerifyFailure)}: rollback applies to DigitalOcean only.`,
      'Dokploy has nothing to move back: a certificate is served by name, and the superseded one stays until the new one is verified. Remove it, or set it to keep.',
    );
  }
  const timeout = get(Inputs.VerifyTimeoutSeconds)?.trim();
  let timeoutSeconds = DEFAULT_VERIFY_TIMEOUT_SECONDS;
  if (timeout !== undefined) {
    const number = Number(timeout);
    if (!/^\d{1,5}$/.test(timeout) || number > MAX_VERIFY_TIMEOUT_SECONDS) {
      throw new InputError(
        `Invalid ${named(Inputs.VerifyTimeoutSeconds)} ${quoteValue(timeout)}. Expected a whole number of seconds from 0 to ${MAX_VERIFY_TIMEOUT_SECONDS}.`,
        '0 checks once without waiting; the default, 300, gives a global load balancer time to switch.',
      );
    }
    timeoutSeconds = number;
  }
  const ca = get(Inputs.TrustedCa);
  return {
    mode: modeText === 'false' ? 'off' : (modeText as VerifyMode),
    endpoints: within(named(Inputs.Endpoints), () => parseEndpoints(listOf(get(Inputs.Endpoints)))),
    // A pin lists its addresses with commas (curl's form), so pins are split on spaces and lines only.
    pins: within(named(Inputs.Resolve), () => parsePins(listOf(get(Inputs.Resolve), /\s+/))),
    trustedCa:
      ca === undefined
        ? undefined
        : ca.includes('-----BEGIN')
          ? { kind: 'value', label: named(Inputs.TrustedCa), text: ca }
          : { kind: 'file', label: named(Inputs.TrustedCa), path: ca.trim() },
    timeoutSeconds,
    onFailure: onFailure as VerifyFailureAction,
  };
}

/** Entries separated by commas, spaces or new lines, as `domains` takes them. */
function listOf(value: string | undefined, separator = /[\s,]+/): string[] {
  return value === undefined ? [] : value.split(separator).filter((entry) => entry !== '');
}

/** A parser's error, said to come from the setting it was given in. */
function within<T>(setting: string, parse: () => T): T {
  try {
    return parse();
  } catch (thrown) {
    if (thrown instanceof CertRotateError)
      throw new InputError(`In ${setting}: ${thrown.message}`, thrown.fix);
    throw thrown;
  }
}
