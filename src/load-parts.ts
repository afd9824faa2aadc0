/**
 * Turn the certificate parts of the settings into engine inputs: values pass through, files are
 * read. A private key or PKCS#12 read from a file is masked before anything else happens.
 */
import { readFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import type { SourceInput } from './certs/decode.ts';
import { InputError } from './errors.ts';
import { maskBytes, maskSecret, type SecretSink } from './secrets.ts';
import type { Settings } from './settings.ts';

export interface LoadOptions {
  /** Where relative paths start: the workspace on a runner, the current folder in a terminal. */
  cwd: string;
  mask: SecretSink;
}

export async function loadParts(
  settings: Pick<Settings, 'parts'>,
  options: LoadOptions,
): Promise<SourceInput[]> {
  const sources: SourceInput[] = [];
  for (const part of settings.parts) {
    if (part.source.kind === 'value') {
      sources.push({ role: part.role, name: part.source.input, data: part.source.text });
      continue;
    }
    const path = resolve(options.cwd, part.source.path);
    let data: Buffer;
    try {
      data = await readFile(path);
    } catch (thrown) {
      const code = (thrown as NodeJS.ErrnoException).code;
      throw new InputError(
        code === 'ENOENT'
          ? `${part.source.input}: the file '${part.source.path}' does not exist (looked for ${path}).`
          : `${part.source.input}: the file '${part.source.path}' could not be read (${code ?? 'error'}).`,
        'Check the path; relative paths start at the workspace (the repository checkout) on a runner.',
      );
    }
    if (part.role === 'private-key' || part.role === 'pkcs12') {
      maskSecret(data.toString('utf8'), options.mask);
      maskBytes(data, options.mask);
    }
    const inWorkspace = relative(options.cwd, path);
    const source: SourceInput = { role: part.role, name: part.source.path, data };
    if (!inWorkspace.startsWith('..') && !isAbsolute(inWorkspace)) source.file = inWorkspace;
    sources.push(source);
  }
  return sources;
}
