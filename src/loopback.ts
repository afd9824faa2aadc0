/**
 * This machine's own addresses: the only place a provider's base URL or a webhook may be plain
 * http, and where requests never go through a proxy (the proxy's loopback is not ours). A module
 * of its own, so that reading settings loads no HTTP client.
 */
const LOOPBACK_HOSTS = new Set(['localhost', '[::1]', '::1']);

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return LOOPBACK_HOSTS.has(host) || /^127(\.\d{1,3}){3}$/.test(host) || host.endsWith('.localhost');
}
