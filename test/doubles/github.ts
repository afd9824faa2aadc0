/**
 * A double of the part of GitHub's REST API the action uses (issues and their comments), on a real
 * loopback server: in-memory repositories whose issues and pull requests share one number sequence
 * (the issues API lists both; pull requests carry a `pull_request` key), GitHub's pagination
 * (`per_page` 30 by default, at most 100; `page`; a `Link` header whose URLs use the
 * `/repositories/{id}/…` form, as the real one does, so a client must follow them rather than
 * build its own), `Authorization: token|Bearer`, 422 for bodies over 65,536 characters, 410 where
 * issues are off, and `readOnly` for the 403 a fork's pull request token gets on every write.
 * Shapes follow docs.github.com/rest/issues. Faults come from `server.inject`.
 */
import { randomBytes } from 'node:crypto';
import { LoopbackServer, type RecordedRequest, type Reply } from './loopback.ts';

export const BODY_LIMIT = 65_536;
export const READ_ONLY_MESSAGE = 'Resource not accessible by integration';
export const DEFAULT_LOGIN = 'github-actions[bot]';

export interface GitHubDoubleOptions {
  /** Accepted tokens and whom they act as. Default: one random token acting as github-actions[bot]. */
  tokens?: Record<string, string>;
  /** Host of `html_url`s. */
  webUrl?: string;
}

export interface User {
  login: string;
  id: number;
  type: 'Bot' | 'User';
}

export interface StoredIssue {
  number: number;
  id: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  state_reason: 'completed' | 'not_planned' | 'reopened' | null;
  pull: boolean;
  user: User;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
}

export interface StoredComment {
  id: number;
  issueNumber: number;
  body: string;
  user: User;
  created_at: string;
  updated_at: string;
}

interface Repo {
  id: number;
  owner: string;
  name: string;
  hasIssues: boolean;
  issues: Map<number, StoredIssue>;
  comments: Map<number, StoredComment>;
}

export class GitHubDouble {
  readonly server: LoopbackServer;
  /** The first accepted token. */
  readonly token: string;
  /** Every write answers 403, as for a pull request from a fork (read-only GITHUB_TOKEN). */
  readOnly = false;
  private readonly tokens: Record<string, string>;
  private readonly webUrl: string;
  private readonly repos = new Map<string, Repo>();
  private nextId = 1_000_001;
  private clock = Date.parse('2026-01-05T08:00:00Z');

  private constructor(server: LoopbackServer, options: GitHubDoubleOptions) {
    this.server = server;
    this.tokens = options.tokens ?? { [`ghs_${randomBytes(18).toString('hex')}`]: DEFAULT_LOGIN };
    this.token = Object.keys(this.tokens)[0] ?? '';
    this.webUrl = options.webUrl ?? 'https://github.com';
  }

  static async start(options: GitHubDoubleOptions = {}): Promise<GitHubDouble> {
    let double: GitHubDouble | undefined;
    const server = await LoopbackServer.start((req) => double!.handle(req));
    double = new GitHubDouble(server, options);
    return double;
  }

  get url(): string {
    return this.server.url;
  }

  close(): Promise<void> {
    return this.server.close();
  }

  // --- seeding and looking -------------------------------------------------------------------

  /** `hasIssues: false`: issues turned off (410), as repositories can have them. */
  addRepo(owner: string, name: string, options: { hasIssues?: boolean } = {}): void {
    const hasIssues = options.hasIssues ?? true;
    this.repos.set(key(owner, name), {
      id: this.id(),
      owner,
      name,
      hasIssues,
      issues: new Map(),
      comments: new Map(),
    });
  }

  addIssue(
    owner: string,
    name: string,
    seed: { title: string; body?: string | null; state?: 'open' | 'closed'; login?: string },
  ): StoredIssue {
    const author = user(seed.login ?? 'octocat');
    return this.newIssue(this.repo(owner, name), seed.title, seed.body ?? null, author, {
      state: seed.state ?? 'open',
    });
  }

  addPullRequest(owner: string, name: string, seed: { title: string; body?: string | null }): StoredIssue {
    const repo = this.repo(owner, name);
    return this.newIssue(repo, seed.title, seed.body ?? null, user('octocat'), { pull: true });
  }

  addComment(
    owner: string,
    name: string,
    issueNumber: number,
    body: string,
    login = 'octocat',
  ): StoredComment {
    return this.newComment(this.repo(owner, name), issueNumber, body, user(login));
  }

  /** Issues and pull requests, by number. */
  issues(owner: string, name: string): StoredIssue[] {
    return [...this.repo(owner, name).issues.values()];
  }

  issue(owner: string, name: string, issueNumber: number): StoredIssue | undefined {
    return this.repo(owner, name).issues.get(issueNumber);
  }

  /** The comments on one issue or pull request, oldest first. */
  comments(owner: string, name: string, issueNumber: number): StoredComment[] {
    return [...this.repo(owner, name).comments.values()].filter((c) => c.issueNumber === issueNumber);
  }

  /** POSTs and PATCHes received, answered or not. */
  writes(): RecordedRequest[] {
    return this.server.requests.filter((r) => r.method !== 'GET');
  }

  // --- serving -------------------------------------------------------------------------------

  private handle(req: RecordedRequest): Reply {
    const login = this.loginOf(req.headers.authorization);
    if (login === undefined) return error(401, 'Bad credentials');
    for (const route of ROUTES) {
      const groups = route.path.exec(req.path)?.groups;
      if (!groups || route.method !== req.method) continue;
      const repo =
        groups['rid'] !== undefined
          ? [...this.repos.values()].find((r) => String(r.id) === groups['rid'])
          : this.repos.get(key(groups['owner'] ?? '', groups['name'] ?? ''));
      if (!repo) return error(404, 'Not Found');
      if (route.method !== 'GET' && this.readOnly) return error(403, READ_ONLY_MESSAGE);
      if (req.rawBody.trim() !== '' && !isObject(req.body)) return error(400, 'Problems parsing JSON');
      const input = isObject(req.body) ? req.body : {};
      const id = Number(groups['n'] ?? groups['cid'] ?? 0);
      const actor = user(login);
      switch (route.name) {
        case 'listIssues':
          return this.listIssues(req, repo);
        case 'createIssue':
          return this.createIssue(repo, input, actor);
        case 'updateIssue':
          return this.updateIssue(repo, id, input);
        case 'listComments':
          return this.listComments(req, repo, id);
        case 'createComment':
          return this.createComment(repo, id, input, actor);
        case 'updateComment':
          return this.updateComment(repo, id, input);
      }
    }
    return error(404, 'Not Found');
  }

  private loginOf(header: string | undefined): string | undefined {
    const match = /^(?:token|bearer) +(\S+)$/i.exec(header ?? '');
    return match ? this.tokens[match[1]!] : undefined;
  }

  private listIssues(req: RecordedRequest, repo: Repo): Reply {
    if (!repo.hasIssues) return issuesDisabled();
    const state = req.query.get('state') ?? 'open';
    const direction = req.query.get('direction') === 'asc' ? 1 : -1;
    const items = [...repo.issues.values()]
      .filter((i) => state === 'all' || i.state === state)
      .sort((a, b) => direction * (a.created_at.localeCompare(b.created_at) || a.number - b.number));
    return this.page(req, repo, items, (i) => this.showIssue(repo, i));
  }

  private createIssue(repo: Repo, input: Record<string, unknown>, actor: User): Reply {
    if (!repo.hasIssues) return issuesDisabled();
    const { title, body } = input;
    if (typeof title !== 'string' || title.trim() === '') return invalid('Issue', 'title', 'missing_field');
    if (body !== undefined && body !== null && typeof body !== 'string')
      return invalid('Issue', 'body', 'invalid');
    if (typeof body === 'string' && tooLong(body)) return bodyTooLong('Issue');
    const issue = this.newIssue(repo, title, body ?? null, actor, {});
    return { status: 201, body: this.showIssue(repo, issue) };
  }

  private updateIssue(repo: Repo, issueNumber: number, input: Record<string, unknown>): Reply {
    const issue = repo.issues.get(issueNumber);
    if (!issue) return error(404, 'Not Found');
    if (!issue.pull && !repo.hasIssues) return issuesDisabled();
    const { title, body, state, state_reason } = input;
    if (title !== undefined && (typeof title !== 'string' || title.trim() === '')) {
      return invalid('Issue', 'title', 'invalid');
    }
    if (body !== undefined && body !== null && typeof body !== 'string')
      return invalid('Issue', 'body', 'invalid');
    if (typeof body === 'string' && tooLong(body)) return bodyTooLong('Issue');
    if (state !== undefined && state !== 'open' && state !== 'closed')
      return invalid('Issue', 'state', 'invalid');
    if (state_reason !== undefined && !STATE_REASONS.has(state_reason as string | null)) {
      return invalid('Issue', 'state_reason', 'invalid');
    }
    if (typeof title === 'string') issue.title = title;
    if (body !== undefined) issue.body = body as string | null;
    if (state === 'closed' && issue.state === 'open') {
      issue.state = 'closed';
      issue.closed_at = this.tick();
      issue.state_reason = (state_reason as StoredIssue['state_reason'] | undefined) ?? 'completed';
    } else if (state === 'open' && issue.state === 'closed') {
      issue.state = 'open';
      issue.closed_at = null;
      issue.state_reason = 'reopened';
    }
    issue.updated_at = this.tick();
    return { status: 200, body: this.showIssue(repo, issue) };
  }

  private listComments(req: RecordedRequest, repo: Repo, issueNumber: number): Reply {
    if (!repo.issues.has(issueNumber)) return error(404, 'Not Found');
    return this.page(req, repo, this.commentsOf(repo, issueNumber), (c) => this.showComment(repo, c));
  }

  private createComment(repo: Repo, issueNumber: number, input: Record<string, unknown>, actor: User): Reply {
    if (!repo.issues.has(issueNumber)) return error(404, 'Not Found');
    const { body } = input;
    if (typeof body !== 'string' || body === '') return invalid('IssueComment', 'body', 'missing_field');
    if (tooLong(body)) return bodyTooLong('IssueComment');
    return { status: 201, body: this.showComment(repo, this.newComment(repo, issueNumber, body, actor)) };
  }

  private updateComment(repo: Repo, commentId: number, input: Record<string, unknown>): Reply {
    const comment = repo.comments.get(commentId);
    if (!comment) return error(404, 'Not Found');
    const { body } = input;
    if (typeof body !== 'string' || body === '') return invalid('IssueComment', 'body', 'missing_field');
    if (tooLong(body)) return bodyTooLong('IssueComment');
    comment.body = body;
    comment.updated_at = this.tick();
    return { status: 200, body: this.showComment(repo, comment) };
  }

  /**
   * One page and GitHub's Link header: next/last from every page but the last, first/prev from every
   * page but the first, the request's own query kept, links on the `/repositories/{id}` form.
   */
  private page<T>(req: RecordedRequest, repo: Repo, items: T[], show: (item: T) => unknown): Reply {
    const perPage = Math.min(100, positive(req.query.get('per_page')) ?? 30);
    const page = positive(req.query.get('page')) ?? 1;
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const tail = req.path.replace(/^\/repos\/[^/]+\/[^/]+/, '').replace(/^\/repositories\/\d+/, '');
    const link = (n: number): string => {
      const query = new URLSearchParams(req.query);
      query.delete('page');
      query.set('page', String(n));
      return `${this.url}/repositories/${repo.id}${tail}?${query}`;
    };
    const rels: string[] = [];
    if (page < last) rels.push(`<${link(page + 1)}>; rel="next"`, `<${link(last)}>; rel="last"`);
    if (page > 1) rels.push(`<${link(page - 1)}>; rel="prev"`, `<${link(1)}>; rel="first"`);
    const headers: Record<string, string> = rels.length > 0 ? { link: rels.join(', ') } : {};
    return { status: 200, headers, body: items.slice((page - 1) * perPage, page * perPage).map(show) };
  }

  // --- state ---------------------------------------------------------------------------------

  private repo(owner: string, name: string): Repo {
    const repo = this.repos.get(key(owner, name));
    if (!repo) throw new Error(`the double has no repository ${owner}/${name}: addRepo first`);
    return repo;
  }

  private newIssue(
    repo: Repo,
    title: string,
    body: string | null,
    author: User,
    extra: { state?: 'open' | 'closed'; pull?: boolean },
  ): StoredIssue {
    const now = this.tick();
    const closed = extra.state === 'closed';
    const issue: StoredIssue = {
      number: repo.issues.size + 1,
      id: this.id(),
      title,
      body,
      state: closed ? 'closed' : 'open',
      state_reason: closed ? 'completed' : null,
      pull: extra.pull ?? false,
      user: author,
      created_at: now,
      updated_at: now,
      closed_at: closed ? now : null,
    };
    repo.issues.set(issue.number, issue);
    return issue;
  }

  private newComment(repo: Repo, issueNumber: number, body: string, author: User): StoredComment {
    if (!repo.issues.has(issueNumber))
      throw new Error(`no issue #${issueNumber} in ${repo.owner}/${repo.name}`);
    const now = this.tick();
    const comment = { id: this.id(), issueNumber, body, user: author, created_at: now, updated_at: now };
    repo.comments.set(comment.id, comment);
    return comment;
  }

  private commentsOf(repo: Repo, issueNumber: number): StoredComment[] {
    return [...repo.comments.values()].filter((c) => c.issueNumber === issueNumber);
  }

  private id(): number {
    return this.nextId++;
  }

  /** A second per event, so creation order is also time order (GitHub's times are to the second). */
  private tick(): string {
    this.clock += 1000;
    return new Date(this.clock).toISOString().replace('.000Z', 'Z');
  }

  // --- shapes (docs.github.com/rest/issues) -------------------------------------------------

  private showIssue(repo: Repo, issue: StoredIssue): Record<string, unknown> {
    const api = `${this.url}/repos/${repo.owner}/${repo.name}`;
    const web = `${this.webUrl}/${repo.owner}/${repo.name}`;
    const shown: Record<string, unknown> = {
      url: `${api}/issues/${issue.number}`,
      repository_url: api,
      comments_url: `${api}/issues/${issue.number}/comments`,
      html_url: `${web}/${issue.pull ? 'pull' : 'issues'}/${issue.number}`,
      id: issue.id,
      node_id: nodeId(issue.pull ? 'PR' : 'I', issue.id),
      number: issue.number,
      title: issue.title,
      user: showUser(issue.user),
      labels: [],
      state: issue.state,
      locked: false,
      assignee: null,
      assignees: [],
      comments: this.commentsOf(repo, issue.number).length,
      created_at: issue.created_at,
      updated_at: issue.updated_at,
      closed_at: issue.closed_at,
      author_association: 'CONTRIBUTOR',
      body: issue.body,
      state_reason: issue.state_reason,
    };
    if (issue.pull) {
      shown['pull_request'] = {
        url: `${api}/pulls/${issue.number}`,
        html_url: `${web}/pull/${issue.number}`,
        diff_url: `${web}/pull/${issue.number}.diff`,
        patch_url: `${web}/pull/${issue.number}.patch`,
        merged_at: null,
      };
    }
    return shown;
  }

  private showComment(repo: Repo, comment: StoredComment): Record<string, unknown> {
    const api = `${this.url}/repos/${repo.owner}/${repo.name}`;
    const pull = repo.issues.get(comment.issueNumber)?.pull === true;
    return {
      url: `${api}/issues/comments/${comment.id}`,
      html_url: `${this.webUrl}/${repo.owner}/${repo.name}/${pull ? 'pull' : 'issues'}/${comment.issueNumber}#issuecomment-${comment.id}`,
      issue_url: `${api}/issues/${comment.issueNumber}`,
      id: comment.id,
      node_id: nodeId('IC', comment.id),
      user: showUser(comment.user),
      created_at: comment.created_at,
      updated_at: comment.updated_at,
      author_association: comment.user.type === 'Bot' ? 'NONE' : 'CONTRIBUTOR',
      body: comment.body,
    };
  }
}

type RouteName =
  | 'listIssues'
  | 'createIssue'
  | 'updateIssue'
  | 'listComments'
  | 'createComment'
  | 'updateComment';

const REPO = '/repos/(?<owner>[^/]+)/(?<name>[^/]+)';
/** Where GitHub's Link headers point. */
const REPO_BY_ID = '/repositories/(?<rid>\\d+)';
const N = '(?<n>\\d+)';

/** Exactly the routes the client uses (and the `/repositories/{id}` forms its Link headers lead to). */
const ROUTES: Array<{ method: string; path: RegExp; name: RouteName }> = (
  [
    ['GET', `${REPO}/issues`, 'listIssues'],
    ['GET', `${REPO_BY_ID}/issues`, 'listIssues'],
    ['POST', `${REPO}/issues`, 'createIssue'],
    ['PATCH', `${REPO}/issues/${N}`, 'updateIssue'],
    ['GET', `${REPO}/issues/${N}/comments`, 'listComments'],
    ['GET', `${REPO_BY_ID}/issues/${N}/comments`, 'listComments'],
    ['POST', `${REPO}/issues/${N}/comments`, 'createComment'],
    ['PATCH', `${REPO}/issues/comments/(?<cid>\\d+)`, 'updateComment'],
  ] as const
).map(([method, path, name]) => ({ method, path: new RegExp(`^${path}$`), name }));

const STATE_REASONS = new Set<string | null>(['completed', 'not_planned', 'reopened', null]);

function key(owner: string, name: string): string {
  return `${owner}/${name}`.toLowerCase();
}

function user(login: string): User {
  // A stable id per login, as GitHub's are.
  let id = 0;
  for (const ch of login) id = (id * 31 + ch.charCodeAt(0)) % 100_000_000;
  return { login, id, type: login.endsWith('[bot]') ? 'Bot' : 'User' };
}

function showUser(u: User): Record<string, unknown> {
  return { login: u.login, id: u.id, node_id: nodeId('U', u.id), type: u.type, site_admin: false };
}

function nodeId(prefix: string, id: number): string {
  return `${prefix}_kw${Buffer.from(String(id)).toString('base64url')}`;
}

/** GitHub counts characters, not UTF-16 units. */
function tooLong(body: string): boolean {
  return [...body].length > BODY_LIMIT;
}

function error(status: number, message: string, extra: Record<string, unknown> = {}): Reply {
  const docs = 'https://docs.github.com/rest/issues';
  return { status, body: { message, ...extra, documentation_url: docs, status: String(status) } };
}

/** 422 as GitHub words it: `errors` says which field and why. */
function invalid(resource: string, field: string, code: string, message?: string): Reply {
  const detail = message === undefined ? { resource, code, field } : { resource, code, field, message };
  return error(422, 'Validation Failed', { errors: [detail] });
}

function bodyTooLong(resource: string): Reply {
  return invalid(resource, 'body', 'custom', `body is too long (maximum is ${BODY_LIMIT} characters)`);
}

function issuesDisabled(): Reply {
  return error(410, 'Issues are disabled for this repo');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function positive(raw: string | null): number | undefined {
  if (raw === null || !/^\d+$/.test(raw)) return undefined;
  const n = Number(raw);
  return n >= 1 ? n : undefined;
}
