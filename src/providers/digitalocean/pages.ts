/**
 * Reading a whole DigitalOcean collection. A reply names the next page as an absolute URL
 * (`links.pages.next`); that URL is never requested as given, since the token would go wherever
 * it points. Only its `page` number is read, and our own path is asked for that page.
 */
import type { Send } from './api.ts';
import type { PageLinks } from './contracts.ts';
import { type Call, isObject, replyError, shapeError } from './replies.ts';

/** The most DigitalOcean serves on one page. */
export const PER_PAGE = 200;

/** Far more pages than any account has: a guard against a server that always says "next". */
const MAX_PAGES = 10_000;

export async function listAll<T extends { id: string }>(
  send: Send,
  path: string,
  key: string,
  call: Call,
): Promise<T[]> {
  const byId = new Map<string, T>();
  let page = 1;
  for (let fetched = 0; fetched < MAX_PAGES; fetched++) {
    const res = await send({ method: 'GET', path, query: { per_page: PER_PAGE, page }, retry: 'idempotent' });
    if (res.status !== 200) throw replyError(res, call);
    const body = res.body;
    const items = isObject(body) ? body[key] : undefined;
    if (!Array.isArray(items)) throw shapeError(call, `a '${key}' list`, res.status);
    for (const item of items) {
      if (!isObject(item) || typeof item['id'] !== 'string') throw shapeError(call, `an id on every item`);
      // Keyed by id: an item created or deleted while we page shifts the others by one, so the
      // same item can show on two pages.
      byId.set(item['id'], item as T);
    }
    const next = nextPage(isObject(body) ? body['links'] : undefined, page, call);
    if (next === undefined) return [...byId.values()];
    page = next;
  }
  throw shapeError(call, `an end to its pages after ${MAX_PAGES}`);
}

/** The page number `links.pages.next` points at, or undefined on the last page. */
export function nextPage(links: unknown, current: number, call: Call): number | undefined {
  if (!isObject(links)) return undefined;
  const pages = (links as PageLinks).pages;
  if (!isObject(pages)) return undefined;
  const next = pages['next'];
  if (next === undefined || next === null || next === '') return undefined;
  let page = Number.NaN;
  if (typeof next === 'string') {
    try {
      page = Number(new URL(next, 'https://api.digitalocean.com').searchParams.get('page'));
    } catch {
      // fall through: not a URL
    }
  }
  // Only forward: a next page at or before this one would never end.
  if (!Number.isSafeInteger(page) || page <= current) throw shapeError(call, 'a usable next-page link');
  return page;
}
