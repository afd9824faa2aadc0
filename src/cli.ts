#!/usr/bin/env node
/**
 * The terminal command's entry: check the Node it runs on, then load the command. The command
 * comes in by a dynamic import so that ncc puts it (and undici, and everything else that needs a
 * newer Node) in a chunk of its own: a bundle's static imports would all run their top-level code
 * before this check could say anything.
 */
import { unsupportedNode } from './cli/node-support.ts';

const refusal = unsupportedNode(process.versions.node);
if (refusal) {
  process.stderr.write(`${refusal}\n`);
  process.exitCode = 2;
} else {
  await import('./cli/command.ts');
}
