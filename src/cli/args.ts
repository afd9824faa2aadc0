/**
 * Command line → the same raw inputs the action reads. Every input can also come from an
 * environment variable `CERT_ROTATE_<INPUT>` (e.g. CERT_ROTATE_PRIVATE_KEY_FILE); flags win.
 * Passwords and passphrases are accepted only from the environment: a flag would put them in
 * the process list and the shell history.
 *
 * Node's parser runs loose (it never throws) and the problems are worded here, one line each:
 * its own messages quote the argument, which may be a key pasted on the command line.
 */
import { parseArgs } from 'node:util';
import { type InputName, Inputs, MODES, SECRET_INPUTS } from '../constants.ts';
import { InputError, messageWithFix } from '../errors.ts';
import { quotable } from '../secrets.ts';
import { parseSettings, type RawInputs, type Settings } from '../settings.ts';
import { type Command, commandWords, envName, FLAGS, type Flag } from './flags.ts';
import { commandHelp, generalHelp } from './help.ts';

export { envName };

export type CommandLine =
  | { kind: 'run'; settings: Settings; json: boolean }
  | { kind: 'help'; text: string }
  | { kind: 'version' }
  /** The command line itself is wrong: one line that says what, and which help to read. */
  | { kind: 'usage-error'; message: string }
  /** The options parse, but a value is wrong: say which, without the whole usage text. */
  | { kind: 'input-error'; message: string };

type Token = NonNullable<ReturnType<typeof parseArgs>['tokens']>[number];
type OptionToken = Extract<Token, { kind: 'option' }>;

const OPTIONS = Object.fromEntries([
  ...FLAGS.map((flag) => [
    flag.name,
    {
      type: flag.value === undefined ? ('boolean' as const) : ('string' as const),
      ...(flag.multiple ? { multiple: true } : {}),
      ...(flag.name === 'help' ? { short: 'h' } : {}),
    },
  ]),
  ['version', { type: 'boolean' as const }],
]);

export function parseCommandLine(argv: readonly string[], env: NodeJS.ProcessEnv): CommandLine {
  const { tokens } = parseArgs({
    args: [...argv],
    options: OPTIONS,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const options = tokens.filter((t): t is OptionToken => t.kind === 'option');
  const positionals = tokens.filter((t) => t.kind === 'positional').map((t) => t.value);
  const first = positionals[0];
  const command = (MODES as readonly string[]).includes(first ?? '') ? (first as Command) : undefined;
  if (options.some((o) => o.name === 'help')) {
    return { kind: 'help', text: command === undefined ? generalHelp() : commandHelp(command) };
  }
  if (options.some((o) => o.name === 'version')) return { kind: 'version' };

  const usage = (problem: string): CommandLine => ({
    kind: 'usage-error',
    message: `${problem}; see cert-rotate${command === undefined ? '' : ` ${command}`} --help`,
  });
  const seen = new Set<string>();
  let place = 0;
  for (const token of tokens) {
    if (token.kind === 'option') {
      const problem = optionProblem(token, command);
      if (problem !== undefined) return usage(problem);
      seen.add(token.name);
    } else if (token.kind === 'positional') {
      if (place++ > 0) return usage(`unexpected argument '${quotable(token.value)}'`);
      if (command === undefined) {
        const near = nearest(token.value, MODES);
        return usage(
          `unknown command '${quotable(token.value)}'${near ? ` (did you mean ${near}?)` : ''}; expected ${MODES.join(', ')}`,
        );
      }
    }
  }
  if (command === undefined) return usage(`no command given (${MODES.join(', ')})`);
  if (seen.has('cert') && seen.has('bundle'))
    return usage('--cert and --bundle are the same option; give one');

  const raw: RawInputs = {};
  /** Inputs whose value came from a CERT_ROTATE_* variable: messages about them name the variable. */
  const fromEnv = new Set<InputName>();
  for (const input of Object.values(Inputs) as InputName[]) {
    const value = env[envName(input)];
    if (value === undefined || value === '') continue;
    raw[input] = value;
    fromEnv.add(input);
  }
  raw[Inputs.Mode] = command;
  fromEnv.delete(Inputs.Mode);
  const lists = new Map<InputName, string[]>();
  for (const token of options) {
    const flag = flagNamed(token.name);
    const input = flag?.input;
    if (flag === undefined || input === undefined) continue;
    fromEnv.delete(input);
    if (flag.sets !== undefined) {
      raw[input] = flag.sets;
    } else if (flag.multiple) {
      lists.set(input, [...(lists.get(input) ?? []), token.value ?? '']);
    } else {
      raw[input] = token.value ?? '';
    }
    if (input.endsWith('-file')) {
      // A file flag replaces a value given for the same part in the environment.
      const valueInput = input.replace(/-file$/, '') as InputName;
      delete raw[valueInput];
      fromEnv.delete(valueInput);
    }
  }
  // New lines, which every list input takes (a resolve pin keeps its commas for its addresses).
  for (const [input, values] of lists) raw[input] = values.join('\n');
  const json = options.some((o) => o.name === 'json');

  try {
    return { kind: 'run', settings: parseSettings(raw, { words: commandWords(fromEnv) }), json };
  } catch (thrown) {
    if (thrown instanceof InputError) return { kind: 'input-error', message: messageWithFix(thrown) };
    throw thrown;
  }
}

function flagNamed(name: string): Flag | undefined {
  return FLAGS.find((flag) => flag.name === name);
}

/** What is wrong with one option, if anything. Never quotes a value: it may be a key. */
function optionProblem(token: OptionToken, command: Command | undefined): string | undefined {
  const shown = quotable(token.rawName);
  const flag = flagNamed(token.name);
  if (flag === undefined) {
    if ((SECRET_INPUTS as readonly string[]).includes(token.name)) {
      return `${shown} is not an option: passwords, keys and tokens come only from the environment (${envName(token.name as InputName)}), so they stay out of the process list and the shell history`;
    }
    const near = nearest(token.name, [...FLAGS.map((f) => f.name), 'version']);
    return `unknown option ${shown}${near ? ` (did you mean --${near}?)` : ''}`;
  }
  if (flag.value === undefined) {
    if (token.inlineValue) return `${shown} takes no value`;
  } else {
    const value = token.value;
    // `--cert --key k.pem`: the next option is not a file name (`--cert=-odd.pem` still is).
    if (value === undefined || value === '' || (!token.inlineValue && value.startsWith('-'))) {
      return `${shown} needs a value: --${flag.name} ${flag.value}`;
    }
  }
  if (command !== undefined && !flag.commands.includes(command)) {
    return `${command} does not take ${shown} (it is for ${flag.commands.join(' and ')})`;
  }
  return undefined;
}

/** The candidate a mistyped word most likely meant, if one is close enough. */
function nearest(word: string, candidates: readonly string[]): string | undefined {
  const typed = word.toLowerCase();
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(typed, candidate);
    if (best === undefined || distance < best.distance) best = { candidate, distance };
  }
  if (best === undefined) return undefined;
  return best.distance <= (typed.length <= 4 ? 1 : 2) ? best.candidate : undefined;
}

/** Edits (insert, delete, replace, swap two neighbours) from a to b; a is bounded by the caller. */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2 || a.length > 64) return Number.POSITIVE_INFINITY;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, d[i - 2]![j - 2]! + 1);
      }
      d[i]![j] = value;
    }
  }
  return d[a.length]![b.length]!;
}
