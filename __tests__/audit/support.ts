/**
 * Helpers of the audit tests: the leak detector of the key-leak canary (`Canary`), and the
 * per-call limits, counts and slowest calls of the fuzz tests (`FuzzMeter`, `readFuzzConfig`).
 *
 * The leak detector: every secret of a run (private keys, PKCS#12 files,
 * passwords, passphrases, tokens) cut into 16-character windows, looked for in everything the
 * action prints or posts, as it is and decoded the ways text gets re-encoded on its way out
 * (JSON and workflow-command escapes, URL encoding, HTML entities, line breaks squeezed out).
 *
 * A key is looked for as its base64 body (the PEM text) and as the hex of its DER. Windows that a
 * public certificate shares with a key (algorithm identifiers, an RSA modulus or EC point at a
 * matching base64 alignment) are no secret and are dropped (`excludeCertificate`), and so are
 * windows two independent secrets share (every 2048-bit RSA PKCS#8 key starts the same way).
 */
import { createPrivateKey } from 'node:crypto';
import { inspect } from 'node:util';

export const WINDOW = 16;

export interface Leak {
  /** Where it was found: `stdout`, `outputs.report`, `comment #3` … */
  where: string;
  /** Which secret. */
  secret: string;
  /** The window found (or the whole short secret). */
  window: string;
  /** How the text had to be read to find it: raw, squeezed, decoded. */
  form: string;
}

/** The base64 between PEM markers (and header lines), without any white space. */
export function pemBody(pem: string): string {
  return pem
    .replace(/\\r|\\n/g, '\n')
    .split(/\r?\n/)
    .filter((line) => !line.startsWith('-----') && !line.includes(':'))
    .join('')
    .replace(/\s+/g, '');
}

export class Canary {
  readonly #windows = new Map<string, string>();
  /** Secrets shorter than a window: looked for whole. */
  readonly #whole = new Map<string, string>();
  /** Windows two different secrets share: the format (a PKCS#8 RSA header), not a secret. */
  readonly #shared = new Set<string>();
  #excluded = 0;

  /** A private key (PEM): its base64 body and the hex of its DER. */
  addKey(name: string, pem: string): this {
    this.addText(name, pemBody(pem));
    try {
      const der = createPrivateKey(pem).export({ type: 'pkcs8', format: 'der' });
      this.addText(`${name} (PKCS#8 DER, hex)`, der.toString('hex'));
      const base64 = der.toString('base64');
      if (base64 !== pemBody(pem)) this.addText(`${name} (PKCS#8 DER, base64)`, base64);
    } catch {
      // an encrypted key: its body is what there is to leak
    }
    return this;
  }

  /** Any secret text (a token, a password, base64 of a file): windows of it, or the whole when short. */
  addText(name: string, secret: string): this {
    if (secret.length === 0) return this;
    if (secret.length < WINDOW) {
      this.#whole.set(secret, name);
      return this;
    }
    for (let i = 0; i + WINDOW <= secret.length; i++) {
      const window = secret.slice(i, i + WINDOW);
      if (this.#shared.has(window)) continue;
      const owner = this.#windows.get(window);
      if (owner !== undefined && owner !== name) {
        this.#windows.delete(window);
        this.#shared.add(window);
      } else this.#windows.set(window, name);
    }
    return this;
  }

  addBytes(name: string, bytes: Uint8Array): this {
    return this.addText(name, Buffer.from(bytes).toString('base64'));
  }

  /** A public certificate's DER: every window it shares with a secret is no secret. */
  excludeCertificate(der: Buffer): this {
    const texts = [der.toString('hex')];
    for (let shift = 0; shift < 3; shift++)
      texts.push(Buffer.concat([Buffer.alloc(shift), der]).toString('base64'));
    for (const text of texts) {
      for (let i = 0; i + WINDOW <= text.length; i++) {
        if (this.#windows.delete(text.slice(i, i + WINDOW))) this.#excluded++;
      }
    }
    return this;
  }

  get windows(): number {
    return this.#windows.size;
  }

  get excluded(): number {
    return this.#excluded;
  }

  /** Windows dropped because independent secrets share them (format, not secret). */
  get shared(): number {
    return this.#shared.size;
  }

  /** Every secret found in `text`, in any of its readings (the first window of each). */
  find(where: string, text: string): Leak[] {
    const found: Leak[] = [];
    const seen = new Set<string>();
    for (const [form, reading] of readings(text)) {
      for (const [whole, secret] of this.#whole) {
        if (reading.includes(whole) && !seen.has(secret)) {
          seen.add(secret);
          found.push({ where, secret, window: whole, form });
        }
      }
      for (let i = 0; i + WINDOW <= reading.length; i++) {
        const window = reading.slice(i, i + WINDOW);
        const secret = this.#windows.get(window);
        if (secret !== undefined && !seen.has(secret)) {
          seen.add(secret);
          found.push({ where, secret, window, form });
        }
      }
    }
    return found;
  }

  /** Look through every place at once. */
  scan(places: Record<string, string>): Leak[] {
    return Object.entries(places).flatMap(([where, text]) => this.find(where, text));
  }
}

/** Text as printed, and as it reads once the usual escapes are undone and line breaks squeezed out. */
export function readings(text: string): [string, string][] {
  const squeeze = (s: string) => s.replace(/\\[rn]|%0[AD]|<br\s*\/?>|\s+/gi, '');
  const decoded = text
    .replace(/\\u([0-9a-fA-F]{4})/g, (_all, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
    .replace(/\\\//g, '/')
    .replace(/&#x([0-9a-fA-F]+);/g, (_all, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_all, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&(amp|lt|gt|quot|apos);/g, (_all, name: string) => ENTITIES[name] ?? '')
    .replace(/%([0-9a-fA-F]{2})/g, (_all, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return [
    ['raw', text],
    ['squeezed', squeeze(text)],
    ['decoded', squeeze(decoded)],
  ];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** stdout without the `::add-mask::` lines: registering a secret with the runner is the point of them. */
export function withoutMaskCommands(stdout: string): string {
  return stdout.replace(/^::add-mask::.*$/gm, '');
}

/** Everything an error carries that could be printed: message, fix, stack, causes, inspect. */
export function errorText(thrown: unknown): Record<string, string> {
  const error = thrown as { message?: unknown; fix?: unknown; stack?: unknown };
  return {
    message: String(error?.message ?? ''),
    fix: String(error?.fix ?? ''),
    stack: String(error?.stack ?? ''),
    string: String(thrown),
    inspect: inspect(thrown, { depth: Infinity, showHidden: true }),
    json: safeJson(thrown),
  };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return '';
  }
}

/** For a failure message: where, which secret, and the window (the window is test material only). */
export function describeLeaks(leaks: readonly Leak[]): string {
  return leaks.map((l) => `${l.where}: ${l.secret} (${l.form}: ${JSON.stringify(l.window)})`).join('\n');
}

// ---------------------------------------------------------------------------------------------
// Fuzzing: configuration, per-call CPU and wall limits, counts and the slowest calls
// ---------------------------------------------------------------------------------------------

export interface FuzzConfig {
  /** FUZZ_SEED: fast-check's seed (a fixed default, so a run is reproducible). */
  seed: number;
  /** FUZZ_RUNS: a factor on every property's number of runs (e.g. 10 for a long local session). */
  runFactor: number;
  /**
   * FUZZ_CALL_LIMIT_MS: CPU time one call may take (default 1000). CPU time, not wall time: a
   * loaded CI machine stretches the wall clock, not the work a call does.
   */
  cpuLimitMs: number;
  /** FUZZ_WALL_LIMIT_MS: wall time one call may take (default 5000, at least the CPU limit): a call that sleeps or waits. */
  wallLimitMs: number;
}

export function readFuzzConfig(env: NodeJS.ProcessEnv = process.env, defaultSeed = 0x5eed_c3a7): FuzzConfig {
  const read = (name: string, fallback: number, valid: (n: number) => boolean, what: string): number => {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') return fallback;
    const value = Number(raw);
    if (!valid(value)) throw new Error(`${name} must be ${what}, not ${JSON.stringify(raw)}`);
    return value;
  };
  const positive = (n: number) => Number.isFinite(n) && n > 0;
  const cpuLimitMs = read('FUZZ_CALL_LIMIT_MS', 1000, positive, 'a positive number of milliseconds');
  return {
    seed: read('FUZZ_SEED', defaultSeed, Number.isSafeInteger, 'an integer') | 0,
    runFactor: read('FUZZ_RUNS', 1, positive, 'a positive number'),
    cpuLimitMs,
    wallLimitMs: read(
      'FUZZ_WALL_LIMIT_MS',
      Math.max(5000, cpuLimitMs),
      positive,
      'a positive number of milliseconds',
    ),
  };
}

/** A call went over its CPU or wall-time limit: a (potential) hang. */
export class CallLimitError extends Error {
  override name = 'CallLimitError';
}

interface Slowest {
  ms: number;
  what: string;
}

interface GeneratorStats {
  generated: boolean;
  calls: number;
  cpu: Slowest;
  wall: Slowest;
}

/**
 * Measures every call to the code under test: its CPU time (`process.cpuUsage()`, all threads of
 * the process) and its wall time, each against its limit, and keeps, per generator, the number
 * of calls and the slowest of each.
 */
export class FuzzMeter {
  readonly config: FuzzConfig;
  readonly #title: string;
  readonly #stats = new Map<string, GeneratorStats>();
  #current: GeneratorStats | undefined;

  constructor(title: string, config: FuzzConfig) {
    this.#title = title;
    this.config = config;
  }

  /** The calls from now on belong to `generator` (`generated: false` for fixed inputs, not counted). */
  use(generator: string, options: { generated?: boolean } = {}): void {
    let stats = this.#stats.get(generator);
    if (!stats) {
      stats = {
        generated: options.generated ?? true,
        calls: 0,
        cpu: { ms: 0, what: '' },
        wall: { ms: 0, what: '' },
      };
      this.#stats.set(generator, stats);
    }
    this.#current = stats;
  }

  /** Wrap a property's predicate: its calls belong to `generator`. */
  property<A extends unknown[], R>(generator: string, predicate: (...args: A) => R): (...args: A) => R {
    return (...args: A) => {
      this.use(generator);
      return predicate(...args);
    };
  }

  /**
   * Run `fn` (synchronous), counting and timing it, whether it returns or throws. A call over
   * either limit fails with the time it took (a `CallLimitError`); else its throw is passed on.
   */
  measure<T>(what: string, fn: () => T): T {
    const stats = this.#current;
    if (!stats) throw new Error('FuzzMeter.measure outside of a generator: call use() first');
    const cpuStart = process.cpuUsage();
    const wallStart = performance.now();
    let outcome: { value: T } | { thrown: unknown };
    try {
      outcome = { value: fn() };
    } catch (thrown) {
      outcome = { thrown };
    }
    const wallMs = performance.now() - wallStart;
    const cpu = process.cpuUsage(cpuStart);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    stats.calls++;
    if (cpuMs > stats.cpu.ms) stats.cpu = { ms: cpuMs, what };
    if (wallMs > stats.wall.ms) stats.wall = { ms: wallMs, what };
    if (cpuMs > this.config.cpuLimitMs || wallMs > this.config.wallLimitMs) {
      throw new CallLimitError(
        `${what} took ${cpuMs.toFixed(0)} ms of CPU and ${wallMs.toFixed(0)} ms of wall time ` +
          `(limits ${this.config.cpuLimitMs} ms CPU, ${this.config.wallLimitMs} ms wall)`,
      );
    }
    if ('thrown' in outcome) throw outcome.thrown;
    return outcome.value;
  }

  /**
   * A call measured elsewhere (in a process of its own: the oversized inputs), counted and held to
   * the same limits as `measure`.
   */
  record(what: string, cpuMs: number, wallMs: number): void {
    const stats = this.#current;
    if (!stats) throw new Error('FuzzMeter.record outside of a generator: call use() first');
    stats.calls++;
    if (cpuMs > stats.cpu.ms) stats.cpu = { ms: cpuMs, what };
    if (wallMs > stats.wall.ms) stats.wall = { ms: wallMs, what };
    if (cpuMs > this.config.cpuLimitMs || wallMs > this.config.wallLimitMs) {
      throw new CallLimitError(
        `${what} took ${cpuMs.toFixed(0)} ms of CPU and ${wallMs.toFixed(0)} ms of wall time ` +
          `(limits ${this.config.cpuLimitMs} ms CPU, ${this.config.wallLimitMs} ms wall)`,
      );
    }
  }

  /** Generated inputs run, all generators together. */
  get total(): number {
    let total = 0;
    for (const stats of this.#stats.values()) if (stats.generated) total += stats.calls;
    return total;
  }

  calls(generator: string): number {
    return this.#stats.get(generator)?.calls ?? 0;
  }

  /** The lines to quote: the total, and per generator its inputs and slowest calls. */
  report(): string {
    const { seed, runFactor, cpuLimitMs, wallLimitMs } = this.config;
    const lines = [
      `${this.#title}: ${this.total} generated inputs (seed ${seed}, FUZZ_RUNS ${runFactor}; ` +
        `limits per call ${cpuLimitMs} ms CPU, ${wallLimitMs} ms wall)`,
    ];
    for (const [name, s] of this.#stats) {
      lines.push(
        `  ${name}: ${s.calls} ${s.generated ? 'inputs' : 'fixed inputs (not counted)'}; ` +
          `slowest ${s.cpu.ms.toFixed(1)} ms CPU (${s.cpu.what}), ${s.wall.ms.toFixed(1)} ms wall (${s.wall.what})`,
      );
    }
    return lines.join('\n');
  }
}
