/**
 * The chain in the order the server sent it (sent-chain.ts), judged: each certificate should be
 * followed by the one that issued it (RFC 5246 §7.4.2 says must; RFC 8446 §4.4.2 says should).
 * A warning, not an error: OpenSSL and browsers re-link the chain themselves, but stricter
 * clients (older Java, embedded TLS stacks) take it as sent and fail. Pure.
 */
import { type Finding, finding } from '../certs/findings.ts';
import { endpointPhrase } from './assess.ts';
import { quote } from './quote.ts';
import type { CheckResult } from './served.ts';
import type { SentChain } from './sent-chain.ts';

export function sentOrderFindings(result: CheckResult, sent: SentChain): Finding[] {
  if (!sent.known) return [];
  const certs = sent.certificates;
  const misplaced = certs.findIndex(
    (cert, i) => i + 1 < certs.length && cert.issuer !== certs[i + 1]!.subject,
  );
  if (misplaced === -1) return [];
  const cert = certs[misplaced]!;
  const order = certs.map((c) => quote(c.subject)).join(', ');
  return [
    finding(
      'SERVED_CHAIN_ORDER',
      'warning',
      `${endpointPhrase(result)} sends its chain out of order (${order}): ${quote(cert.subject)} is followed by ${quote(certs[misplaced + 1]!.subject)}, not by its issuer ${quote(cert.issuer)}. Browsers re-order it; stricter clients fail.`,
      'Serve the leaf first and then each issuer in turn (fullchain.pem as your CA or certbot writes it); leave out certificates that belong to no step of the chain.',
      { subject: certs[0]?.subject },
    ),
  ];
}
