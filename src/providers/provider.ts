/**
 * What the rotation needs from a provider, and nothing provider-specific: list what is there,
 * upload, remove, and (where the provider binds certificates to things) find and move the
 * things that use a certificate. Each provider implements this in its own folder, with its wire
 * types in its own contracts.ts; adding one touches that folder and one line of factory.ts.
 */
import { Inputs } from '../constants.ts';
import { ACTION_WORDS } from '../vocabulary.ts';

export type ProviderKind = 'digitalocean' | 'dokploy';

/** What a run does with the token: plan only reads, apply writes too (so a refusal names what is missing). */
export type Access = 'read' | 'write';

/** For the fix of a refused (or missing) token: what this run needs, and how the user gives the token here. */
export interface TokenHelp {
  access: Access;
  /** With its preposition: `in the api-token input (from a secret)`, `in the environment variable CERT_ROTATE_API_TOKEN`. */
  via: string;
}

/** A provider made without saying: the action's words, and everything apply needs. */
export const DEFAULT_TOKEN_HELP: TokenHelp = { access: 'write', via: ACTION_WORDS.via(Inputs.ApiToken) };

export interface RemoteCertificate {
  id: string;
  name: string;
  /**
   * SHA-1 of the leaf certificate's DER, lowercase hex without colons. Undefined when the
   * provider's listing carries no certificate data (then the name's fingerprint suffix is all
   * there is to identify a version).
   */
  sha1: string | undefined;
  /** SHA-256 of the leaf's DER, the same way, where the listing carries the certificate (Dokploy). */
  sha256?: string | undefined;
  /**
   * SHA-256 of the leaf's public key (SubjectPublicKeyInfo, DER), where the listing carries the
   * certificate (Dokploy): a renewal that kept its key shows the same one. Never a private key's.
   */
  keySha256?: string | undefined;
  notAfter: string | undefined;
  dnsNames: string[];
  createdAt: string | undefined;
  /**
   * As the provider states it: DigitalOcean `pending` | `verified` | `error`; Dokploy's documented
   * dialect `active` | `expired`. Undefined where the provider has none.
   */
  state: string | undefined;
  /** DigitalOcean: `custom` | `lets_encrypt`. */
  type: string | undefined;
}

/** What an upload sends: texts from the certificate engine's checked bundle. */
export interface CertificateUpload {
  name: string;
  /** Leaf, PEM. */
  certificate: string;
  /** Intermediates in order, PEM, no root; '' when none. */
  chain: string;
  /** certificate + chain. */
  fullchain: string;
  /** PKCS#8 PEM. A secret. */
  privateKey: string;
  /** Of the leaf: what the uploaded certificate must show in the provider's listing. */
  sha1: string;
}

export type UseKind = 'load-balancer' | 'global-load-balancer' | 'cdn-endpoint';

/** Something that serves a certificate and can be moved to another one. */
export interface CertificateUse {
  kind: UseKind;
  id: string;
  name: string;
  /** The certificate ids it uses now. */
  certificateIds: string[];
  /**
   * The hostnames it serves, each with the certificate it serves it with, where the provider names
   * them: a CDN endpoint's custom domain, a global load balancer's domains. Absent for a regional
   * load balancer, which serves whatever name the certificate holds. A move must keep them covered.
   */
  hostnames?: { hostname: string; certificateId: string }[];
  /** Set when changes made through the API are undone by something else (DOKS-managed load balancers). */
  managedBy?: 'kubernetes';
}

/**
 * What `settle` did. `requested`: the provider acknowledged the request and carries it out after
 * its reply, telling no one how it ended; `what` names it (`Traefik reload`), `note` says where
 * the outcome shows instead.
 */
export type Settled = { status: 'requested'; what: string; note: string } | { status: 'not-needed' };

export interface Provider {
  readonly kind: ProviderKind;
  /** For messages: "DigitalOcean", "Dokploy at dokploy.example.com". */
  readonly label: string;
  list(): Promise<RemoteCertificate[]>;
  /**
   * Upload one certificate. Never sent twice blindly: after a failure that may have landed, the
   * listing is searched for the fingerprint first.
   */
  create(upload: CertificateUpload): Promise<RemoteCertificate>;
  /**
   * Read one certificate back by id; undefined when there is none. Only where names are unique
   * (DigitalOcean): an upload then has no same-named twin to find, so reading it back confirms it
   * without listing the whole account again. Without it, the confirmation lists.
   */
  readBack?(id: string): Promise<RemoteCertificate | undefined>;
  /** Remove by id; a certificate that is already gone counts as removed. */
  remove(id: string): Promise<'removed' | 'already-gone'>;
  /** Where certificates are used. Absent where a provider serves by SNI (Dokploy). */
  uses?(): Promise<CertificateUse[]>;
  /** Move `use` from one certificate to another, and wait until the provider shows it. */
  rebind?(use: CertificateUse, from: string, to: string): Promise<CertificateUse>;
  /**
   * After certificates were added or removed (Dokploy: reload Traefik when asked to). Says
   * whether it asked for anything, so a report never claims a reload that was turned off, and
   * never more than the provider's answer shows (Dokploy acknowledges a reload before it runs).
   */
  settle?(): Promise<Settled>;
  /** HTTP requests sent so far, retries included. */
  requestCount(): number;
}
