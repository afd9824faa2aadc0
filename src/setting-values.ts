/**
 * The value rules every setting shares, wherever it is written (an input, a flag, a manifest
 * target): one rule and one wording. `name` is how the message names the setting there.
 */
import { InputError } from './errors.ts';
import { quoteValue } from './secrets.ts';

export interface IntegerBounds {
  fallback: number;
  min: number;
  max: number;
}

export function parseInteger(value: string | undefined, name: string, bounds: IntegerBounds): number {
  if (value === undefined) return bounds.fallback;
  const text = value.trim();
  const number = Number(text);
  if (!/^\d{1,6}$/.test(text) || number < bounds.min || number > bounds.max) {
    throw new InputError(
      `Invalid ${name} ${quoteValue(text)}. Expected a whole number from ${bounds.min} to ${bounds.max}.`,
    );
  }
  return number;
}

/** YAML 1.2 core booleans, as `core.getBooleanInput` accepts, with a message that names the setting. */
export function parseBoolean(value: string | undefined, name: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  const text = value.trim();
  if (['true', 'True', 'TRUE'].includes(text)) return true;
  if (['false', 'False', 'FALSE'].includes(text)) return false;
  throw new InputError(`Invalid ${name} ${quoteValue(text)}. Expected true or false.`);
}
