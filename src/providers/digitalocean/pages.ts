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

/**
 * Pages asked for at once once the first page has said how many there are: up to 6,400
 * certificates, the listing's round trips are then 2 instead of one per page (measured: 5,000
 * certificates at 100 ms took 5 round trips with 6 at a time). The rate limiter still counts each.
 */
const PAGE_CONCURRENCY = 32;

export async function listAll<T extends { id: string }>(
  send: Send,
  path: string,
  key: string,
  call: Call,
): Promise<T[]> {
  const byId = new Map<string, T>();
  const fetchPage = async (
    page: number,
  ): Promise<{ next: number | undefined; total: number | undefined }> => {
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
    const meta = isObject(body) ? body['meta'] : undefined;
    const total = isObject(meta) && typeof meta['total'] === 'number' ? meta['total'] : undefined;
    return { next: nextPage(isObject(body) ? body['links'] : undefined, page, call), total };
  };

  const first = await fetchPage(1);
  let next = first.next;
  // The first page says how many items there are: ask for the pages up to the last at once.
  if (next !== undefined && first.total !== undefined && Number.isSafeInteger(first.total)) {
    const last = Math.min(Math.ceil(first.total / PER_PAGE), MAX_PAGES);
    const pages = Array.from({ length: Math.max(0, last - next + 1) }, (_, i) => (next as number) + i);
    const results = await mapPages(pages, fetchPage);
    // The last page decides: if the collection grew meanwhile it names a next one, read on.
    next = results.length > 0 ? results[results.length - 1]?.next : next;
  }
  // Page by page from wherever the link points (servers without meta.total, or a grown list).
  for (let fetched = 0; next !== undefined; fetched++) {
    if (fetched >= MAX_PAGES) throw shapeError(call, `an end to its pages after ${MAX_PAGES}`);
    next = (await fetchPage(next)).next;
  }
  return [...byId.values()];
}

/** `fetch` for every page, a few at a time, results in page order. */
async function mapPages<R>(pages: readonly number[], fetch: (page: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(pages.length);
  let index = 0;
  const worker = async () => {
    while (index < pages.length) {
      const mine = index++;
      results[mine] = await fetch(pages[mine] as number);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PAGE_CONCURRENCY, pages.length) }, worker));
  return results;
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
