/**
 * What a certificate is called in the summary, the text, the chart and the expiry issue: its
 * name when it has one, else what it is for (its CN, else its first SAN), else where it came from
 * (never the word "inputs").
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildReport } from '../../src/report/report.ts';
import { renderSummary } from '../../src/report/summary.ts';
import { run } from '../../src/run.ts';
import { parseSettings, type RawInputs } from '../../src/settings.ts';
import { type Issued, Pki } from '../../test/support/pki.ts';

describe('certificate labels', () => {
  let pki: Pki;
  let leaf: Issued;
  let chain: string;
  before(async () => {
    pki = await Pki.create();
    const made = await pki.chain(1, {
      cn: 'shop.example.test',
      dns: ['www.shop.example.test', 'shop.example.test'],
    });
    leaf = made.leaf;
    chain = made.intermediates.map((c) => c.certPem).join('');
  });
  after(() => pki.cleanup());

  const validate = (extra: RawInputs = {}) =>
    run(
      parseSettings({
        mode: 'validate',
        certificate: leaf.certPem,
        'certificate-chain': chain,
        'private-key': leaf.keyPem,
        ...extra,
      }),
      { cwd: process.cwd(), mask: () => {} },
    );

  it('a single certificate without a name is called by its CN', async () => {
    const { report } = await validate();
    assert.equal(report.certificates[0]?.label, 'shop.example.test');
    // Without the invisible break escape.ts puts into `www.` (so GitHub makes no link of it).
    const md = renderSummary(report).replaceAll('<!-- -->', '');
    assert.match(md, /^\| shop\.example\.test \| www\.shop\.example\.test, shop\.example\.test \|/m);
    assert.doesNotMatch(md, /\binputs\b/);
  });

  it('by its name when it has one', async () => {
    const { report } = await validate({ name: 'shop' });
    assert.equal(report.certificates[0]?.label, 'shop');
    assert.match(renderSummary(report), /^\| shop \| /m);
  });

  it('by its first SAN when its subject has no CN', async () => {
    const { checked } = await validate();
    const [first] = checked;
    assert.ok(first?.bundle.leaf);
    const { commonName: _cn, ...noCn } = first.bundle.leaf;
    const report = buildReport({
      settings: { mode: 'validate', warnDays: 30, failDays: 7, inventory: false },
      checked: [{ ...first, bundle: { ...first.bundle, leaf: { ...noCn, subject: '' } } }],
      skipped: [],
      now: new Date(),
    });
    assert.equal(report.certificates[0]?.label, 'www.shop.example.test');
  });

  it('in a manifest without names: by subject, else by its place in the list', async () => {
    const workspace = await mkdtemp(join(tmpdir(), 'cert-rotate-labels-'));
    try {
      await writeFile(join(workspace, 'shop.pem'), leaf.certPem + chain);
      await writeFile(
        join(workspace, 'manifest.yml'),
        'version: 1\ncertificates:\n  - certificate: { file: shop.pem }\n  - certificate: { env: BROKEN }\n',
      );
      const { report } = await run(parseSettings({ mode: 'validate', manifest: 'manifest.yml' }), {
        cwd: workspace,
        mask: () => {},
        env: { BROKEN: 'not a certificate' },
      });
      assert.deepEqual(
        report.certificates.map((c) => c.label),
        ['shop.example.test', 'certificates[1]'],
      );
    } finally {
      await rm(workspace, { recursive: true, force: true });
    }
  });

  it('as "certificate" when there is nothing to read a name from', async () => {
    const { report } = await run(parseSettings({ mode: 'validate', certificate: 'not a certificate' }), {
      cwd: process.cwd(),
      mask: () => {},
    });
    assert.equal(report.certificates[0]?.leaf, undefined);
    assert.equal(report.certificates[0]?.label, 'certificate');
  });
});
