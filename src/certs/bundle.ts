/** The shapes that go into and come out of the certificate engine. */
import type { X509Certificate } from 'node:crypto';
import type { SourceInput } from './decode.ts';
import type { Finding } from './findings.ts';
import type { CertFacts } from './inspect.ts';
import type { Vocabulary } from '../vocabulary.ts';

export interface BundleInput {
  /** Every value the user gave for this certificate: separate parts or one bundle, any order. */
  sources: SourceInput[];
  keyPassphrase?: string | undefined;
  pkcs12Password?: string | undefined;
}

export interface CheckOptions {
  /** The clock, injectable so tests and reports agree on "today". */
  now?: Date;
  /** Days before not-after that make a warning (default 30). */
  warnDays?: number;
  /** Days before not-after that make an error (default 7). */
  failDays?: number;
  /** The leaf warns / fails when less than this percent of its lifetime is left; off when absent. */
  warnPercent?: number | undefined;
  failPercent?: number | undefined;
  /** Put the chain in order and drop extras instead of failing (default true). */
  repairChain?: boolean;
  /** Names the certificate must cover. */
  domains?: readonly string[];
  /** False when only the certificate is being checked (e.g. a PR without secrets). Default true. */
  requireKey?: boolean;
  /** Roots whose direct children count as a complete chain (default: Node's Mozilla list). */
  trustedRoots?: () => readonly X509Certificate[];
  /** Called with every secret the engine derives (the re-exported key), so the edge can mask it. */
  onSecret?: (secret: string) => void;
  /** How fixes name settings (inputs, or flags and variables); default: the action's inputs. */
  words?: Vocabulary;
}

export interface ChainEntry {
  role: 'leaf' | 'intermediate' | 'root';
  subject: string;
  issuer: string;
  notAfter: string;
  sha256: string;
}

export interface UploadTexts {
  /** The leaf certificate, PEM. */
  certificate: string;
  /** The intermediates in order, PEM, without the root; '' when there are none. */
  chain: string;
  /** certificate + chain: what Dokploy's `certificateData` and most servers want. */
  fullchain: string;
  /** The private key as unencrypted PKCS#8 PEM. A secret: masked when made. */
  privateKey: string;
}

export interface CheckedBundle {
  /** No error-level finding. */
  ok: boolean;
  leaf?: CertFacts;
  /** The chain in the order it will be served (leaf first), the root last when one was given. */
  chain: ChainEntry[];
  /** Subjects in the order the inputs held them, for "found … expected …". */
  orderFound: string[];
  /** Present only when `ok` and a key was found: what a provider gets. */
  upload?: UploadTexts;
  findings: Finding[];
}
