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
    assert.equal(parseCommandLine(['--help'], {}).kind, 'help');
    assert.equal(parseCommandLine([], {}).kind, 'usage-error');
    assert.equal(parseCommandLine(['plan-all'], {}).kind, 'usage-error');
    assert.equal(parseCommandLine(['validate', 'extra'], {}).kind, 'usage-error');
    assert.equal(parseCommandLine(['validate', '--cert', 'a', '--bundle', 'b'], {}).kind, 'usage-error');
    const noCert = parseCommandLine(['validate'], {});
    assert.equal(noCert.kind, 'input-error');
    const badDays = parseCommandLine(['validate', '--cert', 'a.pem', '--warn-days', 'x'], {});
    assert.deepEqual(badDays, {
      kind: 'input-error',
      message: "Invalid --warn-days 'x'. Expected a whole number of days, e.g. 30.",
    });
  });
});

describe('usage errors: one line that says what is wrong and which help to read', () => {
  const usage = (argv: string[]): string => {
    const parsed = parseCommandLine(argv, {});
    assert.equal(parsed.kind, 'usage-error', JSON.stringify(parsed));
    const { message } = parsed as { message: string };
    assert.ok(!message.includes('\n'), message);
    return message;
  };

  it('suggests the option that was probably meant', () => {
    assert.equal(
      usage(['validate', '--kye', 'key.pem']),
      'unknown option --kye (did you mean --key?); see cert-rotate validate --help',
    );
    assert.equal(
      usage(['plan', '--provder', 'dokploy']),
      'unknown option --provder (did you mean --provider?); see cert-rotate plan --help',
    );
    assert.equal(
      usage(['apply', '--frobnicate']),
      'unknown option --frobnicate; see cert-rotate apply --help',
    );
    assert.equal(usage(['validate', '-x']), 'unknown option -x; see cert-rotate validate --help');
  });

  it('suggests the command that was probably meant, or lists them', () => {
    assert.equal(
      usage(['plam', '--cert', 'a.pem']),
      "unknown command 'plam' (did you mean plan?); expected apply, plan, validate, check; see cert-rotate --help",
    );
    assert.equal(usage([]), 'no command given (apply, plan, validate, check); see cert-rotate --help');
    assert.equal(
      usage(['validate', 'extra']),
      "unexpected argument 'extra'; see cert-rotate validate --help",
    );
  });

  it('says which options need a value, take none, or belong to another command', () => {
    assert.equal(
      usage(['validate', '--cert']),
      '--cert needs a value: --cert FILE; see cert-rotate validate --help',
    );
    assert.equal(
      usage(['validate', '--cert', '--key', 'k.pem']),
      '--cert needs a value: --cert FILE; see cert-rotate validate --help',
    );
    assert.equal(usage(['validate', '--json=yes']), '--json takes no value; see cert-rotate validate --help');
    assert.equal(
      usage(['validate', '--cert', 'a.pem', '--provider', 'dokploy']),
      'validate does not take --provider (it is for plan and apply); see cert-rotate validate --help',
    );
    assert.equal(
      usage(['validate', '--cert', 'a', '--bundle', 'b']),
      '--cert and --bundle are the same option; give one; see cert-rotate validate --help',
    );
  });

  it('sends passwords and tokens to the environment, without quoting them', () => {
    const message = usage(['plan', '--api-token', 'dop_v1_abc123']);
    assert.equal(
      message,
      '--api-token is not an option: passwords, keys and tokens come only from the environment (CERT_ROTATE_API_TOKEN), so they stay out of the process list and the shell history; see cert-rotate plan --help',
    );
    assert.match(usage(['validate', '--key-passphrase=hunter2']), /CERT_ROTATE_KEY_PASSPHRASE/);
    assert.doesNotMatch(usage(['validate', '--key-passphrase=hunter2']), /hunter2/);
  });
});

describe('--help and --version', () => {
  const help = (argv: string[]): string => {
    const parsed = parseCommandLine(argv, {});
    assert.equal(parsed.kind, 'help');
    return (parsed as { text: string }).text;
  };

  it("lists each subcommand's own options and variables", () => {
    const validate = help(['validate', '--help']);
    assert.match(validate, /^Usage: cert-rotate validate \[options\]/);
    for (const flag of ['--cert FILE', '--key FILE', '--pkcs12 FILE', '--no-repair-chain', '--json']) {
      assert.ok(validate.includes(flag), flag);
    }
    for (const flag of ['--provider', '--api-url', '--reload-traefik', 'CERT_ROTATE_API_TOKEN']) {
      assert.ok(!validate.includes(flag), flag);
    }
    assert.match(validate, /CERT_ROTATE_KEY_PASSPHRASE/);
    const plan = help(['plan', '-h']);
    assert.match(plan, /^Usage: cert-rotate plan \[options\]/);
    for (const flag of [
      '--provider NAME',
      '--api-url URL',
      '--inventory',
      'CERT_ROTATE_API_TOKEN',
      '--cert FILE',
    ]) {
      assert.ok(plan.includes(flag), flag);
    }
    assert.match(help(['apply', '--help']), /--reload-traefik/);
  });

  it('shows the commands without one, and the version on --version', () => {
    const general = help(['--help']);
    assert.match(general, /validate +Read the certificate/);
    assert.match(general, /cert-rotate <command> --help/);
    assert.deepEqual(parseCommandLine(['--version'], {}), { kind: 'version' });
  });
});

describe('input errors name flags and CERT_ROTATE_* variables, never inputs or workflows', () => {
  const inputError = (argv: string[], env: NodeJS.ProcessEnv = {}): string => {
    const parsed = parseCommandLine(argv, env);
    assert.equal(parsed.kind, 'input-error', JSON.stringify(parsed));
    const { message } = parsed as { message: string };
    assert.doesNotMatch(message, /\binput\b|workflow|\bsecret\b|mode:/, message);
    return message;
  };

  it('names the flag, or the variable when that is where the value came from', () => {
    assert.match(
      inputError(['validate', '--cert', 'a.pem', '--fail-days', '40']),
      /^--fail-days \(40\) is larger than --warn-days \(30\)\. Set --fail-days to at most --warn-days/,
    );
    assert.match(
      inputError(['validate', '--cert', 'a.pem'], { CERT_ROTATE_WARN_DAYS: 'soon' }),
      /^Invalid CERT_ROTATE_WARN_DAYS 'soon'/,
    );
    assert.match(
      inputError(['validate'], {}),
      /^No certificate was given\. Give the certificate: --cert \(a PEM file\) or CERT_ROTATE_CERTIFICATE \(the PEM itself\); or a PKCS#12 file: --pkcs12 or CERT_ROTATE_PKCS12; or a list of certificates: --manifest\./,
    );
    assert.match(inputError(['plan', '--cert', 'a.pem', '--name', 'Bad Name']), /^Invalid --name 'Bad Name'/);
    assert.match(
      inputError(['plan', '--cert', 'a.pem', '--name', 'app']),
      /^--provider is required for cert-rotate plan\. Set --provider to digitalocean or dokploy, or use cert-rotate validate/,
    );
    assert.match(
      inputError(
        ['plan', '--cert', 'a.pem', '--name', 'app', '--provider', 'digitalocean', '--server-id', 's'],
        { CERT_ROTATE_API_TOKEN: 'dop_v1_x' },
      ),
      /^--server-id applies to Dokploy only\. Remove it, or set --provider to dokploy\./,
    );
  });

  it('asks plan for a read-only token and apply for the full one, in CERT_ROTATE_API_TOKEN', () => {
    const args = ['--cert', 'a.pem', '--name', 'app', '--provider', 'digitalocean'];
    assert.equal(
      inputError(['plan', ...args]),
      'CERT_ROTATE_API_TOKEN is required for cert-rotate plan. Pass a valid DigitalOcean API token with the scopes certificate:read, load_balancer:read, cdn:read in the environment variable CERT_ROTATE_API_TOKEN.',
    );
    assert.match(inputError(['apply', ...args]), /certificate:create, certificate:delete/);
    const dokploy = inputError(['plan', '--cert', 'a.pem', '--name', 'app', '--provider', 'dokploy']);
    assert.match(
      dokploy,
      /certificate permissions \(read\) .*in the environment variable CERT_ROTATE_API_TOKEN/,
    );
  });

  it("hands the command's words to the run", () => {
    const parsed = parseCommandLine(['validate', '--cert', 'a.pem', '--key', 'k.pem'], {
      CERT_ROTATE_CERTIFICATE_CHAIN: 'PEM',
    });
    assert.equal(parsed.kind, 'run');
    if (parsed.kind !== 'run') return;
    const { words } = parsed.settings;
    assert.equal(words.via('key-passphrase'), 'in the environment variable CERT_ROTATE_KEY_PASSPHRASE');
    assert.equal(words.via('private-key'), 'with --key FILE');
    assert.equal(words.turn('repair-chain', true), 'leave out --no-repair-chain');
    assert.equal(words.turn('reload-traefik', true), 'add --reload-traefik');
    assert.equal(words.name('certificate-chain'), 'CERT_ROTATE_CERTIFICATE_CHAIN');
    assert.deepEqual(
      single(parsed.settings).parts.map((p) => p.source.label),
      ['--cert', 'CERT_ROTATE_CERTIFICATE_CHAIN', '--key'],
    );
  });
});
