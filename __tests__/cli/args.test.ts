import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { envName, parseCommandLine } from '../../src/cli/args.ts';
import { single, textOf } from '../../test/support/settings.ts';

describe('parseCommandLine', () => {
  it('maps file flags to the *-file inputs', () => {
    const parsed = parseCommandLine(
      [
        'validate',
        '--cert',
        'full.pem',
        '--key',
        'key.pem',
        '--chain',
        'chain.pem',
        '--domains',
        'a.example',
        '--domains',
        'b.example,c.example',
        '--warn-days',
        '20',
        '--fail-days',
        '3',
        '--no-repair-chain',
        '--json',
      ],
      {},
    );
    assert.equal(parsed.kind, 'run');
    if (parsed.kind !== 'run') return;
    assert.equal(parsed.json, true);
    assert.deepEqual(
      single(parsed.settings).parts.map((p) => [p.role, p.source.kind === 'file' ? p.source.path : '']),
      [
        ['certificate', 'full.pem'],
        ['chain', 'chain.pem'],
        ['private-key', 'key.pem'],
      ],
    );
    assert.deepEqual(single(parsed.settings).domains, ['a.example', 'b.example', 'c.example']);
    assert.equal(parsed.settings.warnDays, 20);
    assert.equal(parsed.settings.failDays, 3);
    assert.equal(parsed.settings.repairChain, false);
  });

  it('takes every input from CERT_ROTATE_* variables, and a flag replaces the value from the environment', () => {
    assert.equal(envName('private-key-file'), 'CERT_ROTATE_PRIVATE_KEY_FILE');
    const env = {
      CERT_ROTATE_CERTIFICATE: 'PEM-TEXT',
      CERT_ROTATE_PRIVATE_KEY: 'KEY-TEXT',
      CERT_ROTATE_KEY_PASSPHRASE: 'secret',
    };
    const fromEnv = parseCommandLine(['validate'], env);
    assert.equal(fromEnv.kind, 'run');
    if (fromEnv.kind !== 'run') return;
    assert.equal(textOf(single(fromEnv.settings).keyPassphrase), 'secret');
    assert.deepEqual(
      single(fromEnv.settings).parts.map((p) => p.source.kind),
      ['value', 'value'],
    );
    const flagWins = parseCommandLine(['validate', '--key', 'k.pem'], env);
    assert.equal(flagWins.kind, 'run');
    if (flagWins.kind !== 'run') return;
    assert.deepEqual(
      single(flagWins.settings).parts.map((p) => [p.role, p.source.kind]),
      [
        ['certificate', 'value'],
        ['private-key', 'file'],
      ],
    );
  });

  it('has no flag for passwords (they would show in the process list)', () => {
    const parsed = parseCommandLine(['validate', '--cert', 'a.pem', '--key-passphrase', 'x'], {});
    assert.equal(parsed.kind, 'usage-error');
  });

  it('reports usage errors and input errors apart', () => {
    assert.deepEqual(parseCommandLine(['--help'], {}), { kind: 'help' });
    assert.equal(parseCommandLine([], {}).kind, 'usage-error');
    assert.equal(parseCommandLine(['plan-all'], {}).kind, 'usage-error');
    assert.equal(parseCommandLine(['validate', 'extra'], {}).kind, 'usage-error');
    assert.equal(parseCommandLine(['validate', '--cert', 'a', '--bundle', 'b'], {}).kind, 'usage-error');
    const noCert = parseCommandLine(['validate'], {});
    assert.equal(noCert.kind, 'input-error');
    const badDays = parseCommandLine(['validate', '--cert', 'a.pem', '--warn-days', 'x'], {});
    assert.deepEqual(badDays, {
      kind: 'input-error',
      message: "Invalid warn-days 'x'. Expected a whole number of days, e.g. 30.",
    });
  });
});
