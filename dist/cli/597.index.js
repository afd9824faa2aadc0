export const id = 597;
export const ids = [597];
export const modules = {

/***/ 9236:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ causeChain),
/* harmony export */   F: () => (/* binding */ NOT_SENT)
/* harmony export */ });
/**
 * Network error codes (Node's and undici's) after which a request cannot have reached the other
 * side: sending it again can do no harm. Shared by the provider client and the chat alert.
 */
const NOT_SENT = new Set([
    'ECONNREFUSED',
    'ENOTFOUND',
    'EAI_AGAIN',
    'EHOSTUNREACH',
    'ENETUNREACH',
    'UND_ERR_CONNECT_TIMEOUT',
]);
/**
 * An error and its causes, outermost first, each once: undici wraps the socket's error (with the
 * code that says what happened) in its own, and a cause chain may loop.
 */
function* causeChain(thrown) {
    const seen = new Set();
    for (let e = thrown; e && typeof e === 'object' && !seen.has(e); e = e.cause) {
        seen.add(e);
        yield e;
    }
}
//# sourceMappingURL=network-errors.js.map

/***/ }),

/***/ 2597:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  notify: () => (/* binding */ notify)
});

// EXTERNAL MODULE: ./build/report/report.js + 1 modules
var report_report = __webpack_require__(3244);
// EXTERNAL MODULE: ./build/rotation/results.js
var results = __webpack_require__(9513);
;// CONCATENATED MODULE: ./build/notify/attention.js
/**
 * What in a run needs someone to act, as data: certificates inside warn-days (or expired), what
 * failed (a certificate's errors, a lineage that could not be rotated, an endpoint serving the
 * wrong thing), and a failed live check. Pure: the decision (decide.ts) and both message forms
 * (slack.ts, summary.ts) read it.
 */


/** Lineage outcomes that need a person (report/report.ts: GOOD is the rest). */
const BAD_OUTCOMES = new Set(['failed', 'blocked', 'partial', 'invalid']);
function attentionOf(report) {
    const items = (0,report_report/* expiringSoon */.s_)(report).map((e) => ({
        kind: 'expiring',
        what: e.what,
        notAfter: e.notAfter,
        daysRemaining: e.daysRemaining,
    }));
    // With several targets a lineage has a result on each: every failed step of any of them counts.
    const lineages = new Map();
    for (const lineage of allLineages(report))
        lineages.set(lineage.lineage, [...(lineages.get(lineage.lineage) ?? []), lineage]);
    for (const cert of report.certificates) {
        const codes = new Set(cert.findings.filter((f) => f.level === 'error').map((f) => f.code));
        for (const lineage of cert.name === undefined ? [] : (lineages.get(cert.name) ?? []))
            for (const step of lineage.steps ?? [])
                if (step.outcome.status === 'failed')
                    codes.add(step.outcome.code);
        if (codes.size > 0 || BAD_OUTCOMES.has(cert.outcome)) {
            items.push({ kind: 'failed', what: cert.label, status: cert.outcome, codes: [...codes] });
        }
    }
    for (const endpoint of report.served ?? []) {
        const codes = [...new Set(endpoint.findings.filter((f) => f.level === 'error').map((f) => f.code))];
        if (codes.length > 0) {
            items.push({ kind: 'failed', what: `${endpoint.host}:${endpoint.port}`, status: 'invalid', codes });
        }
    }
    for (const target of report.targets ?? []) {
        if (target.error) {
            items.push({
                kind: 'failed',
                what: `target ${target.name}`,
                status: 'failed',
                codes: [target.error.code],
            });
        }
    }
    if (report.verified === 'failed')
        items.push({ kind: 'verification-failed' });
    for (const settle of [report.rotation?.settle, ...(report.targets ?? []).map((t) => t.rotation?.settle)]) {
        if (settle?.status === 'failed')
            items.push({ kind: 'settle-failed', code: settle.code });
    }
    if (!report.ok && !items.some((i) => i.kind !== 'expiring'))
        items.push({ kind: 'run-failed' });
    return items;
}
/** Whether the run wrote anything at the provider: the `changed` output. */
function changedBy(report) {
    return allLineages(report).some((l) => (l.steps ?? []).some(results/* wrote */.CX));
}
/** Every lineage result of the run: of its one rotation, or of each target's. */
function allLineages(report) {
    return [
        ...(report.rotation?.lineages ?? []),
        ...(report.targets ?? []).flatMap((t) => t.rotation?.lineages ?? []),
    ];
}
//# sourceMappingURL=attention.js.map
;// CONCATENATED MODULE: ./build/notify/decide.js
const ISSUE_NEWS = new Set(['opened', 'changed', 'closed']);
function decideNotify(facts) {
    if (facts.pullRequest) {
        return { send: false, why: "a pull request's run says what it found in its comment." };
    }
    const issue = facts.expiryIssue;
    const attention = issue === undefined ? facts.attention.length > 0 : ISSUE_NEWS.has(issue);
    const withIssue = issue === undefined ? {} : { expiryIssue: issue };
    if (attention)
        return { send: true, reason: 'attention', ...withIssue };
    if (facts.changed && facts.on !== 'attention')
        return { send: true, reason: 'change', ...withIssue };
    if (facts.on === 'always')
        return { send: true, reason: 'always', ...withIssue };
    if (issue !== undefined && facts.attention.length > 0) {
        return {
            send: false,
            why: `with expiry-issue, alerts follow the issue, which did not change (${issue}).`,
        };
    }
    return {
        send: false,
        why: facts.on === 'attention'
            ? 'nothing needs attention.'
            : 'nothing needs attention and nothing was written.',
    };
}
//# sourceMappingURL=decide.js.map
// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(6752);
// EXTERNAL MODULE: ./build/plural.js
var plural = __webpack_require__(3412);
// EXTERNAL MODULE: ./build/version.js
var version = __webpack_require__(8508);
// EXTERNAL MODULE: ./build/loopback.js
var loopback = __webpack_require__(2515);
// EXTERNAL MODULE: ./build/network-errors.js
var network_errors = __webpack_require__(9236);
;// CONCATENATED MODULE: ./build/notify/send.js
/**
 * The one request that carries the message: POST of JSON to the webhook, with a timeout on the
 * connection, on the reply's headers, between the reply's chunks and on each try as a whole (a
 * receiver that trickles a byte now and then never trips the others), a bounded read of the reply,
 * and at most MAX_TRIES tries: again only after a 429 or a 5xx, or a connection that was never
 * made, as a message twice in a channel is better than none but a timeout may have posted it.
 *
 * It never throws: a chat that is down must not fail a step whose certificates are done. And it
 * never says the URL, nor anything an error object carries (undici's messages name the address):
 * Slack's URL is its token. What goes wrong is said by status and code only.
 */





const MAX_TRIES = 2;
/** Slack answers `ok` or an error word; a receiver's reply is read this far and no further. */
const MAX_REPLY_BYTES = 16 * 1024;
const DEFAULT_SEND_LIMITS = {
    connectMs: 10_000,
    headersMs: 15_000,
    bodyMs: 15_000,
    tryMs: 30_000,
    retryDelayMs: 2_000,
    maxRetryAfterMs: 15_000,
};
const TIMEOUTS = new Set([
    'UND_ERR_HEADERS_TIMEOUT',
    'UND_ERR_BODY_TIMEOUT',
    // The try's own deadline (AbortSignal.timeout): undici says it as an aborted request.
    'UND_ERR_ABORTED',
    'ABORT_ERR',
    'TimeoutError',
    'AbortError',
]);
async function sendNotification(url, payload, options = {}) {
    const limits = { ...DEFAULT_SEND_LIMITS, ...options.limits };
    const sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    const agentOptions = {
        connect: { timeout: limits.connectMs },
        headersTimeout: limits.headersMs,
        bodyTimeout: limits.bodyMs,
    };
    // Never through a proxy to this machine: the proxy's loopback is not ours.
    const dispatcher = options.dispatcher ??
        ((0,loopback/* isLoopbackHost */.c)(url.hostname) ? new undici/* Agent */.g6(agentOptions) : new undici/* EnvHttpProxyAgent */.J2(agentOptions));
    const body = JSON.stringify(payload);
    try {
        for (let tries = 1;; tries++) {
            const result = await once(url, body, dispatcher, limits);
            if (result.kind === 'reply' && result.status >= 200 && result.status < 300) {
                return { ok: true, status: result.status, tries };
            }
            const again = retryable(result);
            if (!again || tries >= MAX_TRIES) {
                return { ok: false, problem: problemOf(result, limits, tries), tries };
            }
            const asked = result.kind === 'reply' ? (result.retryAfterMs ?? 0) : 0;
            await sleep(Math.max(limits.retryDelayMs, Math.min(asked, limits.maxRetryAfterMs)));
        }
    }
    finally {
        // Its sockets (a stalled one among them) would hold the process open.
        if (options.dispatcher === undefined)
            await dispatcher.destroy().catch(() => { });
    }
}
async function once(url, body, dispatcher, limits) {
    try {
        const res = await (0,undici/* request */.Em)(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json; charset=utf-8', 'user-agent': version/* USER_AGENT */._ },
            body,
            dispatcher,
            headersTimeout: limits.headersMs,
            bodyTimeout: limits.bodyMs,
            signal: AbortSignal.timeout(limits.tryMs),
        });
        const reply = await readBounded(res.body);
        const result = { kind: 'reply', status: res.statusCode };
        const retryAfter = Number(headerValue(res.headers['retry-after']));
        if (Number.isFinite(retryAfter) && retryAfter >= 0)
            result.retryAfterMs = retryAfter * 1000;
        const word = replyWord(reply, url);
        if (word !== undefined)
            result.word = word;
        return result;
    }
    catch (thrown) {
        return { kind: 'network', code: networkCode(thrown) };
    }
}
/** The reply up to MAX_REPLY_BYTES; the rest is not waited for (the stream is destroyed). */
async function readBounded(stream) {
    const chunks = [];
    let total = 0;
    for await (const chunk of stream) {
        const room = MAX_REPLY_BYTES - total;
        chunks.push(chunk.subarray(0, Math.max(0, room)));
        total += chunk.length;
        if (total >= MAX_REPLY_BYTES) {
            stream.destroy();
            break;
        }
    }
    return Buffer.concat(chunks).toString('utf8');
}
/**
 * Slack's refusals are one word (`invalid_payload`, `no_service`, `channel_is_archived`): worth
 * saying. Anything else a receiver answers is not quoted: it may echo what it was sent, and a
 * word that is part of the URL (its token) is never one to say.
 */
function replyWord(reply, url) {
    const word = reply.trim();
    if (!/^[a-z][a-z_]{1,39}$/.test(word))
        return undefined;
    return url.href.toLowerCase().includes(word) ? undefined : word;
}
function retryable(result) {
    if (result.kind === 'network')
        return network_errors/* NOT_SENT */.F.has(result.code);
    return result.status === 429 || result.status >= 500;
}
function problemOf(result, limits, tries) {
    const after = tries > 1 ? ` (${(0,plural/* plural */.L)(tries, 'try', 'tries')})` : '';
    if (result.kind === 'reply') {
        const word = result.word === undefined ? '' : `: ${result.word}`;
        return `the webhook answered HTTP ${result.status}${word}${after}`;
    }
    if (TIMEOUTS.has(result.code)) {
        return `no complete answer from the webhook within ${Math.round(limits.tryMs / 1000)} s (${result.code})${after}`;
    }
    if (network_errors/* NOT_SENT */.F.has(result.code))
        return `could not connect to the webhook (${result.code})${after}`;
    return `the connection to the webhook failed (${result.code})${after}`;
}
/** A code from the error or its causes: never its message, which names the address. */
function networkCode(thrown) {
    let found;
    for (const { code, name } of (0,network_errors/* causeChain */.D)(thrown)) {
        if (typeof code === 'string' && /^[A-Z][A-Z0-9_]{1,40}$/.test(code)) {
            if (network_errors/* NOT_SENT */.F.has(code) || TIMEOUTS.has(code))
                return code;
            found ??= code;
        }
        else if (typeof name === 'string' && TIMEOUTS.has(name))
            found ??= name;
    }
    return found ?? 'NETWORK_ERROR';
}
function headerValue(value) {
    return Array.isArray(value) ? value[0] : value;
}
//# sourceMappingURL=send.js.map
// EXTERNAL MODULE: ./build/report/escape.js
var report_escape = __webpack_require__(9924);
;// CONCATENATED MODULE: ./build/notify/mrkdwn.js
/**
 * Outside text (a certificate's subject, a provider's certificate names) for a chat message. Slack
 * reads `&`, `<` and `>` as its own syntax: `<!channel>` pings everyone, `<@U123>` a person,
 * `<https://x|here>` is a link that says something else. Mattermost and Rocket.Chat read the same
 * `text` as Markdown and turn a bare `@channel`, `@all`, `@here` or `@name` into a notification,
 * `[x](url)` into a link and `![x](url)` into an image fetched from anywhere. So: the three
 * characters as Slack's entities, and a word joiner (U+2060, invisible) where a mention, a link or
 * an autolinked address would begin, which none of the three then recognises.
 */

const JOIN = '\u2060';
/** Slack's own escapes: the only three it asks for (api.slack.com "Formatting text"). */
const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
function escapeMrkdwn(text) {
    return ((0,report_escape/* printable */.g$)(text)
        .replace(/[&<>]/g, (c) => ENTITIES[c] ?? c)
        // Mentions; `](` of a Markdown link or image; `://` and `www.` of an address.
        .replace(/@/g, `@${JOIN}`)
        .replace(/\]\(/g, `]${JOIN}(`)
        .replace(/:\/\//g, `:${JOIN}//`)
        .replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}${JOIN}.`));
}
/**
 * At most `max` UTF-16 units, `…` when cut, never half a surrogate pair. A subject can be
 * megabytes: it is cut before it is escaped (escaping lengthens, and a cut entity shows as junk).
 */
function clip(text, max) {
    if (text.length <= max)
        return text;
    let end = max - 1;
    const code = text.charCodeAt(end - 1);
    if (code >= 0xd800 && code <= 0xdbff)
        end--;
    return `${text.slice(0, end)}…`;
}
//# sourceMappingURL=mrkdwn.js.map
;// CONCATENATED MODULE: ./build/notify/slack.js
/**
 * The run as a Slack incoming-webhook message: `text` (what Mattermost and Rocket.Chat show, and
 * Slack's fallback for notifications) and `blocks` (what Slack shows). Within Slack's limits: at
 * most 50 blocks, a section's text at most 3,000 characters, a header's 150; `text` is kept far
 * under Slack's 40,000, and under Mattermost's 16,383, so no receiver cuts or splits it. Outside
 * text goes through escapeMrkdwn; nothing secret is in the report to begin with.
 */



const MAX_BLOCKS = 50;
const MAX_SECTION_CHARS = 3000;
const MAX_HEADER_CHARS = 150;
/** Under Mattermost's post limit (16,383), which Slack's 40,000 is above. */
const MAX_TEXT_CHARS = 12_000;
/** A label is a name or a subject, which can be megabytes: a line shows its start. */
const MAX_LABEL_CHARS = 200;
function slackMessage(report, decision, attention, place) {
    const title = titleOf(report, decision, attention);
    const about = aboutLines(report, place);
    const needs = attention.map(attentionLine);
    const certificates = certificateLines(report);
    const listHeading = `*${report.served === undefined ? 'Certificates' : 'Endpoints'}*`;
    const link = runLink(place.runUrl);
    const fixed = 2 + (link === undefined ? 0 : 1);
    const sections = [...sectionsOf('*Needs attention*', needs), ...sectionsOf(listHeading, certificates)];
    const room = MAX_BLOCKS - fixed;
    const shown = sections.length <= room ? sections : [...sections.slice(0, room - 1), moreNote(sections.slice(room - 1))];
    const blocks = [
        { type: 'header', text: { type: 'plain_text', text: clip(title, MAX_HEADER_CHARS), emoji: true } },
        { type: 'section', text: { type: 'mrkdwn', text: clip(about.join('\n'), MAX_SECTION_CHARS) } },
        ...shown.map((text) => ({ type: 'section', text: { type: 'mrkdwn', text } })),
    ];
    if (link !== undefined)
        blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: link }] });
    const textLines = [
        `*${title}*`,
        ...about,
        ...(needs.length > 0 ? ['*Needs attention*', ...needs] : []),
        ...(certificates.length > 0 ? [listHeading, ...certificates] : []),
    ];
    return { text: fitText(textLines, link), blocks };
}
function titleOf(report, decision, attention) {
    if (decision.expiryIssue === 'closed' && attention.length === 0) {
        return '✅ cert-rotate: every certificate is outside the warning window again';
    }
    if (decision.reason === 'attention') {
        return report.ok ? '⚠️ cert-rotate: certificates need attention' : `❌ cert-rotate ${report.mode} failed`;
    }
    if (decision.reason === 'change')
        return `🔁 cert-rotate ${report.mode}: certificates changed`;
    return `${report.ok ? '✅' : '❌'} cert-rotate ${report.mode}: ${(0,report_report/* overallStatus */.gX)(report)}`;
}
function aboutLines(report, place) {
    const counts = report.counts;
    const lines = [
        `*${report.mode}* · status *${(0,report_report/* overallStatus */.gX)(report)}* · ${(0,plural/* plural */.L)(counts.errors, 'error')}, ${(0,plural/* plural */.L)(counts.warnings, 'warning')}`,
    ];
    const where = [place.repository, place.workflow].filter((w) => w !== undefined && w !== '');
    if (where.length > 0)
        lines.push(escapeMrkdwn(clip(where.join(' · '), MAX_LABEL_CHARS)));
    return lines;
}
const label = (what) => `*${escapeMrkdwn(clip(what, MAX_LABEL_CHARS))}*`;
function expiry(notAfter, days) {
    const date = notAfter.slice(0, 10);
    if (days < 0)
        return `expired ${date} (${(0,plural/* plural */.L)(-days, 'day')} ago)`;
    return `expires ${date} (${days === 0 ? 'today' : `in ${(0,plural/* plural */.L)(days, 'day')}`})`;
}
function attentionLine(item) {
    switch (item.kind) {
        case 'expiring':
            return `• ${label(item.what)} ${expiry(item.notAfter, item.daysRemaining)}`;
        case 'failed':
            return `• ${label(item.what)}: ${item.status}${item.codes.length > 0 ? ` (${item.codes.slice(0, 8).join(', ')})` : ''}`;
        case 'verification-failed':
            return '• The live check failed: an endpoint does not serve the certificate it should.';
        case 'settle-failed':
            return `• The provider's follow-up after the changes (a Traefik reload) failed (${item.code}).`;
        case 'run-failed':
            return '• The run failed.';
    }
}
function certificateLines(report) {
    if (report.served !== undefined) {
        return report.served.map((e) => {
            const bad = e.findings.some((f) => f.level === 'error');
            const when = e.notAfter !== undefined && e.daysRemaining !== undefined
                ? `, ${expiry(e.notAfter, e.daysRemaining)}`
                : '';
            return `• ${label(`${e.host}:${e.port}`)} — ${bad ? 'invalid' : 'valid'}${when}`;
        });
    }
    return report.certificates.map((c) => {
        const when = c.leaf ? `, ${expiry(c.leaf.notAfter, c.leaf.daysRemaining)}` : '';
        return `• ${label(c.label)} — ${c.outcome}${when}`;
    });
}
/** Lines in sections of at most MAX_SECTION_CHARS, the heading on the first. */
function sectionsOf(heading, lines) {
    if (lines.length === 0)
        return [];
    const sections = [];
    let current = heading;
    for (const line of lines) {
        if (current.length + 1 + line.length > MAX_SECTION_CHARS) {
            sections.push(current);
            current = clip(line, MAX_SECTION_CHARS);
        }
        else
            current = `${current}\n${line}`;
    }
    sections.push(current);
    return sections;
}
function moreNote(left) {
    const lines = left.reduce((n, s) => n + s.split('\n').filter((l) => l.startsWith('•')).length, 0);
    return `…and ${(0,plural/* plural */.L)(lines, 'more line')}: the run's job summary has them all.`;
}
/**
 * The run's page as a Slack link. It is made by the runner's context from GitHub's own address
 * and the repository's name; a character that would end the link early is refused rather than
 * escaped (Slack has no escape inside `<…>`).
 */
function runLink(runUrl) {
    if (runUrl === undefined || !/^https?:\/\/[^\s<>|&]+$/.test(runUrl))
        return undefined;
    return `<${runUrl}|View the run>`;
}
function fitText(lines, link) {
    const tail = link === undefined ? [] : [link];
    const reserve = 120 + (link?.length ?? 0);
    const kept = [];
    let used = 0;
    for (const [i, line] of lines.entries()) {
        if (used + line.length + 1 > MAX_TEXT_CHARS - reserve) {
            kept.push(`…and ${(0,plural/* plural */.L)(lines.length - i, 'more line')}: the run's job summary has them all.`);
            break;
        }
        kept.push(line);
        used += line.length + 1;
    }
    return [...kept, ...tail].join('\n');
}
//# sourceMappingURL=slack.js.map
;// CONCATENATED MODULE: ./build/notify/summary.js
/**
 * `notify-format: json`: the report's summary, for a receiver that is not a chat (an incident
 * tool, a function, a queue). Compact and stable: the run's mode, status and counts, each
 * certificate's (or endpoint's) outcome and expiry, the live check's verdict, and what needs
 * attention, with why the message was sent. The whole report is the `report` output; this is what
 * fits in one request, whatever the run: lists are cut at MAX_ITEMS, with how many were left out.
 * Plain JSON values, so the receiver escapes for wherever it shows them.
 */



const MAX_ITEMS = 500;
const summary_MAX_LABEL_CHARS = 200;
function summaryMessage(report, reason, expiryIssue, attention, place) {
    const items = report.served === undefined ? certificateItems(report) : endpointItems(report);
    const summary = {
        source: 'cert-rotate-action',
        version: version/* VERSION */.x,
        reason,
        ...(expiryIssue === undefined ? {} : { expiryIssue }),
        mode: report.mode,
        status: (0,report_report/* overallStatus */.gX)(report),
        ok: report.ok,
        generatedAt: report.generatedAt,
        counts: report.counts,
        verified: report.verified ?? null,
        certificates: items.slice(0, MAX_ITEMS),
        attention: attention.slice(0, MAX_ITEMS).map(clipped),
    };
    if (items.length > MAX_ITEMS || attention.length > MAX_ITEMS) {
        summary.omitted = {
            certificates: Math.max(0, items.length - MAX_ITEMS),
            attention: Math.max(0, attention.length - MAX_ITEMS),
        };
    }
    if (place.repository)
        summary.repository = place.repository;
    if (place.workflow)
        summary.workflow = clip(place.workflow, summary_MAX_LABEL_CHARS);
    if (place.runUrl)
        summary.runUrl = place.runUrl;
    return summary;
}
function certificateItems(report) {
    return report.certificates.map((c) => ({
        what: clip(c.label, summary_MAX_LABEL_CHARS),
        outcome: c.outcome,
        notAfter: c.leaf?.notAfter ?? null,
        daysRemaining: c.leaf?.daysRemaining ?? null,
    }));
}
function endpointItems(report) {
    return (report.served ?? []).map((e) => ({
        what: clip(`${e.host}:${e.port}`, summary_MAX_LABEL_CHARS),
        outcome: e.findings.some((f) => f.level === 'error') ? 'invalid' : 'valid',
        notAfter: e.notAfter ?? null,
        daysRemaining: e.daysRemaining ?? null,
    }));
}
function clipped(item) {
    return 'what' in item ? { ...item, what: clip(item.what, summary_MAX_LABEL_CHARS) } : item;
}
//# sourceMappingURL=summary.js.map
;// CONCATENATED MODULE: ./build/notify/notify.js
/**
 * The alert, end to end, for the entry points: decide (decide.ts), build the one message in the
 * chosen form (slack.ts, summary.ts), send it (send.ts), and say in the log what happened. Loaded
 * only by a run with a webhook. Never throws and never fails the step: the certificates are done
 * by now, and a chat that is down is a warning.
 */





async function notify(report, run) {
    try {
        const attention = attentionOf(report);
        const decision = decideNotify({
            on: run.settings.on,
            attention,
            changed: changedBy(report),
            expiryIssue: run.expiryIssue,
            pullRequest: run.pullRequest,
        });
        if (!decision.send) {
            run.log.info(`No notification: ${decision.why}`);
            return { decision };
        }
        const message = run.settings.format === 'slack'
            ? slackMessage(report, decision, attention, run.place)
            : summaryMessage(report, decision.reason, decision.expiryIssue, attention, run.place);
        const outcome = await sendNotification(run.settings.url, message, run.send);
        if (outcome.ok)
            run.log.info(`Notification sent (${decision.reason}).`);
        else
            run.log.warning(`Could not send the notification (${decision.reason}): ${outcome.problem}.`);
        return { decision, outcome };
    }
    catch (thrown) {
        // A bug here must not fail a step whose work is done. Only the error's class is said: its
        // message, from the network layer, can name the address.
        const kind = thrown instanceof Error ? thrown.name : typeof thrown;
        run.log.warning(`Could not send the notification: an internal error (${kind}).`);
        return { decision: { send: false, why: 'an internal error.' } };
    }
}
//# sourceMappingURL=notify.js.map

/***/ }),

/***/ 8570:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ isProviderError),
/* harmony export */   m: () => (/* binding */ ProviderError)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9473);
/**
 * What can go wrong talking to a provider, as classes with stable codes. The rotation decides
 * by code: NAME_TAKEN means another run won the race (adopt its certificate), NOT_FOUND on a
 * remove means it is already gone, IN_USE means "rebind first or keep it", AMBIGUOUS means a
 * write may or may not have landed (look before trying again).
 */

class ProviderError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CertRotateError */ .iV {
    providerCode;
    status;
    constructor(code, message, options = {}) {
        super(`PROVIDER_${code}`, message, options.fix, options.cause === undefined ? undefined : { cause: options.cause });
        this.name = 'ProviderError';
        this.providerCode = code;
        this.status = options.status;
    }
}
function isProviderError(thrown, code) {
    return thrown instanceof ProviderError && (code === undefined || thrown.providerCode === code);
}
//# sourceMappingURL=errors.js.map

/***/ }),

/***/ 9513:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CX: () => (/* binding */ wrote),
/* harmony export */   KW: () => (/* binding */ certRef),
/* harmony export */   Th: () => (/* binding */ applyStatus),
/* harmony export */   V2: () => (/* binding */ failure),
/* harmony export */   li: () => (/* binding */ useRef),
/* harmony export */   nK: () => (/* binding */ stepFailure),
/* harmony export */   wf: () => (/* binding */ planStatus)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9473);
/* harmony import */ var _providers_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8570);
/**
 * What a rotation reports: plain data (JSON as it is), public facts only. Upload texts and keys
 * never enter it; certificates and the things that use them appear by id and name. Every step of
 * an applied plan says what happened to it: `done`, `adopted` (another run had uploaded the same
 * content first), `skipped` (with the step it waited on) or `failed` (with the error's code).
 */


function certRef(remote) {
    return { id: remote.id, name: remote.name };
}
function useRef(use) {
    return { kind: use.kind, id: use.id, name: use.name };
}
/** Anything thrown, as a failed outcome: coded errors keep their code and fix. */
function failure(thrown) {
    const fix = thrown instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CertRotateError */ .iV ? thrown.fix : undefined;
    const code = (0,_providers_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .isProviderError */ .E)(thrown) ? thrown.providerCode : 'INTERNAL';
    return { status: 'failed', code, message: (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .toError */ .iT)(thrown).message, ...(fix === undefined ? {} : { fix }) };
}
function stepFailure(code, message, fix) {
    return { status: 'failed', code, message, ...(fix === undefined ? {} : { fix }) };
}
const WRITES = new Set(['create', 'remove-duplicate', 'rebind', 'remove', 'rollback']);
/** Did the step change anything at the provider (or find it changed by another run)? */
function wrote(step) {
    return WRITES.has(step.op) && (step.outcome.status === 'done' || step.outcome.status === 'adopted');
}
function applyStatus(steps) {
    const current = steps.filter((s) => s.op === 'create' || s.op === 'confirm' || s.op === 'unchanged');
    if (current.some((s) => s.outcome.status === 'failed'))
        return 'failed';
    const troubled = steps.filter((s) => s.outcome.status === 'failed' || s.outcome.status === 'skipped');
    const uploaded = steps.some((s) => s.op === 'create' && wrote(s));
    const moved = steps.some((s) => s.op !== 'create' && wrote(s));
    if (troubled.length > 0) {
        if (uploaded || moved)
            return 'partial';
        const refusedOnly = troubled.every((s) => s.outcome.status === 'skipped' && s.outcome.refused);
        return refusedOnly ? 'blocked' : 'failed';
    }
    if (moved)
        return 'rotated';
    return uploaded ? 'created' : 'unchanged';
}
function planStatus(plan) {
    // A refused move leaves a use on an old version: apply cannot finish the rotation as it stands.
    if (plan.blocked !== undefined || (plan.refused ?? []).length > 0)
        return 'blocked';
    return plan.steps.some((s) => s.op === 'create' || s.op === 'rebind' || s.op === 'remove')
        ? 'planned'
        : 'unchanged';
}
//# sourceMappingURL=results.js.map

/***/ })

};

//# sourceMappingURL=597.index.js.map