/**
 * `npm run bench`: what users care about, measured side by side with what they would otherwise
 * use, printed as Markdown tables (copied into the README with the machine they ran on). Never a
 * test: nothing here passes or fails on time; each target is printed next to its figure.
 *
 *   npm run bench                 everything (the shell baseline on the largest accounts takes long)
 *   npm run bench -- --quick      1 and 20 lineages on 10 and 1,000 certificates
 *   npm run bench -- --only=cold-start,planning,rotation,fleet,verify,check
 *   npm run bench -- --only=rotation --scenarios=1x5000@100,20x5000@100 [--no-baseline]
 *
 * Needs the built dist/ (it is committed), openssl, and for the baseline bash, curl and jq.
 */
import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Pki } from '../test/support/pki.ts';
import { measureScenarioWith, runBaselineScript } from './baseline.ts';
import { measureColdStart } from './cold-start.ts';
import { rerunMinimum, rotationBound, runOurs } from './ours.ts';
import { DEFAULT_CONCURRENCY } from '../src/verification/limits.ts';
import { type Fleet, startFleet } from './endpoint-fleet.ts';
import { measurePlanning } from './planning.ts';
import { FLEET_SCENARIO, FLEET_TARGETS, measureFleet } from './fleet.ts';
import { type Scenario, scenarios } from './scenario.ts';
import { ms, ratio, table } from './stats.ts';
import { measureCheckBaseline, measureVerification, spread, type Timing } from './verification.ts';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
/** `--scenarios=1x5000@100,20x5000@100`: just these rotation scenarios. */
const picked = args
  .find((a) => a.startsWith('--scenarios='))
  ?.slice('--scenarios='.length)
  .split(',');
const noBaseline = args.includes('--no-baseline');
const wanted = (section: string) => only === undefined || only.includes(section);
const log = (line: string) => process.stderr.write(`${line}\n`);

function machine(): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  return `${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`;
}

function tools(): void {
  for (const tool of ['openssl', 'curl', 'jq', 'bash']) {
    try {
      execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
    } catch {
      throw new Error(
        `${tool} is not on the PATH: install it (Debian: apt-get install ${tool}) and run again.`,
      );
    }
  }
}

/** Verification: endpoints, round trip, and the handshakes in flight at once that are compared. */
const FLEET_SIZE = 100;
const FLEET_RTT_MS = 100;
const CONCURRENCIES = [...new Set([DEFAULT_CONCURRENCY, 8, 16, 32, 64, 100])].sort((a, b) => a - b);
const concurrencyLabel = (c: number) => (c === DEFAULT_CONCURRENCY ? `${c} (default)` : String(c));

const out: string[] = [`Machine: ${machine()}.`, ''];
const rerunMs = new Map<Scenario, number>();
const pki = await Pki.create();
let fleet: Fleet | undefined;
try {
  tools();
  if (wanted('cold-start')) {
    log('cold start …');
    const { leaf, intermediates } = await pki.chain(1, { dns: ['bench.example.test'] });
    const c = measureColdStart(leaf, intermediates[0]!);
    out.push(
      `### Cold start (median of ${c.runs} runs each, interleaved)`,
      '',
      table(
        ['command', 'time', 'vs `node -e 0`', 'target'],
        [
          ['`node -e 0`', ms(c.nodeMs), '1.00×', ''],
          [
            '`node dist/index.js` (action, validate)',
            ms(c.actionMs),
            ratio(c.actionMs, c.nodeMs),
            `≤ 3× (peak RSS ${Math.round(c.actionRssMb)} MB)`,
          ],
          ['`node dist/cli/index.js validate`', ms(c.cliMs), ratio(c.cliMs, c.nodeMs), ''],
        ],
      ),
      '',
    );
  }

  if (wanted('rotation')) {
    const chosen = scenarios()
      .filter((s) => !quick || (s.lineages <= 20 && s.remote <= 1000))
      .filter((s) => picked === undefined || picked.includes(`${s.lineages}x${s.remote}@${s.latencyMs}`));
    const rows: string[][] = [];
    const requestRows: string[][] = [];
    for (const s of chosen) {
      const label = `${s.lineages} × ${s.remote.toLocaleString('en')} @ ${s.latencyMs} ms`;
      log(`rotation ${label} …`);
      const bound = rotationBound(s);
      let rerun = { requests: Number.NaN, writes: Number.NaN };
      const ours = await measureScenarioWith(pki, s, async (prepared) => {
        await runOurs(prepared);
        // The re-run is counted apart: it must list and write nothing else.
        const before = prepared.double.server.requests.length;
        const started = performance.now();
        await runOurs(prepared);
        const requests = prepared.double.server.requests.slice(before);
        rerun = { requests: requests.length, writes: requests.filter((r) => r.method !== 'GET').length };
        // The re-run's time is not part of the rotation's.
        rerunMs.set(s, performance.now() - started);
      });
      const rotationMs = ours.wallMs - (rerunMs.get(s) ?? 0);
      const baseline = noBaseline
        ? undefined
        : await measureScenarioWith(pki, s, runBaselineScript).catch((thrown: unknown) => {
            log(`  baseline failed: ${String(thrown).split('\n')[0]}`);
            return undefined;
          });
      rows.push([
        label,
        ms(rotationMs),
        s.latencyMs > 0 ? `${ms(bound.ms)} (${ratio(rotationMs, bound.ms)})` : '—',
        baseline ? ms(baseline.wallMs) : noBaseline ? '—' : 'failed',
        baseline ? ratio(baseline.wallMs, rotationMs) : '—',
        `${ours.requests - rerun.requests} / ${bound.minimumRequests}`,
        baseline ? String(baseline.requests) : '—',
        String(Math.max(ours.requestsPerMinutePeak, 0)),
      ]);
      requestRows.push([label, `${rerun.requests} (min ${rerunMinimum(s)})`, String(rerun.writes)]);
      log(`  ours ${ms(rotationMs)}, baseline ${baseline ? ms(baseline.wallMs) : 'failed'}`);
    }
    out.push(
      '### Rotation: lineages × certificates on the account @ latency per request',
      '',
      "Every lineage has one older version on the account; a rotation uploads the new one, reads it back and removes the old one. Ours: `dist/cli/index.js apply --manifest` (default settings). Baseline: `bench/baseline/rotate-digitalocean.sh` (openssl, curl, jq). Bound: the round trips that must follow one another × latency, or the time DigitalOcean's 250 requests a minute need for the minimum requests, whichever is longer (target ≤ 1.3× at 100 ms).",
      '',
      table(
        [
          'scenario',
          'ours',
          'bound (ours ÷ bound)',
          'baseline',
          'baseline ÷ ours',
          'our requests / minimum',
          'baseline requests',
          'our busiest minute',
        ],
        rows,
      ),
      '',
      '### A re-run with nothing to do',
      '',
      table(['scenario', 'requests (minimum ⌈remote/200⌉)', 'writes'], requestRows),
      '',
    );
  }

  if (wanted('fleet')) {
    log(
      `fleet: ${FLEET_TARGETS} accounts × ${FLEET_SCENARIO.lineages} lineages @ ${FLEET_SCENARIO.latencyMs} ms …`,
    );
    const fleet = await measureFleet(pki);
    log(`  fleet ${ms(fleet.fleetMs)}, one account alone ${ms(fleet.aloneMs)}`);
    out.push(
      `### Fleet: ${FLEET_TARGETS} targets × ${FLEET_SCENARIO.lineages} lineages @ ${FLEET_SCENARIO.latencyMs} ms (one run each)`,
      '',
      `Three DigitalOcean accounts (doubles with DigitalOcean's real rate limit), every lineage with one older version on each; one run rotates all three side by side (\`run()\` on a manifest whose \`targets:\` are the three accounts, \`bench/fleet.ts\`), against the same rotation on one account alone. Target: ≤ 1.2× the slowest target alone. Then a re-run with nothing to do: per target, exactly its listing.`,
      '',
      table(
        ['run', 'time', '÷ one account alone'],
        [
          [`${FLEET_TARGETS} accounts in one run`, ms(fleet.fleetMs), ratio(fleet.fleetMs, fleet.aloneMs)],
          ['one account alone', ms(fleet.aloneMs), '1.00×'],
        ],
      ),
      '',
      table(
        ['re-run, target', 'requests', 'of which the listing', 'writes'],
        fleet.rerun.map((r, i) => [
          `account-${i + 1}`,
          String(r.requests),
          String(r.listing),
          String(r.writes),
        ]),
      ),
      '',
    );
  }

  if (wanted('planning')) {
    log('planning …');
    const rows = measurePlanning();
    const base = rows[0];
    out.push(
      '### Planning (plan mode over an in-memory account; best of 5; a process per size)',
      '',
      table(
        ['remote × desired', 'CPU', 'vs 1,000 × 100', 'peak RSS'],
        rows.map((r) => [
          `${r.remote.toLocaleString('en')} × ${r.desired.toLocaleString('en')}`,
          `${r.cpuMs.toFixed(1)} ms`,
          base ? ratio(r.cpuMs, base.cpuMs) : '—',
          `${Math.round(r.peakRssMb)} MB`,
        ]),
      ),
      '',
      'Target: 10× the size costs at most 12× the time.',
      '',
    );
  }
  if (wanted('verify') || wanted('check')) {
    log(`verification fleet: ${FLEET_SIZE} endpoints, ${FLEET_RTT_MS} ms round trip …`);
    fleet = await startFleet(pki, FLEET_SIZE, FLEET_RTT_MS);
    const repeats = quick ? 3 : 5;
    const handshake = await measureVerification(fleet, { kind: 'handshake', repeats: quick ? 10 : 20 });
    const against = (t: Timing) => ratio(t.medianMs, handshake.medianMs);
    const rss = (t: Timing) => `${Math.round(t.peakRssMb)} MB`;
    const cpu = (t: Timing) => `${Math.round(t.cpuMs)} ms`;
    const handshakeLine = `One handshake through the same relay (\`checkTarget\`, one after another): ${spread(handshake, ms)} over ${handshake.runs} runs, peak RSS ${rss(handshake)}.`;
    log(`  one handshake ${ms(handshake.medianMs)}`);

    if (wanted('verify')) {
      const rows: string[][] = [];
      for (const concurrency of CONCURRENCIES) {
        log(`verify ${FLEET_SIZE} endpoints, concurrency ${concurrency} …`);
        const t = await measureVerification(fleet, { kind: 'wait', concurrency, repeats });
        rows.push([concurrencyLabel(concurrency), spread(t, ms), against(t), cpu(t), rss(t)]);
      }
      out.push(
        `### Verify ${FLEET_SIZE} endpoints, ${FLEET_RTT_MS} ms latency (median of ${repeats} runs, min–max; a worker process per row)`,
        '',
        `\`waitUntilServed\` over ${FLEET_SIZE} names pinned to loopback addresses, each a TLS server behind a relay that adds ${FLEET_RTT_MS / 2} ms each way (and one round trip before a connection's first bytes, as TCP's SYN costs), every one already serving the expected certificate: one round of handshakes, no polling interval. ${handshakeLine}`,
        '',
        table(['handshakes at once', 'all served', '÷ one handshake', 'client CPU', 'peak RSS'], rows),
        '',
        'Target: verification adds at most one handshake round trip plus the polling interval when the new certificate is already served (≈ 1× here).',
        '',
      );
    }

    if (wanted('check')) {
      const rows: string[][] = [
        ['one handshake', spread(handshake, ms), '1.00×', cpu(handshake), rss(handshake)],
      ];
      for (const concurrency of CONCURRENCIES) {
        log(`check ${FLEET_SIZE} endpoints, concurrency ${concurrency} …`);
        const t = await measureVerification(fleet, { kind: 'check', concurrency, repeats });
        rows.push([
          `check run, ${concurrencyLabel(concurrency)} at once`,
          spread(t, ms),
          against(t),
          cpu(t),
          rss(t),
        ]);
      }
      if (!noBaseline) {
        log('check baseline (openssl s_client, one after another) …');
        const baselineMs = await measureCheckBaseline(fleet).catch((thrown: unknown) => {
          log(`  baseline failed: ${String(thrown).split('\n')[0]}`);
          return Number.NaN;
        });
        rows.push([
          'baseline: `openssl s_client`, one after another (single run)',
          Number.isFinite(baselineMs) ? ms(baselineMs) : 'failed',
          ratio(baselineMs, handshake.medianMs),
          '—',
          '—',
        ]);
      }
      out.push(
        `### Check ${FLEET_SIZE} endpoints vs one handshake, ${FLEET_RTT_MS} ms latency (median of ${repeats} runs, min–max)`,
        '',
        `\`mode: check\` over the same endpoints, through \`run()\` with \`endpoints\` and \`resolve\` as a user gives them: reading the inputs, resolving, one handshake per address, judging each served certificate (\`bench/check-run.ts\`). Baseline: \`bench/baseline/check-endpoints.sh\`.`,
        '',
        table(['run', 'time', '÷ one handshake', 'client CPU', 'peak RSS'], rows),
        '',
      );
    }
  }
} finally {
  await fleet?.close();
  await pki.cleanup();
}
process.stdout.write(`${out.join('\n')}\n`);
