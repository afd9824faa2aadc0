/** DigitalOcean's error replies (shared/responses/*.yml), for the double. */
import { randomUUID } from 'node:crypto';
import type { Reply } from '../loopback.ts';

export function errorReply(
  status: number,
  id: string,
  message: string,
  headers: Record<string, string> = {},
): Reply {
  return { status, headers, body: { id, message, request_id: randomUUID() } };
}

export const notFound = (): Reply =>
  errorReply(404, 'not_found', 'The resource you requested could not be found.');

export const unprocessable = (message: string): Reply => errorReply(422, 'unprocessable_entity', message);

export const badRequest = (message = 'error parsing request body'): Reply =>
  errorReply(400, 'bad_request', message);

export const forbidden = (message: string): Reply => errorReply(403, 'forbidden', message);

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** ISO 8601 to the second, as DigitalOcean writes times (2017-02-08T16:02:37Z). */
export function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
