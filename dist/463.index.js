export const id = 463;
export const ids = [463];
export const modules = {

/***/ 4463:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createGitHubClient: () => (/* binding */ createGitHubClient)
/* harmony export */ });
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2413);
/* harmony import */ var undici__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6752);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6410);
/* harmony import */ var _version_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8508);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7307);
/**
 * The part of GitHub's REST API the action uses, behind an interface of our own so the comment and
 * issue logic (and their tests) depend on six calls, not on Octokit. Built on `@actions/github`'s
 * Octokit (one GitHub client in the bundle) with our own transport: timeouts, the runner's proxy
 * settings, and never a proxy (nor plain http) for anything but this machine.
 *
 * Nothing is retried here: a create that may have landed must not be sent twice, and the callers
 * look before they write, so re-running the job is the safe retry.
 */





/** The most GitHub gives in one page: fewer requests on busy repositories. */
const PER_PAGE = 100;
function createGitHubClient(token, options) {
    if (token.trim() === '') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .GitHubError */ .y_('GitHub: no token to talk to the API with.', {
            fix: 'Pass one: github-token: ${{ github.token }} (the default).',
        });
    }
    const apiUrl = checkApiUrl(options.apiUrl);
    const redactor = options.redactor ?? new _secrets_js__WEBPACK_IMPORTED_MODULE_2__/* .Redactor */ .pO();
    redactor.add(token);
    const octokit = (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(token, {
        baseUrl: apiUrl.href.replace(/\/+$/, ''),
        userAgent: _version_js__WEBPACK_IMPORTED_MODULE_4__/* .USER_AGENT */ ._,
        request: { fetch: transport(apiUrl, options.timeouts) },
        // Octokit logs deprecation warnings to the console; the action's log is not the place.
        log: { debug: noop, info: noop, warn: noop, error: noop },
    });
    const at = async (op, call) => {
        try {
            return await call();
        }
        catch (thrown) {
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .toGitHubError */ .Lg)(thrown, op, redactor);
        }
    };
    const where = (owner, repo) => `${owner}/${repo}`;
    return {
        listIssueComments: (owner, repo, issue_number) => at({ doing: `list the comments on #${issue_number} in ${where(owner, repo)}`, ...COMMENTS_READ }, async () => {
            const comments = await octokit.paginate(octokit.rest.issues.listComments, {
                owner,
                repo,
                issue_number,
                per_page: PER_PAGE,
            });
            return comments.map((c) => ({ id: c.id, body: c.body ?? '', url: c.html_url }));
        }),
        createIssueComment: (owner, repo, issue_number, body) => at({ doing: `comment on #${issue_number} in ${where(owner, repo)}`, ...COMMENTS_WRITE }, async () => {
            const { data } = await octokit.rest.issues.createComment({ owner, repo, issue_number, body });
            return { id: data.id, url: data.html_url };
        }),
        updateIssueComment: (owner, repo, comment_id, body) => at({ doing: `update comment ${comment_id} in ${where(owner, repo)}`, ...COMMENTS_WRITE }, async () => {
            const { data } = await octokit.rest.issues.updateComment({ owner, repo, comment_id, body });
            return { id: data.id, url: data.html_url };
        }),
        listOpenIssues: (owner, repo) => at({ doing: `list the open issues in ${where(owner, repo)}`, ...ISSUES_READ }, async () => {
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
        createIssue: (owner, repo, title, body) => at({ doing: `open an issue in ${where(owner, repo)}`, ...ISSUES_WRITE }, async () => {
            const { data } = await octokit.rest.issues.create({ owner, repo, title, body });
            return { number: data.number, url: data.html_url };
        }),
        updateIssue: (owner, repo, issue_number, fields) => at({ doing: `update issue #${issue_number} in ${where(owner, repo)}`, ...ISSUES_WRITE }, async () => {
            const { data } = await octokit.rest.issues.update({ owner, repo, issue_number, ...fields });
            return { number: data.number, url: data.html_url };
        }),
    };
}
// A comment on a pull request needs `pull-requests`, one on an issue `issues`: the same calls serve
// both, so their fix names both.
const COMMENTS_READ = { scope: 'comments', access: 'read' };
const COMMENTS_WRITE = { scope: 'comments', access: 'write' };
const ISSUES_READ = { scope: 'issues', access: 'read' };
const ISSUES_WRITE = { scope: 'issues', access: 'write' };
const DEFAULT_TIMEOUTS = { connectMs: 10_000, headersMs: 30_000, bodyMs: 30_000 };
/**
 * Octokit's `fetch`, on undici with timeouts (Octokit has none: a stalled API would hang the job).
 * The runner's proxy is used for GitHub, never for this machine: a proxy's loopback is not ours.
 */
function transport(apiUrl, timeouts = {}) {
    const t = { ...DEFAULT_TIMEOUTS, ...timeouts };
    const agentOptions = {
        connect: { timeout: t.connectMs },
        headersTimeout: t.headersMs,
        bodyTimeout: t.bodyMs,
    };
    const dispatcher = isLoopback(apiUrl.hostname)
        ? new undici__WEBPACK_IMPORTED_MODULE_1__/* .Agent */ .g6(agentOptions)
        : new undici__WEBPACK_IMPORTED_MODULE_1__/* .EnvHttpProxyAgent */ .J2(agentOptions);
    return (input, init) => (0,undici__WEBPACK_IMPORTED_MODULE_1__/* .fetch */ .hd)(input, { ...init, dispatcher });
}
/** https, or plain http to this machine only (the doubles): the token must not cross a network in clear. */
function checkApiUrl(raw) {
    let url;
    try {
        url = new URL(raw.trim());
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .GitHubError */ .y_(`GitHub: the API URL '${raw}' is not a URL.`, {
            fix: 'Leave api-url unset on github.com; on GitHub Enterprise Server give https://HOST/api/v3.',
        });
    }
    if (url.username || url.password) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .GitHubError */ .y_('GitHub: the API URL must not contain a user name or password.', {
            fix: 'Pass the token as github-token, not in the URL.',
        });
    }
    if (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url.hostname))) {
        url.search = '';
        url.hash = '';
        return url;
    }
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .GitHubError */ .y_(`GitHub: refusing to send the token to ${url.protocol}//${url.host}.`, {
        fix: 'Use an https API URL.',
    });
}
function isLoopback(hostname) {
    return (hostname === 'localhost' ||
        hostname === '[::1]' ||
        /^127(\.\d{1,3}){3}$/.test(hostname) ||
        hostname.endsWith('.localhost'));
}
function noop() { }
//# sourceMappingURL=client.js.map

/***/ }),

/***/ 8508:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ USER_AGENT),
/* harmony export */   x: () => (/* binding */ VERSION)
/* harmony export */ });
/** The action's version, for the User-Agent. A test keeps it equal to package.json's. */
const VERSION = '0.1.0';
const USER_AGENT = `cert-rotate-action/${VERSION} (node/${process.versions.node})`;
//# sourceMappingURL=version.js.map

/***/ })

};

//# sourceMappingURL=463.index.js.map