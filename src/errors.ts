/**
 * Errors the action can end with. Each carries a stable `code` that decides what happens (fail
 * the step, warn, retry) so nothing downstream has to match on message text.
 */

export class CertRotateError extends Error {
  readonly code: string;
  readonly fix: string | undefined;

  constructor(code: string, message: string, fix?: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'CertRotateError';
    this.code = code;
    this.fix = fix;
  }
}

/** A user's input is wrong: fail the step with the message, no stack. */
export class InputError extends CertRotateError {
  constructor(message: string, fix?: string) {
    super('INPUT', message, fix);
    this.name = 'InputError';
  }
}

/** Turn anything thrown into an Error, once, so handlers never deal with `unknown`. */
export function toError(thrown: unknown): Error {
  if (thrown instanceof Error) return thrown;
  if (typeof thrown === 'string') return new Error(thrown);
  return new Error(`non-error thrown: ${Object.prototype.toString.call(thrown)}`);
}

/** An error as a person reads it: its message, then its fix when it has one. */
export function messageWithFix(thrown: unknown, separator = ' '): string {
  const error = toError(thrown);
  return error instanceof CertRotateError && error.fix
    ? `${error.message}${separator}${error.fix}`
    : error.message;
}

/** The `code` property Node and OpenSSL put on their errors, when there is one. */
export function errorCode(thrown: unknown): string | undefined {
  if (typeof thrown === 'object' && thrown !== null && 'code' in thrown) {
    const code = (thrown as { code: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return undefined;
}
