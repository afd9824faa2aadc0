/**
 * The action: read settings, run, publish, and fail the step when there is an error. `run` is
 * started by src/index.ts (what dist/index.js is built from); importing this module starts
 * nothing, so @github/local-action can import it and call `run` itself (see the README).
 */
import { randomUUID } from 'node:crypto';
import * as core from './runner.ts';
import { readActionInputs } from './action-inputs.ts';
import { messageWithFix } from './errors.ts';
import type { GitHubClient } from './github/client.ts';
import { currentRunContext, isPullRequestEvent } from './github/context.ts';
import { publish } from './publish.ts';
import { publishToGitHub } from './publish-github.ts';
import { printableLines } from './report/escape.ts';
import { fitLog } from './report/output-size.ts';
import { verdict } from './report/report.ts';
import { renderText } from './report/text.ts';
import { run as runEngine } from './run.ts';
import { onceEach } from './secrets.ts';
import { parseSettings } from './settings.ts';

export async function run(): Promise<void> {
  try {
    const mask = onceEach(core.setSecret);
    const context = currentRunContext();
    const settings = parseSettings(readActionInputs(mask), {
      // A pull request is a proposal, not a change to make: it only ever plans.
      pullRequest: isPullRequestEvent(context.event),
    });
    const { report } = await runEngine(settings, {
      cwd: process.env.GITHUB_WORKSPACE ?? process.cwd(),
      mask,
    });
    core.startGroup('Report');
    printUntrusted(fitLog(renderText(report, { color: false })));
    core.endGroup();
    for (const note of report.skipped) core.notice(`Skipped ${note}`, { title: 'cert-rotate: skipped' });
    await publish(report);
    let client: GitHubClient | undefined;
    const published = await publishToGitHub(report, {
      context,
      settings,
      // Octokit is loaded only by a run that posts something: it is a third of the start-up time.
      client: async () => {
        const { createGitHubClient } = await import('./github/client.ts');
        client ??= createGitHubClient(settings.github.token ?? '', { apiUrl: context.apiUrl });
        return client;
      },
      log: { info: core.info, warning: core.warning },
    });
    if (settings.notify) {
      // Loaded (with its HTTP client) only by a run that has a webhook.
      const { notify } = await import('./notify/notify.ts');
      await notify(report, {
        settings: settings.notify,
        place: {
          repository: context.repo && `${context.repo.owner}/${context.repo.repo}`,
          workflow: context.workflow,
          runUrl: context.runUrl,
        },
        pullRequest: isPullRequestEvent(context.event),
        expiryIssue: settings.github.expiryIssue ? published.expiryIssue : undefined,
        log: { info: core.info, warning: core.warning },
      });
    }
    if (!report.ok) core.setFailed(`cert-rotate ${report.mode}: ${verdict(report)}. See the findings above.`);
  } catch (thrown) {
    // A provider's or GitHub's words can hold escapes that would colour or rewrite the log.
    core.setFailed(printableLines(messageWithFix(thrown)));
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
