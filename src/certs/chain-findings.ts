/**
 * What the chain analysis means for the user. With repair on (the default), the order is fixed
 * and extras are dropped with a warning that says so; with repair off, the same problems are
 * errors, because uploading the bundle as given would serve a broken chain.
 */
import type { X509Certificate } from 'node:crypto';
import type { ChainAnalysis } from './chain-order.ts';
import { type Finding, finding } from './findings.ts';
import { caIssuersUrls, fingerprint, oneLineName } from './inspect.ts';
import { Inputs } from '../constants.ts';
import { ACTION_WORDS, type Vocabulary } from '../vocabulary.ts';

const name = (cert: X509Certificate) => oneLineName(cert.subject);
const issuerName = (cert: X509Certificate) => oneLineName(cert.issuer);

/**
 * `ordered` is false when certificates came from a PKCS#7 bundle: they are a SET there, with no
 * order to get wrong, so putting them in order is no news (and no error without repair).
 */
export function chainFindings(
  analysis: ChainAnalysis,
  given: readonly X509Certificate[],
  repair: boolean,
  ordered = true,
  words: Vocabulary = ACTION_WORDS,
): Finding[] {
  const out: Finding[] = [];
  const level = repair ? 'warning' : 'error';
  const leaf = analysis.path[0]!;

  const expected = analysis.path.map(fingerprint256);
  const found = firstOccurrences(given.map(fingerprint256)).filter((id) => expected.includes(id));
  if (ordered && found.join() !== expected.join()) {
    const subjects = new Map(given.map((c) => [fingerprint256(c), name(c)]));
    const orderFound = found.map((id) => subjects.get(id)).join(' → ');
    const orderExpected = analysis.path.map(name).join(' → ');
    // The root is never uploaded (ROOT_INCLUDED says so): "Uploaded" lists only what is.
    const orderUploaded = analysis.served.map(name).join(' → ');
    out.push(
      repair
        ? finding(
            'CHAIN_REPAIRED',
            'warning',
            `The chain was out of order and has been put in order. Found: ${orderFound}. Uploaded: ${orderUploaded}.`,
            'Store the certificates leaf first, then each issuer (as in fullchain.pem) to make this warning go away.',
          )
        : finding(
            'CHAIN_ORDER',
            'error',
            `The chain is out of order. Found: ${orderFound}. Expected: ${orderExpected}.`,
            `Put the leaf first, then the certificate that signed it, and so on; or ${words.turn(Inputs.RepairChain, true)} to have it reordered.`,
          ),
    );
  }

  for (const cert of analysis.duplicates) {
    out.push(
      finding(
        'DUPLICATE_CERTIFICATE',
        level,
        `The certificate "${name(cert)}" is given more than once${repair ? '; the copy is dropped' : ''}.`,
        'Pass each certificate once (e.g. do not give fullchain.pem as the certificate and chain.pem as the chain).',
        { subject: name(cert) },
      ),
    );
  }
  for (const cert of analysis.unrelated) {
    out.push(
      finding(
        'UNRELATED_CERTIFICATE',
        level,
        `The certificate "${name(cert)}" is not part of the chain of "${name(leaf)}"${repair ? '; it is left out of the upload' : ''}.`,
        'Remove certificates that belong to other sites or to an older chain from the inputs.',
        { subject: name(cert) },
      ),
    );
  }
  for (const { cert, claimed } of analysis.wrongIssuer) {
    out.push(
      finding(
        'CHAIN_WRONG_ISSUER',
        'error',
        `"${name(cert)}" names "${issuerName(cert)}" as its issuer, and a certificate of that name is given, but its key did not sign "${name(cert)}" (an intermediate from another chain or an older generation).`,
        'Replace the intermediate with the one your CA issued this certificate under (renewal tools write it to chain.pem / fullchain.pem).',
        { subject: name(claimed) },
      ),
    );
  }

  const top = analysis.path[analysis.path.length - 1]!;
  if (analysis.endsAtRoot && analysis.path.length > 1) {
    out.push(
      finding(
        'ROOT_INCLUDED',
        'warning',
        `The root certificate "${name(top)}" is included; clients already have their roots, so it is not uploaded.`,
        'Leave the root out of the chain (fullchain.pem from most tools already does).',
        { subject: name(top) },
      ),
    );
  } else if (analysis.endsAtRoot) {
    out.push(
      finding(
        'SELF_SIGNED',
        'warning',
        `The certificate "${name(top)}" is self-signed: browsers and API clients will not trust it.`,
        'Use a certificate from a public CA (e.g. Let’s Encrypt) for anything public.',
        { subject: name(top) },
      ),
    );
  } else if (!analysis.topIssuerTrusted && analysis.wrongIssuer.length === 0) {
    const published = analysis.path.length === 1 ? caIssuersUrls(top)[0] : undefined;
    out.push(
      published !== undefined
        ? chainMissing(top, published, words)
        : analysis.path.length === 1
          ? finding(
              'CHAIN_INCOMPLETE',
              'warning',
              `The chain is incomplete: the issuer of "${name(top)}", "${issuerName(top)}", is not included and is not a publicly trusted root.`,
              `Add the intermediate certificate(s): use fullchain.pem rather than cert.pem, or pass chain.pem ${words.via(Inputs.CertificateChain)}.`,
              { subject: name(top) },
            )
          : finding(
              'CHAIN_INCOMPLETE',
              'warning',
              `The chain ends at "${name(top)}", whose issuer "${issuerName(top)}" is not included and is not a publicly trusted root.`,
              `If "${issuerName(top)}" is another intermediate, add it. If it is your private root, clients must trust it and this warning can be ignored.`,
              { subject: name(top) },
            ),
    );
  }
  return out;
}

/**
 * A leaf alone whose issuer is neither given nor a trusted root, but which names where its issuer
 * is published (AIA "CA Issuers"): a CA's certificate served without its intermediates, the
 * classic cert.pem-for-fullchain.pem mistake. Browsers fetch the missing intermediate; curl,
 * Java, Android, Go and most API clients do not and fail the handshake, so it is an error (a
 * private CA's leaf, without AIA, stays CHAIN_INCOMPLETE, a warning). The URL is only quoted.
 */
function chainMissing(leaf: X509Certificate, url: string, words: Vocabulary): Finding {
  const shown = url.length > 200 ? `${url.slice(0, 199)}…` : url;
  return finding(
    'CHAIN_MISSING',
    'error',
    `The intermediate certificate(s) of "${name(leaf)}" are missing: its issuer "${issuerName(leaf)}" is not included and is not a trusted root, and the certificate says its issuer is published at ${shown}. Browsers may fetch it; curl, Java, Android and most API clients do not, and would reject the site.`,
    `Give fullchain.pem (the leaf followed by its intermediates), not cert.pem; or pass the intermediates (chain.pem) ${words.via(Inputs.CertificateChain)}.`,
    { subject: name(leaf) },
  );
}

function fingerprint256(cert: X509Certificate): string {
  return fingerprint(cert, 'sha256');
}

function firstOccurrences(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}
