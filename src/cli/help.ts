/** The command's help texts, made from the flag table so each subcommand lists what it takes. */
import { type Command, envName, FLAGS, SECRET_VARIABLES } from './flags.ts';

const ABOUT: Record<Command, string> = {
  validate: 'Read the certificate, key and chain; check them; print the findings.',
  plan: 'Check, then show what apply would change on the provider (read-only).',
  apply: 'Check, upload and rebind; verify what clients are served; then remove superseded versions.',
  check: 'Connect to endpoints and report what each serves: chain, names, expiry, key, TLS version.',
};

/** In the order a user meets them. */
const COMMANDS: readonly Command[] = ['validate', 'plan', 'apply', 'check'];

const EXIT = 'Exit status: 0 valid, 1 errors found, 2 usage error.\n';

/** `cert-rotate --help`: the subcommands, and where their options are. */
export function generalHelp(): string {
  return [
    'Usage: cert-rotate <command> [options]',
    '',
    'Commands:',
    ...table(COMMANDS.map((mode) => [mode, ABOUT[mode]])),
    '',
    'Options:',
    ...table([
      ['-h, --help', 'Show this help; `cert-rotate <command> --help` shows what a command takes'],
      ['--version', 'Print the version'],
    ]),
    '',
    'Environment:',
    ...table([['CERT_ROTATE_<INPUT>', 'Any action input, e.g. CERT_ROTATE_API_TOKEN; flags win']]),
    '',
    EXIT,
  ].join('\n');
}

/** `cert-rotate plan --help`: that command's flags and the variables it reads. */
export function commandHelp(command: Command): string {
  const flags = FLAGS.filter((flag) => flag.commands.includes(command));
  const secrets = SECRET_VARIABLES.filter((secret) => secret.commands.includes(command));
  return [
    `Usage: cert-rotate ${command} [options]`,
    '',
    ABOUT[command],
    '',
    'Options:',
    ...table(
      flags.map((flag) => [
        `${flag.name === 'help' ? '-h, ' : ''}--${flag.name}${flag.value ? ` ${flag.value}` : ''}`,
        flag.help,
      ]),
    ),
    '',
    'Environment (passwords and tokens only from here: a flag would show them in the process list):',
    ...table([
      ...secrets.map((secret): [string, string] => [envName(secret.input), secret.help]),
      ['CERT_ROTATE_<INPUT>', 'Any action input, e.g. CERT_ROTATE_PRIVATE_KEY (the PEM itself); flags win'],
    ]),
    '',
    EXIT,
  ].join('\n');
}

function table(rows: readonly (readonly [string, string])[]): string[] {
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  return rows.map(([left, right]) => `  ${left.padEnd(width)}${right}`);
}
