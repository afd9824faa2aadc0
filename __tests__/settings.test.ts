import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InputError } from '../src/errors.ts';
import {
  MAX_DOMAIN_CHARS,
  MAX_DOMAINS,
  parseBoolean,
  parseDomains,
  parseSettings,
  type RawInputs,
  type Settings,
} from '../src/settings.ts';
import { single, textOf } from '../test/support/settings.ts';

const PEM = '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n';

/** Settings for a validate run: the certificate checks alone, no provider. */
const validate = (raw: RawInputs): Settings => parseSettings({ mode: 'validate', ...raw });

function rejects(fn: () => unknown, message: RegExp): void {
  assert.throws(fn, (error: unknown) => error instanceof InputError && message.test(error.message));
}

describe('parseSettings', () => {
  it('applies the defaults: apply mode, which needs a provider', () => {
    assert.throws(
      () => parseSettings({ certificate: PEM }),
      (e: unknown) => e instanceof InputError && /provider is required for mode: apply\./.test(e.message),
    );
    const settings = validate({ certificate: PEM });
    assert.equal(settings.mode, 'validate');
    assert.equal(settings.rotation, undefined);
    assert.equal(settings.warnDays, 30);
    assert.equal(settings.failDays, 7);
    assert.equal(settings.repairChain, true);
    assert.deepEqual(single(settings).domains, []);
    assert.deepEqual(single(settings).parts, [
      { role: 'certificate', source: { kind: 'value', label: 'certificate', text: PEM } },
    ]);
  });

  it('orders the parts certificate, chain, key, PKCS#12 and keeps values and files apart', () => {
    const settings = validate({
      'pkcs12-file': 'a.p12',
      'private-key': 'KEY',
      'certificate-chain-file': ' chain.pem ',
      'certificate-file': 'cert.pem',
    });
    assert.deepEqual(
      single(settings).parts.map((p) => [
        p.role,
        p.source.kind,
        p.source.kind === 'file' ? p.source.path : textOf(p.source),
      ]),
      [
        ['certificate', 'file', 'cert.pem'],
        ['chain', 'file', 'chain.pem'],
        ['private-key', 'value', 'KEY'],
        ['pkcs12', 'file', 'a.p12'],
      ],
    );
  });

  it('accepts a PKCS#12 alone as the certificate', () => {
    assert.equal(single(validate({ pkcs12: 'MIIK' })).parts[0]?.role, 'pkcs12');
  });

  it('says what is missing when no certificate is given', () => {
    rejects(() => validate({ 'private-key': 'KEY' }), /No certificate was given/);
    rejects(() => validate({ certificate: '  \n ' }), /No certificate was given/);
  });

  it('refuses a value and a file for the same part', () => {
    rejects(
      () => validate({ certificate: PEM, 'certificate-file': 'x.pem' }),
      /Both certificate and certificate-file are set/,
    );
  });

  it('refuses modes it does not know, quoting the value and the choices', () => {
    rejects(
      () => parseSettings({ certificate: PEM, mode: 'yolo' }),
      /Invalid mode 'yolo'. Expected one of: apply, plan, validate/,
    );
  });

  it('reads days strictly', () => {
    assert.equal(validate({ certificate: PEM, 'warn-days': ' 45 ' }).warnDays, 45);
    assert.equal(validate({ certificate: PEM, 'fail-days': '0' }).failDays, 0);
    for (const bad of ['-1', '1.5', '10d', 'soon', '1e3', '999999']) {
      rejects(() => validate({ certificate: PEM, 'warn-days': bad }), /Invalid warn-days/);
    }
    rejects(
      () => validate({ certificate: PEM, 'warn-days': '5', 'fail-days': '10' }),
      /fail-days \(10\) is larger than warn-days \(5\)/,
    );
  });

  it('keeps passphrases exactly as given', () => {
    const settings = validate({ certificate: PEM, 'key-passphrase': ' pass ', 'pkcs12-password': '' });
    assert.equal(textOf(single(settings).keyPassphrase), ' pass ');
    assert.equal(textOf(single(settings).pkcs12Password), '');
  });
});

describe('parseBoolean', () => {
  it('accepts the YAML 1.2 core spellings and nothing else', () => {
    for (const yes of ['true', 'True', 'TRUE', ' true '])
      assert.equal(parseBoolean(yes, 'repair-chain', false), true);
    for (const no of ['false', 'False', 'FALSE']) assert.equal(parseBoolean(no, 'repair-chain', true), false);
    assert.equal(parseBoolean(undefined, 'repair-chain', true), true);
    for (const bad of ['yes', 'no', '1', '0', 'on', 'tru']) {
      rejects(
        () => parseBoolean(bad, 'repair-chain', true),
        /Invalid repair-chain '.*'. Expected true or false/,
      );
    }
  });
});

describe('parseDomains', () => {
  it('splits on commas, spaces and new lines, lowercases, drops trailing dots and repeats', () => {
    assert.deepEqual(parseDomains('Example.COM, www.example.com.\n*.api.example.com  example.com'), [
      'example.com',
      'www.example.com',
      '*.api.example.com',
    ]);
  });

  it('accepts IP addresses and internationalised names', () => {
    assert.deepEqual(parseDomains('192.0.2.1 2001:db8::1 bücher.example'), [
      '192.0.2.1',
      '2001:db8::1',
      'bücher.example',
    ]);
  });

  it('turns a URL into advice to give the host name', () => {
    rejects(() => parseDomains('https://example.com/path'), /it is a URL. Give the host name 'example.com'/);
  });

  it('refuses names that are not host names', () => {
    for (const bad of ['a..b', '-a.example', 'a_b.example', 'a.*.example', '*', '*.192.0.2.1']) {
      rejects(() => parseDomains(bad), /Invalid domain/);
    }
  });

  it(`refuses a name over ${MAX_DOMAIN_CHARS} characters (RFC 1035), quoting its start only`, () => {
    // 4 labels of 63 and the dots: 255 characters, each label valid on its own.
    const long = Array.from({ length: 4 }, () => 'a'.repeat(63)).join('.');
    assert.equal(long.length, 255);
    rejects(
      () => parseDomains(`example.com ${long}`),
      /^Invalid domain 'a{40}…' in domains: it is 255 characters long; a domain name has at most 253 \(RFC 1035\)\.$/,
    );
    const exact = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`;
    assert.equal(exact.length, MAX_DOMAIN_CHARS);
    assert.deepEqual(parseDomains(exact), [exact]);
    // A wildcard counts its "*.", and a Unicode name its ASCII (punycode) form.
    rejects(() => parseDomains(`*.${exact.slice(2)}`.replace('*.', '*.xy')), /is 255 characters long/);
    const unicode = `${'ü'.repeat(60)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(60)}`;
    assert.ok(unicode.length <= MAX_DOMAIN_CHARS);
    rejects(() => parseDomains(unicode), /characters long in its ASCII form; a domain name has at most 253/);
  });

  it(`refuses more than ${MAX_DOMAINS} names, counting them`, () => {
    const names = (n: number) => Array.from({ length: n }, (_, i) => `h${i}.example.com`).join(', ');
    assert.equal(parseDomains(names(MAX_DOMAINS)).length, MAX_DOMAINS);
    rejects(() => parseDomains(names(200_000)), /^domains lists 200000 names; at most 1000 are checked/);
  });

  it('a 10 MB name is refused at once, its message short', () => {
    const huge = `${'a.'.repeat(5_000_000)}com`;
    assert.throws(
      () => parseDomains(huge),
      (error: unknown) =>
        error instanceof InputError &&
        error.message.length < 200 &&
        /10000003 characters long/.test(error.message),
    );
  });
});

describe('rotation settings (plan and apply)', () => {
  const base: RawInputs = {
    certificate: PEM,
    provider: 'digitalocean',
    'api-token': 'dop_v1_x',
    name: 'example-com',
  };

  it('asks for the token in the api-token input: read scopes for plan, every scope for apply', () => {
    const { 'api-token': _, ...noToken } = base;
    const fix = (mode: string, provider = 'digitalocean') => {
      try {
        parseSettings({ ...noToken, mode, provider });
      } catch (e) {
        assert.ok(e instanceof InputError);
        return `${e.message} ${e.fix}`;
      }
      return assert.fail('expected an InputError');
    };
    assert.equal(
      fix('plan'),
      'api-token is required for mode: plan. Pass a valid DigitalOcean API token with the scopes certificate:read, load_balancer:read, cdn:read in the api-token input (from a secret).',
    );
    assert.match(
      fix('apply'),
      /certificate:read, certificate:create, certificate:delete, .*cdn:update in the api-token input \(from a secret\)\.$/,
    );
    assert.match(
      fix('plan', 'dokploy'),
      /^api-token is required for mode: plan\. .*permissions \(read\) .*pass it in the api-token input \(from a secret\)\./,
    );
    assert.match(fix('apply', 'dokploy'), /permissions \(read, create, delete\)/);
  });

  it('reads the provider, the lineage and the defaults', () => {
    const settings = parseSettings({ ...base, mode: 'plan' });
    assert.equal(settings.mode, 'plan');
    assert.deepEqual(settings.rotation, {
      provider: {
        kind: 'digitalocean',
        token: 'dop_v1_x',
        apiUrl: undefined,
        serverId: undefined,
        reloadTraefik: false,
        tokenHelp: { access: 'read', via: 'in the api-token input (from a secret)' },
      },
      template: '{name}-{sha1:12}',
      plan: { removeSuperseded: true, keepSuperseded: 0, rebind: true, allowDroppedNames: false },
      concurrency: 32,
      timeoutSeconds: 30,
    });
  });

  it('reads every option strictly', () => {
    const settings = parseSettings({
      ...base,
      provider: 'Dokploy',
      'api-url': 'https://dokploy.example.com',
      'server-id': 'srv-1',
      'reload-traefik': 'true',
      'name-template': 'tls-{name}-{sha256:16}',
      'remove-superseded': 'false',
      'keep-superseded': '2',
      rebind: 'false',
      'allow-dropped-names': 'true',
      concurrency: '8',
      'timeout-seconds': '90',
    });
    assert.equal(settings.rotation?.provider.kind, 'dokploy');
    assert.equal(settings.rotation?.provider.reloadTraefik, true);
    assert.equal(settings.rotation?.template, 'tls-{name}-{sha256:16}');
    assert.deepEqual(settings.rotation?.plan, {
      removeSuperseded: false,
      keepSuperseded: 2,
      rebind: false,
      allowDroppedNames: true,
    });
    assert.equal(settings.rotation?.concurrency, 8);
    assert.equal(settings.rotation?.timeoutSeconds, 90);
  });

  it('says what is missing or wrong, naming the input', () => {
    const cases: [RawInputs, RegExp][] = [
      [{ ...base, provider: 'aws' }, /Invalid provider 'aws'/],
      [{ ...base, 'api-token': ' ' }, /api-token is required/],
      [{ ...base, name: undefined as unknown as string }, /name is required/],
      [{ ...base, name: 'no spaces allowed' }, /Invalid name/],
      [{ ...base, provider: 'dokploy' }, /api-url is required for Dokploy/],
      [{ ...base, 'server-id': 'srv' }, /server-id applies to Dokploy only/],
      [{ ...base, 'reload-traefik': 'true' }, /reload-traefik applies to Dokploy only/],
      [
        { ...base, 'keep-superseded': '-1' },
        /Invalid keep-superseded '-1'. Expected a whole number from 0 to 100/,
      ],
      [{ ...base, concurrency: '0' }, /Invalid concurrency '0'/],
      [{ ...base, 'name-template': '{name}' }, /needs a fingerprint/],
    ];
    for (const [raw, message] of cases) {
      const clean = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)) as RawInputs;
      assert.throws(
        () => parseSettings(clean),
        (e: unknown) => e instanceof InputError && message.test(e.message),
        String(message),
      );
    }
  });
});

describe('pull requests, inventory and GitHub settings', () => {
  const rotation: RawInputs = { provider: 'digitalocean', 'api-token': 'dop_v1_x', name: 'example-com' };

  it('plans instead of applying on a pull request, and says so', () => {
    const settings = parseSettings({ certificate: PEM, ...rotation }, { pullRequest: true });
    assert.equal(settings.mode, 'plan');
    assert.match(settings.skipped[0] ?? '', /^apply: a pull request only plans/);
    assert.equal(parseSettings({ certificate: PEM, ...rotation }).mode, 'apply');
  });

  it('validates only when a pull request has no token, and does not require its key', () => {
    const settings = parseSettings(
      { mode: 'plan', certificate: PEM, provider: 'digitalocean', name: 'x' },
      { pullRequest: true },
    );
    assert.equal(settings.mode, 'validate');
    assert.equal(settings.rotation, undefined);
    assert.equal(single(settings).requireKey, false);
    assert.deepEqual(
      settings.skipped.map((s) => s.split(':')[0]),
      ['plan', 'key check'],
    );
    // Outside a pull request a missing token is an error, as before.
    rejects(
      () => parseSettings({ mode: 'plan', certificate: PEM, provider: 'digitalocean', name: 'x' }),
      /api-token is required/,
    );
  });

  it('has nothing to validate on a pull request whose certificate is a secret, without failing', () => {
    const settings = parseSettings({ mode: 'validate' }, { pullRequest: true });
    assert.equal(settings.certificates.kind, 'none');
    assert.match(settings.skipped[0] ?? '', /^validation: no certificate/);
  });

  it('lists the inventory alone in plan mode, and refuses it in validate mode', () => {
    const settings = parseSettings({
      mode: 'plan',
      inventory: 'true',
      provider: 'digitalocean',
      'api-token': 't',
    });
    assert.equal(settings.certificates.kind, 'none');
    assert.equal(settings.inventory, true);
    rejects(
      () => validate({ certificate: PEM, inventory: 'true' }),
      /inventory lists what the provider holds/,
    );
    rejects(() => validate({ certificate: PEM, inventory: 'yes' }), /Invalid inventory 'yes'/);
  });

  it('reads the GitHub settings strictly', () => {
    const settings = validate({ certificate: PEM, 'github-token': ' ghs_x ', 'expiry-issue': 'true' });
    assert.deepEqual(settings.github, { token: 'ghs_x', commentOnPr: true, expiryIssue: true });
    rejects(() => validate({ certificate: PEM, 'comment-on-pr': 'no' }), /Invalid comment-on-pr 'no'/);
  });
});

describe('a value that looks like a key or a token is described, never quoted', () => {
  const base: RawInputs = {
    mode: 'plan',
    provider: 'dokploy',
    'api-url': 'https://dokploy.example.test',
    'api-token': 'k',
    name: 'app',
    certificate: 'x',
  };
  const key = `${'-'.repeat(5)}BEGIN PRIVATE KEY${'-'.repeat(5)}\nMIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQC7\n${'-'.repeat(5)}END PRIVATE KEY${'-'.repeat(5)}\n`;
  const token = `ghs_${'aB3'.repeat(12)}`;
  const hexToken = `dokploy_${'0123456789abcdef'.repeat(3)}`;

  for (const input of [
    'name',
    'name-template',
    'concurrency',
    'warn-days',
    'fail-days',
    'timeout-seconds',
    'repair-chain',
    'mode',
    'provider',
    'domains',
    'server-id',
    'keep-superseded',
    'inventory',
  ] as const) {
    it(input, () => {
      for (const secret of [key, token, hexToken]) {
        assert.throws(
          () => parseSettings({ ...base, [input]: secret }),
          (error: unknown) => {
            assert.ok(error instanceof InputError, String(error));
            const text = `${error.message}\n${error.fix ?? ''}`;
            assert.ok(!text.includes(secret.trim().slice(0, 16)), `${input}: ${text}`);
            assert.ok(!text.includes('MIIEvgIBADANBgkq') && !text.includes('aB3aB3aB3aB3aB3a'), text);
            assert.ok(!text.includes('0123456789abcdef'), text);
            assert.match(text, /characters that look like a key, certificate or token, not shown/);
            return true;
          },
          `${input}: ${secret.slice(0, 8)}`,
        );
      }
    });
  }

  it('a name or server id that fits the pattern but is a token is refused', () => {
    assert.throws(() => parseSettings({ ...base, name: token }), /Invalid name <40 characters/);
    assert.throws(
      () => parseSettings({ ...base, 'server-id': hexToken }),
      /Invalid server-id <56 characters/,
    );
    // Ordinary values are still accepted, and quoted when wrong.
    assert.equal(
      parseSettings({ ...base, 'server-id': 'Xb3k_9aQ-LmN0pR2sT4uV' }).rotation?.provider.serverId,
      'Xb3k_9aQ-LmN0pR2sT4uV',
    );
    assert.equal(parseSettings({ ...base, name: 'x'.repeat(63) }).certificates.kind, 'inputs');
    assert.throws(() => parseSettings({ ...base, 'server-id': 'srv 1' }), /Invalid server-id 'srv 1'/);
  });

  it('no value is quoted at more than 64 characters', () => {
    const long = `${'word '.repeat(30)}end`;
    assert.throws(
      () => parseSettings({ ...base, mode: long }),
      (error: unknown) =>
        error instanceof InputError &&
        error.message.includes(`'${long.trim().slice(0, 63)}…' (${long.trim().length} characters)`) &&
        !error.message.includes('end'),
    );
  });
});
