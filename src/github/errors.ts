/**
 * One error for everything that goes wrong talking to GitHub. The message says what was being done
 * and what GitHub answered; the fix names the workflow `permissions:` a 403/404 usually means,
 * because that (and a fork's read-only token) is what goes wrong in practice.
 */
import { CertRotateError } from '../errors.ts';
import type { Redactor } from '../secrets.ts';

export class GitHubError extends CertRotateError {
  /** The HTTP status GitHub answered with; undefined when no answer came (network, timeout). */
  readonly status: number | undefined;

  constructor(message: string, options: { status?: number; fix?: string | undefined; cause?: unknown } = {}) {
    super('GITHUB', message, options.fix, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'GitHubError';
    this.status = options.status;
  }
}

export function isGitHubError(thrown: unknown, status?: number): thrown is GitHubError {
  return thrown instanceof GitHubError && (status === undefined || thrown.status === status);
}

/** What a request was for: the words for the message and the permission it needs. */
export interface Operation {
  /** Completes "could not …": "create a comment on #12 in octo/app". */
  doing: string;
  /** 'comments': the issues API's comment calls, used for both the pull-request comment and the issue's. */
  scope: 'comments' | 'issues';
  access: 'read' | 'write';
}

const MAX_DETAIL = 300;

/**
 * Turn whatever Octokit threw into a GitHubError. Octokit's RequestError carries `status` and,
 * when GitHub answered, `response.data`; a network failure has no response (Octokit calls it 500).
 */
export function toGitHubError(thrown: unknown, op: Operation, redactor: Redactor): GitHubError {
  if (thrown instanceof GitHubError) return thrown;
  const response = prop(thrown, 'response');
  const status = prop(thrown, 'status');
  if (response === undefined || typeof status !== 'number') {
    const detail = redactor.redact(networkDetail(thrown)).slice(0, MAX_DETAIL);
    return new GitHubError(`GitHub: could not ${op.doing}: no answer (${detail}).`, {
      fix: 'Check that the GitHub API is reachable from the runner (api-url, proxy settings), then re-run the job.',
      cause: thrown,
    });
  }
  const detail = redactor.redact(apiMessage(prop(response, 'data'))).slice(0, MAX_DETAIL);
  return new GitHubError(`GitHub: could not ${op.doing}: HTTP ${status}${detail ? ` (${detail})` : ''}.`, {
    status,
    fix: fixFor(status, detail, op),
    cause: thrown,
  });
}

function fixFor(status: number, detail: string, op: Operation): string | undefined {
  if (status === 401) {
    return 'The token is invalid or has expired: pass a current one (github-token: ${{ github.token }} needs no renewal).';
  }
  if (status === 429 || (status === 403 && /rate limit/i.test(detail))) {
    return "GitHub's rate limit was reached: re-run the job later, or run it less often.";
  }
  if (status === 403 || status === 404) {
    const permission =
      op.scope === 'comments'
        ? `\`pull-requests: ${op.access}\` (for the pull-request comment; \`issues: ${op.access}\` for comments on the expiry issue)`
        : `\`issues: ${op.access}\` (for the expiry issue)`;
    return (
      `Give the job \`permissions:\` with ${permission}` +
      '. Pull requests from forks get a read-only token whatever the workflow asks for: skip the comment' +
      ' for them (the report is in the job summary).' +
      (status === 404 ? ' A 404 can also mean the token cannot see the repository at all.' : '')
    );
  }
  if (status === 410) return 'Issues are turned off in this repository: turn them on (Settings → Features).';
  if (status === 422) return 'GitHub refused the content; the detail above says which field.';
  if (status >= 500) return 'GitHub had a problem (see githubstatus.com): re-run the job.';
  return undefined;
}

function apiMessage(data: unknown): string {
  if (typeof data === 'string') return data.trim();
  const message = prop(data, 'message');
  if (typeof message !== 'string') return '';
  // Validation failures put the useful part ("body is too long …") in `errors`.
  const errors = prop(data, 'errors');
  const details = Array.isArray(errors)
    ? errors.map((e) => prop(e, 'message')).filter((m): m is string => typeof m === 'string')
    : [];
  return details.length > 0 ? `${message}: ${details.join('; ')}` : message;
}

function networkDetail(thrown: unknown): string {
  const cause = prop(thrown, 'cause');
  const code = prop(prop(cause, 'cause'), 'code') ?? prop(cause, 'code');
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  return typeof code === 'string' && !message.includes(code) ? `${message}, ${code}` : message;
}

function prop(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}
