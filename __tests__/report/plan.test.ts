import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CertificateUse, RemoteCertificate } from '../../src/providers/provider.ts';
import { planSummary, renderPlanMarkdown, renderPlanText } from '../../src/report/plan.ts';
import type { Desired, LineagePlan } from '../../src/rotation/plan.ts';

function cert(id: string, name: string): RemoteCertificate {
  return {
    id,
    name,
    sha1: undefined,
    notAfter: undefined,
    dnsNames: [],
    createdAt: undefined,
    state: undefined,
    type: undefined,
  };
}

function desired(lineage: string, digit: string): Desired {
  return {
    lineage,
    name: `${lineage}-${digit.repeat(12)}`,
    sha1: digit.repeat(40),
    sha256: digit.repeat(64),
    notAfter: '2027-06-01T00:00:00.000Z',
  };
}

const lb: CertificateUse = { kind: 'load-balancer', id: 'lb-1', name: 'web', certificateIds: ['cert-a'] };
const cdn: CertificateUse = { kind: 'cdn-endpoint', id: 'cdn-1', name: 'static', certificateIds: ['cert-a'] };
const doks: CertificateUse = {
  kind: 'load-balancer',
  id: 'lb-k8s',
  name: 'a1b2c3',
  certificateIds: ['cert-old'],
  managedBy: 'kubernetes',
};

const siteA = cert('cert-a', 'site-aaaaaaaaaaaa');
const siteB = cert('cert-b', 'site-bbbbbbbbbbbb');
const site9 = cert('cert-9', 'site-999999999999');

/** A new version: two users moved off the old one, two old ones removed, one kept as rollback. */
const rotating: LineagePlan = {
  desired: desired('site', 'c'),
  current: { kind: 'create', name: 'site-cccccccccccc' },
  steps: [
    { op: 'create', name: 'site-cccccccccccc', reason: 'no version with fingerprint cccccccccccc… is there' },
    { op: 'rebind', use: lb, from: siteA, reason: 'it uses site-aaaaaaaaaaaa, which is superseded' },
    { op: 'rebind', use: cdn, from: siteA, reason: 'it uses site-aaaaaaaaaaaa, which is superseded' },
    { op: 'remove', certificate: siteB, after: [], reason: 'superseded and unused' },
    {
      op: 'remove',
      certificate: siteA,
      after: ['lb-1', 'cdn-1'],
      reason: 'superseded; nothing uses it once its users are moved',
    },
    { op: 'keep', certificate: site9, reason: 'rollback: keep-superseded is 1' },
  ],
  foreign: 3,
};

/** Already there; an old version stays because Kubernetes owns the load balancer that uses it. */
const current = cert('cert-api', 'api-dddddddddddd');
const steady: LineagePlan = {
  desired: desired('api', 'd'),
  current: { kind: 'present', certificate: current },
  steps: [
    { op: 'unchanged', certificate: current, reason: 'this content is already uploaded' },
    {
      op: 'keep',
      certificate: cert('cert-old', 'api-111111111111'),
      reason: 'still used by load balancer a1b2c3 (lb-k8s), managed by kubernetes: change it there',
    },
  ],
  foreign: 0,
};

const blocked: LineagePlan = {
  desired: desired('www', 'e'),
  current: { kind: 'create', name: 'www-eeeeeeeeeeee' },
  steps: [],
  blocked: 'a certificate named www-eeeeeeeeeeee (cert-x) already exists with fingerprint ffff, not eeee',
  foreign: 0,
};

const plans = [rotating, steady, blocked];

describe('plan summary', () => {
  it('counts steps across lineages, and blocked lineages when there are any', () => {
    assert.equal(planSummary([rotating]), '1 to create, 2 to rebind, 2 to remove, 1 kept');
    assert.equal(planSummary(plans), '1 to create, 2 to rebind, 2 to remove, 2 kept, 1 blocked');
    assert.equal(planSummary([]), '0 to create, 0 to rebind, 0 to remove, 0 kept');
  });
});

describe('plan as terminal text', () => {
  it('shows each lineage as a diff, with a summary line', () => {
    assert.equal(
      renderPlanText(plans, { color: false }),
      [
        'site (SHA-1 cccccccccccccccccccccccccccccccccccccccc, not after 2027-06-01)',
        '  + create    site-cccccccccccc  # no version with fingerprint cccccccccccc… is there',
        '  ~ rebind    load balancer web (lb-1): site-aaaaaaaaaaaa (cert-a) → site-cccccccccccc (new)  # it uses site-aaaaaaaaaaaa, which is superseded',
        '  ~ rebind    CDN endpoint static (cdn-1): site-aaaaaaaaaaaa (cert-a) → site-cccccccccccc (new)  # it uses site-aaaaaaaaaaaa, which is superseded',
        '  - remove    site-bbbbbbbbbbbb (cert-b)  # superseded and unused',
        '  - remove    site-aaaaaaaaaaaa (cert-a) after load balancer web (lb-1), CDN endpoint static (cdn-1)  # superseded; nothing uses it once its users are moved',
        '  = keep      site-999999999999 (cert-9)  # rollback: keep-superseded is 1',
        '',
        'api (SHA-1 dddddddddddddddddddddddddddddddddddddddd, not after 2027-06-01)',
        '  = unchanged api-dddddddddddd (cert-api)  # this content is already uploaded',
        '  = keep      api-111111111111 (cert-old)  # still used by load balancer a1b2c3 (lb-k8s), managed by kubernetes: change it there',
        '',
        'www (SHA-1 eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee, not after 2027-06-01)',
        '  ! blocked   a certificate named www-eeeeeeeeeeee (cert-x) already exists with fingerprint ffff, not eeee',
        '',
        'Plan: 1 to create, 2 to rebind, 2 to remove, 2 kept, 1 blocked.',
        '',
      ].join('\n'),
    );
  });

  it('names the present certificate as the target of a rebind', () => {
    const move: LineagePlan = {
      ...steady,
      steps: [{ op: 'rebind', use: doks, from: cert('cert-old', 'api-111111111111'), reason: 'moved' }],
    };
    assert.match(
      renderPlanText([move], { color: false }),
      /~ rebind {4}load balancer a1b2c3 \(lb-k8s\): api-111111111111 \(cert-old\) → api-dddddddddddd \(cert-api\) {2}# moved/,
    );
  });

  it('colours only when asked: + green, ~ yellow, - red, = dim, blocked red', () => {
    const plain = renderPlanText(plans, { color: false });
    assert.ok(!plain.includes('\u001b['));
    const coloured = renderPlanText(plans, { color: true });
    assert.ok(coloured.includes('\u001b[32m+ create   \u001b[0m'));
    assert.ok(coloured.includes('\u001b[33m~ rebind   \u001b[0m'));
    assert.ok(coloured.includes('\u001b[31m- remove   \u001b[0m'));
    assert.ok(coloured.includes('\u001b[2m= unchanged\u001b[0m'));
    assert.ok(coloured.includes('\u001b[2m= keep     \u001b[0m'));
    assert.ok(coloured.includes('\u001b[31m! blocked\u001b[0m'));
    // Without its escape sequences, the coloured text is the plain text.
    const stripped = coloured
      .split('\u001b')
      .map((part, i) => (i === 0 ? part : part.replace(/^\[\d+m/, '')))
      .join('');
    assert.equal(stripped, plain);
  });

  it('cannot be recoloured or rewritten by control characters in remote names', () => {
    const hostile: CertificateUse = { ...lb, name: 'web\u001b[2J\u001b[31m\rgone\u0007' };
    const plan: LineagePlan = {
      ...rotating,
      steps: [{ op: 'rebind', use: hostile, from: siteA, reason: `it uses ${hostile.name}` }],
    };
    const text = renderPlanText([plan], { color: false });
    assert.ok(!text.includes('\u001b'));
    assert.ok(!text.includes('\r'));
    assert.ok(!text.includes('\u0007'));
    // Spelled out as Node spells them, so the reader sees what the name holds.
    assert.ok(text.includes('load balancer web\\u001b[2J\\u001b[31m\\u000dgone\\u0007 (lb-1)'), text);
  });

  it('prints only the summary when there is nothing to plan', () => {
    assert.equal(
      renderPlanText([], { color: false }),
      'Plan: 0 to create, 0 to rebind, 0 to remove, 0 kept.\n',
    );
  });
});

describe('plan as Markdown', () => {
  it('shows a lineage as its version and tally, then a table; a blocked one as a quote; no heading', () => {
    assert.equal(
      // Without the invisible breaks escape.ts puts into runs of hex digits (escape.test.ts).
      plans
        .flatMap((plan) => renderPlanMarkdown(plan))
        .join('\n')
        .replaceAll('<!-- -->', ''),
      [
        'site (SHA-1 cccccccccccccccccccccccccccccccccccccccc, not after 2027-06-01): 1 to create, 2 to rebind, 2 to remove, 1 kept.',
        '',
        '| | Step | Certificate | Use | Why |',
        '| --- | --- | --- | --- | --- |',
        '| `+` | create | <code>site-cccccccccccc</code> |  | no version with fingerprint cccccccccccc… is there |',
        '| `~` | rebind | <code>site-aaaaaaaaaaaa</code> (cert-a) → <code>site-cccccccccccc</code> (new) | load balancer web (lb-1) | it uses site-aaaaaaaaaaaa, which is superseded |',
        '| `~` | rebind | <code>site-aaaaaaaaaaaa</code> (cert-a) → <code>site-cccccccccccc</code> (new) | CDN endpoint static (cdn-1) | it uses site-aaaaaaaaaaaa, which is superseded |',
        '| `-` | remove | <code>site-bbbbbbbbbbbb</code> (cert-b) |  | superseded and unused |',
        '| `-` | remove | <code>site-aaaaaaaaaaaa</code> (cert-a) | after load balancer web (lb-1), CDN endpoint static (cdn-1) | superseded; nothing uses it once its users are moved |',
        '| `=` | keep | <code>site-999999999999</code> (cert-9) |  | rollback: keep-superseded is 1 |',
        '',
        'api (SHA-1 dddddddddddddddddddddddddddddddddddddddd, not after 2027-06-01): 0 to create, 0 to rebind, 0 to remove, 1 kept.',
        '',
        '| | Step | Certificate | Use | Why |',
        '| --- | --- | --- | --- | --- |',
        '| `=` | unchanged | <code>api-dddddddddddd</code> (cert-api) |  | this content is already uploaded |',
        '| `=` | keep | <code>api-111111111111</code> (cert-old) |  | still used by load balancer a1b2c3 (lb-k8s), managed by kubernetes: change it there |',
        '',
        'www (SHA-1 eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee, not after 2027-06-01).',
        '',
        '> ⛔ **Blocked**: a certificate named www-eeeeeeeeeeee (cert-x) already exists with fingerprint ffff, not eeee',
        '',
      ].join('\n'),
    );
  });

  it('HTML-escapes every name, id, use and reason', () => {
    const evil = '<img src=x onerror=alert(1)>|**b**_[l](http://x)`';
    const bad = cert(`id-${evil}`, `name-${evil}`);
    const use: CertificateUse = {
      kind: 'global-load-balancer',
      id: `use-${evil}`,
      name: evil,
      certificateIds: [],
    };
    const plan: LineagePlan = {
      desired: { ...desired('site', 'c'), lineage: `lineage-${evil}` },
      current: { kind: 'present', certificate: cert(`cur-${evil}`, `current-${evil}`) },
      steps: [
        { op: 'unchanged', certificate: bad, reason: `reason-${evil}` },
        { op: 'rebind', use, from: bad, reason: `reason-${evil}` },
        { op: 'remove', certificate: bad, after: [use.id, `gone-${evil}`], reason: `reason-${evil}` },
        { op: 'keep', certificate: bad, reason: `reason-${evil}` },
      ],
      foreign: 0,
    };
    const create: LineagePlan = {
      desired: desired('x', 'e'),
      current: { kind: 'create', name: `new-${evil}` },
      steps: [
        { op: 'create', name: `new-${evil}`, reason: 'r' },
        { op: 'rebind', use, from: bad, reason: 'r' },
      ],
      blocked: `blocked-${evil}`,
      foreign: 0,
    };
    const md = [plan, create].flatMap((p) => renderPlanMarkdown(p)).join('\n');
    for (const raw of ['<img', '|**', '**b**', '_[', '[l]', '`']) {
      // The only raw markup is the renderer's own: `+`-style marks and **Blocked**.
      const own = md.replace(/`[+~=-]`/g, '').replace(/\*\*(Blocked|[0-9a-z ,]+)\*\*/g, '');
      assert.ok(!own.includes(raw), `raw ${JSON.stringify(raw)} in:\n${md}`);
    }
    for (const prefix of [
      'lineage-',
      'name-',
      'id-',
      'use-',
      'gone-',
      'reason-',
      'new-',
      'current-',
      'cur-',
      'blocked-',
    ]) {
      assert.ok(
        md.includes(`${prefix}&#60;img src=x onerror=alert(1)&#62;&#124;&#42;&#42;b&#42;&#42;`),
        prefix,
      );
    }
    assert.ok(md.includes('global load balancer &#60;img'));
    // Every table row still has exactly its six cell borders.
    for (const row of md.split('\n').filter((line) => line.startsWith('| `'))) {
      assert.equal(row.split('|').length - 1, 6, row);
    }
  });
});
