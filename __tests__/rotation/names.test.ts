import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { InputError } from '../../src/errors.ts';
import {
  checkLineageName,
  checkTemplate,
  DEFAULT_NAME_TEMPLATE,
  lineageIndex,
  lineageMatcher,
  renderName,
  type VersionFacts,
} from '../../src/rotation/names.ts';

const SHA1 = '0123456789abcdef0123456789abcdef01234567';
const SHA256 = 'fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210';
const version: VersionFacts = { sha1: SHA1, sha256: SHA256, notAfter: '2027-03-04T05:06:07.000Z' };

/** The template is rejected with an InputError whose message matches `message`. */
function rejects(template: string, message: RegExp): void {
  assert.throws(
    () => checkTemplate(template),
    (error: unknown) => error instanceof InputError && message.test(error.message),
  );
}

describe('checkTemplate', () => {
  it('accepts the default and returns the template unchanged', () => {
    assert.equal(DEFAULT_NAME_TEMPLATE, '{name}-{sha1:12}');
    assert.equal(checkTemplate(DEFAULT_NAME_TEMPLATE), DEFAULT_NAME_TEMPLATE);
  });

  it('accepts sha256, full-length fingerprints, dates and literal text', () => {
    for (const template of [
      '{name}-{sha256:16}',
      '{name}-{sha1}',
      '{name}-{sha256}',
      '{name}-{sha1:8}',
      '{name}-{sha1:40}',
      '{name}-{sha256:64}',
      '{name}-{not-after}-{sha1:12}',
      'cert.{name}+{sha1:10}',
      '({name})[{sha256:8}]$',
    ]) {
      assert.equal(checkTemplate(template), template);
    }
  });

  it('refuses a template without {name}', () => {
    rejects('{sha1:12}', /no \{name\}/);
    rejects('cert-{sha1:12}', /no \{name\}/);
  });

  it('refuses a template without a fingerprint', () => {
    rejects('{name}', /fingerprint/);
    rejects('{name}-{not-after}', /fingerprint/);
  });

  it('refuses a fingerprint shorter than 8 hex digits', () => {
    rejects('{name}-{sha1:7}', /at least 8/);
    rejects('{name}-{sha256:0}', /at least 8/);
  });

  it('refuses a fingerprint longer than its hash', () => {
    rejects('{name}-{sha1:41}', /\{sha1:41\}.*40/);
    rejects('{name}-{sha256:65}', /\{sha256:65\}.*64/);
  });

  it('refuses a second fingerprint longer than its hash: its names would never match the template', () => {
    rejects('{name}-{sha1:12}-{sha256:70}', /\{sha256:70\}/);
  });

  it('refuses unknown placeholders and quotes them', () => {
    rejects('{name}-{sha1:12}-{serial}', /unknown placeholder \{serial\}/);
    rejects('{name}-{SHA1:12}', /unknown placeholder \{SHA1:12\}/);
    rejects('{name}-{sha1:}', /unknown placeholder \{sha1:\}/);
    rejects('{name}-{sha1:12}{}', /unknown placeholder \{\}/);
  });

  it('quotes the template and says what to do', () => {
    assert.throws(
      () => checkTemplate('{sha1:12}'),
      (error: unknown) =>
        error instanceof InputError &&
        error.code === 'INPUT' &&
        error.message.includes("'{sha1:12}'") &&
        error.fix?.includes('{name}-{sha1:12}') === true,
    );
  });
});

describe('checkLineageName', () => {
  it('accepts identifiers of letters, digits, dot, underscore and hyphen', () => {
    for (const name of ['example-com', 'a', 'A1', 'example.com', 'my_site', '9lives', 'x'.repeat(63)]) {
      assert.equal(checkLineageName(name), name);
    }
  });

  it('refuses empty, long, badly started names and other characters', () => {
    for (const name of [
      '',
      'x'.repeat(64),
      '-site',
      '.site',
      '_site',
      'site com',
      'site/com',
      'site*',
      'sité',
      'site\n',
      '{name}',
    ]) {
      assert.throws(
        () => checkLineageName(name),
        (error: unknown) =>
          error instanceof InputError &&
          (error.message.includes(`'${name}'`) || /\d+ characters that look like a key/.test(error.message)),
        JSON.stringify(name),
      );
    }
  });
});

describe('renderName', () => {
  it('renders the default template with 12 hex digits of the SHA-1', () => {
    assert.equal(renderName(DEFAULT_NAME_TEMPLATE, 'example-com', version), 'example-com-0123456789ab');
  });

  it('renders sha256 prefixes and whole fingerprints', () => {
    assert.equal(renderName('{name}-{sha256:16}', 'site', version), 'site-fedcba9876543210');
    assert.equal(renderName('{name}-{sha1}', 'site', version), `site-${SHA1}`);
    assert.equal(renderName('{name}-{sha256}', 'site', version), `site-${SHA256}`);
  });

  it('renders the not-after date as eight digits', () => {
    assert.equal(renderName('{name}-{not-after}-{sha1:8}', 'site', version), 'site-20270304-01234567');
  });

  it('keeps literal text, regex metacharacters included', () => {
    assert.equal(renderName('cert.{name}+{sha1:10}', 'site', version), 'cert.site+0123456789');
    assert.equal(renderName('({name})[{sha256:8}]$', 'site', version), '(site)[fedcba98]$');
  });
});

describe('lineageMatcher', () => {
  it('owns the names it renders, and reads their fingerprint back', () => {
    const cases: { template: string; kind: 'sha1' | 'sha256'; prefix: string }[] = [
      { template: DEFAULT_NAME_TEMPLATE, kind: 'sha1', prefix: SHA1.slice(0, 12) },
      { template: '{name}-{sha256:16}', kind: 'sha256', prefix: SHA256.slice(0, 16) },
      { template: '{name}-{sha1}', kind: 'sha1', prefix: SHA1 },
      { template: '{name}-{not-after}-{sha1:12}', kind: 'sha1', prefix: SHA1.slice(0, 12) },
      { template: 'cert.{name}+{sha1:10}', kind: 'sha1', prefix: SHA1.slice(0, 10) },
      { template: '({name})[{sha256:8}]$', kind: 'sha256', prefix: SHA256.slice(0, 8) },
      { template: '{name}-{sha256:8}-{sha1:12}', kind: 'sha256', prefix: SHA256.slice(0, 8) },
    ];
    for (const { template, kind, prefix } of cases) {
      const matcher = lineageMatcher(template, 'site');
      const name = renderName(template, 'site', version);
      assert.equal(matcher.belongs(name), true, `${template}: ${name}`);
      assert.deepEqual(matcher.fingerprintOf(name), { kind, prefix }, template);
    }
  });

  it('owns the bare lineage name, which carries no fingerprint', () => {
    const matcher = lineageMatcher(DEFAULT_NAME_TEMPLATE, 'site');
    assert.equal(matcher.belongs('site'), true);
    assert.equal(matcher.fingerprintOf('site'), undefined);
  });

  it('does not own a lineage with a common prefix', () => {
    const site = lineageMatcher(DEFAULT_NAME_TEMPLATE, 'site');
    const other = renderName(DEFAULT_NAME_TEMPLATE, 'site-2', version);
    assert.equal(other, 'site-2-0123456789ab');
    assert.equal(site.belongs(other), false);
    assert.equal(site.belongs('site-2'), false);
    assert.equal(site.fingerprintOf(other), undefined);
    assert.equal(lineageMatcher(DEFAULT_NAME_TEMPLATE, 'site-2').belongs(other), true);
    // Nor the other way round.
    assert.equal(lineageMatcher(DEFAULT_NAME_TEMPLATE, 'site-2').belongs('site-0123456789ab'), false);
    // Without a separator, lengths still tell them apart.
    assert.equal(lineageMatcher('{name}{sha1:12}', 'site').belongs('sitea0123456789ab'), false);
  });

  it('does not own names that are almost right', () => {
    const matcher = lineageMatcher(DEFAULT_NAME_TEMPLATE, 'site');
    for (const name of [
      'site-0123456789AB', // uppercase hex is not what the template renders
      'site-0123456789a', // too short
      'site-0123456789abc', // too long
      'site-0123456789ag', // not hex
      'site_0123456789ab', // other separator
      'Site-0123456789ab', // other lineage (names are case-sensitive)
      'SITE',
      'xsite-0123456789ab',
      'site-0123456789ab ',
      ' site-0123456789ab',
      'site-0123456789ab\n',
      'site-',
      '',
    ]) {
      assert.equal(matcher.belongs(name), false, JSON.stringify(name));
      assert.equal(matcher.fingerprintOf(name), undefined, JSON.stringify(name));
    }
  });

  it('takes literal text literally: regex metacharacters match only themselves', () => {
    const matcher = lineageMatcher('cert.{name}+{sha1:10}', 'my.site');
    assert.equal(matcher.belongs('cert.my.site+0123456789'), true);
    assert.equal(matcher.belongs('certXmy.site+0123456789'), false, '. in the template');
    assert.equal(matcher.belongs('cert.myXsite+0123456789'), false, '. in the lineage name');
    assert.equal(matcher.belongs('cert.my.sitee+0123456789'), false, '+ in the template');
    assert.equal(matcher.belongs('cert.my.site0123456789'), false, '+ in the template');
    const brackets = lineageMatcher('({name})[{sha256:8}]$', 'site');
    assert.equal(brackets.belongs('(site)[fedcba98]$'), true);
    assert.equal(brackets.belongs('site[fedcba98]'), false);
    assert.equal(brackets.belongs('(site)f'), false);
  });

  it('needs eight digits where the template has {not-after}', () => {
    const matcher = lineageMatcher('{name}-{not-after}-{sha1:12}', 'site');
    assert.equal(matcher.belongs('site-20270304-0123456789ab'), true);
    assert.equal(matcher.belongs('site-2027034-0123456789ab'), false);
    assert.equal(matcher.belongs('site-2027-03-04-0123456789ab'), false);
    assert.equal(matcher.belongs('site-0123456789ab'), false);
  });

  it('reads back the first fingerprint, and still checks any other', () => {
    const matcher = lineageMatcher('{name}-{sha256:8}-{sha1:12}', 'site');
    assert.deepEqual(matcher.fingerprintOf('site-fedcba98-0123456789ab'), {
      kind: 'sha256',
      prefix: 'fedcba98',
    });
    assert.equal(matcher.belongs('site-fedcba98-0123456789'), false);
  });

  it('finds a name contradicted by the listed fingerprint: a timestamp or another site is not a version', () => {
    const matcher = lineageMatcher(DEFAULT_NAME_TEMPLATE, 'web');
    const listed = (name: string, sha1: string | undefined, sha256?: string) => ({ name, sha1, sha256 });
    // Names of the template's shape that are not what they hold.
    for (const name of ['web-000000000000', 'web-202601151200']) {
      assert.ok(matcher.belongs(name), `${name} fits {sha1:12}`);
      assert.match(
        matcher.contradiction(listed(name, SHA1)) ?? '',
        new RegExp(`SHA-1 ${name.slice(4)}…, but it is listed with SHA-1 ${SHA1}`),
      );
    }
    // What this action names it: no contradiction, also in upper case as a provider might list it.
    assert.equal(matcher.contradiction(listed(`web-${SHA1.slice(0, 12)}`, SHA1)), undefined);
    assert.equal(matcher.contradiction(listed(`web-${SHA1.slice(0, 12)}`, SHA1.toUpperCase())), undefined);
    // The bare lineage name carries no fingerprint to contradict; a foreign name is not asked about.
    assert.equal(matcher.contradiction(listed('web', SHA1)), undefined);
    assert.equal(matcher.contradiction(listed('shop-000000000000', SHA1)), undefined);
    // Nothing listed: nothing contradicts, and nothing could be checked.
    assert.equal(matcher.contradiction(listed('web-000000000000', undefined)), undefined);
    assert.equal(matcher.checkable(listed('web-000000000000', undefined)), false);
    assert.equal(matcher.checkable(listed('web-000000000000', SHA1)), true);
  });

  it('checks every fingerprint of the name against the one of its kind that is listed', () => {
    const both = lineageMatcher('{name}-{sha256:8}-{sha1:12}', 'site');
    const name = `site-${SHA256.slice(0, 8)}-${SHA1.slice(0, 12)}`;
    assert.equal(both.contradiction({ name, sha1: SHA1, sha256: SHA256 }), undefined);
    assert.match(both.contradiction({ name, sha1: SHA1, sha256: '0'.repeat(64) }) ?? '', /SHA-256 fedcba98…/);
    assert.match(both.contradiction({ name, sha1: 'f'.repeat(40) }) ?? '', /SHA-1 0123456789ab…/);

    // DigitalOcean lists SHA-1 only: a {sha256:N} name cannot be checked there.
    const sha256Only = lineageMatcher('{name}-{sha256:12}', 'site');
    const stamped = { name: 'site-202601151200', sha1: SHA1 };
    assert.equal(sha256Only.contradiction(stamped), undefined);
    assert.equal(sha256Only.checkable(stamped), false);
    assert.ok(sha256Only.contradiction({ ...stamped, sha256: SHA256 }));
  });

  it('owns every rendered name of every valid lineage, and no name of another lineage', () => {
    const lineage = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,20}$/);
    const hex = (length: number) => fc.stringMatching(new RegExp(`^[0-9a-f]{${length}}$`));
    const facts = fc.record({
      sha1: hex(40),
      sha256: hex(64),
      notAfter: fc
        .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString()),
    });
    const template = fc.constantFrom(
      DEFAULT_NAME_TEMPLATE,
      '{name}-{sha256:16}',
      '{name}-{not-after}-{sha1:12}',
      'cert.{name}+{sha1:10}',
      '{name}{sha1:12}',
    );
    fc.assert(
      fc.property(template, lineage, lineage, facts, (t, mine, theirs, v) => {
        checkLineageName(mine);
        const matcher = lineageMatcher(t, mine);
        const name = renderName(t, mine, v);
        assert.equal(matcher.belongs(name), true);
        const read = matcher.fingerprintOf(name);
        assert.ok(read);
        assert.ok((read.kind === 'sha1' ? v.sha1 : v.sha256).startsWith(read.prefix));
        if (theirs !== mine) assert.equal(matcher.belongs(renderName(t, theirs, v)), false);
      }),
    );
  });
});

describe('lineageIndex', () => {
  const hex = '0123456789ab';
  it('finds the lineages a name belongs to, as every matcher would, for any template', () => {
    const templates = [
      '{name}-{sha1:12}',
      'tls-{sha1:8}-{name}',
      '{not-after}.{name}.{sha256:16}',
      '{name}{sha1:12}',
    ];
    const lineages = ['a', 'a-b', 'ab', 'site-001', 'b'];
    for (const template of templates) {
      const index = lineageIndex(template, lineages);
      const names = [
        ...lineages.flatMap((lineage) => [
          lineage,
          renderName(template, lineage, {
            sha1: hex.repeat(4),
            sha256: hex.repeat(6),
            notAfter: '2027-01-31T00:00:00Z',
          }),
        ]),
        'a-b-0123456789', // too short a fingerprint
        'other',
        `ab${hex}`,
      ];
      for (const name of names) {
        const expected = lineages.filter((lineage) => lineageMatcher(template, lineage).belongs(name));
        assert.deepEqual(index(name).sort(), expected.sort(), `${template}: ${name}`);
      }
    }
  });
});
