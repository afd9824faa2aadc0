/**
 * Chain order: every permutation of leaf + intermediates (+ root) for chains with 1, 2 and 3
 * intermediates. Whatever order the certificates arrive in, and wherever the key stands, the
 * result is leaf → issuer → … ; a wrong order is repaired with one CHAIN_REPAIRED warning (or is a
 * CHAIN_ORDER error with repair-chain off).
 */
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { BundleInput } from '../../src/certs/bundle.ts';
import { orderChain } from '../../src/certs/chain-order.ts';
import { oneLineName } from '../../src/certs/inspect.ts';
import { type Issued, Pki } from '../../test/support/pki.ts';
import { checkWellFormed, withCode } from '../../test/support/findings.ts';

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  const out: T[][] = [];
  items.forEach((item, i) => {
    const rest = [...items.slice(0, i), ...items.slice(i + 1)];
    for (const p of permutations(rest)) out.push([item, ...p]);
  });
  return out;
}

const x509 = (c: Issued) => new X509Certificate(c.certPem);

interface Chain {
  root: Issued;
  /** Leaf's issuer first (server order). */
  intermediates: Issued[];
  leaf: Issued;
}

const NAMES = ['leaf', 'i1', 'i2', 'i3'] as const;
type Label = (typeof NAMES)[number] | 'root';

function labelsFor(depth: number, withRoot: boolean): Label[] {
  const labels: Label[] = NAMES.slice(0, depth + 1);
  if (withRoot) labels.push('root');
  return labels;
}

function certOf(chain: Chain, label: Label): Issued {
  if (label === 'leaf') return chain.leaf;
  if (label === 'root') return chain.root;
  const cert = chain.intermediates[Number(label.slice(1)) - 1];
  assert.ok(cert, `no ${label} in the chain`);
  return cert;
}

/**
 * The bundle in the given order. The key goes where `keyAt` says: a separate private-key input
 * (-1), or inside the bundle before the certificate at that index (= length: after all of them).
 */
function bundle(certs: readonly Issued[], key: string, keyAt: number): BundleInput {
  const pems = certs.map((c) => c.certPem);
  if (keyAt < 0) {
    return {
      sources: [
        { role: 'certificate', name: 'certificate', data: pems.join('') },
        { role: 'private-key', name: 'private-key', data: key },
      ],
    };
  }
  pems.splice(keyAt, 0, key);
  return { sources: [{ role: 'bundle', name: 'bundle', data: pems.join('') }] };
}

describe('certs/chain-order: every permutation of the chain', () => {
  let pki: Pki;
  let now: Date;
  const chains = new Map<number, Chain>();

  before(async () => {
    pki = await Pki.create();
    now = new Date(Math.floor(Date.now() / 1000) * 1000);
    const made = await Promise.all([1, 2, 3].map((depth) => pki.chain(depth)));
    made.forEach((chain, i) => {
      chains.set(i + 1, chain);
    });
  });
  after(async () => {
    await pki?.cleanup();
  });

  for (const depth of [1, 2, 3]) {
    for (const withRoot of [false, true]) {
      const labels = labelsFor(depth, withRoot);
      const all = permutations(labels);
      describe(`${depth} intermediate(s)${withRoot ? ' + root' : ''}: ${all.length} orders`, () => {
        all.forEach((order, index) => {
          const inOrder = order.join() === labels.join();
          // Vary where the key stands: separate input, or anywhere inside the bundle.
          const keyAt = (index % (order.length + 2)) - 1;
          it(`${order.join(', ')}${keyAt < 0 ? ' (key apart)' : ` (key at ${keyAt})`}`, () => {
            const chain = chains.get(depth);
            assert.ok(chain);
            const given = order.map((label) => certOf(chain, label));
            const expected = labels.map((label) => certOf(chain, label));
            const served = expected.filter((c) => c !== chain.root);
            const subjects = (list: readonly Issued[]) => list.map((c) => oneLineName(x509(c).subject));
            const options = { now, trustedRoots: () => [x509(chain.root)] };
            const input = bundle(given, chain.leaf.keyPem, keyAt);

            // Repair on (the default).
            const repaired = checkWellFormed(input, options);
            assert.ok(repaired.ok, JSON.stringify(repaired.findings));
            assert.equal(repaired.leaf?.subject, 'CN=leaf.example.test');
            assert.deepEqual(
              repaired.chain.map((e) => e.subject),
              subjects(expected),
            );
            assert.deepEqual(
              repaired.chain.map((e) => e.role),
              expected.map((c) => (c === chain.leaf ? 'leaf' : c === chain.root ? 'root' : 'intermediate')),
            );
            // Each entry is issued by the next.
            repaired.chain.slice(0, -1).forEach((entry, i) => {
              assert.equal(entry.issuer, repaired.chain[i + 1]?.subject);
            });
            assert.deepEqual(repaired.orderFound, subjects(given));
            const fixes = withCode(repaired, 'CHAIN_REPAIRED');
            assert.equal(withCode(repaired, 'CHAIN_ORDER').length, 0);
            if (inOrder) {
              assert.equal(fixes.length, 0);
            } else {
              assert.equal(fixes.length, 1);
              assert.equal(fixes[0]?.level, 'warning');
              assert.ok(
                fixes[0]?.message.includes(`Found: ${subjects(given).join(' → ')}.`),
                fixes[0]?.message,
              );
              assert.ok(
                fixes[0]?.message.includes(`Uploaded: ${subjects(served).join(' → ')}.`),
                fixes[0]?.message,
              );
            }
            assert.equal(withCode(repaired, 'ROOT_INCLUDED').length, withRoot ? 1 : 0);
            const allowed = new Set(['CHAIN_REPAIRED', 'ROOT_INCLUDED']);
            assert.deepEqual(
              repaired.findings.filter((f) => !allowed.has(f.code)),
              [],
            );
            assert.ok(repaired.upload);
            assert.equal(repaired.upload.certificate, chain.leaf.certPem);
            assert.equal(
              repaired.upload.chain,
              served
                .slice(1)
                .map((c) => c.certPem)
                .join(''),
            );
            assert.equal(repaired.upload.fullchain, served.map((c) => c.certPem).join(''));
            assert.equal(repaired.upload.privateKey, chain.leaf.keyPem);

            // Repair off.
            const strict = checkWellFormed(input, { ...options, repairChain: false });
            assert.deepEqual(strict.chain, repaired.chain);
            assert.equal(withCode(strict, 'CHAIN_REPAIRED').length, 0);
            const errors = withCode(strict, 'CHAIN_ORDER');
            if (inOrder) {
              assert.equal(errors.length, 0);
              assert.ok(strict.ok);
              assert.deepEqual(strict.upload, repaired.upload);
            } else {
              assert.equal(errors.length, 1);
              assert.equal(errors[0]?.level, 'error');
              assert.ok(
                errors[0]?.message.includes(`Found: ${subjects(given).join(' → ')}.`),
                errors[0]?.message,
              );
              assert.ok(
                errors[0]?.message.includes(`Expected: ${subjects(expected).join(' → ')}.`),
                errors[0]?.message,
              );
              assert.equal(strict.ok, false);
              assert.equal(strict.upload, undefined);
            }
          });
        });
      });
    }
  }

  it('has generated every permutation (2! + 3! + 3! + 4! + 4! + 5!)', () => {
    const total = [1, 2, 3]
      .flatMap((depth) => [false, true].map((withRoot) => permutations(labelsFor(depth, withRoot)).length))
      .reduce((a, b) => a + b, 0);
    assert.equal(total, 2 + 6 + 6 + 24 + 24 + 120);
    const perms = permutations(['a', 'b', 'c', 'd']);
    assert.equal(new Set(perms.map((p) => p.join())).size, 24);
  });
});

describe('certs/chain-order: orderChain', () => {
  let pki: Pki;
  let chain: Chain;
  let other: Chain;

  before(async () => {
    pki = await Pki.create();
    [chain, other] = await Promise.all([pki.chain(2), pki.chain(1)]);
  });
  after(async () => {
    await pki?.cleanup();
  });

  it('walks from the leaf through each issuer to the root, whatever the order of the others', () => {
    const [i1, i2] = chain.intermediates.map(x509) as [X509Certificate, X509Certificate];
    const root = x509(chain.root);
    const leaf = x509(chain.leaf);
    const result = orderChain(leaf, [root, i1, i2], () => []);
    assert.deepEqual(
      result.path.map((c) => c.subject),
      [leaf, i1, i2, root].map((c) => c.subject),
    );
    assert.equal(result.endsAtRoot, true);
    assert.equal(result.topIssuerTrusted, false);
    assert.deepEqual(result.duplicates, []);
    assert.deepEqual(result.unrelated, []);
    assert.deepEqual(result.wrongIssuer, []);
  });

  it('stops below the root and asks the trusted roots only then', () => {
    const [i1, i2] = chain.intermediates.map(x509) as [X509Certificate, X509Certificate];
    const leaf = x509(chain.leaf);
    let asked = 0;
    const trusted = orderChain(leaf, [i2, i1], () => {
      asked++;
      return [x509(other.root), x509(chain.root)];
    });
    assert.equal(asked, 1);
    assert.equal(trusted.path.length, 3);
    assert.equal(trusted.endsAtRoot, false);
    assert.equal(trusted.topIssuerTrusted, true);
    // A root of the same name elsewhere would not do: it must have signed the top.
    assert.equal(orderChain(leaf, [i2, i1], () => [x509(other.root)]).topIssuerTrusted, false);
    const withRoot = orderChain(leaf, [x509(chain.root), i1, i2], () => {
      asked++;
      return [];
    });
    assert.equal(withRoot.endsAtRoot, true);
    assert.equal(asked, 1, 'a chain that ends at a root needs no trust store');
  });

  it('sorts out duplicates and certificates of another chain', () => {
    const [i1, i2] = chain.intermediates.map(x509) as [X509Certificate, X509Certificate];
    const leaf = x509(chain.leaf);
    const stranger = x509(other.intermediates[0]!);
    const result = orderChain(leaf, [stranger, i1, x509(chain.leaf), i1, i2], () => []);
    assert.deepEqual(
      result.path.map((c) => c.subject),
      [leaf, i1, i2].map((c) => c.subject),
    );
    assert.deepEqual(
      result.duplicates.map((c) => c.subject),
      [leaf.subject, i1.subject],
    );
    assert.deepEqual(
      result.unrelated.map((c) => c.subject),
      [stranger.subject],
    );
  });
});
