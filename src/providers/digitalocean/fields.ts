/**
 * Checking a reply's object field by field before anything reads it. A field of the wrong type is
 * the PROTOCOL error, naming the field and where it was (never its value), instead of a crash
 * deep in the rotation. Absent and null both mean "not given": DigitalOcean's services are written
 * in Go, which writes an empty list as null.
 */
import { type Call, isObject, shapeError } from './replies.ts';

export class ReplyObject {
  readonly value: Record<string, unknown>;
  private readonly call: Call;
  /** Where the object sits, for messages: "item 3 of page 2", "the reply". */
  private readonly at: string;

  constructor(value: unknown, call: Call, at: string, what: string) {
    if (!isObject(value)) throw shapeError(call, `${what} as an object at ${at}`);
    this.value = value;
    this.call = call;
    this.at = at;
  }

  /** A non-empty text: ids. */
  id(key: string): string {
    const value = this.value[key];
    if (typeof value !== 'string' || value === '') throw this.wrong(key, 'a non-empty text');
    return value;
  }

  text(key: string): string {
    const value = this.value[key];
    if (typeof value !== 'string') throw this.wrong(key, 'a text');
    return value;
  }

  optionalText(key: string): string | undefined {
    const value = this.value[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') throw this.wrong(key, 'a text');
    return value;
  }

  /** A time as text; '' counts as not given (a pending certificate has no expiry yet). */
  optionalTime(key: string): string | undefined {
    const value = this.optionalText(key);
    if (value === undefined || value === '') return undefined;
    if (!Number.isFinite(Date.parse(value))) throw this.wrong(key, 'a date and time');
    return value;
  }

  optionalNumber(key: string): number | undefined {
    const value = this.value[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'number' || !Number.isFinite(value)) throw this.wrong(key, 'a number');
    return value;
  }

  optionalTextList(key: string): string[] | undefined {
    const value = this.value[key];
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
      throw this.wrong(key, 'a list of texts');
    }
    return value as string[];
  }

  /** A list of objects, each checked by `check` (which gets it and where it sits). */
  optionalObjectList(key: string, check: (item: ReplyObject) => void): void {
    const value = this.value[key];
    if (value === undefined || value === null) return;
    if (!Array.isArray(value)) throw this.wrong(key, 'a list');
    value.forEach((item, index) => {
      check(new ReplyObject(item, this.call, `${this.at}, '${key}' ${index + 1}`, 'each entry'));
    });
  }

  private wrong(key: string, expected: string) {
    return shapeError(this.call, `${expected} for '${key}' at ${this.at}`);
  }
}
