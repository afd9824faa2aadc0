/**
 * The endpoints the verification benchmarks check: `count` host names (`site-001.verify.bench.test`,
 * …), each pinned (curl's `--resolve` form, as the `resolve` input takes it) to a loopback address
 * of its own, 127.0.0.2 onwards. Each address is a latency relay (`latency-relay.ts`) in front of
 * a real TLS server of its own, and every server already serves the same new certificate: a
 * wildcard leaf for the names with one intermediate, made at bench time.
 */
import { X509Certificate } from 'node:crypto';
import { tlsServer, type TlsDouble } from '../__tests__/verification/servers.ts';
import type { Pki } from '../test/support/pki.ts';
import { latencyRelay, type Relay } from './latency-relay.ts';

export interface FleetEndpoint {
  host: string;
  /** The relay's address and port, which the host name is pinned to. */
  address: string;
  port: number;
}

export interface Fleet {
  endpoints: FleetEndpoint[];
  /** SHA-1 of the leaf every endpoint serves, lowercase hex. */
  expectedSha1: string;
  rttMs: number;
  close(): Promise<void>;
}

export const FLEET_DOMAIN = 'verify.bench.test';

export async function startFleet(pki: Pki, count: number, rttMs: number): Promise<Fleet> {
  if (count > 250) throw new Error(`a fleet has at most 250 endpoints (127.0.0.2–251), not ${count}`);
  const { leaf, intermediates } = await pki.chain(1, { dns: [`*.${FLEET_DOMAIN}`] });
  const servers: TlsDouble[] = [];
  const relays: Relay[] = [];
  const close = async (): Promise<void> => {
    await Promise.all([...relays, ...servers].map((listening) => listening.close()));
  };
  try {
    for (let i = 0; i < count; i++) {
      const server = await tlsServer('127.0.0.1', { leaf, chain: intermediates });
      servers.push(server);
      relays.push(await latencyRelay(`127.0.0.${2 + i}`, { host: '127.0.0.1', port: server.port }, rttMs));
    }
  } catch (error) {
    await close();
    throw error;
  }
  return {
    endpoints: relays.map((relay, i) => ({
      host: `site-${String(i + 1).padStart(3, '0')}.${FLEET_DOMAIN}`,
      address: relay.address,
      port: relay.port,
    })),
    expectedSha1: new X509Certificate(leaf.certDer).fingerprint.replace(/:/g, '').toLowerCase(),
    rttMs,
    close,
  };
}
