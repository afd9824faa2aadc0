/**
 * Reading a whole DigitalOcean collection, trusting only what the pages hold. A page with fewer
 * items than asked for (or none) is the last, whatever its links and `meta.total` say; `meta.total`
 * only decides how far ahead to ask, never how far to read. And a listing has a hard ceiling, so a
 * server that always says "next" costs a stated share of the token's hourly budget, not all of it.
 *
 * A reply names the next page as an absolute URL (`links.pages.next`); that URL is never requested
 * as given, since the token would go wherever it points. Only its `page` number is read, and our
 * own path is asked for that page.
 */
import { ProviderError } from '../errors.ts';
import type { Send } from './api.ts';
import type { PageLinks } from './contracts.ts';
import { type Call, isObject, PROVIDER, replyError, shapeError } from './replies.ts';

/** The most DigitalOcean serves on one page, and what every listing asks for. */
export const PER_PAGE = 200;

/** DigitalOcean's budget per token and hour (its API description's rate-limit section). */
const HOURLY_BUDGET = 5_000;

/**
 * The most pages one listing reads: a tenth of the hourly budget, 500 requests, 100,000 items. An
 * account that really holds more is far past what DigitalOcean lets one account have; a server
 * that names page after page beyond it is not telling the truth.
 */
export const MAX_PAGES = HOURLY_BUDGET / 10;

/**
 * Pages asked for at once, once the first page is full and `meta.total` says more follow: up to
 * 6,600 items the listing is then 2 round trips instead of one a page (5,000 certificates at
 * 100 ms: 25 pages, 2 round trips). Never more than this ahead of the last page seen full, so a
 * `meta.total` that lies costs at most this many wasted requests. The rate limiter counts each.
 */
export const PAGE_WINDOW = 32;

/** Checks one item and returns it typed, or throws the PROTOCOL error; `at` says where it sits. */
export type ReadItem<T> = (item: unknown, at: string) => T;

interface PageRead<T> {
  page: number;
  items: T[];
  /** The page `links.pages.next` names; undefined on a short page, whatever it names. */
  next: number | undefined;
  /** `meta.total` when it is a whole number. */
  total: number | undefined;
}

export async function listAll<T extends { id: string }>(
  send: Send,
  path: string,
  key: string,
  call: Call,
  read: ReadItem<T>,
): Promise<T[]> {
  const fetchPage = async (page: number): Promise<PageRead<T>> => {
    const res = await send({ method: 'GET', path, query: { per_page: PER_PAGE, page }, retry: 'idempotent' });
    if (res.status !== 200) throw replyError(res, call);
    const body = res.body;
    const list = isObject(body) ? body[key] : undefined;
    if (!Array.isArray(list)) throw shapeError(call, `a '${key}' list`, res.status);
    const items = list.map((item, index) => read(item, `item ${index + 1} of page ${page}`));
    const meta = isObject(body) ? body['meta'] : undefined;
    const total =
      isObject(meta) && Number.isSafeInteger(meta['total']) ? (meta['total'] as number) : undefined;
    // A short page is the last whatever its links say: they are not even read.
    const last = items.length < PER_PAGE;
    const next = last ? undefined : nextPage(isObject(body) ? body['links'] : undefined, page, call);
    return { page, items, next, total };
  };

  // Keyed by id: an item created or deleted while we page shifts the others by one, so the same
  // item can show on two pages.
  const byId = new Map<string, T>();
  let pagesRead = 0;
  let pending: number[] = [1];
  let lastByTotal: number | undefined;
  for (;;) {
    const results = await Promise.allSettled(pending.map(fetchPage));
    pagesRead += results.length;
    let next: number | undefined;
    // In page order. The first page that ends the listing ends it: what came after it (asked for
    // ahead on the strength of meta.total) is dropped, a failure there included.
    for (const settled of results) {
      if (settled.status === 'rejected') throw settled.reason;
      const { page, items, total } = settled.value;
      for (const item of items) byId.set(item.id, item);
      next = settled.value.next;
      if (next === undefined) break;
      // The first page's total is the only one heeded: later ones could push the end ever on.
      if (page === 1 && total !== undefined && total > PER_PAGE) lastByTotal = Math.ceil(total / PER_PAGE);
    }
    if (next === undefined) return [...byId.values()];
    if (pagesRead >= MAX_PAGES) throw endless(call);
    // Ahead as far as the first page's total says, within the window and the ceiling; past that
    // total (the collection grew, or there is none), one page at a time.
    const start = next;
    const ahead = lastByTotal !== undefined && lastByTotal > start ? lastByTotal - start + 1 : 1;
    const count = Math.min(ahead, PAGE_WINDOW, MAX_PAGES - pagesRead);
    pending = Array.from({ length: count }, (_, i) => start + i);
  }
}

function endless(call: Call): ProviderError {
  return new ProviderError(
    'PROTOCOL',
    `${PROVIDER}: ${call.what} still named a next page after ${MAX_PAGES} full pages ` +
      `(${(MAX_PAGES * PER_PAGE).toLocaleString('en-US')} items). A listing stops there, so it never ` +
      `spends more than a tenth of the token's ${HOURLY_BUDGET.toLocaleString('en-US')} requests an hour.`,
    {
      fix: `${PROVIDER}'s replies do not end: run again later. If the account really holds more than that, open an issue.`,
    },
  );
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
