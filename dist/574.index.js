export const id = 574;
export const ids = [574,777,551];
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

/***/ 551:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   realClock: () => (/* binding */ realClock)
/* harmony export */ });
const realClock = {
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
    random: () => Math.random(),
};
//# sourceMappingURL=clock.js.map

/***/ }),

/***/ 574:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createProvider: () => (/* binding */ createProvider)
});

// EXTERNAL MODULE: ./build/errors.js
var errors = __webpack_require__(9473);
// EXTERNAL MODULE: ./build/providers/clock.js
var providers_clock = __webpack_require__(551);
// EXTERNAL MODULE: ./build/providers/errors.js
var providers_errors = __webpack_require__(8570);
;// CONCATENATED MODULE: ./build/providers/create-checked.js
/**
 * A create is not idempotent: sent twice, it makes two certificates (or, on DigitalOcean, the
 * second fails on the name). So a create that fails after it may have reached the server is
 * never simply resent: the listing is searched for the certificate's fingerprint first, and only
 * if it is not there is the create tried again, a bounded number of times.
 */

/** A listed certificate that is this upload: same fingerprint, or (no data listed) same name. */
function isSameUpload(remote, upload) {
    if (remote.sha1 !== undefined)
        return remote.sha1 === upload.sha1;
    return remote.name === upload.name;
}
/**
 * Ours only: the name we sent, holding the content we sent. The same leaf under another name is
 * an older upload (which the planner already counts as present) or someone else's certificate.
 */
function findLanded(listed, upload) {
    return listed.find((remote) => remote.name === upload.name && isSameUpload(remote, upload));
}
async function createChecked(upload, steps, tries = 3) {
    for (let attempt = 1;; attempt++) {
        try {
            return await steps.post(upload);
        }
        catch (thrown) {
            if (!(0,providers_errors/* isProviderError */.E)(thrown, 'AMBIGUOUS'))
                throw thrown;
            // Look even after the last try: a create that landed then is a success, not a failure.
            const landed = findLanded(await steps.list(), upload);
            if (landed) {
                steps.note?.(`the create of ${upload.name} had landed despite the error: using ${landed.id}`);
                return landed;
            }
            if (attempt >= tries)
                throw thrown;
            steps.note?.(`the create of ${upload.name} did not land: trying again (${attempt + 1} of ${tries})`);
        }
    }
}
//# sourceMappingURL=create-checked.js.map
// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(6752);
// EXTERNAL MODULE: ./build/secrets.js + 1 modules
var secrets = __webpack_require__(6410);
// EXTERNAL MODULE: ./build/version.js
var version = __webpack_require__(8508);
// EXTERNAL MODULE: ./build/providers/rate-limit.js
var rate_limit = __webpack_require__(777);
// EXTERNAL MODULE: ./build/network-errors.js
var network_errors = __webpack_require__(9236);
// EXTERNAL MODULE: ./build/loopback.js
var loopback = __webpack_require__(2515);
;// CONCATENATED MODULE: ./build/providers/http.js
/**
 * The one place provider HTTP happens: undici with keep-alive, timeouts and the runner's proxy
 * settings; retries with backoff and jitter for what is safe to retry; the shared rate limiter;
 * secrets kept out of every message.
 *
 * Retry rules. A request that never reached the server (connection refused, connect timeout) or
 * that the server refused to process (429) is always retried. After it may have been processed
 * (reset mid-request, header/body timeout, 502/503/504), only idempotent requests are retried; a
 * create fails as AMBIGUOUS so its caller can look whether it landed before trying again. A 500
 * is retried on reads (GET changes nothing, so asking again is always safe: godo's retrying
 * client, which Terraform's DigitalOcean provider uses, does the same) and where the caller says
 * so; a 500 on a write comes back to the caller, as does every other 4xx.
 */








const DEFAULT_RETRY = {
    attempts: 5,
    baseDelayMs: 500,
    maxDelayMs: 30_000,
    budgetMs: 120_000,
};
const DEFAULT_TIMEOUTS = { connectMs: 10_000, headersMs: 30_000, bodyMs: 30_000 };
/** Network errors after which the server may or may not have processed the request. */
const MAYBE_SENT = new Set([
    'ECONNRESET',
    'EPIPE',
    'ETIMEDOUT',
    'UND_ERR_SOCKET',
    'UND_ERR_HEADERS_TIMEOUT',
    'UND_ERR_BODY_TIMEOUT',
    'UND_ERR_CLOSED',
]);
const GATEWAY = new Set([502, 503, 504]);
const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;
class HttpClient {
    baseUrl;
    options;
    retry;
    clock;
    dispatcher;
    /** Requests sent, retries included: for reports and the request-count benchmarks. */
    requestCount = 0;
    constructor(options) {
        this.options = options;
        this.baseUrl = checkBaseUrl(options.provider, options.baseUrl, options.allowInsecureHttp === true);
        this.retry = { ...DEFAULT_RETRY, ...options.retry };
        this.clock = options.clock ?? providers_clock.realClock;
        const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
        const agentOptions = {
            connect: { timeout: timeouts.connectMs },
            headersTimeout: timeouts.headersMs,
            bodyTimeout: timeouts.bodyMs,
            keepAliveTimeout: 10_000,
            maxResponseSize: MAX_RESPONSE_BYTES,
        };
        // Never through a proxy to this machine: the proxy's loopback is not ours, and plain http
        // (allowed to loopback only because it stays here) would carry the token off the machine.
        this.dispatcher =
            options.dispatcher ??
                ((0,loopback/* isLoopbackHost */.c)(this.baseUrl.hostname) ? new undici/* Agent */.g6(agentOptions) : new undici/* EnvHttpProxyAgent */.J2(agentOptions));
        this.timeouts = timeouts;
    }
    timeouts;
    async request(req) {
        const started = this.clock.now();
        const what = `${req.method} ${req.path}`;
        for (let attempt = 1;; attempt++) {
            const outcome = await this.once(req);
            const retryIn = this.retryDelay(req, outcome, attempt);
            const elapsed = this.clock.now() - started;
            if (retryIn === undefined)
                return this.settle(req, outcome);
            if (attempt >= this.retry.attempts || elapsed + retryIn > this.retry.budgetMs) {
                return this.settle(req, outcome, attempt);
            }
            this.options.debug?.(`${what}: ${describe(outcome)}; retry ${attempt} in ${Math.round(retryIn)} ms`);
            await this.clock.sleep(retryIn);
        }
    }
    /** One try: a response, or the network error code it failed with. */
    async once(req) {
        await this.options.limiter?.acquire();
        const url = new URL(this.baseUrl.href.replace(/\/$/, '') + req.path);
        for (const [name, value] of Object.entries(req.query ?? {})) {
            if (value !== undefined)
                url.searchParams.set(name, String(value));
        }
        const headers = {
            'user-agent': version/* USER_AGENT */._,
            accept: 'application/json',
            ...this.options.headers,
        };
        let body = null;
        if (req.body !== undefined) {
            body = JSON.stringify(req.body);
            headers['content-type'] = 'application/json';
        }
        this.requestCount++;
        const sentAt = this.clock.now();
        try {
            const res = await (0,undici/* request */.Em)(url, {
                method: req.method,
                headers,
                body,
                dispatcher: this.dispatcher,
                headersTimeout: this.timeouts.headersMs,
                bodyTimeout: this.timeouts.bodyMs,
            });
            const raw = await res.body.text();
            const echoed = this.options.redactor.echoes(raw);
            const scrubbed = this.options.redactor.scrub(raw);
            const text = echoed ? secrets/* ECHO_NOTICE */.to : scrubbed;
            // A success is data the caller reads (a listing holds keys: scrubbed); an error is text to quote.
            const success = res.statusCode >= 200 && res.statusCode < 300;
            const parsed = echoed && !success ? undefined : parseJson(scrubbed);
            const responseHeaders = flatHeaders(res.headers);
            this.options.limiter?.observe(responseHeaders);
            this.options.debug?.(`${req.method} ${req.path} → ${res.statusCode} (${this.clock.now() - sentAt} ms)`);
            return {
                kind: 'response',
                response: {
                    status: res.statusCode,
                    headers: responseHeaders,
                    body: parsed,
                    text,
                    ...(echoed ? { echoed } : {}),
                },
            };
        }
        catch (thrown) {
            const code = networkCode(thrown);
            this.options.debug?.(`${req.method} ${req.path} failed: ${code} (${this.clock.now() - sentAt} ms)`);
            return { kind: 'network', code };
        }
    }
    /** Milliseconds to wait before trying again, or undefined when this outcome is final. */
    retryDelay(req, outcome, attempt) {
        if (outcome.kind === 'network') {
            if (network_errors/* NOT_SENT */.F.has(outcome.code))
                return this.backoff(attempt);
            if (MAYBE_SENT.has(outcome.code) && req.retry === 'idempotent')
                return this.backoff(attempt);
            return undefined;
        }
        const { status, headers } = outcome.response;
        // Never sooner than the backoff, whatever the headers say: a 429 retried at once is another 429.
        if (status === 429) {
            return Math.max(this.rateLimitDelay(headers) ?? req.limitWindowMs ?? 0, this.backoff(attempt));
        }
        if (GATEWAY.has(status) && req.retry === 'idempotent')
            return this.backoff(attempt);
        if (status === 500 &&
            req.retry === 'idempotent' &&
            (req.method === 'GET' || req.retryServerErrors === true))
            return this.backoff(attempt);
        return undefined;
    }
    /** Exponential, capped, with "equal jitter": half fixed, half random, so runs spread out. */
    backoff(attempt) {
        const ceiling = Math.min(this.retry.maxDelayMs, this.retry.baseDelayMs * 2 ** (attempt - 1));
        return ceiling / 2 + (this.clock.random() * ceiling) / 2;
    }
    /**
     * `retry-after` (seconds or an HTTP date). Else `ratelimit-reset`, but only when
     * `ratelimit-remaining` is 0: it is when the HOURLY budget refills (DigitalOcean), up to an
     * hour away, and not what a burst 429 waits for. A far reset makes the budget check fail fast.
     */
    rateLimitDelay(headers) {
        const retryAfter = headers['retry-after'];
        if (retryAfter !== undefined) {
            const seconds = (0,rate_limit.headerNumber)(retryAfter);
            if (seconds !== undefined)
                return Math.max(0, seconds * 1000);
            const date = Date.parse(retryAfter);
            if (Number.isFinite(date))
                return Math.max(0, date - this.clock.now());
        }
        const reset = (0,rate_limit.headerNumber)(headers['ratelimit-reset']);
        if (reset !== undefined && (0,rate_limit.headerNumber)(headers['ratelimit-remaining']) === 0) {
            return Math.max(0, reset * 1000 - this.clock.now());
        }
        return undefined;
    }
    /** The final outcome: a response goes back to the caller; a failure becomes a coded error. */
    settle(req, outcome, attempts) {
        const what = `${req.method} ${req.path}`;
        const tries = attempts === undefined ? '' : ` after ${attempts} ${attempts === 1 ? 'try' : 'tries'}`;
        const provider = this.options.provider;
        if (outcome.kind === 'network') {
            if (req.retry === 'once' && !network_errors/* NOT_SENT */.F.has(outcome.code) && attempts === undefined) {
                throw new providers_errors/* ProviderError */.m('AMBIGUOUS', `${provider}: ${what} failed (${outcome.code}) after the request may have reached the server.`, { fix: 'Run again: the rotation looks for what this request created before creating anything.' });
            }
            throw new providers_errors/* ProviderError */.m('NETWORK', `${provider}: ${what} failed (${outcome.code})${tries}.`, {
                fix: `Check that ${(0,secrets/* quotable */.E7)(this.baseUrl.host)} is reachable from this machine (and the proxy settings, if it uses one).`,
            });
        }
        const { status } = outcome.response;
        if (status === 429 && attempts !== undefined) {
            throw new providers_errors/* ProviderError */.m('RATE_LIMITED', `${provider}: ${what} was rate limited (429)${tries}.`, {
                status,
                fix: 'Lower concurrency, or run again after the rate limit resets.',
            });
        }
        if (GATEWAY.has(status)) {
            if (req.retry === 'once' && attempts === undefined) {
                throw new providers_errors/* ProviderError */.m('AMBIGUOUS', `${provider}: ${what} got ${status} from a gateway; the request may have been processed.`, {
                    status,
                    fix: 'Run again: the rotation looks for what this request created before creating anything.',
                });
            }
            throw new providers_errors/* ProviderError */.m('UNAVAILABLE', `${provider}: ${what} got ${status}${tries}.`, {
                status,
                fix: `${provider} is having trouble; run again later.`,
            });
        }
        return outcome.response;
    }
}
function describe(outcome) {
    return outcome.kind === 'network' ? outcome.code : `HTTP ${outcome.response.status}`;
}
function networkCode(thrown) {
    for (const { code } of (0,network_errors/* causeChain */.D)(thrown)) {
        if (typeof code === 'string' && (network_errors/* NOT_SENT */.F.has(code) || MAYBE_SENT.has(code)))
            return code;
    }
    const code = thrown?.code;
    return typeof code === 'string' ? code : 'NETWORK_ERROR';
}
function flatHeaders(headers) {
    const out = {};
    for (const [name, value] of Object.entries(headers)) {
        if (value !== undefined)
            out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
    }
    return out;
}
function parseJson(text) {
    if (text.trim() === '')
        return undefined;
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}
/**
 * A base URL the action may send a token to: https, or plain http only to this machine or with
 * an explicit opt-in. Credentials in the URL are refused (they would end up in logs).
 */
function checkBaseUrl(provider, raw, allowInsecureHttp) {
    let url;
    try {
        url = new URL(raw.trim());
    }
    catch {
        throw new providers_errors/* ProviderError */.m('INSECURE_URL', `${provider}: ${(0,secrets/* quoteValue */.cl)(raw.trim())} is not a URL.`, {
            fix: 'Give the full base URL, e.g. https://dokploy.example.com.',
        });
    }
    if (url.username || url.password) {
        throw new providers_errors/* ProviderError */.m('INSECURE_URL', `${provider}: the URL must not contain a user name or password.`, {
            fix: 'Pass the credentials as the API token, not in the URL.',
        });
    }
    // A token pasted where the address belongs would be sent as a host name and named in messages.
    if ((0,secrets/* looksSecret */.n0)(url.host) || (0,secrets/* looksSecret */.n0)(url.pathname)) {
        throw new providers_errors/* ProviderError */.m('INSECURE_URL', `${provider}: the URL ${(0,secrets/* quotable */.E7)(raw.trim())} looks like it holds a token or key.`, {
            fix: 'Give the base URL alone (e.g. https://dokploy.example.com) and the token as the API token.',
        });
    }
    // Paths are appended to the base: a query or fragment on it would swallow them.
    url.search = '';
    url.hash = '';
    if (url.protocol === 'https:')
        return url;
    if (url.protocol === 'http:' && ((0,loopback/* isLoopbackHost */.c)(url.hostname) || allowInsecureHttp))
        return url;
    throw new providers_errors/* ProviderError */.m('INSECURE_URL', url.protocol === 'http:'
        ? `${provider}: refusing to send the API token over plain http to ${(0,secrets/* quotable */.E7)(url.host)}.`
        : `${provider}: unsupported URL scheme ${(0,secrets/* quoteValue */.cl)(url.protocol)}.`, {
        fix: 'Use an https:// address. Plain http is accepted only to this machine (localhost, 127.0.0.1, [::1]), ' +
            'e.g. through an SSH tunnel to the server.',
    });
}
//# sourceMappingURL=http.js.map
// EXTERNAL MODULE: ./build/constants.js
var constants = __webpack_require__(2757);
// EXTERNAL MODULE: ./build/vocabulary.js
var vocabulary = __webpack_require__(6914);
;// CONCATENATED MODULE: ./build/providers/provider.js
/**
 * What the rotation needs from a provider, and nothing provider-specific: list what is there,
 * upload, remove, and (where the provider binds certificates to things) find and move the
 * things that use a certificate. Each provider implements this in its own folder, with its wire
 * types in its own contracts.ts; adding one touches that folder and one line of factory.ts.
 */


/** A provider made without saying: the action's words, and everything apply needs. */
const DEFAULT_TOKEN_HELP = { access: 'write', via: vocabulary/* ACTION_WORDS */.d.via(constants/* Inputs */.G0.ApiToken) };
//# sourceMappingURL=provider.js.map
;// CONCATENATED MODULE: ./build/providers/hostnames-checked.js
/**
 * The rotation moves a use only after checking that the new certificate covers the hostnames it
 * serves (rotation/coverage.ts), from the listing it planned with. A load balancer's PUT moves
 * every domain that is on the old certificate, so a domain added since then would be moved
 * unchecked: the fresh read before the write must show no hostname the plan did not see.
 */

function refuseUnchecked(use, now, from, what) {
    // A regional load balancer names no hostnames: its certificate's names were checked instead.
    if (use.kind === 'load-balancer')
        return;
    const planned = use.hostnames ?? [];
    const seen = new Set(planned.filter((h) => h.certificateId === from).map((h) => h.hostname));
    const unseen = now.filter((h) => h.certificateId === from && !seen.has(h.hostname)).map((h) => h.hostname);
    if (unseen.length === 0)
        return;
    throw new providers_errors/* ProviderError */.m('NOT_FOUND', `${what} now serves ${unseen.join(', ')} with certificate ${from}, which it did not when the rotation looked; it was not changed.`, {
        fix: 'Something else changed it since the rotation looked; run again, so the new certificate is checked against what it serves now.',
    });
}
//# sourceMappingURL=hostnames-checked.js.map
// EXTERNAL MODULE: ./build/providers/digitalocean/scopes.js
var scopes = __webpack_require__(6355);
;// CONCATENATED MODULE: ./build/providers/reply-text.js
/**
 * A provider's words, fit to be quoted in a message. The HTTP layer already hides a reply that
 * echoes what was sent (http.ts, echoes.ts); this is for what it cannot know: another
 * certificate's key in a reply (Dokploy's rows carry theirs), a token it never sent. So only
 * short strings are quoted, with PEM blocks and anything that reads like base64 or a key cut out.
 */
const PEM_BLOCK = /-----BEGIN [^-]*-----[\s\S]*?(-----END [^-]*-----|$)/g;
/** Escapes left in a string that was itself JSON (a message quoting a request body). */
const LITERAL_ESCAPES = /\\u([0-9a-fA-F]{4})|\\([\\/"])|\\[rnt]/g;
/**
 * Base64 long enough to be part of a key (a PEM line is 64), with the lines that follow it, so a
 * key's short last line goes too.
 */
const BASE64_RUN = /[A-Za-z0-9+/=]{40,}(?:(?:\r|\n)+[A-Za-z0-9+/=]+)*/g;
/** Shorter runs: cut when they read like random base64 rather than words (see `random`). */
const SHORT_RUN = /[A-Za-z0-9+/=_-]{16,}/g;
/** A word, a camelCase or PascalCase identifier: what a message holds that mixes cases. */
const WORDLIKE = /^(?:[a-z]+(?:[A-Z][a-z]+)*|(?:[A-Z][a-z]+)+|[A-Z]+|[0-9]+|)$/;
/**
 * Capitals and small letters mixed the way no word or identifier mixes them: a piece of base64.
 * A request id (a UUID: no capitals), a path or a code (one case) is kept. Measured on random
 * base64: a piece of 16 characters passes for words about once in 600, of 20 once in 4,000, of 25
 * once in 50,000; of 40 and more (BASE64_RUN) never.
 */
function random(run) {
    if (!/[A-Z]/.test(run) || !/[a-z]/.test(run))
        return false;
    return /[+=]/.test(run) || run.split(/[/_-]/).some((part) => !WORDLIKE.test(part));
}
const MAX_QUOTE = 200;
/** A string from the server, fit to be part of a message; undefined for anything else or nothing left. */
function quoteReply(value, max = MAX_QUOTE) {
    if (typeof value !== 'string')
        return undefined;
    const text = value
        .slice(0, 64 * 1024)
        .replace(LITERAL_ESCAPES, (_all, u, esc) => u !== undefined ? String.fromCharCode(Number.parseInt(u, 16)) : (esc ?? ' '))
        .replace(PEM_BLOCK, '[PEM]')
        .replace(BASE64_RUN, '[…]')
        .replace(SHORT_RUN, (run) => (random(run) ? '[…]' : run))
        .replace(/\s+/g, ' ')
        .trim();
    if (text === '')
        return undefined;
    return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
//# sourceMappingURL=reply-text.js.map
;// CONCATENATED MODULE: ./build/providers/digitalocean/replies.js
/**
 * Turning DigitalOcean's error replies into coded errors. DigitalOcean says several different
 * things with 403 (a token without the scope, a certificate still in use, a load balancer busy
 * with earlier actions), so the message text has to be read; that happens here and nowhere else.
 */




const PROVIDER = 'DigitalOcean';
/**
 * A refusal's fix as the modules word it: every scope apply uses, the token in the action's input.
 * The provider rewords it for its run (withAuthFix): plan needs the read scopes only.
 */
const AUTH_FIX = (0,scopes/* tokenFix */.z5)(DEFAULT_TOKEN_HELP);
/** Both wordings Terraform's provider matches; DigitalOcean has used each. Case varies too. */
const IN_USE = [
    'make sure the certificate is not in use before deleting it',
    'being used by one or more load balancers',
];
const BUSY = "can't be updated while it processes previous actions";
function errorBody(res) {
    const body = res.body;
    if (typeof body !== 'object' || body === null)
        return undefined;
    const { id, message, request_id } = body;
    if (typeof message !== 'string')
        return undefined;
    return {
        id: typeof id === 'string' ? id : '',
        message,
        ...(typeof request_id === 'string' ? { request_id } : {}),
    };
}
function isInUse(res) {
    const message = errorBody(res)?.message.toLowerCase() ?? '';
    return res.status === 403 && IN_USE.some((wording) => message.includes(wording));
}
function isBusy(res) {
    return res.status === 403 && (errorBody(res)?.message.toLowerCase() ?? '').includes(BUSY);
}
/**
 * A certificate from Cloudflare's Origin CA, refused where DigitalOcean serves it to the public
 * (Terraform provider issue 1135: 422 "invalid certificate issued by Cloudflare origin CA", type
 * `invalid-cert`). Matched by the id, or by the words where the id is the generic one.
 */
function isOriginCaRefusal(res) {
    if (res.status !== 422)
        return false;
    const body = errorBody(res);
    const kind = isObject(res.body) ? res.body['type'] : undefined;
    return (body?.id === 'invalid-cert' ||
        kind === 'invalid-cert' ||
        /\borigin ca\b|\binvalid-cert\b/i.test(body?.message ?? ''));
}
function isNameTaken(res) {
    return res.status === 422 && /\bname is not unique\b/i.test(errorBody(res)?.message ?? '');
}
/**
 * DigitalOcean's own words, with the request id support asks for. A reply that echoed what was
 * sent has no body and its text is a notice (http.ts); what is quoted is cut short and rid of
 * anything that reads like a key, as the Dokploy client does.
 */
function said(res) {
    if (res.echoed)
        return `: ${res.text}`;
    const body = errorBody(res);
    const message = quoteReply(body ? body.message : res.text, MAX_SAID);
    if (message === undefined)
        return '';
    const id = quoteReply(body?.request_id, 64);
    return `: ${message}${id === undefined ? '' : ` (request ${id})`}`;
}
const MAX_SAID = 300;
/** The coded error for a reply that is not what the call expected. */
function replyError(res, call) {
    const status = res.status;
    const where = `${PROVIDER}: ${call.what} got ${status}${said(res)}`;
    if (status === 401) {
        return new providers_errors/* ProviderError */.m('AUTH', `${where}. The token was not accepted.`, { status, fix: AUTH_FIX });
    }
    if (isInUse(res)) {
        return new providers_errors/* ProviderError */.m('IN_USE', where, {
            status,
            fix: 'Move every load balancer and CDN endpoint to the new certificate first; the old one can go after that.',
        });
    }
    if (isBusy(res)) {
        return new providers_errors/* ProviderError */.m('BUSY', where, { status, fix: 'Run again when the load balancer is active.' });
    }
    if (status === 403) {
        return new providers_errors/* ProviderError */.m('AUTH', `${where}. The token may lack the scope ${call.scope}.`, {
            status,
            fix: AUTH_FIX,
        });
    }
    if (status === 404)
        return new providers_errors/* ProviderError */.m('NOT_FOUND', where, { status });
    if (isNameTaken(res)) {
        return new providers_errors/* ProviderError */.m('NAME_TAKEN', where, {
            status,
            fix: 'Certificate names are unique per account: use a new name for each version.',
        });
    }
    if (isOriginCaRefusal(res)) {
        return new providers_errors/* ProviderError */.m('BAD_REQUEST', `${where}. The certificate comes from Cloudflare's Origin CA, which only Cloudflare's own edge trusts; ` +
            `${PROVIDER} serves it to browsers, which would refuse it, so ${PROVIDER} refuses it too.`, {
            status,
            fix: "Rotate a certificate from a publicly trusted CA (e.g. Let's Encrypt) here; keep the Origin CA certificate for the origin server behind Cloudflare.",
        });
    }
    if (status === 400 || status === 422)
        return new providers_errors/* ProviderError */.m('BAD_REQUEST', where, { status });
    if (status >= 500) {
        return new providers_errors/* ProviderError */.m('UNAVAILABLE', where, {
            status,
            fix: `${PROVIDER} is having trouble; run again later.`,
        });
    }
    return new providers_errors/* ProviderError */.m('PROTOCOL', `${where}, which its API does not describe here.`, { status });
}
/** An authorization failure with the fix for this run; anything else as it was. */
function withAuthFix(thrown, fix) {
    if (!(0,providers_errors/* isProviderError */.E)(thrown, 'AUTH') || thrown.fix === fix)
        return thrown;
    return new providers_errors/* ProviderError */.m('AUTH', thrown.message, {
        ...(thrown.status === undefined ? {} : { status: thrown.status }),
        fix,
        ...(thrown.cause === undefined ? {} : { cause: thrown.cause }),
    });
}
/** A reply with the right status whose body is not the shape the API describes. */
function shapeError(call, expected, status) {
    return new providers_errors/* ProviderError */.m('PROTOCOL', `${PROVIDER}: ${call.what} answered without ${expected}.`, {
        ...(status === undefined ? {} : { status }),
    });
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
//# sourceMappingURL=replies.js.map
;// CONCATENATED MODULE: ./build/providers/digitalocean/fields.js
/**
 * Checking a reply's object field by field before anything reads it. A field of the wrong type is
 * the PROTOCOL error, naming the field and where it was (never its value), instead of a crash
 * deep in the rotation. Absent and null both mean "not given": DigitalOcean's services are written
 * in Go, which writes an empty list as null.
 */

class ReplyObject {
    value;
    call;
    /** Where the object sits, for messages: "item 3 of page 2", "the reply". */
    at;
    constructor(value, call, at, what) {
        if (!isObject(value))
            throw shapeError(call, `${what} as an object at ${at}`);
        this.value = value;
        this.call = call;
        this.at = at;
    }
    /** A non-empty text: ids. */
    id(key) {
        const value = this.value[key];
        if (typeof value !== 'string' || value === '')
            throw this.wrong(key, 'a non-empty text');
        return value;
    }
    text(key) {
        const value = this.value[key];
        if (typeof value !== 'string')
            throw this.wrong(key, 'a text');
        return value;
    }
    optionalText(key) {
        const value = this.value[key];
        if (value === undefined || value === null)
            return undefined;
        if (typeof value !== 'string')
            throw this.wrong(key, 'a text');
        return value;
    }
    /** A time as text; '' counts as not given (a pending certificate has no expiry yet). */
    optionalTime(key) {
        const value = this.optionalText(key);
        if (value === undefined || value === '')
            return undefined;
        if (!Number.isFinite(Date.parse(value)))
            throw this.wrong(key, 'a date and time');
        return value;
    }
    optionalNumber(key) {
        const value = this.value[key];
        if (value === undefined || value === null)
            return undefined;
        if (typeof value !== 'number' || !Number.isFinite(value))
            throw this.wrong(key, 'a number');
        return value;
    }
    optionalTextList(key) {
        const value = this.value[key];
        if (value === undefined || value === null)
            return undefined;
        if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
            throw this.wrong(key, 'a list of texts');
        }
        return value;
    }
    /** A list of objects, each checked by `check` (which gets it and where it sits). */
    optionalObjectList(key, check) {
        const value = this.value[key];
        if (value === undefined || value === null)
            return;
        if (!Array.isArray(value))
            throw this.wrong(key, 'a list');
        value.forEach((item, index) => {
            check(new ReplyObject(item, this.call, `${this.at}, '${key}' ${index + 1}`, 'each entry'));
        });
    }
    wrong(key, expected) {
        return shapeError(this.call, `${expected} for '${key}' at ${this.at}`);
    }
}
//# sourceMappingURL=fields.js.map
;// CONCATENATED MODULE: ./build/providers/digitalocean/pages.js
/**
 * Reading a whole DigitalOcean collection, trusting only what the pages hold. A page with fewer
 * items than asked for (or none) is the last, whatever its links and `meta.total` say; `meta.total`
 * only decides how far ahead to ask, never how far to read. And a listing has a hard ceiling, so a
 * server that always says "next" costs a stated share of the token's hourly budget, not all of it.
 *
 * A reply names the next page as an absolute URL (`links.pages.next`); that URL is never requested
 * as given, since the token would go wherever it points. Only its `page` number is read, and our
 * own path is asked for that page.
 */


/** The most DigitalOcean serves on one page, and what every listing asks for. */
const PER_PAGE = 200;
/** DigitalOcean's budget per token and hour (its API description's rate-limit section). */
const HOURLY_BUDGET = 5_000;
/**
 * The most pages one listing reads: a tenth of the hourly budget, 500 requests, 100,000 items. An
 * account that really holds more is far past what DigitalOcean lets one account have; a server
 * that names page after page beyond it is not telling the truth.
 */
const MAX_PAGES = HOURLY_BUDGET / 10;
/**
 * Pages asked for at once, once the first page is full and `meta.total` says more follow: up to
 * 6,600 items the listing is then 2 round trips instead of one a page (5,000 certificates at
 * 100 ms: 25 pages, 2 round trips). Never more than this ahead of the last page seen full, so a
 * `meta.total` that lies costs at most this many wasted requests. The rate limiter counts each.
 */
const PAGE_WINDOW = 32;
async function listAll(send, path, key, call, read) {
    const fetchPage = async (page) => {
        const res = await send({ method: 'GET', path, query: { per_page: PER_PAGE, page }, retry: 'idempotent' });
        if (res.status !== 200)
            throw replyError(res, call);
        const body = res.body;
        const list = isObject(body) ? body[key] : undefined;
        if (!Array.isArray(list))
            throw shapeError(call, `a '${key}' list`, res.status);
        const items = list.map((item, index) => read(item, `item ${index + 1} of page ${page}`));
        const meta = isObject(body) ? body['meta'] : undefined;
        const total = isObject(meta) && Number.isSafeInteger(meta['total']) ? meta['total'] : undefined;
        // A short page is the last whatever its links say: they are not even read.
        const last = items.length < PER_PAGE;
        const next = last ? undefined : nextPage(isObject(body) ? body['links'] : undefined, page, call);
        return { page, items, next, total };
    };
    // Keyed by id: an item created or deleted while we page shifts the others by one, so the same
    // item can show on two pages.
    const byId = new Map();
    let pagesRead = 0;
    let pending = [1];
    let lastByTotal;
    for (;;) {
        const results = await Promise.allSettled(pending.map(fetchPage));
        pagesRead += results.length;
        let next;
        // In page order. The first page that ends the listing ends it: what came after it (asked for
        // ahead on the strength of meta.total) is dropped, a failure there included.
        for (const settled of results) {
            if (settled.status === 'rejected')
                throw settled.reason;
            const { page, items, total } = settled.value;
            for (const item of items)
                byId.set(item.id, item);
            next = settled.value.next;
            if (next === undefined)
                break;
            // The first page's total is the only one heeded: later ones could push the end ever on.
            if (page === 1 && total !== undefined && total > PER_PAGE)
                lastByTotal = Math.ceil(total / PER_PAGE);
        }
        if (next === undefined)
            return [...byId.values()];
        if (pagesRead >= MAX_PAGES)
            throw endless(call);
        // Ahead as far as the first page's total says, within the window and the ceiling; past that
        // total (the collection grew, or there is none), one page at a time.
        const start = next;
        const ahead = lastByTotal !== undefined && lastByTotal > start ? lastByTotal - start + 1 : 1;
        const count = Math.min(ahead, PAGE_WINDOW, MAX_PAGES - pagesRead);
        pending = Array.from({ length: count }, (_, i) => start + i);
    }
}
function endless(call) {
    return new providers_errors/* ProviderError */.m('PROTOCOL', `${PROVIDER}: ${call.what} still named a next page after ${MAX_PAGES} full pages ` +
        `(${(MAX_PAGES * PER_PAGE).toLocaleString('en-US')} items). A listing stops there, so it never ` +
        `spends more than a tenth of the token's ${HOURLY_BUDGET.toLocaleString('en-US')} requests an hour.`, {
        fix: `${PROVIDER}'s replies do not end: run again later. If the account really holds more than that, open an issue.`,
    });
}
/** The page number `links.pages.next` points at, or undefined on the last page. */
function nextPage(links, current, call) {
    if (!isObject(links))
        return undefined;
    const pages = links.pages;
    if (!isObject(pages))
        return undefined;
    const next = pages['next'];
    if (next === undefined || next === null || next === '')
        return undefined;
    let page = Number.NaN;
    if (typeof next === 'string') {
        try {
            page = Number(new URL(next, 'https://api.digitalocean.com').searchParams.get('page'));
        }
        catch {
            // fall through: not a URL
        }
    }
    // Only forward: a next page at or before this one would never end.
    if (!Number.isSafeInteger(page) || page <= current)
        throw shapeError(call, 'a usable next-page link');
    return page;
}
//# sourceMappingURL=pages.js.map
;// CONCATENATED MODULE: ./build/providers/digitalocean/cdn.js
/**
 * CDN endpoints that serve a custom domain with a certificate. A PUT must carry the custom domain
 * with the certificate, and the current ttl: left out, the ttl is reset to 3600.
 */





const PATH = '/v2/cdn/endpoints';
/**
 * What an endpoint's `certificate_id` says when DigitalOcean looks after the custom domain's
 * certificate itself (Terraform provider issue 1086). It is no certificate's id, so of no lineage:
 * the endpoint is not a use of anything, and a rebind never touches it.
 */
const NOT_A_CERTIFICATE = new Set(['needs-cloudflare-cert']);
function toUse(endpoint) {
    const id = endpoint.certificate_id;
    return {
        kind: 'cdn-endpoint',
        id: endpoint.id,
        name: endpoint.custom_domain || endpoint.endpoint || endpoint.origin || endpoint.id,
        certificateIds: id && !NOT_A_CERTIFICATE.has(id) ? [id] : [],
        ...(id && !NOT_A_CERTIFICATE.has(id) && endpoint.custom_domain
            ? { hostnames: [{ hostname: endpoint.custom_domain, certificateId: id }] }
            : {}),
    };
}
async function listCdnEndpoints(api) {
    const call = { what: `GET ${PATH}`, scope: 'cdn:read' };
    return listAll(api.send, PATH, 'endpoints', call, (item, at) => readCdnEndpoint(item, call, at));
}
async function getCdnEndpoint(api, id) {
    const call = { what: `GET ${PATH}/${id}`, scope: 'cdn:read' };
    const res = await api.send({
        method: 'GET',
        path: `${PATH}/${encodeURIComponent(id)}`,
        retry: 'idempotent',
    });
    if (res.status !== 200)
        throw replyError(res, call);
    return endpointIn(res.body, call, res.status);
}
/** Move one CDN endpoint from `from` to `to`; the PUT's reply shows the change at once. */
async function rebindCdnEndpoint(api, use, from, to) {
    if (NOT_A_CERTIFICATE.has(from) || NOT_A_CERTIFICATE.has(to)) {
        throw new providers_errors/* ProviderError */.m('BAD_REQUEST', `${PROVIDER}: CDN endpoint ${use.name} was to be moved from '${from}' to '${to}', and '${NOT_A_CERTIFICATE.has(from) ? from : to}' is not a certificate.`, { fix: 'DigitalOcean manages the certificate of this endpoint; leave it out of the rotation.' });
    }
    const current = await getCdnEndpoint(api, use.id);
    refuseUnchecked(use, toUse(current).hostnames ?? [], from, `CDN endpoint ${toUse(current).name} (${use.id})`);
    if (current.certificate_id !== from) {
        // A retried PUT that had landed, or a run that stopped after the PUT.
        if (current.certificate_id === to)
            return toUse(current);
        throw new providers_errors/* ProviderError */.m('NOT_FOUND', `${PROVIDER}: CDN endpoint ${toUse(current).name} no longer uses certificate ${from}.`, {
            fix: 'Something else changed it since the rotation looked; run again.',
        });
    }
    if (!current.custom_domain) {
        throw shapeError({ what: `GET ${PATH}/${use.id}`, scope: 'cdn:read' }, 'the custom domain its certificate serves');
    }
    const body = {
        certificate_id: to,
        custom_domain: current.custom_domain,
        ...(typeof current.ttl === 'number' ? { ttl: current.ttl } : {}),
    };
    const call = { what: `PUT ${PATH}/${use.id}`, scope: 'cdn:update' };
    const res = await api.send({
        method: 'PUT',
        path: `${PATH}/${encodeURIComponent(use.id)}`,
        body,
        retry: 'idempotent',
    });
    if (res.status !== 200)
        throw replyError(res, call);
    const updated = endpointIn(res.body, call, res.status);
    if (updated.certificate_id !== to)
        throw shapeError(call, `certificate ${to} on the endpoint`, res.status);
    return toUse(updated);
}
function endpointIn(body, call, status) {
    if (!isObject(body) || !isObject(body['endpoint']))
        throw shapeError(call, 'an endpoint with an id', status);
    return readCdnEndpoint(body['endpoint'], call, "the reply's 'endpoint'");
}
/** A CDN endpoint as a reply shows it, every field this module reads checked. */
function readCdnEndpoint(value, call, at) {
    const row = new ReplyObject(value, call, at, 'a CDN endpoint');
    const endpoint = { id: row.id('id') };
    for (const key of ['origin', 'endpoint', 'certificate_id', 'custom_domain', 'created_at']) {
        const text = row.optionalText(key);
        if (text !== undefined)
            endpoint[key] = text;
    }
    const ttl = row.optionalNumber('ttl');
    if (ttl !== undefined)
        endpoint.ttl = ttl;
    return endpoint;
}
//# sourceMappingURL=cdn.js.map
;// CONCATENATED MODULE: ./build/providers/digitalocean/polling.js
/** Terraform's provider waits up to 10 minutes for a load balancer; the CCM looks every 5 s. */
const DEFAULT_POLLING = { intervalMs: 5_000, timeoutMs: 600_000 };
/**
 * Look with `check` until it returns something, waiting `intervalMs` between looks; after
 * `timeoutMs`, throw what `timedOut` makes of the last look.
 */
async function pollUntil(clock, options, check, timedOut) {
    const started = clock.now();
    for (;;) {
        const look = await check();
        if ('done' in look)
            return look.done;
        const waited = clock.now() - started;
        if (waited + options.intervalMs > options.timeoutMs)
            throw timedOut(look.seen, waited);
        await clock.sleep(options.intervalMs);
    }
}
//# sourceMappingURL=polling.js.map
;// CONCATENATED MODULE: ./build/providers/digitalocean/certificates.js
/**
 * DigitalOcean certificates: list, upload, wait until verified, delete. A delete that DigitalOcean
 * refuses because the certificate is "in use" is told apart: still referenced (report it), or
 * released moments ago by a rebind (DigitalOcean takes a while to notice: wait and try again, as
 * Terraform's provider does, 2 s doubling to 30 s).
 */





const certificates_PATH = '/v2/certificates';
const DEFAULT_IN_USE_WAIT = { initialMs: 2_000, maxMs: 30_000, timeoutMs: 180_000 };
function toRemote(cert) {
    return {
        id: cert.id,
        name: cert.name,
        sha1: cert.sha1_fingerprint === undefined ? undefined : cert.sha1_fingerprint.toLowerCase(),
        notAfter: cert.not_after,
        // Custom certificates come back with [""].
        dnsNames: (cert.dns_names ?? []).filter((name) => name !== ''),
        createdAt: cert.created_at,
        state: cert.state,
        type: cert.type,
    };
}
/**
 * One certificate as a reply shows it, every field the rotation reads checked: a name that is
 * not text, a fingerprint that is not 40 hex digits, a date that is not one, is the PROTOCOL
 * error. '' for the fingerprint or expiry (a certificate DigitalOcean has not issued yet) is
 * "not given".
 */
function readCertificate(value, call, at) {
    const row = new ReplyObject(value, call, at, 'a certificate');
    const sha1 = row.optionalText('sha1_fingerprint');
    if (sha1 !== undefined && sha1 !== '' && !SHA1_HEX.test(sha1)) {
        throw shapeError(call, `a SHA-1 of 40 hex digits for 'sha1_fingerprint' at ${at}`);
    }
    const certificate = { id: row.id('id'), name: row.text('name') };
    if (sha1 !== undefined && sha1 !== '')
        certificate.sha1_fingerprint = sha1;
    const notAfter = row.optionalTime('not_after');
    if (notAfter !== undefined)
        certificate.not_after = notAfter;
    const createdAt = row.optionalTime('created_at');
    if (createdAt !== undefined)
        certificate.created_at = createdAt;
    const dnsNames = row.optionalTextList('dns_names');
    if (dnsNames !== undefined)
        certificate.dns_names = dnsNames;
    // A state or type the API adds later is passed on as DigitalOcean words it.
    const state = row.optionalText('state');
    if (state !== undefined)
        certificate.state = state;
    const type = row.optionalText('type');
    if (type !== undefined)
        certificate.type = type;
    return certificate;
}
const SHA1_HEX = /^[0-9a-f]{40}$/i;
async function listCertificates(api) {
    const call = { what: `GET ${certificates_PATH}`, scope: 'certificate:read' };
    const certificates = await listAll(api.send, certificates_PATH, 'certificates', call, (item, at) => readCertificate(item, call, at));
    return certificates.map(toRemote);
}
/** One POST. A 500 may have come after the certificate was stored, so it counts as ambiguous. */
async function postCertificate(api, upload) {
    const call = { what: `POST ${certificates_PATH} (${upload.name})`, scope: 'certificate:create' };
    const body = {
        name: upload.name,
        type: 'custom',
        private_key: upload.privateKey,
        leaf_certificate: upload.certificate,
        ...(upload.chain.trim() === '' ? {} : { certificate_chain: upload.chain }),
    };
    const res = await api.send({ method: 'POST', path: certificates_PATH, body, retry: 'once' });
    if (res.status === 500) {
        throw new providers_errors/* ProviderError */.m('AMBIGUOUS', `${PROVIDER}: ${call.what} got 500${said(res)}; it may have been stored.`, {
            status: res.status,
        });
    }
    if (res.status !== 201 && res.status !== 200)
        throw replyError(res, call);
    return toRemote(certificateIn(res.body, call, res.status));
}
async function getCertificate(api, id) {
    const call = { what: `GET ${certificates_PATH}/${id}`, scope: 'certificate:read' };
    const res = await api.send({
        method: 'GET',
        path: `${certificates_PATH}/${encodeURIComponent(id)}`,
        retry: 'idempotent',
    });
    if (res.status !== 200)
        throw replyError(res, call);
    return toRemote(certificateIn(res.body, call, res.status));
}
/** Binding a certificate that is not verified yet fails; wait for DigitalOcean to verify it. */
async function waitVerified(api, cert) {
    if (cert.state === undefined || cert.state === 'verified')
        return cert;
    return pollUntil(api.clock, api.polling, async () => {
        const now = await getCertificate(api, cert.id);
        if (now.state === 'error') {
            throw new providers_errors/* ProviderError */.m('BAD_REQUEST', `${PROVIDER}: certificate ${now.name} (${now.id}) is in state 'error'.`, {
                fix: 'Look at the certificate in the DigitalOcean control panel; delete it and upload again.',
            });
        }
        return now.state === 'verified' || now.state === undefined ? { done: now } : { seen: now.state };
    }, (state, waited) => new providers_errors/* ProviderError */.m('TIMEOUT', `${PROVIDER}: certificate ${cert.name} (${cert.id}) was still '${state}' after ${Math.round(waited / 1000)} s.`, { fix: 'Run again later: the upload stays, and the next run finds it by its fingerprint.' }));
}
/**
 * DELETE, telling "still in use" apart from "DigitalOcean has not noticed the rebind yet".
 * `usersOf` names what references the certificate now.
 */
async function deleteCertificate(api, id, wait, usersOf) {
    const call = { what: `DELETE ${certificates_PATH}/${id}`, scope: 'certificate:delete' };
    let firstRefusal;
    let delay = wait.initialMs;
    for (;;) {
        const res = await api.send({
            method: 'DELETE',
            path: `${certificates_PATH}/${encodeURIComponent(id)}`,
            retry: 'idempotent',
        });
        if (res.status === 204 || res.status === 200 || res.status === 202)
            return 'removed';
        if (res.status === 404)
            return 'already-gone';
        if (!isInUse(res))
            throw replyError(res, call);
        const now = api.clock.now();
        if (firstRefusal === undefined) {
            firstRefusal = now;
            const users = await usersOf(id).catch((thrown) => {
                // Without a listing (a token without cdn:read, say) there is no telling: report the refusal.
                throw new providers_errors/* ProviderError */.m('IN_USE', replyError(res, call).message, {
                    status: res.status,
                    cause: thrown,
                });
            });
            if (users.length > 0)
                throw stillUsed(res, call, users);
        }
        if (now - firstRefusal + delay > wait.timeoutMs) {
            const error = replyError(res, call);
            throw new providers_errors/* ProviderError */.m('IN_USE', `${error.message} (still refused ${Math.round((now - firstRefusal) / 1000)} s after nothing referenced it).`, {
                status: res.status,
                fix: 'DigitalOcean can take a while to release a certificate; run again later.',
            });
        }
        api.note(`${call.what}: in use by nothing we can see; DigitalOcean may not have caught up: again in ${delay} ms`);
        await api.clock.sleep(delay);
        delay = Math.min(wait.maxMs, delay * 2);
    }
}
function stillUsed(res, call, users) {
    const names = users.map((use) => `${use.kind} ${use.name} (${use.id})`).join(', ');
    return new providers_errors/* ProviderError */.m('IN_USE', `${replyError(res, call).message}. Used by: ${names}.`, {
        status: res.status,
        fix: 'Move these to the new certificate first; the old one can go after that.',
    });
}
function certificateIn(body, call, status) {
    if (!isObject(body) || !isObject(body['certificate'])) {
        throw shapeError(call, 'a certificate with an id and a name', status);
    }
    return readCertificate(body['certificate'], call, "the reply's 'certificate'");
}
//# sourceMappingURL=certificates.js.map
;// CONCATENATED MODULE: ./build/providers/digitalocean/load-balancers.js
/**
 * Moving a load balancer to another certificate. DigitalOcean has no call for that: a PUT replaces
 * the WHOLE load balancer and resets whatever it leaves out. So the body is built from a fresh GET
 * (every attribute kept, read-only ones dropped, region as a slug, only one of droplet_ids/tag),
 * sent only once the load balancer is active, and then the GET is watched until the new id shows,
 * since a global load balancer binds in the background.
 */






const load_balancers_PATH = '/v2/load_balancers';
/**
 * The DigitalOcean cloud controller manager tags every load balancer it makes `k8s:<cluster id>`
 * (buildK8sTag in digitalocean-cloud-controller-manager) and re-applies the certificate id from
 * the Service annotation on its next sync: a change made here would be undone.
 */
const DOKS_TAG = /^k8s:/;
function managedBy(lb) {
    return (lb.tags ?? []).some((tag) => typeof tag === 'string' && DOKS_TAG.test(tag))
        ? 'kubernetes'
        : undefined;
}
/** Every certificate id a load balancer serves: forwarding rules (regional) and domains (global). */
function certificateIdsOf(lb) {
    const ids = [
        ...(lb.forwarding_rules ?? []).map((rule) => rule.certificate_id),
        ...(lb.domains ?? []).map((domain) => domain.certificate_id),
    ];
    return [...new Set(ids.filter((id) => typeof id === 'string' && id !== ''))];
}
function load_balancers_toUse(lb) {
    const manager = managedBy(lb);
    const hostnames = hostnamesOf(lb);
    return {
        kind: lb.type === 'GLOBAL' ? 'global-load-balancer' : 'load-balancer',
        id: lb.id,
        name: lb.name ?? lb.id,
        certificateIds: certificateIdsOf(lb),
        ...(hostnames.length > 0 ? { hostnames } : {}),
        ...(manager === undefined ? {} : { managedBy: manager }),
    };
}
/** A global load balancer's domains with their certificates: what a move must keep covered. */
function hostnamesOf(lb) {
    return (lb.domains ?? []).flatMap((domain) => typeof domain.name === 'string' && domain.name !== '' && typeof domain.certificate_id === 'string'
        ? [{ hostname: domain.name, certificateId: domain.certificate_id }]
        : []);
}
async function listLoadBalancers(api) {
    const call = { what: `GET ${load_balancers_PATH}`, scope: 'load_balancer:read' };
    return listAll(api.send, load_balancers_PATH, 'load_balancers', call, (item, at) => readLoadBalancer(item, call, at));
}
async function getLoadBalancer(api, id) {
    const call = { what: `GET ${load_balancers_PATH}/${id}`, scope: 'load_balancer:read' };
    const res = await api.send({
        method: 'GET',
        path: `${load_balancers_PATH}/${encodeURIComponent(id)}`,
        retry: 'idempotent',
    });
    if (res.status !== 200)
        throw replyError(res, call);
    return loadBalancerIn(res.body, call, res.status);
}
/**
 * The PUT body that changes nothing but the certificate: the GET reply with `from` replaced by
 * `to`, read-only attributes dropped, region as its slug, droplets by tag or by id (not both).
 * Attributes this code does not know are kept, so one the API adds later is not reset.
 */
function updateFor(lb, from, to) {
    const { id: _id, ip: _ip, ipv6: _ipv6, status: _status, created_at: _created, region, domains, droplet_ids, tag, 
    // Resource tags are attached through /v2/tags, not set by this PUT (godo's AsRequest and
    // Terraform leave them out); sending them could also need the tag:create scope.
    tags: _tags, size, size_unit, forwarding_rules, ...writable } = structuredClone(lb);
    const swap = (id) => (id === from ? to : id);
    const body = { ...writable };
    const slug = isObject(region) ? region.slug : typeof region === 'string' ? region : undefined;
    if (typeof slug === 'string' && slug !== '')
        body.region = slug;
    else if (lb.type !== 'GLOBAL')
        throw shapeError(getCall(lb.id), 'a region');
    if (forwarding_rules) {
        body.forwarding_rules = forwarding_rules.map((rule) => withCertificate(rule, swap(rule.certificate_id)));
    }
    if (domains)
        body.domains = domains.map((domain) => domainUpdate(domain, swap(domain.certificate_id)));
    // One or the other: a load balancer given both is refused.
    if (typeof tag === 'string' && tag !== '')
        body.tag = tag;
    else if (droplet_ids && droplet_ids.length > 0)
        body.droplet_ids = droplet_ids;
    // size_unit replaced size, except in the regions where only size exists; Terraform sends one.
    if (typeof size_unit === 'number' && size_unit > 0)
        body.size_unit = size_unit;
    else if (size !== undefined)
        body.size = size;
    return body;
}
/** Move one load balancer from `from` to `to`, and wait until DigitalOcean shows it. */
async function rebindLoadBalancer(api, use, from, to) {
    refuseManaged(use.managedBy, use.name, use.id);
    const call = { what: `PUT ${load_balancers_PATH}/${use.id}`, scope: 'load_balancer:update' };
    const started = api.clock.now();
    const left = () => api.polling.timeoutMs - (api.clock.now() - started);
    // Another writer's full-body PUT (a second run, a person in the control panel) can put the
    // old certificate back right after ours: re-apply once, then give up clearly.
    for (let rewrite = 0;; rewrite++) {
        await putOnce(api, use, from, to, call, left);
        const bound = await waitBound(api, use, from, to, left());
        if (bound !== 'overwritten')
            return bound;
        if (rewrite >= 1) {
            throw new providers_errors/* ProviderError */.m('BUSY', `${PROVIDER}: load balancer ${use.name} (${use.id}) was changed back to certificate ${from} twice after it was moved to ${to}.`, {
                fix: 'Something else keeps writing this load balancer (another run or tool): stop it, then run again.',
            });
        }
        api.note(`load balancer ${use.id} shows ${from} again: something else wrote it; applying the change once more`);
    }
}
/** GET until active, and PUT the change; returns when the PUT was accepted (or had already landed). */
async function putOnce(api, use, from, to, call, left) {
    for (;;) {
        const lb = await waitActive(api, use.id, left());
        refuseManaged(managedBy(lb), lb.name ?? use.name, lb.id);
        refuseUnchecked(use, hostnamesOf(lb), from, `load balancer ${lb.name ?? use.name} (${lb.id})`);
        const ids = certificateIdsOf(lb);
        if (!ids.includes(from)) {
            // A retried PUT that had landed, or a run that stopped after the PUT.
            if (ids.includes(to))
                return;
            throw new providers_errors/* ProviderError */.m('NOT_FOUND', `${PROVIDER}: load balancer ${lb.name ?? use.name} no longer uses certificate ${from}.`, {
                fix: 'Something else changed it since the rotation looked; run again.',
            });
        }
        const res = await api.send({
            method: 'PUT',
            path: `${load_balancers_PATH}/${encodeURIComponent(use.id)}`,
            body: updateFor(lb, from, to),
            retry: 'idempotent',
        });
        if (res.status === 200 || res.status === 202)
            return;
        // Busy between our look and our PUT: wait, look again, and build the body anew.
        if (!isBusy(res) || left() < api.polling.intervalMs)
            throw replyError(res, call);
        api.note(`${call.what}: busy with earlier actions; looking again in ${api.polling.intervalMs} ms`);
        await api.clock.sleep(api.polling.intervalMs);
    }
}
function refuseManaged(manager, name, id) {
    if (manager !== 'kubernetes')
        return;
    throw new providers_errors/* ProviderError */.m('MANAGED', `${PROVIDER}: load balancer ${name} (${id}) is managed by DigitalOcean Kubernetes; a certificate changed through the API would be put back.`, {
        fix: "Set the new certificate's id in the Service annotation service.beta.kubernetes.io/do-loadbalancer-certificate-id instead.",
    });
}
/** GET until the load balancer is active: a PUT before that is refused as busy. */
async function waitActive(api, id, timeoutMs) {
    return pollUntil(api.clock, { ...api.polling, timeoutMs: Math.max(0, timeoutMs) }, async () => {
        const lb = await getLoadBalancer(api, id);
        if (lb.status === 'errored') {
            throw new providers_errors/* ProviderError */.m('UNAVAILABLE', `${PROVIDER}: load balancer ${lb.name ?? id} is in status 'errored'.`, {
                fix: 'Repair it in the DigitalOcean control panel, then run again.',
            });
        }
        return lb.status === undefined || lb.status === 'active' ? { done: lb } : { seen: lb.status };
    }, (status, waited) => new providers_errors/* ProviderError */.m('TIMEOUT', `${PROVIDER}: load balancer ${id} was still '${status}' after ${Math.round(waited / 1000)} s; it was not changed.`, { fix: 'Run again when the load balancer is active.' }));
}
/**
 * GET until `to` shows where `from` was (a global load balancer applies it in the background), or
 * until it is clear that something else put `from` back ('overwritten').
 */
async function waitBound(api, use, from, to, timeoutMs) {
    return pollUntil(api.clock, { ...api.polling, timeoutMs: Math.max(0, timeoutMs) }, async () => {
        const lb = await getLoadBalancer(api, use.id);
        const ids = certificateIdsOf(lb);
        if (ids.includes(to) && !ids.includes(from))
            return { done: load_balancers_toUse(lb) };
        // A regional load balancer shows a PUT at once: active with the old id means it was
        // overwritten. A global one applies it in the background: there, keep looking.
        const regional = lb.type !== 'GLOBAL';
        const active = lb.status === undefined || lb.status === 'active';
        if (regional && active && ids.includes(from) && !ids.includes(to))
            return { done: 'overwritten' };
        return { seen: ids };
    }, (ids, waited) => new providers_errors/* ProviderError */.m('TIMEOUT', `${PROVIDER}: load balancer ${use.name} (${use.id}) was updated but still showed certificates ` +
        `[${ids.join(', ')}] after ${Math.round(waited / 1000)} s, not ${to}.`, { fix: 'Run again later: the next run sees what the load balancer uses by then.' }));
}
function withCertificate(item, id) {
    const { certificate_id: _old, ...rest } = item;
    return (id === undefined ? rest : { ...rest, certificate_id: id });
}
/** A domain as a request carries it: its verification state is the API's to report. */
function domainUpdate(domain, id) {
    const { status: _status, verification_error_reasons: _verification, ssl_validation_error_reasons: _ssl, ...writable } = domain;
    return withCertificate(writable, id);
}
function getCall(id) {
    return { what: `GET ${load_balancers_PATH}/${id}`, scope: 'load_balancer:read' };
}
function loadBalancerIn(body, call, status) {
    if (!isObject(body) || !isObject(body['load_balancer'])) {
        throw shapeError(call, 'a load balancer with an id', status);
    }
    return readLoadBalancer(body['load_balancer'], call, "the reply's 'load_balancer'");
}
/**
 * A load balancer as a reply shows it, the fields this module reads checked (the rest is carried
 * back in a PUT as it came). Checked in place, not copied: an attribute this code does not know
 * must survive the PUT.
 */
function readLoadBalancer(value, call, at) {
    const row = new ReplyObject(value, call, at, 'a load balancer');
    row.id('id');
    for (const key of ['name', 'status', 'type', 'tag'])
        row.optionalText(key);
    row.optionalTextList('tags');
    row.optionalNumber('size_unit');
    row.optionalObjectList('forwarding_rules', (rule) => rule.optionalText('certificate_id'));
    row.optionalObjectList('domains', (domain) => domain.optionalText('certificate_id'));
    return row.value;
}
//# sourceMappingURL=load-balancers.js.map
;// CONCATENATED MODULE: ./build/providers/digitalocean/provider.js












/** DigitalOcean's CDN routes: 5 requests per 10 s (the API description's rate-limit section). */
const CDN_LIMIT = { requests: 5, windowMs: 10_000 };
const DEFAULT_BASE_URL = 'https://api.digitalocean.com';
function createDigitalOceanProvider(options) {
    const authFix = (0,scopes/* tokenFix */.z5)(options.tokenHelp ?? DEFAULT_TOKEN_HELP);
    const token = options.token.trim();
    if (token === '')
        throw new providers_errors/* ProviderError */.m('AUTH', `${PROVIDER}: no API token was given.`, { fix: authFix });
    options.redactor.add(token);
    const clock = options.clock ?? providers_clock.realClock;
    const debug = options.debug;
    const http = new HttpClient({
        provider: PROVIDER,
        baseUrl: options.baseUrl ?? DEFAULT_BASE_URL,
        headers: { authorization: `Bearer ${token}` },
        redactor: options.redactor,
        clock,
        limiter: options.limiter ?? new rate_limit.RateLimiter(clock),
        ...(options.allowInsecureHttp === undefined ? {} : { allowInsecureHttp: options.allowInsecureHttp }),
        ...(options.dispatcher === undefined ? {} : { dispatcher: options.dispatcher }),
        ...(options.retry === undefined ? {} : { retry: options.retry }),
        ...(options.timeouts === undefined ? {} : { timeouts: options.timeouts }),
        ...(debug === undefined ? {} : { debug }),
    });
    const note = (line) => debug?.(`${PROVIDER}: ${line}`);
    const polling = { ...DEFAULT_POLLING, ...options.polling };
    const api = { send: (req) => http.request(req), clock, polling, note };
    // CDN routes have their own limit, apart from the token's: spaced out before they are sent.
    const cdnLimit = { ...CDN_LIMIT, ...options.cdnLimit };
    const pacer = new rate_limit.RateLimiter(clock, cdnLimit);
    const cdnApi = {
        ...api,
        send: async (req) => {
            await pacer.acquire();
            // Another client on the same token can still exhaust it: a CDN 429 has no retry-after.
            return http.request({ ...req, limitWindowMs: cdnLimit.windowMs });
        },
    };
    const inUseWait = { ...DEFAULT_IN_USE_WAIT, ...options.inUseWait };
    const uses = async () => {
        const [balancers, endpoints] = await Promise.all([listLoadBalancers(api), listCdnEndpoints(cdnApi)]);
        return [...balancers.map(load_balancers_toUse), ...endpoints.map(toUse)].filter((use) => use.certificateIds.length > 0);
    };
    // Every refusal, from whichever request, gets the fix worded for this run.
    const worded = (call) => async (...args) => {
        try {
            return await call(...args);
        }
        catch (thrown) {
            throw withAuthFix(thrown, authFix);
        }
    };
    return {
        kind: 'digitalocean',
        label: PROVIDER,
        list: worded(() => listCertificates(api)),
        create: worded(async (upload) => {
            // The key is a secret wherever it shows up, an echo in an error reply included.
            options.redactor.add(upload.privateKey);
            const created = await createChecked(upload, {
                post: (u) => postCertificate(api, u),
                list: () => listCertificates(api),
                note,
            });
            return waitVerified(api, created);
        }),
        readBack: worded(async (id) => {
            try {
                return await getCertificate(api, id);
            }
            catch (thrown) {
                if (thrown instanceof providers_errors/* ProviderError */.m && thrown.status === 404)
                    return undefined;
                throw thrown;
            }
        }),
        remove: worded((id) => deleteCertificate(api, id, inUseWait, async (certificateId) => (await uses()).filter((use) => use.certificateIds.includes(certificateId)))),
        uses: worded(uses),
        rebind: worded((use, from, to) => {
            if (use.kind === 'cdn-endpoint')
                return rebindCdnEndpoint(cdnApi, use, from, to);
            return rebindLoadBalancer(api, use, from, to);
        }),
        requestCount: () => http.requestCount,
    };
}
//# sourceMappingURL=provider.js.map
;// CONCATENATED MODULE: ./build/providers/dokploy/dialect.js
/** What Dokploy's source does: the real server ignores `Authorization: Bearer`. */
const TRPC = {
    name: 'trpc',
    router: 'certificates',
    description: "Dokploy's API (x-api-key, /api/certificates.*)",
    authHeaders: (apiKey) => ({ 'x-api-key': apiKey }),
};
/** What third-party documentation describes. */
const DOCS = {
    name: 'docs',
    router: 'certificate',
    description: 'the documented variant (Bearer, /api/certificate.*)',
    authHeaders: (apiKey) => ({ authorization: `Bearer ${apiKey}` }),
};
/**
 * In the order they are tried: the real server first, so a real Dokploy costs one request to
 * detect and never sees the key in a header it does not use.
 */
const DIALECTS = [TRPC, DOCS];
//# sourceMappingURL=dialect.js.map
// EXTERNAL MODULE: ./build/providers/dokploy/permissions.js
var permissions = __webpack_require__(3280);
;// CONCATENATED MODULE: ./build/providers/dokploy/reply-errors.js




/** For a refusal when the run did not say what it needs: everything apply does, worded for the action. */
const reply_errors_AUTH_FIX = (0,permissions/* keyFix */.d)(DEFAULT_TOKEN_HELP);
const RATE_LIMIT_FIX = (0,permissions/* rateLimitFix */.H)(DEFAULT_TOKEN_HELP);
/**
 * Dokploy's per-key rate limit (better-auth): a key created through the API without
 * `rateLimitEnabled: false` may be verified 10 times a day, twice per call, and once it is used
 * up the server answers like a wrong key. Said wherever a bare 401 could be it.
 */
const RATE_LIMIT = "Dokploy's per-key rate limit (a key created through the API without rateLimitEnabled: false " +
    'may be verified 10 times a day, and each call verifies it twice: about 5 calls)';
function reply_errors_replyError(res, what, authFix = reply_errors_AUTH_FIX, key = {}) {
    const said = serverSays(res.body);
    const { status } = res;
    const detail = describeReply(status, said, res.body === undefined && res.text.trim() !== '', res.echoed);
    // A procedure's own refusal (no permission, another organization's id) is a tRPC UNAUTHORIZED;
    // a key the server did not accept at all is a bare 401, the same whether wrong or rate-limited.
    const unauthenticated = status === 401 && said.code !== 'UNAUTHORIZED';
    if (unauthenticated && key.keyAccepted === true) {
        return new providers_errors/* ProviderError */.m('AUTH', `Dokploy refused ${what}: ${detail}, though it accepted the same API key earlier in this run. ` +
            `The likely cause is ${RATE_LIMIT}.`, { status, fix: key.rateLimitFix ?? RATE_LIMIT_FIX });
    }
    if (unauthenticated) {
        return new providers_errors/* ProviderError */.m('AUTH', `Dokploy refused ${what}: ${detail}. The API key is wrong, lacks the certificate permission, ` +
            `or has used up ${RATE_LIMIT}.`, { status, fix: authFix });
    }
    if (status === 401 || status === 403) {
        return new providers_errors/* ProviderError */.m('AUTH', `Dokploy refused ${what}: ${detail}. The API key is wrong or lacks the certificate permission.`, { status, fix: authFix });
    }
    if (status === 400 || status === 413 || status === 422) {
        const why = said.issues.length > 0
            ? said.issues.join('; ')
            : (said.message ??
                (res.echoed ? 'the reply echoed part of what was sent (not shown)' : 'no reason given'));
        return new providers_errors/* ProviderError */.m('BAD_REQUEST', `Dokploy rejected ${what} with ${status}: ${why}.`, {
            status,
            fix: 'Correct the value the message names; if it is one the action fills in itself, report this message as a bug.',
        });
    }
    if (status === 404) {
        return new providers_errors/* ProviderError */.m('NOT_FOUND', `Dokploy found nothing for ${what}: ${detail}.`, {
            status,
            fix: 'It may have been removed meanwhile: run again.',
        });
    }
    if (status >= 500) {
        return new providers_errors/* ProviderError */.m('UNAVAILABLE', `Dokploy failed on ${what}: ${detail}.`, {
            status,
            fix: 'Dokploy had an internal error: look at its logs (docker service logs dokploy), then run again.',
        });
    }
    return new providers_errors/* ProviderError */.m('PROTOCOL', `Dokploy answered ${what} with an unexpected ${detail}.`, {
        status,
        fix: 'Check that the URL is the address of the Dokploy dashboard (e.g. https://dokploy.example.com).',
    });
}
/** The parts of an error body worth quoting, from either dialect. */
function serverSays(body) {
    const said = { message: undefined, code: undefined, issues: [] };
    if (typeof body !== 'object' || body === null || Array.isArray(body))
        return said;
    const reply = body;
    said.message = quoteReply(reply.message);
    said.code = quoteReply(reply.code) ?? quoteReply(reply.data?.code) ?? quoteReply(reply.error);
    said.issues = issuesOf(reply.issues) ?? zodIssues(reply.data?.zodError);
    return said;
}
/** `401 UNAUTHORIZED, "You are not allowed to delete this certificate"`. */
function describeReply(status, said, notJson, echoed = false) {
    let text = String(status);
    if (said.code !== undefined && said.code !== said.message)
        text += ` ${said.code}`;
    if (said.message !== undefined)
        text += `, "${said.message}"`;
    else if (echoed)
        text += ' with a reply that echoed part of what was sent (not shown)';
    else if (notJson)
        text += ' with a reply that is not JSON';
    return text;
}
/** `issues: [{message, path}]`, as tRPC's OpenAPI layer sends a zod failure. */
function issuesOf(value) {
    if (!Array.isArray(value) || value.length === 0)
        return undefined;
    const out = [];
    for (const issue of value.slice(0, 10)) {
        if (typeof issue !== 'object' || issue === null)
            continue;
        const { message, path } = issue;
        const text = quoteReply(message);
        if (text === undefined)
            continue;
        const field = Array.isArray(path)
            ? path.filter((p) => typeof p === 'string' || typeof p === 'number')
            : [];
        out.push(field.length > 0 ? `${field.join('.')}: ${text}` : text);
    }
    return out.length > 0 ? out : undefined;
}
/** `data.zodError`, zod's flatten(): `{formErrors: [..], fieldErrors: {field: [..]}}`. */
function zodIssues(value) {
    if (typeof value !== 'object' || value === null)
        return [];
    const { formErrors, fieldErrors } = value;
    const out = [];
    if (Array.isArray(formErrors)) {
        for (const m of formErrors) {
            const text = quoteReply(m);
            if (text !== undefined)
                out.push(text);
        }
    }
    if (typeof fieldErrors === 'object' && fieldErrors !== null) {
        for (const [field, messages] of Object.entries(fieldErrors)) {
            for (const m of Array.isArray(messages) ? messages : []) {
                const text = quoteReply(m);
                if (text !== undefined)
                    out.push(`${field}: ${text}`);
            }
        }
    }
    return out.slice(0, 10);
}
//# sourceMappingURL=reply-errors.js.map
// EXTERNAL MODULE: ./build/certs/inspect.js
var inspect = __webpack_require__(9620);
;// CONCATENATED MODULE: ./build/providers/dokploy/rows.js
/**
 * Replies that list certificates, read into public facts at the client boundary. The real
 * server's rows hold each certificate's private key: fields are copied out one by one, so the
 * key is never read, never kept in anything returned and never part of a message. Messages
 * about a bad reply name the item, never its content.
 */


function readListing(body, what) {
    if (!Array.isArray(body))
        throw badReply(`${what}: the reply is not a list of certificates.`);
    return body.map((item, index) => readRow(item, `${what}: item ${index + 1}`));
}
/**
 * One row of either dialect. Fingerprint, expiry and names come from `certificateData` when the
 * reply has it (the real server: no fingerprint is stored, and what is served is what counts);
 * the docs dialect's `expirationDate`/`domains` are used only without it, and its sha1 stays
 * undefined, so the rotation goes by the fingerprint in the name.
 */
function readRow(value, where) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw badReply(`${where} is not an object.`);
    }
    const row = value;
    const id = nonEmpty(row.certificateId) ?? nonEmpty(row.id);
    if (id === undefined)
        throw badReply(`${where} has no certificateId.`);
    if (typeof row.name !== 'string')
        throw badReply(`${where} (${id}) has no name.`);
    checkShape(row, `${where} (${id})`);
    const served = typeof row.certificateData === 'string' ? (0,inspect/* leafOfPem */._H)(row.certificateData) : undefined;
    return {
        remote: {
            id,
            name: row.name,
            sha1: served?.sha1,
            sha256: served?.sha256,
            ...(served === undefined ? {} : { keySha256: served.keySha256 }),
            notAfter: served?.notAfter ?? isoDate(row.expirationDate),
            dnsNames: served?.dnsNames ?? stringList(row.domains),
            createdAt: undefined,
            state: nonEmpty(row.status),
            type: undefined,
        },
        serverId: serverOf(row),
    };
}
/**
 * Every other field read, checked for its type before it is read: a wrong one is the PROTOCOL
 * error naming the field (never its content), not a value quietly dropped. Absent and null both
 * mean "not given" (Dokploy's database writes null for an empty column).
 */
function checkShape(row, where) {
    const given = (value) => value !== undefined && value !== null;
    const wrong = (field, expected) => badReply(`${where} has a '${field}' that is not ${expected}.`);
    for (const field of ['certificateData', 'status', 'serverId']) {
        if (given(row[field]) && typeof row[field] !== 'string')
            throw wrong(field, 'text');
    }
    if (given(row.domains) &&
        !(Array.isArray(row.domains) && row.domains.every((d) => typeof d === 'string'))) {
        throw wrong('domains', 'a list of texts');
    }
    if (given(row.expirationDate) && isoDate(row.expirationDate) === undefined) {
        throw wrong('expirationDate', 'a date');
    }
    const server = row.server;
    if (given(server)) {
        if (typeof server !== 'object' || Array.isArray(server))
            throw wrong('server', 'an object');
        const serverId = server.serverId;
        if (given(serverId) && typeof serverId !== 'string')
            throw wrong('server.serverId', 'text');
    }
}
function serverOf(row) {
    if (row.serverId === null || row.serverId === '')
        return null;
    if (typeof row.serverId === 'string')
        return row.serverId;
    if (row.server === null)
        return null;
    if (row.server !== undefined)
        return nonEmpty(row.server.serverId);
    return undefined;
}
function nonEmpty(value) {
    return typeof value === 'string' && value !== '' ? value : undefined;
}
function isoDate(value) {
    if (typeof value !== 'string' && typeof value !== 'number')
        return undefined;
    const time = new Date(value).getTime();
    return Number.isFinite(time) ? new Date(time).toISOString() : undefined;
}
function stringList(value) {
    return Array.isArray(value) ? value.filter((item) => typeof item === 'string') : [];
}
function badReply(message) {
    return new providers_errors/* ProviderError */.m('PROTOCOL', `Dokploy: ${message}`, {
        fix: 'Check that the URL is the address of the Dokploy dashboard (e.g. https://dokploy.example.com).',
    });
}
//# sourceMappingURL=rows.js.map
;// CONCATENATED MODULE: ./build/providers/dokploy/api.js
/**
 * Dokploy's certificate procedures over HTTP, in whichever dialect the server speaks.
 *
 * The dialect is found once per run, by the first listing, without ever presenting the key again
 * after the server refused it. Dokploy authenticates before it routes (DOKPLOY-NOTES.md): a wrong
 * key gets 401 on every path, a valid key on a route that does not exist gets 404. So:
 * - `GET /api/certificates.all` with `x-api-key` (the real server): 200 is the answer; 401 is a
 *   refused key, and the run stops there: the key is not sent again, in another header or to
 *   another route (a refused key tried in every form is a key handed to whatever answers);
 * - only a 404 there (the key was not refused: that route does not exist at this address) goes on
 *   to `GET /api/certificate.all` with a Bearer key, the form third-party documents describe. A
 *   401 there stops the run the same way; a 404 means there is no certificate API at the URL.
 * A server of the documented form that refused `x-api-key` before routing would stop at the
 * first step as a refused key: that is the price of never re-sending a refused key.
 *
 * The winner is used for every later call. One HttpClient per dialect, because the key travels
 * in a different header; the second is made only if the first dialect is not the one. Private
 * keys in listings stop in rows.ts.
 */





const RELOAD_AUTH_FIX = 'Reloading Traefik needs an API key of the owner or an admin: use one, or turn the Traefik reload off ' +
    '(then reload Traefik yourself so it serves the new certificate; see Dokploy issue #4503).';
const PROCEDURES = {
    all: 'the certificate list',
    create: 'the certificate upload',
    remove: 'the certificate removal',
};
class DokployApi {
    options;
    clients = new Map();
    chosen;
    detection;
    /**
     * The server has accepted the key in this run. A later bare 401 is then not a wrong key:
     * most likely Dokploy's per-key rate limit (reply-errors.ts says so).
     */
    keyAccepted = false;
    constructor(options) {
        this.options = options;
        // Made now so that a bad URL fails before anything else happens.
        this.client(DIALECTS[0]);
    }
    /** The API base URL (for labels). */
    get baseUrl() {
        return this.client(DIALECTS[0]).baseUrl;
    }
    requestCount() {
        let count = 0;
        for (const client of this.clients.values())
            count += client.requestCount;
        return count;
    }
    /** Every certificate of the key's organization. */
    async all() {
        if (this.chosen === undefined)
            return (await this.detect()).rows;
        const res = await this.certificates(this.chosen, 'all', 'GET');
        return readListing(res.body, this.what(this.chosen, 'all'));
    }
    /**
     * The created row, or undefined when the reply does not describe it: the certificate exists
     * then, and the caller finds it in the listing rather than failing a create that worked.
     */
    async create(input) {
        const dialect = await this.ensureDialect();
        const res = await this.certificates(dialect, 'create', 'POST', input);
        try {
            return readRow(res.body, `the reply to ${this.what(dialect, 'create')}`);
        }
        catch {
            return undefined;
        }
    }
    /**
     * A remove is safe to send twice: the second finds nothing, which is what a remove wants. An
     * unknown id is `already-gone`; another organization's id is refused (401) like a wrong key.
     */
    async remove(certificateId) {
        const dialect = await this.ensureDialect();
        const body = { certificateId };
        const res = await this.certificates(dialect, 'remove', 'POST', body, [404]);
        return res.status === 404 ? 'already-gone' : 'removed';
    }
    /** Restart Traefik (on a remote server when `serverId` is given) so it reads the certificate files again. */
    async reloadTraefik(serverId) {
        const dialect = await this.ensureDialect();
        const body = serverId === undefined ? {} : { serverId };
        const path = '/settings.reloadTraefik';
        // A reload is a restart: safe to repeat, and its 500 is usually a passing Docker hiccup.
        const res = await this.client(dialect).request({
            method: 'POST',
            path,
            body,
            retry: 'idempotent',
            retryServerErrors: true,
        });
        if (!ok(res))
            throw this.error(res, `the Traefik reload (POST ${this.pathOf(path)})`, RELOAD_AUTH_FIX);
        this.keyAccepted = true;
    }
    async ensureDialect() {
        return this.chosen ?? (await this.detect()).dialect;
    }
    /** Once per run; a failed detection is forgotten so a later call can try again. */
    detect() {
        this.detection ??= this.probe().catch((thrown) => {
            this.detection = undefined;
            throw thrown;
        });
        return this.detection;
    }
    /** See the top of this file: a 401 ends the detection, only a 404 moves on to the next dialect. */
    async probe() {
        for (const dialect of DIALECTS) {
            const path = `/${dialect.router}.all`;
            const what = this.what(dialect, 'all');
            const res = await this.client(dialect).request({ method: 'GET', path, retry: 'idempotent' });
            this.options.debug?.(`Dokploy: ${dialect.description}: GET ${this.pathOf(path)} → ${res.status}`);
            if (res.status === 404)
                continue;
            if (!ok(res))
                throw this.error(res, what, this.options.authFix);
            this.keyAccepted = true;
            const rows = readListing(res.body, what);
            this.chosen = dialect;
            this.options.debug?.(`Dokploy: speaking ${dialect.description}`);
            return { dialect, rows };
        }
        const tried = DIALECTS.map((d) => `GET ${this.pathOf(`/${d.router}.all`)}`).join(' and ');
        throw new providers_errors/* ProviderError */.m('NOT_FOUND', `Dokploy: no certificate API at ${this.baseUrl.origin}: ${tried} both answered 404.`, {
            status: 404,
            fix: 'Give the address of the Dokploy dashboard, e.g. https://dokploy.example.com (with or without /api).',
        });
    }
    /**
     * One certificate procedure; a reply that is neither a success nor one of `expected` becomes
     * an error. Only a create is `once`: the others may safely be sent again.
     */
    async certificates(dialect, procedure, method, body, expected = []) {
        const req = {
            method,
            path: `/${dialect.router}.${procedure}`,
            retry: procedure === 'create' ? 'once' : 'idempotent',
        };
        if (body !== undefined)
            req.body = body;
        const res = await this.client(dialect).request(req);
        if (!ok(res) && !expected.includes(res.status)) {
            throw this.error(res, this.what(dialect, procedure), this.options.authFix);
        }
        if (ok(res))
            this.keyAccepted = true;
        return res;
    }
    error(res, what, authFix) {
        const { rateLimitFix } = this.options;
        return reply_errors_replyError(res, what, authFix, {
            keyAccepted: this.keyAccepted,
            ...(rateLimitFix === undefined ? {} : { rateLimitFix }),
        });
    }
    what(dialect, procedure) {
        const path = this.pathOf(`/${dialect.router}.${procedure}`);
        return `${PROCEDURES[procedure]} (${procedure === 'all' ? 'GET' : 'POST'} ${path})`;
    }
    /** A procedure's path as the server sees it (`/api/certificates.all`), for messages. */
    pathOf(path) {
        return `${this.baseUrl.pathname.replace(/\/$/, '')}${path}`;
    }
    client(dialect) {
        let client = this.clients.get(dialect.name);
        if (client === undefined) {
            const { apiKey, baseUrl, redactor, ...transport } = this.options;
            client = new HttpClient({
                ...transport,
                provider: 'Dokploy',
                baseUrl,
                headers: dialect.authHeaders(apiKey),
                redactor,
            });
            this.clients.set(dialect.name, client);
        }
        return client;
    }
}
function ok(res) {
    return res.status >= 200 && res.status < 300;
}
//# sourceMappingURL=api.js.map
;// CONCATENATED MODULE: ./build/providers/dokploy/base-url.js
/**
 * Users copy Dokploy's address from the browser (https://dokploy.example.com) or from the API
 * docs (https://dokploy.example.com/api); both must work, as must a Dokploy served under a
 * sub-path. The procedures live under `<dashboard>/api/`.
 */
/**
 * The API base: the given URL with `/api` added unless it already ends there. Query and
 * fragment are dropped because request paths are appended to this text. Text that is not a
 * URL is returned as given, for the HTTP layer to refuse with its own message.
 */
function apiBaseUrl(raw) {
    let url;
    try {
        url = new URL(raw.trim());
    }
    catch {
        return raw;
    }
    url.search = '';
    url.hash = '';
    const path = url.pathname.replace(/\/+$/, '');
    url.pathname = /\/api$/i.test(path) ? path : `${path}/api`;
    return url.href;
}
//# sourceMappingURL=base-url.js.map
;// CONCATENATED MODULE: ./build/providers/dokploy/create-body.js
function createInput(upload, serverId) {
    const input = {
        name: upload.name,
        certificateData: upload.fullchain,
        privateKey: upload.privateKey,
        organizationId: '',
    };
    if (serverId !== undefined)
        input.serverId = serverId;
    return input;
}
//# sourceMappingURL=create-body.js.map
;// CONCATENATED MODULE: ./build/providers/dokploy/provider.js
/**
 * Dokploy as a rotation target. Dokploy serves uploaded certificates by SNI from Traefik's file
 * provider: no domain references a certificate id, so there is nothing to rebind and this
 * provider has no `uses`/`rebind`. A removal breaks nothing once the new certificate is there;
 * Traefik may only notice either after a reload (Dokploy issue #4503), which `settle` asks for
 * when the user wants it.
 *
 * The listing is scoped to the target: with a server id, the certificates on that server; without
 * one, those on the Dokploy host itself. A key sees its whole organization, and a certificate
 * of the same name on another server is not a superseded version of this one to remove.
 */







const RELOAD_NOTE = 'Dokploy restarts Traefik in the background after it answers, and a failure shows only in its ' +
    'server log (docker service logs dokploy): check that the new certificate is served.';
function createDokployProvider(options) {
    return new DokployProvider(options);
}
class DokployProvider {
    kind = 'dokploy';
    label;
    api;
    serverId;
    reload;
    debug;
    constructor(options) {
        const { apiKey: rawKey, baseUrl, serverId, reloadTraefik, redactor, tokenHelp, ...transport } = options;
        const help = tokenHelp ?? DEFAULT_TOKEN_HELP;
        const authFix = (0,permissions/* keyFix */.d)(help);
        const apiKey = rawKey.trim();
        if (apiKey === '')
            throw new providers_errors/* ProviderError */.m('AUTH', 'Dokploy: no API key was given.', { fix: authFix });
        redactor.add(apiKey);
        this.api = new DokployApi({
            ...transport,
            apiKey,
            baseUrl: apiBaseUrl(baseUrl),
            redactor,
            authFix,
            rateLimitFix: (0,permissions/* rateLimitFix */.H)(help),
        });
        this.label = `Dokploy at ${this.api.baseUrl.host}`;
        const server = serverId?.trim();
        this.serverId = server === '' ? undefined : server;
        this.reload = reloadTraefik === true;
        this.debug = transport.debug;
    }
    async list() {
        return (await this.api.all()).filter((row) => this.isTarget(row)).map((row) => row.remote);
    }
    create(upload) {
        return createChecked(upload, {
            post: (u) => this.post(u),
            list: () => this.list(),
            note: (line) => this.debug?.(`Dokploy: ${line}`),
        });
    }
    remove(id) {
        return this.api.remove(id);
    }
    /**
     * Dokploy answers `200 true` before Traefik restarts (in the background; a failure shows only in
     * its server log), so a reload is reported as requested, never as done.
     */
    async settle() {
        if (!this.reload)
            return { status: 'not-needed' };
        await this.api.reloadTraefik(this.serverId);
        return { status: 'requested', what: 'Traefik reload', note: RELOAD_NOTE };
    }
    requestCount() {
        return this.api.requestCount();
    }
    async post(upload) {
        const created = await this.api.create(createInput(upload, this.serverId));
        if (created !== undefined)
            return created.remote;
        // The server said yes without describing the row: find it rather than fail a create that worked.
        const found = (await this.list()).find((remote) => isSameUpload(remote, upload));
        if (found !== undefined)
            return found;
        throw new providers_errors/* ProviderError */.m('PROTOCOL', `Dokploy accepted the upload of ${upload.name} but it is not in the certificate list.`, { fix: 'Look for it in the Dokploy dashboard (Certificates), then run again.' });
    }
    /** A row whose server is not stated is kept: there is nothing to tell it apart by. */
    isTarget(row) {
        if (row.serverId === undefined)
            return true;
        return row.serverId === (this.serverId ?? null);
    }
}
//# sourceMappingURL=provider.js.map
;// CONCATENATED MODULE: ./build/providers/factory.js
/**
 * The one place a provider is chosen: a new provider is one folder and one case here.
 */



function createProvider(settings, redactor, transport = {}) {
    switch (settings.kind) {
        case 'digitalocean':
            return createDigitalOceanProvider({
                token: settings.token,
                redactor,
                ...(settings.tokenHelp ? { tokenHelp: settings.tokenHelp } : {}),
                ...(settings.apiUrl ? { baseUrl: settings.apiUrl } : {}),
                ...transport,
            });
        case 'dokploy':
            if (!settings.apiUrl) {
                throw new errors/* InputError */.dz('Dokploy needs the address of your Dokploy instance.', 'Set api-url to the dashboard address, e.g. https://dokploy.example.com.');
            }
            return createDokployProvider({
                apiKey: settings.token,
                baseUrl: settings.apiUrl,
                serverId: settings.serverId,
                reloadTraefik: settings.reloadTraefik,
                redactor,
                ...(settings.tokenHelp ? { tokenHelp: settings.tokenHelp } : {}),
                ...transport,
            });
    }
}
//# sourceMappingURL=factory.js.map

/***/ }),

/***/ 777:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RateLimiter: () => (/* binding */ RateLimiter),
/* harmony export */   headerNumber: () => (/* binding */ headerNumber)
/* harmony export */ });
class RateLimiter {
    sent = [];
    remaining;
    resetAt;
    queue = Promise.resolve();
    options;
    clock;
    /** Total time spent waiting, for the report and the benchmarks. */
    waitedMs = 0;
    constructor(clock, options = {}) {
        this.clock = clock;
        this.options = { requests: 240, windowMs: 60_000, lowWater: 25, ...options };
    }
    /** Wait until one more request may go. Calls are served in order. */
    acquire() {
        const turn = this.queue.then(() => this.waitForSlot());
        this.queue = turn.catch(() => { });
        return turn;
    }
    /** Learn from a reply's headers (names in any case, values as the provider sends them). */
    observe(headers) {
        let remaining;
        let reset;
        for (const [name, value] of Object.entries(headers)) {
            const lower = name.toLowerCase();
            // A refusal with retry-after is the per-minute limit: its remaining/reset (which may say 0
            // and an hour away) are not the hourly budget, and taken as such would stall the run.
            if (lower === 'retry-after')
                return;
            if (lower === 'ratelimit-remaining')
                remaining = headerNumber(value);
            else if (lower === 'ratelimit-reset')
                reset = headerNumber(value);
        }
        if (remaining !== undefined)
            this.remaining = remaining;
        if (reset !== undefined && reset > 0)
            this.resetAt = reset * 1000;
    }
    async waitForSlot() {
        let now = this.clock.now();
        while (this.sent.length > 0 && this.sent[0] <= now - this.options.windowMs)
            this.sent.shift();
        let wait = 0;
        if (this.sent.length >= this.options.requests)
            wait = this.sent[0] + this.options.windowMs - now;
        if (this.remaining !== undefined &&
            this.resetAt !== undefined &&
            this.remaining <= this.options.lowWater) {
            const untilReset = this.resetAt - now;
            if (untilReset > 0)
                wait = Math.max(wait, untilReset / Math.max(this.remaining, 1));
        }
        if (wait > 0) {
            this.waitedMs += wait;
            await this.clock.sleep(wait);
            now = this.clock.now();
        }
        this.sent.push(now);
        if (this.remaining !== undefined)
            this.remaining = Math.max(0, this.remaining - 1);
    }
}
/** A header's numeric value; undefined when absent, blank (`Number('')` is 0) or not a number. */
function headerNumber(value) {
    if (value === undefined || value.trim() === '')
        return undefined;
    const n = Number(value);
    return Number.isFinite(n) ? n : undefined;
}
//# sourceMappingURL=rate-limit.js.map

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

//# sourceMappingURL=574.index.js.map