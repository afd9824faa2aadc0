/**
 * The part of GitHub's REST API the action uses, behind an interface of our own so the comment and
 * issue logic (and their tests) depend on six calls, not on Octokit. Built on `@actions/github`'s
 * Octokit (one GitHub client in the bundle) with our own transport: timeouts, the runner's proxy
 * settings, and never a proxy (nor plain http) for anything but this machine.
 *
 * Nothing is retried here: a create that may have landed must not be sent twice, and the callers
 * look before they write, so re-running the job is the safe retry.
 */
import { getOctokit } from '@actions/github';
import { Agent, type Dispatcher, EnvHttpProxyAgent, fetch as undiciFetch, type RequestInit } from 'undici';
import { Redactor } from '../secrets.ts';
import { USER_AGENT } from '../version.ts';
import { GitHubError, type Operation, toGitHubError } from './errors.ts';

export interface IssueComment {
  id: number;
  body: string;
  url: string;
}

export interface OpenIssue {
  number: number;
  title: string;
  body: string;
  url: string;
  /** The issues API lists pull requests too; callers skip these. */
  pull: boolean;
}

export interface IssueFields {
  title?: string;
  body?: string;
  state?: 'open' | 'closed';
  state_reason?: 'completed';
}

export interface GitHubClient {
  /** Every comment, all pages, oldest first. */
  listIssueComments(owner: string, repo: string, issueNumber: number): Promise<IssueComment[]>;
  createIssueComment(
    owner: string,
    repo: string,
    issueNumber: number,
    body: string,
  ): Promise<{ id: number; url: string }>;
  updateIssueComment(
    owner: string,
    repo: string,
    commentId: number,
    body: string,
  ): Promise<{ id: number; url: string }>;
  /** Every open issue and pull request, all pages, oldest first. */
  listOpenIssues(owner: string, repo: string): Promise<OpenIssue[]>;
  createIssue(
    owner: string,
    repo: string,
    title: string,
    body: string,
  ): Promise<{ number: number; url: string }>;
  updateIssue(
    owner: string,
    repo: string,
    issueNumber: number,
    fields: IssueFields,
  ): Promise<{ number: number; url: string }>;
}

export interface GitHubClientOptions {
  /** The REST API's base: https://api.github.com, or GitHub Enterprise Server's /api/v3. */
  apiUrl: string;
  /** Other secrets to keep out of messages; the token is always added. */
  redactor?: Redactor;
  timeouts?: { connectMs?: number; headersMs?: number; bodyMs?: number };
}

/** The most GitHub gives in one page: fewer requests on busy repositories. */
const PER_PAGE = 100;

export function createGitHubClient(token: string, options: GitHubClientOptions): GitHubClient {
  if (token.trim() === '') {
    throw new GitHubError('GitHub: no token to talk to the API with.', {
      fix: 'Pass one: github-token: ${{ github.token }} (the default).',
    });
  }
  const apiUrl = checkApiUrl(options.apiUrl);
  const redactor = options.redactor ?? new Redactor();
  redactor.add(token);
  const octokit = getOctokit(token, {
    baseUrl: apiUrl.href.replace(/\/+$/, ''),
    userAgent: USER_AGENT,
    request: { fetch: transport(apiUrl, options.timeouts) },
    // Octokit logs deprecation warnings to the console; the action's log is not the place.
    log: { debug: noop, info: noop, warn: noop, error: noop },
  });
  const at = async <T>(op: Operation, call: () => Promise<T>): Promise<T> => {
    try {
      return await call();
    } catch (thrown) {
      throw toGitHubError(thrown, op, redactor);
    }
  };
  const where = (owner: string, repo: string): string => `${owner}/${repo}`;

  return {
    listIssueComments: (owner, repo, issue_number) =>
      at(
        { doing: `list the comments on #${issue_number} in ${where(owner, repo)}`, ...COMMENTS_READ },
        async () => {
          const comments = await octokit.paginate(octokit.rest.issues.listComments, {
            owner,
            repo,
            issue_number,
            per_page: PER_PAGE,
          });
          return comments.map((c) => ({ id: c.id, body: c.body ?? '', url: c.html_url }));
        },
      ),
    createIssueComment: (owner, repo, issue_number, body) =>
      at({ doing: `comment on #${issue_number} in ${where(owner, repo)}`, ...COMMENTS_WRITE }, async () => {
        const { data } = await octokit.rest.issues.createComment({ owner, repo, issue_number, body });
        return { id: data.id, url: data.html_url };
      }),
    updateIssueComment: (owner, repo, comment_id, body) =>
      at({ doing: `update comment ${comment_id} in ${where(owner, repo)}`, ...COMMENTS_WRITE }, async () => {
        const { data } = await octokit.rest.issues.updateComment({ owner, repo, comment_id, body });
        return { id: data.id, url: data.html_url };
      }),
    listOpenIssues: (owner, repo) =>
      at({ doing: `list the open issues in ${where(owner, repo)}`, ...ISSUES_READ }, async () => {
        const issues = await octokit.paginate(octokit.rest.issues.listForRepo, {
          owner,
          repo,
          state: 'open',
          sort: 'created',
          direction: 'asc',
          per_page: PER_PAGE,
        });
        return issues.map((i) => ({
          number: i.number,
          title: i.title,
          body: i.body ?? '',
          url: i.html_url,
          pull: i.pull_request !== undefined && i.pull_request !== null,
        }));
      }),
    createIssue: (owner, repo, title, body) =>
      at({ doing: `open an issue in ${where(owner, repo)}`, ...ISSUES_WRITE }, async () => {
        const { data } = await octokit.rest.issues.create({ owner, repo, title, body });
        return { number: data.number, url: data.html_url };
      }),
    updateIssue: (owner, repo, issue_number, fields) =>
      at({ doing: `update issue #${issue_number} in ${where(owner, repo)}`, ...ISSUES_WRITE }, async () => {
        const { data } = await octokit.rest.issues.update({ owner, repo, issue_number, ...fields });
        return { number: data.number, url: data.html_url };
      }),
  };
}

// A comment on a pull request needs `pull-requests`, one on an issue `issues`: the same calls serve
// both, so their fix names both.
const COMMENTS_READ = { scope: 'comments', access: 'read' } as const;
const COMMENTS_WRITE = { scope: 'comments', access: 'write' } as const;
const ISSUES_READ = { scope: 'issues', access: 'read' } as const;
const ISSUES_WRITE = { scope: 'issues', access: 'write' } as const;

const DEFAULT_TIMEOUTS = { connectMs: 10_000, headersMs: 30_000, bodyMs: 30_000 };

/**
 * Octokit's `fetch`, on undici with timeouts (Octokit has none: a stalled API would hang the job).
 * The runner's proxy is used for GitHub, never for this machine: a proxy's loopback is not ours.
 */
function transport(apiUrl: URL, timeouts: GitHubClientOptions['timeouts'] = {}): typeof undiciFetch {
  const t = { ...DEFAULT_TIMEOUTS, ...timeouts };
  const agentOptions = {
    connect: { timeout: t.connectMs },
    headersTimeout: t.headersMs,
    bodyTimeout: t.bodyMs,
  };
  const dispatcher: Dispatcher = isLoopback(apiUrl.hostname)
    ? new Agent(agentOptions)
    : new EnvHttpProxyAgent(agentOptions);
  return (input, init?: RequestInit) => undiciFetch(input, { ...init, dispatcher });
}

/** https, or plain http to this machine only (the doubles): the token must not cross a network in clear. */
function checkApiUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new GitHubError(`GitHub: the API URL '${raw}' is not a URL.`, {
      fix: 'Leave api-url unset on github.com; on GitHub Enterprise Server give https://HOST/api/v3.',
    });
  }
  if (url.username || url.password) {
    throw new GitHubError('GitHub: the API URL must not contain a user name or password.', {
      fix: 'Pass the token as github-token, not in the URL.',
    });
  }
  if (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url.hostname))) {
    url.search = '';
    url.hash = '';
    return url;
  }
  throw new GitHubError(`GitHub: refusing to send the token to ${url.protocol}//${url.host}.`, {
    fix: 'Use an https API URL.',
  });
}

function isLoopback(hostname: string): boolean {
  return (
    hostname === 'localhost' ||
    hostname === '[::1]' ||
    /^127(\.\d{1,3}){3}$/.test(hostname) ||
    hostname.endsWith('.localhost')
  );
}

function noop(): void {}
