/**
 * One sticky comment per job on a pull request: found again by its hidden marker, edited in place
 * on the next run (so a busy pull request does not collect a comment per push), and left alone when
 * nothing changed (no notification, no "edited" noise).
 */
import { fitBody, hiddenMarker, sameBody, truncationNote, withMarker } from './body.ts';
import type { GitHubClient } from './client.ts';
import type { RunContext } from './context.ts';
import { isGitHubError } from './errors.ts';
import { withSection } from './sections.ts';

export interface PrCommentOptions {
  owner: string;
  repo: string;
  /** The pull request's number. */
  number: number;
  /** From `commentMarker`. */
  marker: string;
  /** Markdown; the marker is added on the first line. */
  body: string;
  /** Linked from the note on a body cut to fit. */
  runUrl?: string | undefined;
  /** A shard of the matrix: `body` is its section of the one comment (github/sections.ts). */
  section?: string | undefined;
}

export interface PrCommentResult {
  action: 'created' | 'updated' | 'unchanged';
  url: string;
}

/**
 * The marker for this workflow's job. `key` tells apart jobs that share an id: the legs of a
 * matrix (GITHUB_JOB is the same for all of them), or two steps of this action in one job.
 */
export function commentMarker(ctx: Pick<RunContext, 'workflow' | 'job'>, key?: string): string {
  return hiddenMarker(key === undefined ? [ctx.workflow, ctx.job] : [ctx.workflow, ctx.job, key]);
}

export async function upsertPrComment(
  client: GitHubClient,
  options: PrCommentOptions,
): Promise<PrCommentResult> {
  const { owner, repo, number, marker } = options;
  const comments = await client.listIssueComments(owner, repo, number);
  // Oldest first: if a race ever left two, the one people have seen longest stays current.
  const existing = comments.find((comment) => comment.body.includes(marker));
  const wanted =
    options.section === undefined
      ? options.body
      : (withSection(existing?.body, options.section, options.body) ?? options.body);
  const body = fitBody(withMarker(marker, wanted), truncationNote(options.runUrl));
  if (existing) {
    if (sameBody(existing.body, body)) return { action: 'unchanged', url: existing.url };
    try {
      const updated = await client.updateIssueComment(owner, repo, existing.id, body);
      return { action: 'updated', url: updated.url };
    } catch (thrown) {
      // Deleted by someone between the listing and the edit: post it afresh. Any other failure
      // (or a 404 that means no access) comes back from the create just the same.
      if (!isGitHubError(thrown, 404)) throw thrown;
    }
  }
  const created = await client.createIssueComment(owner, repo, number, body);
  return { action: 'created', url: created.url };
}
