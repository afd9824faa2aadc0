/**
 * The live check's flags on the command line: repeated --endpoint and --resolve reach the
 * settings as the action's inputs would (a pin keeps its comma-separated addresses), `check`
 * takes the live-check flags and none about certificate files, and its errors name flags and
 * CERT_ROTATE_* variables, never inputs.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCommandLine } from '../../src/cli/args.ts';
import type { Settings } from '../../src/settings.ts';

function settingsOf(argv: string[], env: NodeJS.ProcessEnv = {}): Settings {
  const parsed = parseCommandLine(argv, env);
  assert.equal(parsed.kind, 'run', JSON.stringify(parsed));
  return (parsed as { settings: Settings }).settings;
}

function problem(argv: string[], kind: 'usage-error' | 'input-error', env: NodeJS.ProcessEnv = {}): string {
  const parsed = parseCommandLine(argv, env);
  assert.equal(parsed.kind, kind, JSON.stringify(parsed));
  const { message } = parsed as { message: string };
  assert.doesNotMatch(message, /\binput\b|workflow|\bsecret\b|mode:/, message);
  return message;
}

function help(command: string): string {
  const parsed = parseCommandLine([command, '--help'], {});
  assert.equal(parsed.kind, 'help');
  return (parsed as { text: string }).text;
}

describe('cert-rotate check: flags to settings', () => {
  it('repeated --endpoint and --resolve; a pin keeps its addresses', () => {
    const settings = settingsOf([
      'check',
      '--endpoint',
      'a:1',
      '--endpoint',
      'b:2',
      '--resolve',
      'a:1:127.0.0.1,::1',
    ]);
    assert.equal(settings.mode, 'check');
    assert.deepEqual(settings.verify?.endpoints, [
      { host: 'a', port: 1 },
      { host: 'b', port: 2 },
    ]);
    assert.deepEqual([...(settings.verify?.pins ?? [])], [['a:1', ['127.0.0.1', '::1']]]);
  });

  it('two --resolve flags are two pins', () => {
    const settings = settingsOf([
      'check',
      '--endpoint',
      'a:1',
      '--resolve',
      'a:1:127.0.0.1',
      '--resolve=b.example.com:8443:[2001:db8::1],192.0.2.4',
    ]);
    assert.deepEqual(
      [...(settings.verify?.pins ?? [])],
      [
        ['a:1', ['127.0.0.1']],
        ['b.example.com:8443', ['2001:db8::1', '192.0.2.4']],
      ],
    );
  });

  it('the other live-check flags: --verify, --trusted-ca, --warn-percent, --fail-percent, --domains', () => {
    const settings = settingsOf([
      'check',
      '--domains',
      'example.com',
      '--verify',
      'require',
      '--trusted-ca',
      'ca.pem',
      '--warn-percent',
      '33%',
      '--fail-percent',
      '10',
    ]);
    assert.equal(settings.verify?.mode, 'require');
    assert.deepEqual(settings.verify?.domains, ['example.com']);
    assert.deepEqual(settings.verify?.trustedCa, { kind: 'file', label: '--trusted-ca', path: 'ca.pem' });
    assert.equal(settings.warnPercent, 33);
    assert.equal(settings.failPercent, 10);
  });

  it('from the environment: CERT_ROTATE_ENDPOINTS, named in its errors', () => {
    const settings = settingsOf(['check'], { CERT_ROTATE_ENDPOINTS: 'a.example.com, b.example.com:8443' });
    assert.deepEqual(settings.verify?.endpoints, [
      { host: 'a.example.com', port: 443 },
      { host: 'b.example.com', port: 8443 },
    ]);
    assert.match(
      problem(['check'], 'input-error', { CERT_ROTATE_ENDPOINTS: 'a.example.com:99999' }),
      /^In CERT_ROTATE_ENDPOINTS: The port of "a\.example\.com:99999"/,
    );
  });

  it('apply takes the same lists, and --verify-timeout-seconds and --on-verify-failure', () => {
    const settings = settingsOf(
      [
        'apply',
        '--cert',
        'c.pem',
        '--name',
        'example-com',
        '--provider',
        'digitalocean',
        '--endpoint',
        'lb.example.com:8443',
        '--resolve',
        'lb.example.com:8443:192.0.2.1,192.0.2.2',
        '--verify-timeout-seconds',
        '60',
        '--on-verify-failure',
        'rollback',
      ],
      { CERT_ROTATE_API_TOKEN: `dop_v1_${'0'.repeat(64)}` },
    );
    assert.deepEqual(settings.verify?.endpoints, [{ host: 'lb.example.com', port: 8443 }]);
    assert.deepEqual(
      [...(settings.verify?.pins ?? [])],
      [['lb.example.com:8443', ['192.0.2.1', '192.0.2.2']]],
    );
    assert.equal(settings.verify?.timeoutSeconds, 60);
    assert.equal(settings.verify?.onFailure, 'rollback');
  });
});

describe('cert-rotate check: what it refuses', () => {
  it('flags about certificate files are usage errors for check', () => {
    assert.match(
      problem(['check', '--endpoint', 'a:1', '--cert', 'c.pem'], 'usage-error'),
      /^check does not take --cert \(it is for validate/,
    );
    assert.match(problem(['check', '--key', 'k.pem'], 'usage-error'), /^check does not take --key /);
    assert.match(
      problem(['check', '--verify-timeout-seconds', '5'], 'usage-error'),
      /^check does not take --verify-timeout-seconds \(it is for apply\)/,
    );
    assert.match(
      problem(['validate', '--endpoint', 'a:1'], 'usage-error'),
      /^validate does not take --endpoint /,
    );
  });

  it('a certificate from the environment, verify false, or nothing to connect to: input errors in command words', () => {
    assert.match(
      problem(['check', '--endpoint', 'a:1'], 'input-error', { CERT_ROTATE_CERTIFICATE: 'PEM' }),
      /^CERT_ROTATE_CERTIFICATE is set, but cert-rotate check reads no certificate/,
    );
    assert.match(
      problem(['check', '--endpoint', 'a:1', '--verify', 'false'], 'input-error'),
      /^--verify is false, and cert-rotate check is nothing but that check\. Set --verify to auto or require/,
    );
    assert.match(
      problem(['check'], 'input-error'),
      /^cert-rotate check has nothing to connect to\. List --endpoint \(host or host:port\), or --domains/,
    );
    assert.match(
      problem(['check', '--endpoint', 'a:1', '--resolve', 'a:1:nowhere'], 'input-error'),
      /^In --resolve: The resolve entry "a:1:nowhere" has "nowhere", which is not an IP address\./,
    );
  });
});

describe('cert-rotate check --help', () => {
  it('lists the live-check flags, and none about certificate files', () => {
    const text = help('check');
    assert.match(text, /^Usage: cert-rotate check \[options\]/);
    assert.match(text, /Connect to endpoints and report what each serves/);
    for (const flag of [
      '--endpoint HOST[:PORT]',
      '--resolve HOST:PORT:ADDR',
      '--verify MODE',
      '--trusted-ca FILE',
      '--warn-percent P',
      '--fail-percent P',
      '--domains',
      '--manifest',
      '--json',
    ]) {
      assert.ok(text.includes(flag), flag);
    }
    for (const flag of [
      '--cert',
      '--bundle',
      '--key',
      '--chain',
      '--pkcs12',
      '--name',
      '--no-repair-chain',
      '--verify-timeout-seconds',
      '--on-verify-failure',
    ]) {
      assert.ok(!new RegExp(`^ {2}${flag}\\b`, 'm').test(text), flag);
    }
  });

  it('lists no variable check refuses: no key passphrase, no PKCS#12 password, no API token', () => {
    const text = help('check');
    for (const variable of [
      'CERT_ROTATE_KEY_PASSPHRASE',
      'CERT_ROTATE_PKCS12_PASSWORD',
      'CERT_ROTATE_API_TOKEN',
    ]) {
      assert.ok(!text.includes(variable), variable);
    }
    // What the help lists, check must take: a passphrase in the environment is refused.
    assert.match(
      problem(['check', '--endpoint', 'a:1'], 'input-error', { CERT_ROTATE_KEY_PASSPHRASE: 'x' }),
      /^CERT_ROTATE_KEY_PASSPHRASE is set, but cert-rotate check reads no certificate/,
    );
    assert.match(help('validate'), /CERT_ROTATE_KEY_PASSPHRASE/);
    assert.match(help('apply'), /CERT_ROTATE_PKCS12_PASSWORD/);
  });

  it('plan lists what apply would check with; apply has the wait and the failure action too', () => {
    const plan = help('plan');
    for (const flag of ['--endpoint', '--resolve', '--verify', '--trusted-ca'])
      assert.ok(plan.includes(flag), flag);
    const apply = help('apply');
    for (const flag of ['--verify-timeout-seconds N', '--on-verify-failure WHAT']) {
      assert.ok(apply.includes(flag), flag);
    }
  });

  it('the general help lists check', () => {
    const parsed = parseCommandLine(['--help'], {});
    assert.match((parsed as { text: string }).text, /check +Connect to endpoints/);
  });
});
