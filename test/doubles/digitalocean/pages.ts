/**
 * DigitalOcean's pagination (description.yml "Links & Pagination", shared/pages.yml): 20 a page
 * unless `per_page` says otherwise (at most 200), `links.pages` with absolute URLs naming only the
 * pages that make sense, `meta.total`. Links point at `linkBase`, not at the double: a client
 * that requests them as given sends its token somewhere else, and a test can see that.
 */
export interface PageOptions {
  /** Host of the links; the real API's by default. */
  linkBase: string;
  /** Below one full page: `links: {}` (the examples) or no `links` at all (the prose). */
  emptyLinks: 'object' | 'absent';
}

/** `show` turns the items of the page asked for (only those) into what the reply carries. */
export function paginate<T>(
  items: T[],
  key: string,
  path: string,
  query: URLSearchParams,
  options: PageOptions,
  show: (item: T) => unknown = (item) => item,
): Record<string, unknown> {
  const perPage = Math.min(200, positive(query.get('per_page')) ?? 20);
  const page = positive(query.get('page')) ?? 1;
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const url = (n: number): string => `${options.linkBase}${path}?page=${n}&per_page=${perPage}`;
  const pages: Record<string, string> = {};
  if (page > 1) {
    pages['first'] = url(1);
    pages['prev'] = url(Math.min(page - 1, last));
  }
  if (page < last) {
    pages['last'] = url(last);
    pages['next'] = url(page + 1);
  }
  const body: Record<string, unknown> = {
    [key]: items.slice((page - 1) * perPage, page * perPage).map(show),
  };
  if (Object.keys(pages).length > 0) body['links'] = { pages };
  else if (options.emptyLinks === 'object') body['links'] = {};
  body['meta'] = { total: items.length };
  return body;
}

function positive(raw: string | null): number | undefined {
  if (raw === null || !/^\d+$/.test(raw)) return undefined;
  const n = Number(raw);
  return n >= 1 ? n : undefined;
}
