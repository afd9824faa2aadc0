/**
 * The planner's rules, one by one, on small inventories written by hand. Fingerprints are plain
 * strings here: the planner compares them and reads them out of names, it never parses a
 * certificate. Version `x` of lineage `site` is named `site-xxxxxxxxxxxx`, has id `cert-x` and
 * SHA-1 `x` × 40; the wanted version is `c`.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CertificateUse, RemoteCertificate, UseKind } from '../../src/providers/provider.ts';
import { DEFAULT_NAME_TEMPLATE, lineageMatcher, renderName } from '../../src/rotation/names.ts';
import {
  DEFAULT_PLAN_OPTIONS,
  type Desired,
  type LineagePlan,
  type PlanOptions,
  planLineage,
  type Step,
} from '../../src/rotation/plan.ts';

const LINEAGE = 'site';
const WANTED = { sha1: 'c'.repeat(40), sha256: 'e'.repeat(64), notAfter: '2027-06-01T00:00:00.000Z' };

function desiredFor(template: string): Desired {
  return { lineage: LINEAGE, name: renderName(template, LINEAGE, WANTED), ...WANTED };
}

function cert(
  name: string,
  sha1: string | undefined,
  extra: Partial<RemoteCertificate> = {},
): RemoteCertificate {
  return {
    id: `cert-${name}`,
    name,
    sha1,
    notAfter: undefined,
    dnsNames: ['site.example'],
    createdAt: undefined,
    state: 'verified',
    type: 'custom',
    ...extra,
  };
}

/** Version `digit` of the lineage under the default template: id `cert-<digit>`. */
function version(digit: string, extra: Partial<RemoteCertificate> = {}): RemoteCertificate {
  return cert(`site-${digit.repeat(12)}`, digit.repeat(40), { id: `cert-${digit}`, ...extra });
}

function use(kind: UseKind, id: string, certificateIds: string[], managed = false): CertificateUse {
  const base = { kind, id, name: `${id}-name`, certificateIds };
  return managed ? { ...base, managedBy: 'kubernetes' } : base;
}

interface Case {
  inventory: RemoteCertificate[];
  /** Omitted: no uses at all. Given as undefined: the provider binds nothing (Dokploy). */
  uses?: CertificateUse[] | undefined;
  options?: Partial<PlanOptions>;
  template?: string;
  /** What the wanted version covers; default site.example, as every version here. */
  covers?: { dns: string[]; ip: string[] };
}

function plan(c: Case): LineagePlan {
  const template = c.template ?? DEFAULT_NAME_TEMPLATE;
  return planLineage({
    desired: desiredFor(template),
    matcher: lineageMatcher(template, LINEAGE),
    inventory: c.inventory,
    uses: 'uses' in c ? c.uses : [],
    covers: c.covers ?? { dns: ['site.example'], ip: [] },
    options: { ...DEFAULT_PLAN_OPTIONS, ...c.options },
  });
}

/** One line per step, enough to compare whole plans at a glance. */
function brief(step: Step): string {
  switch (step.op) {
    case 'create':
      return `create ${step.name}`;
    case 'unchanged':
      return `unchanged ${step.certificate.id}`;
    case 'rebind':
      return `rebind ${step.use.id} from ${step.from.id}`;
    case 'remove':
      return `remove ${step.certificate.id}${step.after.length > 0 ? ` after ${step.after.join(',')}` : ''}`;
    case 'keep':
      return `keep ${step.certificate.id}`;
  }
}

const steps = (p: LineagePlan) => p.steps.map(brief);

function reasonOf(p: LineagePlan, op: Step['op'], id: string): string {
  const step = p.steps.find(
    (s) =>
      s.op === op &&
      (s.op === 'create' ? s.name === id : s.op === 'rebind' ? s.use.id === id : s.certificate.id === id),
  );
  assert.ok(step, `no ${op} step for ${id}`);
  return step.reason;
}

/** What the provider would hold once `p` had been carried out. */
function afterApply(c: Case, p: LineagePlan): Case {
  // A provider that binds nothing (Dokploy's documented dialect) lists no fingerprint either.
  const sha1 = 'uses' in c && c.uses === undefined ? undefined : WANTED.sha1;
  const created =
    p.current.kind === 'create'
      ? [cert(p.current.name, sha1, { id: 'cert-new', createdAt: '2026-12-01T00:00:00Z' })]
      : [];
  const currentId = p.current.kind === 'present' ? p.current.certificate.id : 'cert-new';
  const removed = new Set(p.steps.flatMap((s) => (s.op === 'remove' ? [s.certificate.id] : [])));
  const moves = p.steps.flatMap((s) => (s.op === 'rebind' ? [s] : []));
  const uses = c.uses?.map((u) => {
    const from = new Set(moves.filter((m) => m.use.id === u.id).map((m) => m.from.id));
    const ids = u.certificateIds.map((id) => (from.has(id) ? currentId : id));
    return { ...u, certificateIds: [...new Set(ids)] };
  });
  for (const u of uses ?? []) {
    for (const id of u.certificateIds) assert.ok(!removed.has(id), `${u.id} would still use removed ${id}`);
  }
  return { ...c, inventory: [...c.inventory.filter((r) => !removed.has(r.id)), ...created], uses };
}

const writes = (p: LineagePlan) => p.steps.filter((s) => s.op !== 'unchanged' && s.op !== 'keep').length;

describe('present or create', () => {
  it('keeps a member with the listed SHA-1: no upload', () => {
    const current = version('c');
    const p = plan({ inventory: [version('a'), current] });
    assert.deepEqual(p.current, { kind: 'present', certificate: current });
    assert.deepEqual(steps(p), ['unchanged cert-c', 'remove cert-a']);
    assert.equal(p.blocked, undefined);
  });

  it('uploads when no member holds the content', () => {
    const p = plan({ inventory: [] });
    assert.deepEqual(p.current, { kind: 'create', name: 'site-cccccccccccc' });
    assert.deepEqual(steps(p), ['create site-cccccccccccc']);
    assert.match(reasonOf(p, 'create', 'site-cccccccccccc'), /cccccccccccc/);
    assert.equal(p.foreign, 0);
  });

  it('goes by the listed SHA-1 over the name: one named for the content but holding other is not a version', () => {
    // Renamed by hand, or another site's certificate under a name that looks like ours: its
    // listed fingerprint contradicts its name, so it is foreign, left alone, and reported.
    const misnamed = cert('site-cccccccccccc', 'a'.repeat(40), { id: 'cert-misnamed' });
    const p = plan({
      inventory: [misnamed, version('c', { name: 'site' })],
      uses: [use('load-balancer', 'lb-other', ['cert-misnamed'])],
    });
    assert.deepEqual(p.current, { kind: 'present', certificate: version('c', { name: 'site' }) });
    assert.deepEqual(steps(p), ['unchanged cert-c']);
    assert.equal(p.foreign, 1);
    assert.deepEqual(
      p.lookalikes?.map((l) => l.certificate.id),
      ['cert-misnamed'],
    );
    assert.match(p.lookalikes?.[0]?.why ?? '', /SHA-1 cccccccccccc…, but it is listed with SHA-1 a{40}/);
  });

  it('reads the fingerprint from the name where the listing has none (sha1 template)', () => {
    // Dokploy's documented dialect lists no certificate data.
    const current = cert('site-cccccccccccc', undefined, { id: 'doc-2' });
    const older = cert('site-aaaaaaaaaaaa', undefined, { id: 'doc-1' });
    const p = plan({ inventory: [older, current], uses: undefined });
    assert.deepEqual(p.current, { kind: 'present', certificate: current });
    assert.deepEqual(steps(p), ['unchanged doc-2', 'remove doc-1']);
  });

  it('reads the fingerprint from the name where the listing has none (sha256 template)', () => {
    const template = '{name}-{sha256:16}';
    const current = cert(`site-${'e'.repeat(16)}`, undefined, { id: 'doc-2' });
    const older = cert(`site-${'f'.repeat(16)}`, undefined, { id: 'doc-1' });
    const p = plan({ inventory: [current, older], uses: undefined, template });
    assert.deepEqual(p.current, { kind: 'present', certificate: current });
    assert.deepEqual(steps(p), ['unchanged doc-2', 'remove doc-1']);
    // The name's digits are a SHA-256 prefix here, so a SHA-1-looking match means nothing.
    const sha1Named = cert(`site-${'c'.repeat(16)}`, undefined, { id: 'doc-3' });
    assert.deepEqual(steps(plan({ inventory: [sha1Named], uses: undefined, template })), [
      `create site-${'e'.repeat(16)}`,
      'remove doc-3',
    ]);
  });

  it('counts a member holding the content under another (older) name as present, and keeps it', () => {
    const bare = cert('site', WANTED.sha1, { id: 'cert-bare', createdAt: '2025-01-01T00:00:00Z' });
    const p = plan({ inventory: [bare, version('a')] });
    assert.deepEqual(p.current, { kind: 'present', certificate: bare });
    assert.deepEqual(steps(p), ['unchanged cert-bare', 'remove cert-a']);
  });

  it('prefers the templated name when the content is there twice, and leaves the copy alone', () => {
    const bare = cert('site', WANTED.sha1, { id: 'cert-bare' });
    const p = plan({ inventory: [bare, version('c')] });
    assert.deepEqual(p.current, { kind: 'present', certificate: version('c') });
    assert.deepEqual(steps(p), ['unchanged cert-c']);
  });

  it('removes the bare lineage name when it holds other content, or content it cannot tell', () => {
    assert.deepEqual(steps(plan({ inventory: [cert('site', 'a'.repeat(40))] })), [
      'create site-cccccccccccc',
      'remove cert-site',
    ]);
    assert.deepEqual(steps(plan({ inventory: [cert('site', undefined)], uses: undefined })), [
      'create site-cccccccccccc',
      'remove cert-site',
    ]);
  });
});

describe('foreign certificates', () => {
  it('does not count a foreign certificate with the same fingerprint as present, and never touches it', () => {
    const inventory = [
      cert('hand-made', WANTED.sha1),
      cert('site-2-cccccccccccc', WANTED.sha1),
      cert('site-CCCCCCCCCCCC', WANTED.sha1),
      cert('site-2-aaaaaaaaaaaa', 'a'.repeat(40)),
    ];
    const uses = [use('load-balancer', 'lb-1', ['cert-hand-made', 'cert-site-2-aaaaaaaaaaaa'])];
    const p = plan({ inventory, uses });
    assert.deepEqual(p.current, { kind: 'create', name: 'site-cccccccccccc' });
    assert.deepEqual(steps(p), ['create site-cccccccccccc']);
    assert.equal(p.foreign, 4);
  });

  it('counts the foreign certificates beside the members', () => {
    const p = plan({
      inventory: [version('a'), version('c'), cert('other', 'b'.repeat(40)), cert('x', undefined)],
    });
    assert.equal(p.foreign, 2);
  });
});

describe('superseded members', () => {
  it('removes them oldest first by upload time', () => {
    const inventory = [
      version('b', { createdAt: '2025-02-01T00:00:00Z' }),
      version('9', { createdAt: '2025-03-01T00:00:00Z' }),
      version('a', { createdAt: '2025-01-01T00:00:00Z' }),
    ];
    assert.deepEqual(steps(plan({ inventory })), [
      'create site-cccccccccccc',
      'remove cert-a',
      'remove cert-b',
      'remove cert-9',
    ]);
  });

  it('orders uploads of the same moment by expiry, then by name', () => {
    const at = '2025-01-01T00:00:00Z';
    const inventory = [
      version('a', { createdAt: at, notAfter: '2026-03-01T00:00:00Z' }),
      version('b', { createdAt: at, notAfter: '2026-01-01T00:00:00Z' }),
      version('8', { createdAt: at, notAfter: '2026-02-01T00:00:00Z' }),
      version('9', { createdAt: at, notAfter: '2026-02-01T00:00:00Z' }),
    ];
    assert.deepEqual(steps(plan({ inventory })), [
      'create site-cccccccccccc',
      'remove cert-b',
      'remove cert-8',
      'remove cert-9',
      'remove cert-a',
    ]);
  });

  it('orders by expiry where no upload time is listed (Dokploy), then by name', () => {
    const inventory = [
      cert('site-bbbbbbbbbbbb', undefined, { id: 'b', notAfter: '2026-01-01T00:00:00.000Z' }),
      cert('site-aaaaaaaaaaaa', undefined, { id: 'a', notAfter: '2026-02-01T00:00:00.000Z' }),
      cert('site-999999999999', undefined, { id: '9', notAfter: '2026-01-01T00:00:00.000Z' }),
    ];
    assert.deepEqual(steps(plan({ inventory, uses: undefined })), [
      'create site-cccccccccccc',
      'remove 9',
      'remove b',
      'remove a',
    ]);
  });

  it('keeps the newest keep-superseded as rollback and removes the rest oldest first', () => {
    const inventory = [
      version('9', { createdAt: '2025-04-01T00:00:00Z' }),
      version('a', { createdAt: '2025-01-01T00:00:00Z' }),
      version('b', { createdAt: '2025-02-01T00:00:00Z' }),
      version('8', { createdAt: '2025-03-01T00:00:00Z' }),
      version('c', { createdAt: '2025-05-01T00:00:00Z' }),
    ];
    const one = plan({ inventory, options: { keepSuperseded: 1 } });
    assert.deepEqual(steps(one), [
      'unchanged cert-c',
      'remove cert-a',
      'remove cert-b',
      'remove cert-8',
      'keep cert-9',
    ]);
    assert.match(reasonOf(one, 'keep', 'cert-9'), /rollback: keep-superseded is 1/);

    const two = plan({ inventory, options: { keepSuperseded: 2 } });
    assert.deepEqual(steps(two), [
      'unchanged cert-c',
      'remove cert-a',
      'remove cert-b',
      'keep cert-8',
      'keep cert-9',
    ]);
    assert.match(reasonOf(two, 'keep', 'cert-8'), /rollback: keep-superseded is 2/);
  });

  it('never counts the current version as rollback, even when it is the newest upload', () => {
    const inventory = [
      version('c', { createdAt: '2025-01-01T00:00:00Z' }),
      version('a', { createdAt: '2025-02-01T00:00:00Z' }),
      version('b', { createdAt: '2025-03-01T00:00:00Z' }),
    ];
    assert.deepEqual(steps(plan({ inventory, options: { keepSuperseded: 1 } })), [
      'unchanged cert-c',
      'remove cert-a',
      'keep cert-b',
    ]);
    assert.deepEqual(steps(plan({ inventory, options: { keepSuperseded: 5 } })), [
      'unchanged cert-c',
      'keep cert-a',
      'keep cert-b',
    ]);
  });

  it('keeps every superseded member, with the reason, when remove-superseded is off', () => {
    const inventory = [
      version('a', { createdAt: '2025-01-01T00:00:00Z' }),
      version('b', { createdAt: '2025-02-01T00:00:00Z' }),
    ];
    const p = plan({ inventory, options: { removeSuperseded: false } });
    assert.deepEqual(steps(p), ['create site-cccccccccccc', 'keep cert-a', 'keep cert-b']);
    assert.equal(reasonOf(p, 'keep', 'cert-a'), 'remove-superseded is off');
    assert.equal(reasonOf(p, 'keep', 'cert-b'), 'remove-superseded is off');
  });

  it('still moves the users of a member kept as rollback or by remove-superseded off', () => {
    const inventory = [version('a')];
    const uses = [use('load-balancer', 'lb-1', ['cert-a'])];
    assert.deepEqual(steps(plan({ inventory, uses, options: { keepSuperseded: 1 } })), [
      'create site-cccccccccccc',
      'rebind lb-1 from cert-a',
      'keep cert-a',
    ]);
    assert.deepEqual(steps(plan({ inventory, uses, options: { removeSuperseded: false } })), [
      'create site-cccccccccccc',
      'rebind lb-1 from cert-a',
      'keep cert-a',
    ]);
  });
});

describe('users of superseded members', () => {
  it('moves regional and global load balancers and CDN endpoints, and removes after them', () => {
    const inventory = [
      version('a', { createdAt: '2025-01-01T00:00:00Z' }),
      version('b', { createdAt: '2025-02-01T00:00:00Z' }),
    ];
    const uses = [
      use('load-balancer', 'lb-1', ['cert-a']),
      use('global-load-balancer', 'glb-1', ['cert-b']),
      use('cdn-endpoint', 'cdn-1', ['cert-a']),
    ];
    const p = plan({ inventory, uses });
    assert.deepEqual(steps(p), [
      'create site-cccccccccccc',
      'rebind lb-1 from cert-a',
      'rebind cdn-1 from cert-a',
      'rebind glb-1 from cert-b',
      'remove cert-a after lb-1,cdn-1',
      'remove cert-b after glb-1',
    ]);
    assert.match(reasonOf(p, 'rebind', 'lb-1'), /site-aaaaaaaaaaaa/);
    assert.match(reasonOf(p, 'remove', 'cert-a'), /once its users are moved/);
    const rebind = p.steps.find((s) => s.op === 'rebind' && s.use.id === 'glb-1');
    assert.equal(rebind?.op === 'rebind' && rebind.use.kind, 'global-load-balancer');
  });

  it('moves only the superseded member off a use that also serves a foreign certificate', () => {
    const inventory = [version('a'), cert('other', 'f'.repeat(40), { id: 'foreign-1' })];
    const uses = [use('load-balancer', 'lb-1', ['foreign-1', 'cert-a'])];
    const p = plan({ inventory, uses });
    assert.deepEqual(steps(p), [
      'create site-cccccccccccc',
      'rebind lb-1 from cert-a',
      'remove cert-a after lb-1',
    ]);
    assert.equal(p.foreign, 1);
  });

  it('moves a use off each superseded member it serves', () => {
    const inventory = [
      version('a', { createdAt: '2025-01-01T00:00:00Z' }),
      version('b', { createdAt: '2025-02-01T00:00:00Z' }),
    ];
    const uses = [use('load-balancer', 'lb-1', ['cert-a', 'cert-b'])];
    assert.deepEqual(steps(plan({ inventory, uses })), [
      'create site-cccccccccccc',
      'rebind lb-1 from cert-a',
      'rebind lb-1 from cert-b',
      'remove cert-a after lb-1',
      'remove cert-b after lb-1',
    ]);
  });

  it('leaves uses of the current version alone', () => {
    const inventory = [version('c'), version('a')];
    const uses = [use('load-balancer', 'lb-1', ['cert-c'])];
    assert.deepEqual(steps(plan({ inventory, uses })), ['unchanged cert-c', 'remove cert-a']);
  });

  it('with rebind off, keeps a used member with the reason and still removes unused ones', () => {
    const inventory = [
      version('a', { createdAt: '2025-01-01T00:00:00Z' }),
      version('b', { createdAt: '2025-02-01T00:00:00Z' }),
    ];
    const uses = [use('load-balancer', 'lb-1', ['cert-b'])];
    const p = plan({ inventory, uses, options: { rebind: false } });
    assert.deepEqual(steps(p), ['create site-cccccccccccc', 'remove cert-a', 'keep cert-b']);
    assert.equal(
      reasonOf(p, 'keep', 'cert-b'),
      'still used by load balancer lb-1-name (lb-1), and rebind is off',
    );
    assert.equal(reasonOf(p, 'remove', 'cert-a'), 'superseded and unused');
  });

  it('keeps a member a DOKS-managed load balancer uses, and moves its other users', () => {
    const inventory = [version('a')];
    const uses = [
      use('load-balancer', 'doks-lb', ['cert-a'], true),
      use('cdn-endpoint', 'cdn-1', ['cert-a']),
    ];
    const p = plan({ inventory, uses });
    assert.deepEqual(steps(p), ['create site-cccccccccccc', 'rebind cdn-1 from cert-a', 'keep cert-a']);
    const reason = reasonOf(p, 'keep', 'cert-a');
    assert.match(reason, /load balancer doks-lb-name \(doks-lb\)/);
    assert.match(reason, /managed by kubernetes/);
    assert.match(reason, /DOKS/);
    assert.doesNotMatch(reason, /cdn-1/);
  });

  it('removes plainly where the provider binds nothing (uses undefined)', () => {
    const p = plan({ inventory: [version('a')], uses: undefined });
    assert.deepEqual(steps(p), ['create site-cccccccccccc', 'remove cert-a']);
    assert.equal(reasonOf(p, 'remove', 'cert-a'), 'superseded and unused');
  });
});

describe('moves that would lose a name', () => {
  /** A use that names what it serves with `certificateId` (CDN custom domain, global LB domains). */
  function serving(kind: UseKind, id: string, certificateId: string, hostnames: string[]): CertificateUse {
    return {
      ...use(kind, id, [certificateId]),
      hostnames: hostnames.map((hostname) => ({ hostname, certificateId })),
    };
  }

  it('never moves a CDN endpoint or a global load balancer to a version that does not cover its names', () => {
    const inventory = [version('a')];
    const uses = [
      serving('cdn-endpoint', 'cdn-1', 'cert-a', ['static.site.example']),
      serving('global-load-balancer', 'glb-1', 'cert-a', ['site.example', 'www.site.example']),
    ];
    for (const allowDroppedNames of [false, true]) {
      const p = plan({ inventory, uses, options: { allowDroppedNames } });
      assert.deepEqual(steps(p), ['create site-cccccccccccc', 'keep cert-a']);
      assert.deepEqual(
        p.refused?.map((r) => [r.use.id, r.uncovered]),
        [
          ['cdn-1', ['static.site.example']],
          ['glb-1', ['www.site.example']],
        ],
      );
      assert.match(reasonOf(p, 'keep', 'cert-a'), /CDN endpoint .*does not cover static\.site\.example/);
      assert.match(reasonOf(p, 'keep', 'cert-a'), /global load balancer .*does not cover www\.site\.example/);
    }
  });

  it('moves them when the new version covers their names, by wildcard too; only names served with the old version count', () => {
    const uses = [
      serving('cdn-endpoint', 'cdn-1', 'cert-a', ['static.site.example']),
      {
        ...use('global-load-balancer', 'glb-1', ['cert-a', 'cert-other']),
        hostnames: [
          { hostname: 'site.example', certificateId: 'cert-a' },
          { hostname: 'shop.other.example', certificateId: 'cert-other' },
        ],
      },
    ];
    const p = plan({
      inventory: [version('a')],
      uses,
      covers: { dns: ['site.example', '*.site.example'], ip: [] },
    });
    assert.deepEqual(steps(p), [
      'create site-cccccccccccc',
      'rebind cdn-1 from cert-a',
      'rebind glb-1 from cert-a',
      'remove cert-a after cdn-1,glb-1',
    ]);
    assert.equal(p.refused, undefined);
  });

  it('refuses to move a regional load balancer to a version that drops a name of the old one, unless allow-dropped-names', () => {
    const old = version('a', { dnsNames: ['*.site.example', 'site.example'] });
    const uses = [use('load-balancer', 'lb-1', ['cert-a'])];
    // A wildcard is covered only by the same wildcard: a.site.example alone loses every other subdomain.
    const covers = { dns: ['site.example', 'a.site.example'], ip: [] };
    const refused = plan({ inventory: [old], uses, covers });
    assert.deepEqual(steps(refused), ['create site-cccccccccccc', 'keep cert-a']);
    assert.deepEqual(refused.refused?.[0]?.uncovered, ['*.site.example']);
    assert.match(refused.refused?.[0]?.fix ?? '', /allow-dropped-names to true/);

    const allowed = plan({ inventory: [old], uses, covers, options: { allowDroppedNames: true } });
    assert.deepEqual(steps(allowed), [
      'create site-cccccccccccc',
      'rebind lb-1 from cert-a',
      'remove cert-a after lb-1',
    ]);
    assert.equal(allowed.refused, undefined);
  });

  it('moves a regional load balancer whose old version lists no names, and says they were not compared', () => {
    // DigitalOcean lists custom certificates with dns_names [""] (the provider drops the empty one).
    for (const dnsNames of [[], ['']]) {
      const p = plan({
        inventory: [version('a', { dnsNames })],
        uses: [use('load-balancer', 'lb-1', ['cert-a'])],
      });
      assert.deepEqual(steps(p), [
        'create site-cccccccccccc',
        'rebind lb-1 from cert-a',
        'remove cert-a after lb-1',
      ]);
      assert.deepEqual(
        p.unchecked?.map((u) => u.use.id),
        ['lb-1'],
      );
      assert.match(reasonOf(p, 'rebind', 'lb-1'), /listed without DNS names/);
    }
  });

  it('moves the uses it may, and keeps the old version for the one it may not', () => {
    const uses = [
      use('load-balancer', 'lb-1', ['cert-a']),
      serving('cdn-endpoint', 'cdn-1', 'cert-a', ['elsewhere.example']),
    ];
    const p = plan({ inventory: [version('a')], uses });
    assert.deepEqual(steps(p), ['create site-cccccccccccc', 'rebind lb-1 from cert-a', 'keep cert-a']);
  });
});

describe('versions recognised by their names alone', () => {
  it('lists the members the listing could not check (no certificate data), and none where it could', () => {
    const blind = plan({
      inventory: [
        cert('site-aaaaaaaaaaaa', undefined, { id: 'doc-1' }),
        cert('site', undefined, { id: 'doc-0' }),
      ],
      uses: undefined,
    });
    assert.deepEqual(
      blind.byNameAlone?.map((c) => c.id),
      ['doc-1', 'doc-0'],
    );
    const seen = plan({ inventory: [version('a'), cert('site', 'b'.repeat(40))] });
    assert.equal(seen.byNameAlone, undefined);
  });
});

describe('a name taken by other content', () => {
  it('blocks the lineage: nothing is planned', () => {
    const squatter = cert('site-cccccccccccc', 'd'.repeat(40), { id: 'cert-squat' });
    const p = plan({ inventory: [squatter, version('a'), cert('other', undefined)], uses: [] });
    assert.deepEqual(p.steps, []);
    assert.deepEqual(p.current, { kind: 'create', name: 'site-cccccccccccc' });
    // The squatter's name fits, but its listed fingerprint says it is not a version: foreign too.
    assert.equal(p.foreign, 2);
    assert.deepEqual(
      p.lookalikes?.map((l) => l.certificate.id),
      ['cert-squat'],
    );
    assert.ok(p.blocked);
    assert.match(p.blocked, /site-cccccccccccc \(cert-squat\)/);
    assert.match(p.blocked, /d{40}, not c{40}/);
  });

  it('does not block when the content is present under another name', () => {
    const squatter = cert('site-cccccccccccc', 'd'.repeat(40), { id: 'cert-squat' });
    const p = plan({ inventory: [squatter, cert('site', WANTED.sha1, { id: 'cert-bare' })] });
    assert.equal(p.blocked, undefined);
    // Not a version (its listed fingerprint contradicts its name): never removed.
    assert.deepEqual(steps(p), ['unchanged cert-bare']);
  });
});

describe('running again after the apply', () => {
  const cases: [string, Case][] = [
    [
      'with users on three kinds of things',
      {
        inventory: [
          version('a', { createdAt: '2025-01-01T00:00:00Z' }),
          version('b', { createdAt: '2025-02-01T00:00:00Z' }),
          cert('other', undefined),
        ],
        uses: [
          use('load-balancer', 'lb-1', ['cert-a', 'cert-other-x']),
          use('global-load-balancer', 'glb-1', ['cert-b']),
          use('cdn-endpoint', 'cdn-1', ['cert-a']),
        ],
      },
    ],
    [
      'on Dokploy',
      { inventory: [cert('site-aaaaaaaaaaaa', undefined), cert('site', undefined)], uses: undefined },
    ],
    ['when the content was already there', { inventory: [version('a'), version('c')], uses: [] }],
  ];
  for (const [title, before] of cases) {
    it(`plans no writes ${title}`, () => {
      const first = plan(before);
      assert.ok(writes(first) > 0);
      const second = plan(afterApply(before, first));
      assert.deepEqual(
        second.steps.map((s) => s.op),
        ['unchanged'],
      );
      assert.equal(writes(second), 0);
      assert.equal(second.current.kind, 'present');
    });
  }

  it('plans no writes with rollback kept and a DOKS user left where it was', () => {
    const before: Case = {
      inventory: [
        version('a', { createdAt: '2025-01-01T00:00:00Z' }),
        version('b', { createdAt: '2025-02-01T00:00:00Z' }),
      ],
      uses: [use('load-balancer', 'doks-lb', ['cert-a'], true), use('load-balancer', 'lb-2', ['cert-b'])],
      options: { keepSuperseded: 1 },
    };
    const first = plan(before);
    assert.deepEqual(steps(first), [
      'create site-cccccccccccc',
      'rebind lb-2 from cert-b',
      'keep cert-a',
      'keep cert-b',
    ]);
    const second = plan(afterApply(before, first));
    assert.equal(writes(second), 0);
    assert.deepEqual(steps(second), ['unchanged cert-new', 'keep cert-a', 'keep cert-b']);
  });
});

describe('planLineage on an account of hostile size', () => {
  it('plans 200,000 old versions to remove without overflowing the stack (no push(...spread))', () => {
    const inventory = Array.from({ length: 200_000 }, (_, i) => {
      const hex = i.toString(16).padStart(12, '0');
      return cert(`site-${hex}`, hex.padEnd(40, '0'), { id: `cert-${i}` });
    });
    const p = plan({ inventory });
    assert.equal(p.steps.filter((s) => s.op === 'remove').length, 200_000);
  });
});
