/** Names of the action's inputs and outputs: the one place they are spelled. */

export const Inputs = {
  Mode: 'mode',
  Certificate: 'certificate',
  CertificateFile: 'certificate-file',
  PrivateKey: 'private-key',
  PrivateKeyFile: 'private-key-file',
  CertificateChain: 'certificate-chain',
  CertificateChainFile: 'certificate-chain-file',
  Pkcs12: 'pkcs12',
  Pkcs12File: 'pkcs12-file',
  Pkcs12Password: 'pkcs12-password',
  KeyPassphrase: 'key-passphrase',
  Domains: 'domains',
  WarnDays: 'warn-days',
  FailDays: 'fail-days',
  RepairChain: 'repair-chain',
  Provider: 'provider',
  ApiToken: 'api-token',
  ApiUrl: 'api-url',
  Name: 'name',
  ServerId: 'server-id',
  NameTemplate: 'name-template',
  RemoveSuperseded: 'remove-superseded',
  KeepSuperseded: 'keep-superseded',
  Rebind: 'rebind',
  AllowDroppedNames: 'allow-dropped-names',
  ReloadTraefik: 'reload-traefik',
  Concurrency: 'concurrency',
  TimeoutSeconds: 'timeout-seconds',
  Manifest: 'manifest',
  Inventory: 'inventory',
  GitHubToken: 'github-token',
  CommentOnPr: 'comment-on-pr',
  ExpiryIssue: 'expiry-issue',
  WarnPercent: 'warn-percent',
  FailPercent: 'fail-percent',
  Verify: 'verify',
  Endpoints: 'endpoints',
  Resolve: 'resolve',
  TrustedCa: 'trusted-ca',
  VerifyTimeoutSeconds: 'verify-timeout-seconds',
  OnVerifyFailure: 'on-verify-failure',
  Shard: 'shard',
  // Alerts in chat (src/notify/).
  NotifyWebhook: 'notify-webhook',
  NotifyFormat: 'notify-format',
  NotifyOn: 'notify-on',
} as const;

export type InputName = (typeof Inputs)[keyof typeof Inputs];

/** Inputs whose values are secrets: masked the moment they are read. */
export const SECRET_INPUTS: readonly InputName[] = [
  Inputs.PrivateKey,
  Inputs.Pkcs12,
  Inputs.Pkcs12Password,
  Inputs.KeyPassphrase,
  Inputs.ApiToken,
  Inputs.GitHubToken,
  // Slack's (and Mattermost's) webhook URL carries its token in the path.
  Inputs.NotifyWebhook,
];

export const Outputs = {
  Valid: 'valid',
  FingerprintSha1: 'fingerprint-sha1',
  FingerprintSha256: 'fingerprint-sha256',
  NotAfter: 'not-after',
  DaysRemaining: 'days-remaining',
  Report: 'report',
  Changed: 'changed',
  Status: 'status',
  CertificateId: 'certificate-id',
  CertificateName: 'certificate-name',
  Removed: 'removed',
  Verified: 'verified',
  Endpoints: 'endpoints',
  Matrix: 'matrix',
} as const;

export type OutputName = (typeof Outputs)[keyof typeof Outputs];

export const MODES = ['apply', 'plan', 'validate', 'check'] as const;
export const PROVIDERS = ['digitalocean', 'dokploy'] as const;

/**
 * Lineages rotated at once. High enough that a typical manifest runs in one wave (each lineage
 * waits on its own round trips, not on the others); the rate limiter keeps the total under the
 * provider's limit whatever this is.
 */
export const DEFAULT_CONCURRENCY = 32;

export const VERIFY_MODES = ['auto', 'require', 'false'] as const;
export const VERIFY_FAILURE_ACTIONS = ['keep', 'rollback'] as const;

export const NOTIFY_FORMATS = ['slack', 'json'] as const;
/** Each takes in what the one before it does: `change` also sends what needs attention. */
export const NOTIFY_ON = ['attention', 'change', 'always'] as const;
