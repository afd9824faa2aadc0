/**
 * The command's flags: which input each sets, which subcommands take it, and its help line. The
 * parser, the help texts and the words messages use for settings (`--key`, CERT_ROTATE_…) are all
 * made from this one table, so they cannot disagree.
 */
import { type InputName, Inputs, MODES } from '../constants.ts';
import type { Vocabulary } from '../vocabulary.ts';

export type Command = (typeof MODES)[number];

export interface Flag {
  /** Without the dashes. */
  name: string;
  /** What follows a value flag, for the help: `FILE`, `N`. Switches have none. */
  value?: string;
  /** The input the flag sets: a value flag to its value, a switch to `sets`. */
  input?: InputName;
  sets?: 'true' | 'false';
  /** May be given more than once (the values are joined). */
  multiple?: boolean;
  /** The subcommands that take it. */
  commands: readonly Command[];
  help: string;
}

const ALL = MODES;
/** Flags about the certificate files: check mode reads none. */
const FILES: readonly Command[] = ['validate', 'plan', 'apply'];
const ROTATE: readonly Command[] = ['plan', 'apply'];
/** Flags of the live check: after apply, listed by plan, and all check mode is. */
const LIVE: readonly Command[] = ['plan', 'apply', 'check'];

export const FLAGS: readonly Flag[] = [
  {
    name: 'cert',
    value: 'FILE',
    input: Inputs.CertificateFile,
    commands: FILES,
    help: 'Certificate (PEM or DER); may hold the chain and the key too',
  },
  {
    name: 'bundle',
    value: 'FILE',
    input: Inputs.CertificateFile,
    commands: FILES,
    help: 'The same as --cert',
  },
  {
    name: 'key',
    value: 'FILE',
    input: Inputs.PrivateKeyFile,
    commands: FILES,
    help: 'Private key (PEM: PKCS#1, PKCS#8, SEC1, encrypted; or DER)',
  },
  {
    name: 'chain',
    value: 'FILE',
    input: Inputs.CertificateChainFile,
    commands: FILES,
    help: 'Intermediate certificates, when not in --cert',
  },
  {
    name: 'pkcs12',
    value: 'FILE',
    input: Inputs.Pkcs12File,
    commands: FILES,
    help: 'PKCS#12 / PFX file instead of --cert and --key',
  },
  {
    name: 'manifest',
    value: 'FILE',
    input: Inputs.Manifest,
    commands: ALL,
    help: 'A YAML manifest listing many certificates (instead of --cert, --key …)',
  },
  {
    name: 'domains',
    value: 'LIST',
    input: Inputs.Domains,
    multiple: true,
    commands: ALL,
    help: 'Names the certificate must cover (comma-separated; repeatable)',
  },
  {
    name: 'name',
    value: 'NAME',
    input: Inputs.Name,
    commands: FILES,
    help: "The certificate's name: every uploaded version is named after it",
  },
  {
    name: 'warn-days',
    value: 'N',
    input: Inputs.WarnDays,
    commands: ALL,
    help: 'Warn when it expires within N days (default 30)',
  },
  {
    name: 'fail-days',
    value: 'N',
    input: Inputs.FailDays,
    commands: ALL,
    help: 'Fail when it expires within N days (default 7)',
  },
  {
    name: 'no-repair-chain',
    input: Inputs.RepairChain,
    sets: 'false',
    commands: FILES,
    help: 'Fail on an out-of-order chain instead of reordering it',
  },
  {
    name: 'provider',
    value: 'NAME',
    input: Inputs.Provider,
    commands: ROTATE,
    help: 'digitalocean or dokploy',
  },
  {
    name: 'api-url',
    value: 'URL',
    input: Inputs.ApiUrl,
    commands: ROTATE,
    help: "Dokploy's address; DigitalOcean's API (default https://api.digitalocean.com)",
  },
  {
    name: 'server-id',
    value: 'ID',
    input: Inputs.ServerId,
    commands: ROTATE,
    help: 'Dokploy: the remote server the certificate belongs to',
  },
  {
    name: 'name-template',
    value: 'T',
    input: Inputs.NameTemplate,
    commands: ROTATE,
    help: 'How versions are named (default {name}-{sha1:12})',
  },
  {
    name: 'keep-superseded',
    value: 'N',
    input: Inputs.KeepSuperseded,
    commands: ROTATE,
    help: 'Keep the newest N superseded versions as a rollback (default 0)',
  },
  {
    name: 'no-remove-superseded',
    input: Inputs.RemoveSuperseded,
    sets: 'false',
    commands: ROTATE,
    help: 'Keep superseded versions',
  },
  {
    name: 'no-rebind',
    input: Inputs.Rebind,
    sets: 'false',
    commands: ROTATE,
    help: 'Do not move load balancers and CDN endpoints to the new version',
  },
  {
    name: 'allow-dropped-names',
    input: Inputs.AllowDroppedNames,
    sets: 'true',
    commands: ROTATE,
    help: 'Move a regional load balancer even to a version that drops some of its names',
  },
  {
    name: 'reload-traefik',
    input: Inputs.ReloadTraefik,
    sets: 'true',
    commands: ROTATE,
    help: 'Dokploy: reload Traefik after changes',
  },
  {
    name: 'inventory',
    input: Inputs.Inventory,
    sets: 'true',
    commands: ROTATE,
    help: 'Also list every certificate the provider holds',
  },
  {
    name: 'concurrency',
    value: 'N',
    input: Inputs.Concurrency,
    commands: ROTATE,
    help: 'Lineages at once (default 32)',
  },
  {
    name: 'timeout-seconds',
    value: 'N',
    input: Inputs.TimeoutSeconds,
    commands: ROTATE,
    help: 'Per request (default 30)',
  },
  {
    name: 'warn-percent',
    value: 'P',
    input: Inputs.WarnPercent,
    commands: ALL,
    help: 'Warn when less than P% of its lifetime is left (for short-lived certificates)',
  },
  {
    name: 'fail-percent',
    value: 'P',
    input: Inputs.FailPercent,
    commands: ALL,
    help: 'Fail when less than P% of its lifetime is left',
  },
  {
    name: 'verify',
    value: 'MODE',
    input: Inputs.Verify,
    commands: LIVE,
    help: 'auto (default): check what reachable endpoints serve; require: unreachable fails too; false',
  },
  {
    name: 'endpoint',
    value: 'HOST[:PORT]',
    input: Inputs.Endpoints,
    multiple: true,
    commands: LIVE,
    help: 'An endpoint to check besides each domain on 443 (repeatable)',
  },
  {
    name: 'resolve',
    value: 'HOST:PORT:ADDR',
    input: Inputs.Resolve,
    multiple: true,
    commands: LIVE,
    help: "Check HOST:PORT at ADDR instead of its DNS addresses, as curl's --resolve (repeatable)",
  },
  {
    name: 'trusted-ca',
    value: 'FILE',
    input: Inputs.TrustedCa,
    commands: LIVE,
    help: 'PEM CA certificates trusted besides the public roots (a private CA)',
  },
  {
    name: 'verify-timeout-seconds',
    value: 'N',
    input: Inputs.VerifyTimeoutSeconds,
    commands: ['apply'],
    help: 'How long apply waits for every endpoint to serve the new certificate (default 300)',
  },
  {
    name: 'on-verify-failure',
    value: 'WHAT',
    input: Inputs.OnVerifyFailure,
    commands: ['apply'],
    help: 'keep (default), or rollback: move what was rebound back (DigitalOcean)',
  },
  {
    name: 'shard',
    value: 'SHARD',
    input: Inputs.Shard,
    commands: ['validate', 'plan', 'apply'],
    help: "Do one shard of the matrix alone: a target's name, or target/i/n",
  },
  // The chat alert; its webhook URL (a secret) comes from CERT_ROTATE_NOTIFY_WEBHOOK only.
  {
    name: 'notify-on',
    value: 'WHEN',
    input: Inputs.NotifyOn,
    commands: ALL,
    help: 'When to post to the webhook: attention (default), change (or a write), always',
  },
  {
    name: 'notify-format',
    value: 'FORM',
    input: Inputs.NotifyFormat,
    commands: ALL,
    help: "slack (default; Mattermost, Rocket.Chat), or json (the report's summary)",
  },
  { name: 'json', commands: ALL, help: 'Print the report as JSON' },
  { name: 'help', commands: ALL, help: 'Show this help' },
];

/** Secrets the command reads from the environment only, with what each holds (for the help). */
export const SECRET_VARIABLES: readonly { input: InputName; help: string; commands: readonly Command[] }[] = [
  // Check mode reads no certificate, and refuses these.
  { input: Inputs.KeyPassphrase, help: 'Passphrase of an encrypted key', commands: FILES },
  { input: Inputs.Pkcs12Password, help: 'Password of the PKCS#12 file', commands: FILES },
  {
    input: Inputs.ApiToken,
    help: "The provider's API token (DigitalOcean) or key (Dokploy)",
    commands: ROTATE,
  },
  {
    input: Inputs.NotifyWebhook,
    help: 'Incoming-webhook URL to post the alert to (Slack, Mattermost, Rocket.Chat)',
    commands: ALL,
  },
];

export function envName(input: InputName): string {
  return `CERT_ROTATE_${input.toUpperCase().replace(/-/g, '_')}`;
}

/** The flag that sets an input (the first, so --cert rather than its alias --bundle). */
export function flagOf(input: InputName): Flag | undefined {
  return FLAGS.find((flag) => flag.input === input);
}

/** `certificate` → `certificate-file`: the input a value's file flag sets, when there is one. */
function fileFlagOf(input: InputName): Flag | undefined {
  return FLAGS.find((flag) => flag.input === `${input}-file`);
}

/**
 * The command's words for settings: flags where there is one, CERT_ROTATE_* variables for the rest
 * (secrets above all), and the variable for a setting whose value came from the environment, so a
 * message about a bad value names the place it was really given.
 */
export function commandWords(fromEnv: ReadonlySet<InputName> = new Set()): Vocabulary {
  const name = (input: InputName): string => {
    const flag = flagOf(input);
    return flag === undefined || fromEnv.has(input) ? envName(input) : `--${flag.name}`;
  };
  return {
    name,
    via(input) {
      // A certificate part is best given as a file: `--key FILE` rather than the PEM in a variable.
      const own = flagOf(input) ?? fileFlagOf(input);
      if (own === undefined) return `in the environment variable ${envName(input)}`;
      return `with --${own.name}${own.value ? ` ${own.value}` : ''}`;
    },
    turn(input, on) {
      const flag = flagOf(input);
      if (flag?.sets === undefined) return `set ${envName(input)} to ${on}`;
      return (flag.sets === 'true') === on ? `add --${flag.name}` : `leave out --${flag.name}`;
    },
    mode: (mode) => `cert-rotate ${mode}`,
    value: (label) => `${label} value`,
    missing:
      'If it comes from the environment, check that the variable is set and exported (export CERT_ROTATE_…=…), or give the file with its flag.',
    folder: 'the current folder',
    passEnv: 'Set each one in the environment of the command (export NAME=…), and check its name.',
  };
}
