/**
 * Certificate and provider text cannot write Markdown, HTML or terminal escapes (issue 11, part 3).
 * Hostile certificates are made at test time by openssl: a subjectAltName holding a line break
 * that Node prints as `\u000a` and the engine decodes back into one, a heading after it, an
 * escape sequence, a carriage return, U+2028; a subject with mentions of a person and a team, a
 * URL, pipes, backticks, HTML, bidi controls and zero-width joiners. A Dokploy double lists a
 * certificate whose name holds a heading. Every surface is checked whole: the job summary, the PR
 * comment and the expiry issue as the GitHub double stores them, the terminal text, the
 * annotations as they reach the runner.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import type { RunContext } from '../../src/github/context.ts';
import { publish } from '../../src/publish.ts';
import { publishToGitHub } from '../../src/publish-github.ts';
import type { RunReport } from '../../src/report/report.ts';
import { renderSummary } from '../../src/report/summary.ts';
import { renderText } from '../../src/report/text.ts';
import { run } from '../../src/run.ts';
import { parseSettings, type RawInputs } from '../../src/settings.ts';
import { ALL_SCOPES, DigitalOceanDouble } from '../../test/doubles/digitalocean.ts';
import { DokployDouble } from '../../test/doubles/dokploy.ts';
import { GitHubDouble } from '../../test/doubles/github.ts';
import { type HostileCertificate, hostileCertificate } from '../../test/support/hostile-certificate.ts';
import { markdownProblems } from '../../test/support/markdown-safety.ts';
import { runAction } from '../support/run-dist.ts';

/** What no terminal line and no annotation may hold: line breaks inside a value, escapes, bidi controls. */
const UNSEEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
const ESC = '\u001b';

/** The subjectAltName's first entry (and so the certificate's label: it has no CN). */
const FIRST_SAN = 'a\\n\\#\\# pwned @octocat';

async function hostile(days: number): Promise<HostileCertificate> {
  return hostileCertificate({
    subject: [
      'O = @acme/admins | pipes | \\`tick\\` <script>alert(1)</script>',
      'OU = **bold** [x](https://evil.example/login) \\#12 GH-7',
      'L = www.evil.example deadbeefcafe1234 \\$x\\$ ~~s~~',
      'ST = cr\\rlf\\nls\u2028ps\u2029rlo\u202ezwj\u200dnel\u0085lri\u2066esc\u001b[31mend',
    ],
    dns: [
      FIRST_SAN,
      'b\u001b[2J\u001b[31mred\\r@acme/admins',
      'c\u2028d | e',
      'https://evil.example/login',
      'ok.example.test',
    ],
    days,
  });
}

function validate(cert: HostileCertificate, extra: RawInputs = {}) {
  return run(
    parseSettings({ mode: 'validate', certificate: cert.certPem, 'private-key': cert.keyPem, ...extra }),
    { cwd: process.cwd(), mask: () => {} },
  );
}

function assertPrintable(text: string, what: string): void {
  for (const [i, line] of text.split('\n').entries()) {
    const found = UNSEEN.exec(line);
    assert.equal(
      found,
      null,
      `${what}, line ${i + 1}: U+${found?.[0].codePointAt(0)?.toString(16)} in ${JSON.stringify(line)}`,
    );
  }
}

/** What `publish` writes to the runner: its annotation commands, one a line. */
async function annotationsOf(report: RunReport): Promise<string[]> {
  const written: string[] = [];
  const write = process.stdout.write;
  const summary = process.env.GITHUB_STEP_SUMMARY;
  const output = process.env.GITHUB_OUTPUT;
  delete process.env.GITHUB_STEP_SUMMARY;
  delete process.env.GITHUB_OUTPUT;
  process.stdout.write = ((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
  try {
    await publish(report);
  } finally {
    process.stdout.write = write;
    if (summary !== undefined) process.env.GITHUB_STEP_SUMMARY = summary;
    if (output !== undefined) process.env.GITHUB_OUTPUT = output;
  }
  return written
    .join('')
    .split(/\r?\n/)
    .filter((line) => /^::(error|warning|notice)\b/.test(line));
}

describe('the markdown safety check itself', () => {
  it('finds each thing it is there to find', () => {
    const table = ['| A | B |', '| --- | --- |'];
    const found = (row: string) => markdownProblems([...table, row, ''].join('\n'));
    assert.deepEqual(found('| x | y |'), []);
    assert.equal(found('| x\n## pwned | y |').length > 0, true, 'a heading');
    assert.equal(found('| x | y | z |').length > 0, true, 'a cell too many');
    for (const bad of [
      '@octocat',
      'https://evil.example',
      'www.evil.example',
      '#12',
      'GH-7',
      '<img>',
      '`x`',
      'deadbeefcafe',
      'a\u202eb',
      '[x](y)',
    ]) {
      assert.equal(found(`| ${bad} | y |`).length > 0, true, bad);
    }
  });
});

describe('hostile certificate text', () => {
  let expiring: HostileCertificate;
  before(async () => {
    expiring = await hostile(5);
  });

  it('keeps the true subjectAltName for matching: the decoded line break is still there', async () => {
    const { report } = await validate(expiring);
    const leaf = report.certificates[0]?.leaf;
    assert.equal(leaf?.dnsNames[0], 'a\n## pwned @octocat');
    assert.ok(leaf?.dnsNames.includes('b\u001b[2J\u001b[31mred\r@acme/admins'));
    assert.equal(report.certificates[0]?.label, 'a\n## pwned @octocat', 'no CN: called by its first SAN');
  });

  it('writes nothing of its own into the job summary', async () => {
    const { report } = await validate(expiring);
    const md = renderSummary(report);
    assert.deepEqual(markdownProblems(md), []);
    // Still there to read, spelled out.
    assert.match(md, /a&#92;u000a&#35;<!-- -->&#35;<!-- --> pwned @<!-- -->octocat/);
    assert.match(md, /@<!-- -->acme\/admins/);
    assert.match(md, /https:<!-- -->\/\/evil\.example\/login/);
  });

  it('writes nothing into the PR comment and the expiry issue, as GitHub stores them', async () => {
    const github = await GitHubDouble.start();
    try {
      github.addRepo('octo', 'app');
      const pr = github.addPullRequest('octo', 'app', { title: 'Rotate' });
      const inputs = { mode: 'validate', 'github-token': github.token, 'expiry-issue': 'true' };
      const base: Omit<RunContext, 'event'> = {
        repo: { owner: 'octo', repo: 'app' },
        workflow: 'certs',
        job: 'check',
        apiUrl: github.url,
      };
      const warnings: string[] = [];
      const publishing = (context: RunContext, raw: RawInputs) => ({
        context,
        settings: parseSettings({ certificate: expiring.certPem, 'private-key': expiring.keyPem, ...raw }),
        client: async () => {
          const { createGitHubClient } = await import('../../src/github/client.ts');
          return createGitHubClient(github.token, { apiUrl: github.url });
        },
        log: { info: () => {}, warning: (m: string) => warnings.push(m) },
      });

      const onPr = await validate(expiring, inputs);
      await publishToGitHub(
        onPr.report,
        publishing(
          { ...base, event: 'pull_request', pullRequest: { number: pr.number, fork: false } },
          inputs,
        ),
      );
      const scheduled = await validate(expiring, inputs);
      await publishToGitHub(scheduled.report, publishing({ ...base, event: 'schedule' }, inputs));
      assert.deepEqual(warnings, []);

      const [comment] = github.comments('octo', 'app', pr.number);
      assert.ok(comment, 'the comment was posted');
      assert.deepEqual(markdownProblems(comment.body), []);
      const issue = github.issues('octo', 'app').find((i) => i.number !== pr.number);
      assert.ok(issue?.body, 'the expiry issue was opened');
      assert.match(issue.body, /\| a&#92;u000a&#35;<!-- -->&#35;<!-- --> pwned @<!-- -->octocat \|/);
      assert.deepEqual(markdownProblems(issue.body), []);
    } finally {
      await github.close();
    }
  });

  it('moves no cursor and forges no line in the terminal', async () => {
    const { report } = await validate(expiring);
    const plain = renderText(report, { color: false });
    assert.ok(!plain.includes(ESC), 'an escape sequence from the certificate');
    assertPrintable(plain, 'the terminal text');
    assert.ok(!/^## pwned/m.test(plain), 'no line of the certificate’s own');
    assert.ok(plain.includes('a\\u000a## pwned @octocat'), 'the SAN, spelled out');
    // In colour, the same text with the action's own SGR codes around some of it, and nothing else.
    const sgr = (part: string, i: number) => (i === 0 ? part : part.replace(/^\[\d+m/, ''));
    assert.equal(renderText(report, { color: true }).split(ESC).map(sgr).join(''), plain);
  });

  it('puts no line break or escape into an annotation', async () => {
    const { report } = await validate(expiring);
    const annotations = await annotationsOf(report);
    assert.ok(annotations.length > 0, 'the self-signed certificate has findings');
    for (const line of annotations) {
      assert.ok(!line.includes(ESC), line);
      assert.ok(!/%0[AD]/i.test(line), `an escaped line break the runner would restore: ${line}`);
      assertPrintable(line, 'annotation');
    }
  });
});

describe('the terminal command', () => {
  it('prints the text, the JSON and nothing unseen, whatever the certificate holds', async () => {
    const cert = await hostile(5);
    const dir = await mkdtemp(join(tmpdir(), 'hostile-cli-'));
    try {
      await writeFile(join(dir, 'cert.pem'), cert.certPem);
      await writeFile(join(dir, 'key.pem'), cert.keyPem, { mode: 0o600 });
      const command = (...extra: string[]) =>
        promisify(execFile)(
          process.execPath,
          [
            'src/cli.ts',
            'validate',
            '--cert',
            join(dir, 'cert.pem'),
            '--key',
            join(dir, 'key.pem'),
            ...extra,
          ],
          { env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' } },
        ).catch((failed: { stdout: string; code: number }) => failed);
      const text = await command();
      assert.ok(text.stdout.includes('a\\u000a## pwned @octocat'), text.stdout);
      assertPrintable(text.stdout, 'the command’s text');
      const json = await command('--json');
      assertPrintable(json.stdout, 'the command’s JSON');
      // The same value: only spelled differently.
      const report = JSON.parse(json.stdout) as RunReport;
      assert.match(
        report.certificates[0]?.leaf?.subject ?? '',
        /ls\u2028ps\u2029rlo\u202ezwj\u200dnel\u0085lri\u2066/,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('a hostile provider listing', () => {
  it('a Dokploy certificate name with line breaks and a heading stays in its cell', async () => {
    const cert = await hostile(40);
    const key = 'test-hostile-listing-key';
    const double = await DokployDouble.start({ keys: [{ key, organizationId: 'org-a', role: 'owner' }] });
    try {
      double.seed({
        name: 'legacy\n## pwned\r\n| x | y |\u2028@octocat https://evil.example/login \u202e`tick`',
        certificateData: cert.certPem,
        privateKey: '',
        organizationId: 'org-a',
      });
      const { report } = await run(
        parseSettings({
          mode: 'plan',
          provider: 'dokploy',
          'api-url': double.url,
          'api-token': key,
          inventory: 'true',
        }),
        { cwd: process.cwd(), mask: () => {} },
      );
      assert.equal(report.inventory?.length, 1, JSON.stringify(report));
      assert.match(report.inventory?.[0]?.name ?? '', /\n## pwned/, 'the name as the provider gave it');
      const md = renderSummary(report);
      assert.deepEqual(markdownProblems(md), []);
      assert.match(md, /\| legacy&#92;u000a&#35;<!-- -->&#35;<!-- --> pwned/);
      const text = renderText(report, { color: false });
      assertPrintable(text, 'inventory text');
      assert.ok(text.includes('legacy\\u000a## pwned\\u000d\\u000a| x | y |\\u2028@octocat'), text);
    } finally {
      await double.close();
    }
  });
});

describe('a hostile provider error', () => {
  it('fails the step with its escapes spelled out: no colour, no cleared screen in the log', async () => {
    const cert = await hostile(40);
    const token = 'test-hostile-error-token';
    const double = await DigitalOceanDouble.start({ tokens: { [token]: ALL_SCOPES } });
    try {
      double.server.inject({
        path: '/v2/certificates',
        times: Number.POSITIVE_INFINITY,
        fault: {
          kind: 'status',
          status: 422,
          body: { id: 'unprocessable_entity', message: 'bad \u001b[2J\u001b[31mred\u202eevil' },
        },
      });
      const result = await runAction({
        mode: 'plan',
        provider: 'digitalocean',
        'api-url': double.url,
        'api-token': token,
        name: 'app',
        certificate: cert.certPem,
        'private-key': cert.keyPem,
      });
      assert.equal(result.code, 1, result.stdout);
      const failed = result.stdout.split('\n').filter((line) => line.startsWith('::error::'));
      assert.ok(failed.length > 0, result.stdout);
      assert.ok(
        failed.some((line) => line.includes('bad \\u001b[2J\\u001b[31mred\\u202eevil')),
        failed.join('\n'),
      );
      for (const line of failed) assertPrintable(line, 'the failure line');
    } finally {
      await double.close();
    }
  });
});
