/**
 * Users copy Dokploy's address from the browser (https://dokploy.example.com) or from the API
 * docs (https://dokploy.example.com/api); both must work, as must a Dokploy served under a
 * sub-path. The procedures live under `<dashboard>/api/`.
 */

/**
 * The API base: the given URL with `/api` added unless it already ends there. Query and
 * fragment are dropped because request paths are appended to this text. Text that is not a
 * URL is returned as given, for the HTTP layer to refuse with its own message.
 */
export function apiBaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return raw;
  }
  url.search = '';
  url.hash = '';
  const path = url.pathname.replace(/\/+$/, '');
  url.pathname = /\/api$/i.test(path) ? path : `${path}/api`;
  return url.href;
}
