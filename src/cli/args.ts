/**
 * Command line → the same raw inputs the action reads. Every input can also come from an
 * environment variable `CERT_ROTATE_<INPUT>` (e.g. CERT_ROTATE_PRIVATE_KEY_FILE); flags win.
 * Passwords and passphrases are accepted only from the environment: a flag would put them in
 * the process list and the shell history.
 */
import { parseArgs } from 'node:util';
import { type InputName, Inputs, MODES } from '../constants.ts';
import { InputError, messageWithFix, toError } from '../errors.ts';
import { looksSecret, quotable } from '../secrets.ts';
import { parseSettings, type RawInputs, type Settings } from '../settings.ts';

export type CommandLine =
  | { kind: 'run'; settings: Settings; json: boolean }
  | { kind: 'help' }
  | { kind: 'usage-error'; message: string }
  /** The options parse, but a value is wrong: say which, without the whole usage text. */
  | { kind: 'input-error'; message: string };

export const USAGE = `Usage: cert-rotate <command> [options]

Commands:
  validate            Read the certificate, key and chain; check them; print the findings.
  plan                Check, then show what apply would change on the provider (read-only).
  apply               Check, then upload, rebind and remove superseded versions on the provider.

Options:
  --cert FILE         Certificate (PEM or DER); may hold the chain and the key too. Alias: --bundle
  --key FILE          Private key (PEM: PKCS#1, PKCS#8, SEC1, encrypted; or DER)
  --chain FILE        Intermediate certificates, when not in --cert
  --pkcs12 FILE       PKCS#12 / PFX file instead of --cert and --key
  --domains LIST      Names the certificate must cover (comma-separated; repeatable)
  --warn-days N       Warn when it expires within N days (default 30)
  --fail-days N       Fail when it expires within N days (default 7)
  --no-repair-chain   Fail on an out-of-order chain instead of reordering it
  --provider NAME     digitalocean or dokploy (plan, apply)
  --api-url URL       Dokploy's address; DigitalOcean's API (default https://api.digitalocean.com)
  --name NAME         The certificate's name: every uploaded version is named after it
  --server-id ID      Dokploy: the remote server the certificate belongs to
  --name-template T   How versions are named (default {name}-{sha1:12})
  --keep-superseded N Keep the newest N superseded versions as a rollback (default 0)
  --no-remove-superseded  Keep superseded versions
  --no-rebind         Do not move load balancers and CDN endpoints to the new version
  --reload-traefik    Dokploy: reload Traefik after changes
  --concurrency N     Lineages at once (default 32)
  --timeout-seconds N Per request (default 30)
  --manifest FILE     A YAML manifest listing many certificates (instead of --cert, --key …)
  --inventory         Also list every certificate the provider holds (plan, apply)
  --json              Print the report as JSON
  -h, --help          Show this help

Environment:
  CERT_ROTATE_KEY_PASSPHRASE    Passphrase of an encrypted key
  CERT_ROTATE_PKCS12_PASSWORD   Password of the PKCS#12 file
  CERT_ROTATE_API_TOKEN         The provider's API token (DigitalOcean) or key (Dokploy)
  CERT_ROTATE_<INPUT>           Any action input, e.g. CERT_ROTATE_PRIVATE_KEY (the PEM itself)

Exit status: 0 valid, 1 errors found, 2 usage error.
`;

const FILE_FLAGS: Record<string, InputName> = {
  cert: Inputs.CertificateFile,
  bundle: Inputs.CertificateFile,
  key: Inputs.PrivateKeyFile,
  chain: Inputs.CertificateChainFile,
  pkcs12: Inputs.Pkcs12File,
};

export function envName(input: InputName): string {
  return `CERT_ROTATE_${input.toUpperCase().replace(/-/g, '_')}`;
}

export function parseCommandLine(argv: readonly string[], env: NodeJS.ProcessEnv): CommandLine {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (thrown) {
    // Node quotes the argument it could not place; that may be a key pasted on the command line.
    const message = toError(thrown).message.replace(
      /'([^']*)'/g,
      (_all, quoted: string) => `'${quotable(quoted)}'`,
    );
    return {
      kind: 'usage-error',
      message: looksSecret(message)
        ? 'an argument could not be read (not shown: it looks like a key or certificate).'
        : message,
    };
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  const [command, ...extra] = positionals;
  if (command === undefined) return { kind: 'usage-error', message: 'no command given.' };
  if (!(MODES as readonly string[]).includes(command)) {
    return {
      kind: 'usage-error',
      message: `unknown command '${quotable(command)}'. Expected one of: ${MODES.join(', ')}.`,
    };
  }
  if (extra.length > 0) {
    return { kind: 'usage-error', message: `unexpected argument '${quotable(extra[0] ?? '')}'.` };
  }
  if (values.cert !== undefined && values.bundle !== undefined) {
    return { kind: 'usage-error', message: '--cert and --bundle are the same option; give one.' };
  }

  const raw: RawInputs = {};
  for (const input of Object.values(Inputs) as InputName[]) {
    const value = env[envName(input)];
    if (value !== undefined && value !== '') raw[input] = value;
  }
  raw[Inputs.Mode] = command;
  for (const [flag, input] of Object.entries(FILE_FLAGS)) {
    const value = values[flag as keyof typeof values];
    if (typeof value === 'string') {
      delete raw[valueInputOf(input)];
      raw[input] = value;
    }
  }
  if (values.domains) raw[Inputs.Domains] = values.domains.join(',');
  if (values['warn-days'] !== undefined) raw[Inputs.WarnDays] = values['warn-days'];
  if (values['fail-days'] !== undefined) raw[Inputs.FailDays] = values['fail-days'];
  if (values['no-repair-chain']) raw[Inputs.RepairChain] = 'false';
  const strings: [string, InputName][] = [
    ['provider', Inputs.Provider],
    ['api-url', Inputs.ApiUrl],
    ['name', Inputs.Name],
    ['server-id', Inputs.ServerId],
    ['name-template', Inputs.NameTemplate],
    ['keep-superseded', Inputs.KeepSuperseded],
    ['concurrency', Inputs.Concurrency],
    ['timeout-seconds', Inputs.TimeoutSeconds],
    ['manifest', Inputs.Manifest],
  ];
  for (const [flag, input] of strings) {
    const value = values[flag as keyof typeof values];
    if (typeof value === 'string') raw[input] = value;
  }
  if (values['no-remove-superseded']) raw[Inputs.RemoveSuperseded] = 'false';
  if (values['no-rebind']) raw[Inputs.Rebind] = 'false';
  if (values['reload-traefik']) raw[Inputs.ReloadTraefik] = 'true';
  if (values.inventory) raw[Inputs.Inventory] = 'true';

  try {
    return { kind: 'run', settings: parseSettings(raw), json: values.json === true };
  } catch (thrown) {
    if (thrown instanceof InputError) {
      return {
        kind: 'input-error',
        message: messageWithFix(thrown),
      };
    }
    throw thrown;
  }
}

/** A file flag replaces a value given for the same part in the environment. */
function valueInputOf(fileInput: InputName): InputName {
  return fileInput.replace(/-file$/, '') as InputName;
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      cert: { type: 'string' },
      bundle: { type: 'string' },
      key: { type: 'string' },
      chain: { type: 'string' },
      pkcs12: { type: 'string' },
      domains: { type: 'string', multiple: true },
      'warn-days': { type: 'string' },
      'fail-days': { type: 'string' },
      'no-repair-chain': { type: 'boolean' },
      provider: { type: 'string' },
      'api-url': { type: 'string' },
      name: { type: 'string' },
      'server-id': { type: 'string' },
      'name-template': { type: 'string' },
      'keep-superseded': { type: 'string' },
      concurrency: { type: 'string' },
      'timeout-seconds': { type: 'string' },
      'no-remove-superseded': { type: 'boolean' },
      'no-rebind': { type: 'boolean' },
      'reload-traefik': { type: 'boolean' },
      manifest: { type: 'string' },
      inventory: { type: 'boolean' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
