/**
 * The live check's inputs through parseSettings, from raw strings as the action and the command
 * hand them over: each bad value is refused with an error that names the setting where the user
 * gave it (an input in a workflow, a flag or a CERT_ROTATE_ variable in a terminal), and check
 * mode refuses what it would not read.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { commandWords } from '../../src/cli/flags.ts';
import { InputError } from '../../src/errors.ts';
import { parseSettings, type RawInputs, type Settings } from '../../src/settings.ts';
import type { VerifySettings } from '../../src/verify-settings.ts';

const PEM = '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n';
const TOKEN = `dop_v1_${'0'.repeat(64)}`;

const DIGITALOCEAN: RawInputs = {
  mode: 'apply',
  provider: 'digitalocean',
  'api-token': TOKEN,
  name: 'example-com',
  certificate: PEM,
};
const DOKPLOY: RawInputs = { ...DIGITALOCEAN, provider: 'dokploy', 'api-url': 'https://dokploy.example.com' };

const action = (raw: RawInputs): Settings => parseSettings({ ...DIGITALOCEAN, ...raw });
const command = (raw: RawInputs, fromEnv: string[] = []): Settings =>
  parseSettings({ ...DIGITALOCEAN, ...raw }, { words: commandWords(new Set(fromEnv as never[])) });

function verifyOf(settings: Settings): VerifySettings {
  assert.ok(settings.verify, 'the live check is set up');
  return settings.verify;
}

/** Throws an InputError whose message matches; returns it for more checks. */
function refused(fn: () => unknown, message: RegExp): InputError {
  let caught: unknown;
  assert.throws(fn, (error: unknown) => {
    caught = error;
    return error instanceof InputError && message.test(error.message);
  });
  return caught as InputError;
}

describe('verify settings: defaults', () => {
  it('auto, no endpoints or pins, 300 s, keep; an empty input is the default', () => {
    for (const raw of [{}, { verify: '', 'verify-timeout-seconds': ' ', 'on-verify-failure': '' }]) {
      const verify = verifyOf(action(raw));
      assert.equal(verify.mode, 'auto');
      assert.deepEqual(verify.endpoints, []);
      assert.equal(verify.pins.size, 0);
      assert.equal(verify.trustedCa, undefined);
      assert.equal(verify.timeoutSeconds, 300);
      assert.equal(verify.onFailure, 'keep');
    }
  });

  it('verify: require, and false (off), in any case', () => {
    assert.equal(verifyOf(action({ verify: 'Require' })).mode, 'require');
    assert.equal(verifyOf(action({ verify: ' FALSE ' })).mode, 'off');
  });

  it('plan mode reads them too (it lists the endpoints apply would check)', () => {
    const verify = verifyOf(action({ mode: 'plan', endpoints: 'lb.example.com:8443' }));
    assert.deepEqual(verify.endpoints, [{ host: 'lb.example.com', port: 8443 }]);
  });
});

describe('verify settings: bad values name the setting where it was given', () => {
  it('verify', () => {
    const error = refused(
      () => action({ verify: 'sometimes' }),
      /^Invalid verify 'sometimes'\. Expected one of: auto, require, false\.$/,
    );
    assert.match(error.fix ?? '', /require also fails on one that cannot/);
    refused(() => command({ verify: 'yes' }), /^Invalid --verify 'yes'\./);
    // `true` says what auto does.
    assert.equal(verifyOf(action({ verify: 'true' })).mode, 'auto');
  });

  it('on-verify-failure', () => {
    refused(
      () => action({ 'on-verify-failure': 'undo' }),
      /^Invalid on-verify-failure 'undo'\. Expected one of: keep, rollback\.$/,
    );
    refused(() => command({ 'on-verify-failure': 'undo' }), /^Invalid --on-verify-failure 'undo'\./);
  });

  it('on-verify-failure: rollback is for DigitalOcean; Dokploy refuses it and says why', () => {
    assert.equal(verifyOf(action({ 'on-verify-failure': 'rollback' })).onFailure, 'rollback');
    const error = refused(
      () => parseSettings({ ...DOKPLOY, 'on-verify-failure': 'rollback' }),
      /^on-verify-failure: rollback applies to DigitalOcean only\.$/,
    );
    assert.match(error.fix ?? '', /Dokploy has nothing to move back/);
    refused(
      () => parseSettings({ ...DOKPLOY, 'on-verify-failure': 'rollback' }, { words: commandWords() }),
      /^--on-verify-failure: rollback applies to DigitalOcean only\./,
    );
    assert.equal(verifyOf(parseSettings({ ...DOKPLOY, 'on-verify-failure': 'keep' })).onFailure, 'keep');
  });

  it('verify-timeout-seconds: a whole number from 0 to 3600', () => {
    assert.equal(verifyOf(action({ 'verify-timeout-seconds': '0' })).timeoutSeconds, 0);
    assert.equal(verifyOf(action({ 'verify-timeout-seconds': ' 3600 ' })).timeoutSeconds, 3600);
    for (const bad of ['3601', '-1', '1.5', '5m', '1e3', '0x10', '100000']) {
      refused(
        () => action({ 'verify-timeout-seconds': bad }),
        new RegExp(
          `^Invalid verify-timeout-seconds '${bad.replace('.', '\\.')}'\\. Expected a whole number of seconds from 0 to 3600\\.$`,
        ),
      );
    }
    refused(() => command({ 'verify-timeout-seconds': '3601' }), /^Invalid --verify-timeout-seconds '3601'/);
  });

  it('endpoints: the parser’s error, said to come from the input or the flag', () => {
    const error = refused(
      () => action({ endpoints: 'ok.example.com, bad.example.com:70000' }),
      /^In endpoints: The port of "bad\.example\.com:70000" is not a number from 1 to 65535\.$/,
    );
    assert.match(error.fix ?? '', /host:port/);
    refused(
      () => command({ endpoints: '*.example.com' }),
      /^In --endpoint: The endpoint "\*\.example\.com" is a wildcard/,
    );
    refused(
      () => command({ endpoints: 'a.example:0' }, ['endpoints']),
      /^In CERT_ROTATE_ENDPOINTS: The port of "a\.example:0"/,
    );
  });

  it('endpoints: separated by commas, spaces or new lines; duplicates dropped', () => {
    const verify = verifyOf(
      action({ endpoints: 'a.example.com, b.example.com:8443\n[2001:db8::7]:443 a.example.com:443' }),
    );
    assert.deepEqual(verify.endpoints, [
      { host: 'a.example.com', port: 443 },
      { host: 'b.example.com', port: 8443 },
      { host: '2001:db8::7', port: 443 },
    ]);
  });

  it('resolve: one pin keeps its comma-separated addresses; pins are split on new lines and spaces', () => {
    const one = verifyOf(action({ resolve: 'a.example.com:443:127.0.0.1,::1' }));
    assert.deepEqual([...one.pins], [['a.example.com:443', ['127.0.0.1', '::1']]]);
    const two = verifyOf(
      action({ resolve: 'a.example.com:443:192.0.2.1\nb.example.com:8443:[2001:db8::1] ' }),
    );
    assert.deepEqual(
      [...two.pins],
      [
        ['a.example.com:443', ['192.0.2.1']],
        ['b.example.com:8443', ['2001:db8::1']],
      ],
    );
  });

  it('resolve: a bad pin names the input or the flag', () => {
    refused(
      () => action({ resolve: 'a.example.com:443:not-an-address' }),
      /^In resolve: The resolve entry "a\.example\.com:443:not-an-address" has "not-an-address", which is not an IP address\.$/,
    );
    refused(
      () => command({ resolve: 'a.example.com:443' }),
      /^In --resolve: The resolve entry "a\.example\.com:443" is not host:port:address\./,
    );
  });

  it('trusted-ca: PEM text is a value, anything else a file path, labelled for where it was given', () => {
    assert.deepEqual(verifyOf(action({ 'trusted-ca': PEM })).trustedCa, {
      kind: 'value',
      label: 'trusted-ca',
      text: PEM,
    });
    assert.deepEqual(verifyOf(command({ 'trusted-ca': ' ca/root.pem ' })).trustedCa, {
      kind: 'file',
      label: '--trusted-ca',
      path: 'ca/root.pem',
    });
  });
});

describe('warn-percent and fail-percent', () => {
  const validate = (raw: RawInputs, words = false) =>
    parseSettings({ mode: 'validate', certificate: PEM, ...raw }, words ? { words: commandWords() } : {});

  it('unset by default; whole, one decimal, or with a % sign', () => {
    const none = validate({});
    assert.equal(none.warnPercent, undefined);
    assert.equal(none.failPercent, undefined);
    const set = validate({ 'warn-percent': '33%', 'fail-percent': '12.5' });
    assert.equal(set.warnPercent, 33);
    assert.equal(set.failPercent, 12.5);
    assert.equal(validate({ 'warn-percent': '100', 'fail-percent': '0' }).warnPercent, 100);
  });

  it('refuses what is not a percentage from 0 to 100, naming the input or the flag', () => {
    for (const bad of ['101', '100.5', '-5', 'a third', '1.25', '.5', '33%%']) {
      refused(
        () => validate({ 'warn-percent': bad }),
        new RegExp(
          `^Invalid warn-percent '${bad.replace(/[.%]/g, (c) => `\\${c}`)}'\\. Expected a percent of the certificate's lifetime`,
        ),
      );
    }
    refused(() => validate({ 'fail-percent': '101' }, true), /^Invalid --fail-percent '101'\./);
  });

  it('refuses fail-percent above warn-percent: a certificate fails after it was warned about', () => {
    const error = refused(
      () => validate({ 'warn-percent': '20', 'fail-percent': '50' }),
      /^fail-percent \(50\) is larger than warn-percent \(20\)\.$/,
    );
    assert.match(error.fix ?? '', /Set fail-percent to at most warn-percent/);
    refused(
      () => validate({ 'warn-percent': '20', 'fail-percent': '50' }, true),
      /^--fail-percent \(50\) is larger than --warn-percent \(20\)\.$/,
    );
    assert.equal(validate({ 'warn-percent': '20', 'fail-percent': '20' }).failPercent, 20);
  });
});

describe('mode: check', () => {
  const check = (raw: RawInputs, words = false) =>
    parseSettings({ mode: 'check', ...raw }, words ? { words: commandWords() } : {});

  it('connects to endpoints, domains (on 443) and a manifest; needs no provider or certificate', () => {
    const settings = check({
      endpoints: 'lb.example.com:8443',
      domains: 'example.com, www.example.com',
      resolve: 'lb.example.com:8443:192.0.2.9',
      'warn-percent': '33',
    });
    assert.equal(settings.mode, 'check');
    assert.equal(settings.rotation, undefined);
    assert.deepEqual(settings.certificates, { kind: 'none' });
    const verify = verifyOf(settings);
    assert.deepEqual(verify.domains, ['example.com', 'www.example.com']);
    assert.deepEqual(verify.endpoints, [{ host: 'lb.example.com', port: 8443 }]);
    assert.deepEqual([...verify.pins], [['lb.example.com:8443', ['192.0.2.9']]]);
    assert.equal(settings.warnPercent, 33);
    assert.deepEqual(check({ manifest: 'certs.yml' }).certificates, { kind: 'manifest', path: 'certs.yml' });
  });

  it('refuses the certificate inputs, naming the one that was set', () => {
    const cases: [RawInputs, string, string][] = [
      [{ certificate: PEM }, 'certificate', 'CERT_ROTATE_CERTIFICATE'],
      [{ 'certificate-file': 'cert.pem' }, 'certificate-file', '--cert'],
      [{ 'private-key-file': 'key.pem' }, 'private-key-file', '--key'],
      [{ 'certificate-chain-file': 'chain.pem' }, 'certificate-chain-file', '--chain'],
      [{ name: 'example-com' }, 'name', '--name'],
    ];
    for (const [raw, input, flag] of cases) {
      const error = refused(
        () => check({ endpoints: 'a.example.com', ...raw }),
        new RegExp(`^${input} is set, but mode: check reads no certificate`),
      );
      assert.match(
        error.fix ?? '',
        new RegExp(`^Remove ${input}, and list what to check in endpoints or domains`),
      );
      refused(
        () => check({ endpoints: 'a.example.com', ...raw }, true),
        new RegExp(`^${flag} is set, but cert-rotate check reads no certificate`),
      );
    }
  });

  it('refuses verify: false, as the check is all it does', () => {
    refused(
      () => check({ endpoints: 'a.example.com', verify: 'false' }),
      /^verify is false, and mode: check is nothing but that check\.$/,
    );
    assert.equal(verifyOf(check({ endpoints: 'a.example.com', verify: 'require' })).mode, 'require');
  });

  it('needs endpoints, domains or a manifest', () => {
    const error = refused(() => check({}), /^mode: check has nothing to connect to\.$/);
    assert.match(error.fix ?? '', /endpoints \(host or host:port\), or domains/);
    refused(
      () => check({ resolve: 'a.example.com:443:192.0.2.1' }, true),
      /^cert-rotate check has nothing to connect to\./,
    );
  });

  it('notes a provider as not used, rather than refusing it', () => {
    const settings = check({ endpoints: 'a.example.com', provider: 'digitalocean' });
    assert.deepEqual(settings.skipped, ['provider: mode: check contacts no provider; it was not used.']);
    assert.deepEqual(check({ endpoints: 'a.example.com' }).skipped, []);
  });

  it('refuses inventory, which needs a provider', () => {
    refused(
      () => check({ endpoints: 'a.example.com', inventory: 'true' }),
      /^inventory lists what the provider holds, which mode: check never contacts\./,
    );
  });

  it('still refuses bad live-check values', () => {
    refused(() => check({ endpoints: 'a.example.com:x' }), /^In endpoints: The port of "a\.example\.com:x"/);
    refused(() => check({ endpoints: 'a.example.com', verify: 'maybe' }), /^Invalid verify 'maybe'/);
  });
});

describe('validate mode', () => {
  it('checks nothing live, but still refuses a bad live-check setting, so a pull request shows it', () => {
    const base = { mode: 'validate', certificate: PEM };
    assert.equal(parseSettings(base).verify, undefined);
    assert.throws(() => parseSettings({ ...base, verify: 'bogus' }), /^InputError: Invalid verify 'bogus'/);
    assert.throws(
      () => parseSettings({ ...base, provider: 'dokploy', 'on-verify-failure': 'rollback' }),
      /rollback applies to DigitalOcean only/,
    );
  });
});
