/**
 * notify-webhook, notify-format and notify-on: read with the other inputs (and by the command, the
 * URL from the environment only), masked when read, and every refusal names the input without a
 * character of the URL, which is a secret.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCommandLine } from '../../src/cli/args.ts';
import { Inputs, SECRET_INPUTS } from '../../src/constants.ts';
import { InputError } from '../../src/errors.ts';
import { readActionInputs } from '../../src/action-inputs.ts';
import { parseSettings, type RawInputs } from '../../src/settings.ts';

const PEM = '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n';
const TOKEN = 'T0AB12CD3/B0EF45GH6/q8Jz3XbYpL0mN4vR7tWk2HsD';
const SLACK = `https://hooks.slack.com/services/${TOKEN}`;

const settings = (raw: RawInputs) => parseSettings({ mode: 'validate', certificate: PEM, ...raw });

/** Refused with `message`, and nothing said of `secret`: neither whole nor its token's parts nor a host of ours. */
function refused(raw: RawInputs, message: RegExp, secret: string): void {
  assert.throws(
    () => settings(raw),
    (error: unknown) => {
      assert.ok(error instanceof InputError, String(error));
      assert.match(error.message, message);
      const said = `${error.message}\n${error.fix ?? ''}`;
      assert.ok(!said.includes(secret), said);
      for (const part of [...TOKEN.split('/'), 'acme-chat']) {
        assert.ok(!said.includes(part), `${part} in: ${said}`);
      }
      return true;
    },
  );
}

describe('notify settings', () => {
  it('no webhook: no alert; the defaults are slack and attention', () => {
    assert.equal(settings({}).notify, undefined);
    // The runner passes the defaults of action.yml with every run, webhook or not.
    assert.equal(settings({ 'notify-format': 'slack', 'notify-on': 'attention' }).notify, undefined);
    const notify = settings({ 'notify-webhook': ` ${SLACK}\n` }).notify;
    assert.equal(notify?.url.href, SLACK);
    assert.equal(notify?.format, 'slack');
    assert.equal(notify?.on, 'attention');
    const json = settings({
      'notify-webhook': SLACK,
      'notify-format': 'JSON',
      'notify-on': ' change ',
    }).notify;
    assert.deepEqual([json?.format, json?.on], ['json', 'change']);
    assert.equal(settings({ 'notify-webhook': SLACK, 'notify-on': 'always' }).notify?.on, 'always');
    // In check mode too.
    assert.equal(
      parseSettings({ mode: 'check', domains: 'example.com', 'notify-webhook': SLACK }).notify?.url.href,
      SLACK,
    );
  });

  it('refuses an unknown format or moment, naming the input and what it takes', () => {
    refused(
      { 'notify-webhook': SLACK, 'notify-format': 'teams' },
      /^Invalid notify-format 'teams'\. Expected one of: slack, json\.$/,
      SLACK,
    );
    refused(
      { 'notify-webhook': SLACK, 'notify-on': 'sometimes' },
      /^Invalid notify-on 'sometimes'\. Expected one of: attention, change, always\.$/,
      SLACK,
    );
  });

  it('refuses plain http to another machine, other schemes, credentials and non-URLs, quoting none', () => {
    const plain = `http://acme-chat.example.com/hooks/${TOKEN}`;
    refused({ 'notify-webhook': plain }, /^notify-webhook is a plain http address of another machine/, plain);
    const ftp = `ftp://acme-chat.example.com/${TOKEN}`;
    refused({ 'notify-webhook': ftp }, /^notify-webhook is not an http\(s\) address/, ftp);
    const credentials = `https://user:${TOKEN.replace(/\//g, '')}@acme-chat.example.com/x`;
    refused({ 'notify-webhook': credentials }, /^notify-webhook holds a user name or password/, credentials);
    const bare = TOKEN;
    refused({ 'notify-webhook': bare }, /^notify-webhook is not a URL/, bare);
  });

  it('takes plain http to this machine (a test receiver, a tunnel)', () => {
    for (const url of ['http://127.0.0.1:8080/hooks/abc', 'http://localhost/x', 'http://[::1]:9/x']) {
      assert.equal(settings({ 'notify-webhook': url }).notify?.url.protocol, 'http:', url);
    }
  });

  it('is a secret input: masked whole (untrimmed) the moment it is read', () => {
    assert.ok(SECRET_INPUTS.includes(Inputs.NotifyWebhook));
    // The runner keeps the dashes: INPUT_NOTIFY-WEBHOOK.
    const variable = 'INPUT_NOTIFY-WEBHOOK';
    const saved = process.env[variable];
    process.env[variable] = ` ${SLACK} `;
    try {
      const masked: string[] = [];
      const raw = readActionInputs((secret) => masked.push(secret));
      assert.equal(raw['notify-webhook'], ` ${SLACK} `);
      assert.ok(masked.includes(SLACK), masked.join('\n'));
    } finally {
      if (saved === undefined) delete process.env[variable];
      else process.env[variable] = saved;
    }
  });
});

describe('the command', () => {
  it('takes the URL from CERT_ROTATE_NOTIFY_WEBHOOK, and --notify-on / --notify-format', () => {
    const parsed = parseCommandLine(
      ['validate', '--cert', 'c.pem', '--notify-on', 'always', '--notify-format', 'json'],
      { CERT_ROTATE_NOTIFY_WEBHOOK: SLACK },
    );
    assert.equal(parsed.kind, 'run');
    if (parsed.kind !== 'run') return;
    assert.deepEqual(
      [parsed.settings.notify?.url.href, parsed.settings.notify?.on, parsed.settings.notify?.format],
      [SLACK, 'always', 'json'],
    );
  });

  it('refuses the URL as a flag, without quoting it', () => {
    const parsed = parseCommandLine(['validate', '--cert', 'c.pem', `--notify-webhook=${SLACK}`], {});
    assert.equal(parsed.kind, 'usage-error');
    if (parsed.kind !== 'usage-error') return;
    assert.match(
      parsed.message,
      /is not an option: .* come only from the environment \(CERT_ROTATE_NOTIFY_WEBHOOK\)/,
    );
    assert.ok(!parsed.message.includes(TOKEN.slice(0, 9)), parsed.message);
  });

  it('names the variable when its value is refused', () => {
    const parsed = parseCommandLine(['validate', '--cert', 'c.pem'], {
      CERT_ROTATE_NOTIFY_WEBHOOK: `http://hooks.example.com/${TOKEN}`,
    });
    assert.equal(parsed.kind, 'input-error');
    if (parsed.kind !== 'input-error') return;
    assert.match(parsed.message, /^CERT_ROTATE_NOTIFY_WEBHOOK is a plain http address/);
    assert.ok(!parsed.message.includes('hooks.example.com'), parsed.message);
  });
});
