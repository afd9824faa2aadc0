/** The action's entry point: read settings, run, publish, and fail the step when there is an error. */
import { randomUUID } from 'node:crypto';
import * as core from '@actions/core';
import { readActionInputs } from './action-inputs.ts';
import { CertRotateError, toError } from './errors.ts';
import { publish } from './publish.ts';
import { verdict } from './report/report.ts';
import { renderText } from './report/text.ts';
import { run } from './run.ts';
import { parseSettings } from './settings.ts';

async function main(): Promise<void> {
  try {
    const settings = parseSettings(readActionInputs());
    const { report } = await run(settings, {
      cwd: process.env.GITHUB_WORKSPACE ?? process.cwd(),
      mask: core.setSecret,
    });
    core.startGroup('Report');
    printUntrusted(renderText(report, { color: false }));
    core.endGroup();
    await publish(report);
    if (!report.ok) core.setFailed(`The certificate is ${verdict(report)}: see the findings above.`);
  } catch (thrown) {
    const error = toError(thrown);
    const fix = error instanceof CertRotateError && error.fix ? ` ${error.fix}` : '';
    core.setFailed(`${error.message}${fix}`);
  }
}

/**
 * Certificate subjects and names are text anyone can put in a certificate (a PR can add one): a
 * line starting with `::` would be a workflow command. Stop command processing around it.
 */
function printUntrusted(text: string): void {
  const token = randomUUID();
  core.info(`::stop-commands::${token}`);
  core.info(text);
  core.info(`::${token}::`);
}

await main();
