/**
 * The issue a scheduled run keeps about certificates nearing expiry: opened when there is something
 * to report, kept current while there is, closed (as completed, with a comment) once every
 * certificate is outside the warning window again. One issue per job, found by its hidden marker
 * among the open ones, so a closed issue stays history and the next problem opens a fresh one.
 */
import { fitBody, hiddenMarker, sameBody, truncationNote, withMarker } from './body.ts';
import type { GitHubClient, OpenIssue } from './client.ts';
import type { RunContext } from './context.ts';
import { withSection } from './sections.ts';

export interface ExpiryIssueOptions {
  owner: string;
  repo: string;
  /** From `expiryIssueMarker`. */
  marker: string;
  title: string;
  /** Markdown about what expires; undefined when all is well. */
  body: string | undefined;
  /**
   * A shard of the matrix: `body` is its section of the one issue (github/sections.ts); the issue
   * closes when no shard's section is left.
   */
  section?: string | undefined;
  /** Linked from the closing comment, and from the note on a body cut to fit. */
  runUrl?: string | undefined;
  /**
   * What the issue lists, in a few words that stay the same from one day to the next (not the
   * days left): kept hidden in the body, so an update can say whether the list itself changed.
   */
  listKey?: string | undefined;
}

export interface ExpiryIssueResult {
  action: 'opened' | 'updated' | 'unchanged' | 'closed' | 'none';
  /** On `updated` with a `listKey`: whether what it lists changed, not only the days left. */
  listChanged?: boolean;
  number?: number;
  url?: string;
  /**
   * Other open issues carrying the marker (two runs raced to open one). Left alone while there is
   * something to report (people may be discussing there); closed too once all is well.
   */
  duplicates?: number[];
}

/** GitHub refuses longer titles. */
const MAX_TITLE = 256;

export function expiryIssueMarker(ctx: Pick<RunContext, 'workflow' | 'job'>, key?: string): string {
  const parts = ['expiry-issue', ctx.workflow, ctx.job];
  return hiddenMarker(key === undefined ? parts : [...parts, key]);
}

export async function syncExpiryIssue(
  client: GitHubClient,
  options: ExpiryIssueOptions,
): Promise<ExpiryIssueResult> {
  const { owner, repo, marker } = options;
  const ours = (await client.listOpenIssues(owner, repo))
    .filter((issue) => !issue.pull && issue.body.includes(marker))
    .sort((a, b) => a.number - b.number);
  const [oldest, ...others] = ours;
  const duplicates = others.length > 0 ? { duplicates: others.map((issue) => issue.number) } : {};
  // The list's key goes with the list: in a shard's own section when the issue is shared.
  const list = options.listKey === undefined ? '' : `${hiddenMarker(['expiry-list', options.listKey])}\n`;
  const content = options.body === undefined ? undefined : `${list}${options.body}`;
  const wanted =
    options.section === undefined ? content : withSection(oldest?.body, options.section, content);

  if (wanted === undefined) {
    if (!oldest) return { action: 'none' };
    for (const issue of ours) await close(client, owner, repo, issue, options.runUrl);
    return { action: 'closed', number: oldest.number, url: oldest.url, ...duplicates };
  }

  const title = fitTitle(options.title);
  const body = fitBody(withMarker(marker, wanted), truncationNote(options.runUrl));
  if (!oldest) {
    const opened = await client.createIssue(owner, repo, title, body);
    return { action: 'opened', number: opened.number, url: opened.url };
  }
  if (oldest.title === title && sameBody(oldest.body, body)) {
    return { action: 'unchanged', number: oldest.number, url: oldest.url, ...duplicates };
  }
  const updated = await client.updateIssue(owner, repo, oldest.number, { title, body });
  // An issue from before list keys (or edited by hand) has none: its list counts as changed, once.
  const listChanged = list === '' ? {} : { listChanged: !oldest.body.includes(list.trimEnd()) };
  return { action: 'updated', ...listChanged, number: updated.number, url: updated.url, ...duplicates };
}

/** Comment first, so whoever is subscribed learns why it closed. */
async function close(
  client: GitHubClient,
  owner: string,
  repo: string,
  issue: OpenIssue,
  runUrl: string | undefined,
): Promise<void> {
  const seen = runUrl ? ` (checked by [this run](${runUrl}))` : '';
  await client.createIssueComment(
    owner,
    repo,
    issue.number,
    `All certificates are outside the warning window again${seen}. Closing.`,
  );
  await client.updateIssue(owner, repo, issue.number, { state: 'closed', state_reason: 'completed' });
}

/** One line, cut to what GitHub accepts: the same input always gives the same title, so it compares equal. */
function fitTitle(title: string): string {
  const chars = [...title.replace(/\s+/g, ' ').trim()];
  return chars.length <= MAX_TITLE ? chars.join('') : `${chars.slice(0, MAX_TITLE - 1).join('')}…`;
}
