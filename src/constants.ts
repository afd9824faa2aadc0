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
} as const;

export type InputName = (typeof Inputs)[keyof typeof Inputs];

/** Inputs whose values are secrets: masked the moment they are read. */
export const SECRET_INPUTS: readonly InputName[] = [
  Inputs.PrivateKey,
  Inputs.Pkcs12,
  Inputs.Pkcs12Password,
  Inputs.KeyPassphrase,
];

export const Outputs = {
  Valid: 'valid',
  FingerprintSha1: 'fingerprint-sha1',
  FingerprintSha256: 'fingerprint-sha256',
  NotAfter: 'not-after',
  DaysRemaining: 'days-remaining',
  Report: 'report',
} as const;

export const MODES = ['validate'] as const;
