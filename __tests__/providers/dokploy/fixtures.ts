/**
 * Shared by the Dokploy provider tests: keys made up at test time, uploads made by the
 * certificate engine from a throwaway PKI (so fingerprints are the engine's), and a provider
 * wired to a double over a real socket with a clock that does not wait.
 */
import { randomBytes, X509Certificate } from 'node:crypto';
import { Agent } from 'undici';
import { checkBundle } from '../../../src/certs/validate.ts';
import type { Clock } from '../../../src/providers/clock.ts';
import { createDokployProvider, type DokployOptions } from '../../../src/providers/dokploy/provider.ts';
import type { CertificateUpload, Provider } from '../../../src/providers/provider.ts';
import { Redactor } from '../../../src/secrets.ts';
import type { DokployDouble } from '../../../test/doubles/dokploy.ts';
import type { Issued, Pki } from '../../../test/support/pki.ts';

/** A made-up API key: random, so no test depends on its text and none is ever real. */
export function testKey(label: string): string {
  return `test-${label}-${randomBytes(18).toString('base64url')}`;
}

/** Real time, no waiting: retries happen at once. */
export const noWait: Clock = { now: () => Date.now(), sleep: async () => {}, random: () => 0 };

export interface Made {
  upload: CertificateUpload;
  leaf: Issued;
  intermediates: Issued[];
  /** The engine's SHA-1 of the leaf. */
  sha1: string;
}

/** A checked bundle from the engine, as the rotation would upload it. */
export async function makeUpload(
  pki: Pki,
  name: string,
  depth = 1,
  dns = ['app.example.test'],
): Promise<Made> {
  const { root, intermediates, leaf } = await pki.chain(depth, { cn: dns[0] ?? 'app.example.test', dns });
  const result = checkBundle(
    {
      sources: [
        { role: 'certificate', name: 'certificate', data: leaf.certPem },
        { role: 'chain', name: 'certificate-chain', data: intermediates.map((c) => c.certPem).join('') },
        { role: 'private-key', name: 'private-key', data: leaf.keyPem },
      ],
    },
    { trustedRoots: () => [new X509Certificate(root.certPem)] },
  );
  if (!result.ok || !result.upload || !result.leaf) {
    throw new Error(`engine refused the test bundle: ${JSON.stringify(result.findings)}`);
  }
  const sha1 = result.leaf.sha1;
  return { upload: { name, sha1, ...result.upload }, leaf, intermediates, sha1 };
}

export interface Wired {
  provider: Provider;
  redactor: Redactor;
  debug: string[];
}

/** A provider talking to `double` with `apiKey`, through `agent` (a plain loopback agent). */
export function wire(
  double: DokployDouble,
  apiKey: string,
  agent: Agent,
  extra: Partial<DokployOptions> = {},
): Wired {
  const redactor = new Redactor();
  const debug: string[] = [];
  const provider = createDokployProvider({
    apiKey,
    baseUrl: double.url,
    redactor,
    clock: noWait,
    dispatcher: agent,
    debug: (line) => debug.push(line),
    ...extra,
  });
  return { provider, redactor, debug };
}

export function newAgent(): Agent {
  return new Agent({ connect: { timeout: 2_000 }, headersTimeout: 5_000, bodyTimeout: 5_000 });
}

/** Certificates in PEM text, counted. */
export function pemCount(text: string): number {
  return text.match(/-----BEGIN CERTIFICATE-----/g)?.length ?? 0;
}
