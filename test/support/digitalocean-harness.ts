/**
 * A DigitalOcean double and a provider talking to it over a real socket, sharing one fake clock
 * (so polling, backoff and rate-limit waits take no time), with every debug line kept.
 */
import { createHash } from 'node:crypto';
import type { CertificateUpload, Provider } from '../../src/providers/provider.ts';
import {
  createDigitalOceanProvider,
  type DigitalOceanOptions,
} from '../../src/providers/digitalocean/provider.ts';
import { Redactor } from '../../src/secrets.ts';
import { DigitalOceanDouble, type DigitalOceanDoubleOptions } from '../doubles/digitalocean.ts';
import { FakeClock } from './fake-clock.ts';
import type { Issued } from './pki.ts';

export interface Harness {
  double: DigitalOceanDouble;
  provider: Provider;
  clock: FakeClock;
  redactor: Redactor;
  debug: string[];
  close(): Promise<void>;
}

export async function harness(
  options: { double?: DigitalOceanDoubleOptions; provider?: Partial<DigitalOceanOptions> } = {},
): Promise<Harness> {
  const clock = new FakeClock();
  const double = await DigitalOceanDouble.start({ now: clock.now, ...options.double });
  const redactor = new Redactor();
  const debug: string[] = [];
  const provider = createDigitalOceanProvider({
    token: double.token,
    baseUrl: double.url,
    redactor,
    clock,
    debug: (line) => debug.push(line),
    polling: { intervalMs: 2_000, timeoutMs: 120_000 },
    ...options.provider,
  });
  return { double, provider, clock, redactor, debug, close: () => double.close() };
}

/** What the certificate engine would hand the provider for `leaf` and its intermediates. */
export function uploadOf(name: string, leaf: Issued, intermediates: Issued[] = []): CertificateUpload {
  const chain = intermediates.map((c) => c.certPem).join('');
  return {
    name,
    certificate: leaf.certPem,
    chain,
    fullchain: leaf.certPem + chain,
    privateKey: leaf.keyPem,
    sha1: createHash('sha1').update(leaf.certDer).digest('hex'),
  };
}
