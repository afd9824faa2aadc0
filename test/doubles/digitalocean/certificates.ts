/**
 * The double's certificates. An upload is checked the way a server can check it (each PEM parses,
 * the key belongs to the leaf) and described from the leaf itself: sha1_fingerprint of its DER,
 * not_after from it, dns_names `[""]` as DigitalOcean shows custom certificates. The key is kept
 * in memory only, for the double's TLS side to serve the certificate (never in a reply). Names
 * are unique per account.
 */
import { createHash, createPrivateKey, type KeyObject, randomUUID, X509Certificate } from 'node:crypto';
import type { Certificate, CertificateState } from '../../../src/providers/digitalocean/contracts.ts';
import type { Reply } from '../loopback.ts';
import { namesOf, type ServedPair } from '../tls-front.ts';
import { isObject, isoSeconds, notFound, unprocessable } from './replies.ts';

export interface CertificateOptions {
  /** State of a new upload. */
  initialState: CertificateState;
  /** Reads (GETs, listings) after which a pending certificate shows 'verified'. */
  verifiedAfterReads: number;
}

interface Stored {
  certificate: Certificate;
  reads: number;
  /** Reads after which a pending certificate is verified (seeded ones stay as seeded). */
  verifyAfter: number;
  /** What a load balancer bound to it serves, and the names the leaf covers (uploads only). */
  tls?: { pair: ServedPair; names: string[] };
}

export class CertificateStore {
  readonly byId = new Map<string, Stored>();
  private readonly options: CertificateOptions;
  private readonly now: () => number;

  constructor(options: CertificateOptions, now: () => number) {
    this.options = options;
    this.now = now;
  }

  /** What a GET shows; counts as a read (a pending certificate gets verified by being read). */
  read(id: string): Certificate | undefined {
    const stored = this.byId.get(id);
    if (!stored) return undefined;
    stored.reads++;
    if (stored.certificate.state === 'pending' && stored.reads > stored.verifyAfter) {
      stored.certificate.state = 'verified';
    }
    return structuredClone(stored.certificate);
  }

  /** For assertions: no read counted. */
  peek(id: string): Certificate | undefined {
    const stored = this.byId.get(id);
    return stored ? structuredClone(stored.certificate) : undefined;
  }

  /** The PEMs an upload came with and the names its leaf covers; none for a seeded certificate. */
  served(id: string): { pair: ServedPair; names: string[] } | undefined {
    return this.byId.get(id)?.tls;
  }

  all(): Certificate[] {
    return [...this.byId.values()].map((stored) => stored.certificate);
  }

  add(certificate: Certificate, verifyAfter = Number.POSITIVE_INFINITY): Certificate {
    this.byId.set(certificate.id, { certificate: structuredClone(certificate), reads: 0, verifyAfter });
    return certificate;
  }

  create(body: unknown): Reply {
    if (!isObject(body)) return unprocessable('request payload validation failed');
    const { name, type, private_key, leaf_certificate, certificate_chain } = body;
    if (typeof name !== 'string' || name.trim() === '') return unprocessable('name is required');
    if (type !== 'custom')
      return unprocessable('the double plays custom certificates only: type must be custom');
    if (typeof private_key !== 'string' || typeof leaf_certificate !== 'string') {
      return unprocessable('private_key and leaf_certificate are required for a custom certificate');
    }
    let key: KeyObject;
    let leaf: X509Certificate;
    try {
      key = createPrivateKey(private_key);
    } catch {
      return unprocessable('private_key is not a valid PEM-encoded private key');
    }
    try {
      leaf = new X509Certificate(leaf_certificate);
    } catch {
      return unprocessable('leaf_certificate is not a valid PEM-encoded certificate');
    }
    if (!leaf.checkPrivateKey(key)) return unprocessable('private_key does not match leaf_certificate');
    if (certificate_chain !== undefined && !validChain(certificate_chain)) {
      return unprocessable('certificate_chain is not a valid list of PEM-encoded certificates');
    }
    if (this.all().some((existing) => existing.name === name)) return unprocessable('name is not unique');
    const certificate = this.add(
      {
        id: randomUUID(),
        name,
        not_after: isoSeconds(leaf.validToDate.getTime()),
        sha1_fingerprint: createHash('sha1').update(leaf.raw).digest('hex'),
        created_at: isoSeconds(this.now()),
        dns_names: [''],
        state: this.options.initialState,
        type: 'custom',
      },
      this.options.verifiedAfterReads,
    );
    const chain = typeof certificate_chain === 'string' ? certificate_chain.trim() : '';
    const cert = `${leaf_certificate.trim()}\n${chain === '' ? '' : `${chain}\n`}`;
    this.byId.get(certificate.id)!.tls = { pair: { cert, key: private_key }, names: namesOf(cert) };
    return { status: 201, body: { certificate: structuredClone(certificate) } };
  }

  get(id: string): Reply {
    const certificate = this.read(id);
    return certificate ? { status: 200, body: { certificate } } : notFound();
  }
}

function validChain(chain: unknown): boolean {
  if (typeof chain !== 'string') return false;
  if (chain.trim() === '') return true;
  const blocks = chain.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? [];
  if (blocks.length === 0) return false;
  try {
    for (const block of blocks) new X509Certificate(block);
    return true;
  } catch {
    return false;
  }
}
