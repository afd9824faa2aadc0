/**
 * The terminal command: `cert-rotate validate …`. Same settings and engine as the action. Loaded by
 * src/cli.ts once it knows this Node can run it; running this module runs the command.
 */
import { InputError, messageWithFix } from '../errors.ts';
import { parseCommandLine } from './args.ts';
import { printableJson, printableLines } from '../report/escape.ts';
import { renderText } from '../report/text.ts';
import { run } from '../run.ts';
import { VERSION } from '../version.ts';

async function main(argv: string[]): Promise<number> {
  const parsed = parseCommandLine(argv, process.env);
  if (parsed.kind === 'help') {
    process.stdout.write(parsed.text);
    return 0;
  }
  if (parsed.kind === 'version') {
    process.stdout.write(`cert-rotate ${VERSION}\n`);
    return 0;
  }
  if (parsed.kind === 'input-error' || parsed.kind === 'usage-error') {
    process.stderr.write(`cert-rotate: ${parsed.message}\n`);
    return 2;
  }
  // Nothing is logged by a terminal run, so there is nothing to mask.
  const { report } = await run(parsed.settings, { cwd: process.cwd(), mask: () => {} });
  if (parsed.json) process.stdout.write(`${printableJson(JSON.stringify(report, null, 2))}\n`);
  else process.stdout.write(renderText(report, { color: useColor() }));
  const notifySettings = parsed.settings.notify;
  if (notifySettings) {
    // To stderr, so --json's output stays the report alone. A chat that is down changes no exit code.
    const { notify } = await import('../notify/notify.ts');
    await notify(report, {
      settings: notifySettings,
      place: {},
      pullRequest: false,
      log: {
        info: (line) => process.stderr.write(`cert-rotate: ${line}\n`),
        warning: (line) => process.stderr.write(`cert-rotate: warning: ${line}\n`),
      },
    });
  }
  return report.ok ? 0 : 1;
}

function useColor(): boolean {
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  const force = process.env.FORCE_COLOR;
  if (force !== undefined && force !== '' && force !== '0' && force !== 'false') return true;
  return process.stdout.isTTY === true;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (thrown: unknown) => {
    // A provider's message is outside text: its own line breaks are kept, nothing else unseen.
    const message = printableLines(messageWithFix(thrown, '\n'));
    process.stderr.write(`cert-rotate: ${message}\n`);
    // Bad inputs (a manifest's problems among them) are usage errors; anything else failed the run.
    process.exitCode = thrown instanceof InputError ? 2 : 1;
  },
);
