/**
 * This machine's own addresses: the only place a webhook may be plain http, and where the sender
 * never goes through a proxy (the proxy's loopback is not ours). The same rule as the providers'
 * base URLs (providers/http.ts), kept apart so that reading settings loads no HTTP client.
 */
const LOOPBACK_HOSTS = new Set(['localhost', '[::1]', '::1']);

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return LOOPBACK_HOSTS.has(host) || /^127(\.\d{1,3}){3}$/.test(host) || host.endsWith('.localhost');
}
