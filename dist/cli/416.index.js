export const id = 416;
export const ids = [416,22];
export const modules = {

/***/ 7900:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ mapLimit),
/* harmony export */   s: () => (/* binding */ KeyedLock)
/* harmony export */ });
/**
 * Running lineages side by side without running all of them at once: a small pool (the provider's
 * rate-limit budget is shared, and a hundred lineages should not open a hundred connections), and
 * a lock per key so two lineages never change the same load balancer at the same moment (a PUT
 * replaces the whole load balancer: two built from the same GET would undo each other).
 */
/** `work` over every item, at most `limit` at a time; results in the items' order. */
async function mapLimit(items, limit, work) {
    const results = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const index = next++;
            results[index] = await work(items[index], index);
        }
    };
    const workers = Math.max(1, Math.min(Math.floor(limit) || 1, items.length));
    await Promise.all(Array.from({ length: workers }, worker));
    return results;
}
/** One holder per key at a time; the others queue in the order they asked. */
class KeyedLock {
    tails = new Map();
    async run(key, work) {
        const previous = this.tails.get(key) ?? Promise.resolve();
        let release;
        const mine = new Promise((resolve) => {
            release = resolve;
        });
        const tail = previous.then(() => mine);
        this.tails.set(key, tail);
        await previous;
        try {
            return await work();
        }
        finally {
            release();
            if (this.tails.get(key) === tail)
                this.tails.delete(key);
        }
    }
}
//# sourceMappingURL=concurrency.js.map

/***/ }),

/***/ 1416:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  checkServed: () => (/* binding */ checkServed)
});

// EXTERNAL MODULE: ./build/certs/inspect.js
var inspect = __webpack_require__(9620);
// EXTERNAL MODULE: ./build/load-certificates.js + 1 modules
var load_certificates = __webpack_require__(2055);
// EXTERNAL MODULE: ./build/rotation/concurrency.js
var concurrency = __webpack_require__(7900);
// EXTERNAL MODULE: ./build/verification/endpoints.js
var verification_endpoints = __webpack_require__(1284);
// EXTERNAL MODULE: ./build/verification/handshake.js + 1 modules
var handshake = __webpack_require__(7546);
// EXTERNAL MODULE: ./build/verification/limits.js
var limits = __webpack_require__(8764);
// EXTERNAL MODULE: ./build/certs/findings.js
var findings = __webpack_require__(3716);
;// CONCATENATED MODULE: ./build/verification/assess.js
/**
 * What one address served, judged: whether it answered, whether its certificate covers the name
 * asked for, whether its chain reaches a trusted root, and how soon it expires. Pure.
 */



function assessServed(result, options) {
    const where = `${(0,verification_endpoints/* formatEndpoint */.T0)(result)} at ${result.address}`;
    const served = result.served;
    if (served === undefined) {
        const error = result.error;
        return [
            (0,findings/* finding */.gk)('SERVED_UNREACHABLE', 'error', `${where}: no certificate was served (${error?.kind ?? 'error'}: ${error?.message ?? 'unknown'}).`, 'Check that the endpoint is up and listens for TLS on that port, and that the name resolves where it should (or pin it with resolve).'),
        ];
    }
    const out = [];
    if (!served.nameMatches) {
        out.push((0,findings/* finding */.gk)('SERVED_NAME_MISMATCH', 'error', `${where} serves a certificate that does not cover ${result.host} (subject ${served.subject}).`, 'Serve a certificate whose names include this host.', { subject: served.subject }));
    }
    if (!served.trusted) {
        out.push((0,findings/* finding */.gk)('SERVED_UNTRUSTED', 'error', `${where}: the served chain does not verify (${served.trustError?.code ?? 'unknown'}: ${served.trustError?.meaning ?? 'the chain does not verify'}).`, 'Serve the full chain (leaf, then its intermediates); for a private CA, give its certificate in trusted-ca.', { subject: served.subject }));
    }
    const days = (0,inspect/* daysUntil */.AQ)(new Date(served.notAfter), options.now);
    if (days < 0) {
        out.push((0,findings/* finding */.gk)('EXPIRED', 'error', `${where} serves a certificate that expired on ${served.notAfter}.`, 'Rotate it now.', { subject: served.subject }));
    }
    else if (days <= options.failDays) {
        out.push((0,findings/* finding */.gk)('EXPIRES_SOON', 'error', `${where} serves a certificate that expires in ${days} days (${served.notAfter}), within fail-days (${options.failDays}).`, 'Rotate it now.', { subject: served.subject }));
    }
    else if (days <= options.warnDays) {
        out.push((0,findings/* finding */.gk)('EXPIRING', 'warning', `${where} serves a certificate that expires in ${days} days (${served.notAfter}), within warn-days (${options.warnDays}).`, 'Renew and rotate it soon.', { subject: served.subject }));
    }
    return out;
}
//# sourceMappingURL=assess.js.map
// EXTERNAL MODULE: ./build/verification/trusted-ca.js
var trusted_ca = __webpack_require__(4022);
// EXTERNAL MODULE: ./build/verification/targets.js
var verification_targets = __webpack_require__(5604);
// EXTERNAL MODULE: ./build/verification/verdict.js
var verdict = __webpack_require__(9731);
;// CONCATENATED MODULE: ./build/verification/check-run.js
/**
 * `mode: check`: what clients are served, with no provider and no certificate. It connects to
 * the endpoints given, the `domains` on port 443, and a manifest's entries' domains and
 * endpoints, once per address each resolves to, and judges each served certificate
 * (assess.ts): coverage, chain, expiry in days and in share of its lifetime, key, TLS version.
 */










async function checkServed(settings, deps) {
    const verify = settings.verify;
    if (verify === undefined)
        return { endpoints: [], skipped: [] };
    const listed = await listEndpoints(settings, deps.cwd);
    const extraCaPems = verify.trustedCa === undefined ? [] : await (0,trusted_ca.readTrustedCa)(verify.trustedCa, deps.cwd, settings.words);
    const { targets, failures } = await (0,verification_targets/* resolveTargets */.h)(listed.endpoints.map((e) => e.endpoint), { pins: verify.pins, ...(deps.lookup === undefined ? {} : { lookup: deps.lookup }) });
    const labelOf = new Map(listed.endpoints.map((e) => [(0,verification_endpoints/* formatEndpoint */.T0)(e.endpoint), e.label]));
    const check = deps.check ?? ((target) => (0,handshake/* checkTarget */.e)(target, { timeoutMs: limits/* DEFAULT_HANDSHAKE_TIMEOUT_MS */.FK, extraCaPems }));
    const results = await (0,concurrency/* mapLimit */.$)(targets, limits/* DEFAULT_CONCURRENCY */.WH, check);
    const thresholds = {
        now: deps.now,
        warnDays: settings.warnDays,
        failDays: settings.failDays,
        ...(settings.warnPercent === undefined ? {} : { warnPercent: settings.warnPercent }),
        ...(settings.failPercent === undefined ? {} : { failPercent: settings.failPercent }),
    };
    const require = verify.mode === 'require';
    const endpoints = results.map((result) => {
        const label = labelOf.get((0,verification_endpoints/* formatEndpoint */.T0)(result));
        const row = (0,verdict/* rowOf */.OB)(undefined, result, '', new Map());
        const findings = assessServed(result, thresholds).map((f) => 
        // Unreachable is a warning with verify: auto (the run passes over it), an error with require.
        row.unreachable && f.level === 'error' && !require ? { ...f, level: 'warning' } : f);
        const served = result.served;
        const entry = {
            ...row,
            matches: findings.every((f) => f.level !== 'error'),
            findings,
            ...(label === undefined ? {} : { label }),
        };
        if (served) {
            entry.subject = served.subject;
            entry.chain = served.chain;
            entry.daysRemaining = (0,inspect/* daysUntil */.AQ)(new Date(served.notAfter), deps.now);
        }
        delete entry.serves;
        return entry;
    });
    for (const failure of failures) {
        const label = labelOf.get((0,verification_endpoints/* formatEndpoint */.T0)(failure));
        endpoints.push({
            ...(0,verdict/* lookupRow */.Pp)(undefined, failure),
            ...(label === undefined ? {} : { label }),
            findings: [
                {
                    code: 'SERVED_UNREACHABLE',
                    level: require ? 'error' : 'warning',
                    message: `${(0,verification_endpoints/* formatEndpoint */.T0)(failure)}: the name could not be resolved (${failure.error}).`,
                    fix: 'Check the name, or pin it to an address with resolve (host:port:address).',
                },
            ],
        });
    }
    return { endpoints, skipped: listed.skipped };
}
/** Every endpoint to check, each once, with the manifest entry that listed it first. */
async function listEndpoints(settings, cwd) {
    const verify = settings.verify;
    const out = [];
    const skipped = [];
    const seen = new Set();
    const add = (list, label) => {
        for (const endpoint of list) {
            const key = (0,verification_endpoints/* formatEndpoint */.T0)(endpoint);
            if (seen.has(key))
                continue;
            seen.add(key);
            out.push(label === undefined ? { endpoint } : { endpoint, label });
        }
    };
    const given = (0,verification_endpoints/* endpointsFor */.E$)(verify?.domains ?? [], verify?.endpoints ?? []);
    add(given.endpoints);
    skipped.push(...given.skipped);
    if (settings.certificates.kind === 'manifest') {
        const { entries } = await (0,load_certificates/* readManifest */.WI)(settings.certificates.path, false, { cwd, words: settings.words });
        for (const entry of entries) {
            const own = (0,verification_endpoints/* endpointsFor */.E$)(entry.domains, entry.endpoints);
            add(own.endpoints, entry.name ?? `certificates[${entry.index}]`);
            skipped.push(...own.skipped);
        }
    }
    return { endpoints: out, skipped };
}
//# sourceMappingURL=check-run.js.map

/***/ }),

/***/ 7546:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  e: () => (/* binding */ checkTarget)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(1692);
// EXTERNAL MODULE: ./build/certs/hostnames.js
var hostnames = __webpack_require__(6846);
// EXTERNAL MODULE: ./build/certs/inspect.js
var inspect = __webpack_require__(9620);
// EXTERNAL MODULE: ./build/verification/limits.js
var limits = __webpack_require__(8764);
;// CONCATENATED MODULE: ./build/verification/served.js
const TRUST_MEANINGS = {
    UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'the server sent the leaf without the intermediate that signed it (or its issuer is unknown)',
    UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'the chain does not reach a trusted root: an intermediate is missing or the root is not trusted',
    UNABLE_TO_GET_ISSUER_CERT: 'the chain does not reach a trusted root: an intermediate is missing',
    SELF_SIGNED_CERT_IN_CHAIN: 'the chain ends at a root that is not trusted',
    DEPTH_ZERO_SELF_SIGNED_CERT: 'the served certificate is self-signed',
    CERT_HAS_EXPIRED: 'a certificate in the chain has expired',
    CERT_NOT_YET_VALID: 'a certificate in the chain is not valid yet',
    CERT_SIGNATURE_FAILURE: 'a signature in the chain does not verify',
};
function trustMeaning(code) {
    return TRUST_MEANINGS[code] ?? 'the chain does not verify';
}
/** The socket error codes a report can name; the rest are handshake or connect failures. */
function errorKind(error) {
    switch (error.code) {
        case 'ECONNREFUSED':
            return 'refused';
        case 'ECONNRESET':
        case 'EPIPE':
            return 'reset';
        case 'ETIMEDOUT':
            return 'timeout';
        case 'EHOSTUNREACH':
        case 'ENETUNREACH':
        case 'EADDRNOTAVAIL':
            return 'unreachable';
    }
    const code = typeof error.code === 'string' ? error.code : '';
    return code.startsWith('ERR_SSL') || code.startsWith('ERR_TLS') || /ssl|tls/i.test(error.message)
        ? 'handshake'
        : 'connect';
}
//# sourceMappingURL=served.js.map
;// CONCATENATED MODULE: ./build/verification/handshake.js
/**
 * One TLS handshake with one address, read for what a client is served. The effect at the edge:
 * everything else in this folder is pure.
 *
 * The handshake never rejects on trust (`rejectUnauthorized: false`): an unknown root is a
 * finding to report, and must not hide which certificate the address serves. Trust is judged by
 * OpenSSL against Node's default roots plus the extra CA certificates given (the socket's
 * `authorized`), and the name separately, so a wrong name and a wrong chain read apart.
 */







const MESSAGE_LIMIT = 200;
/** Subjects from the leaf up; Node links a root to itself, hence the seen-set and the bound. */
function chainSubjects(peer) {
    const subjects = [];
    const seen = new Set();
    let current = peer;
    while (current?.raw && subjects.length < limits/* MAX_CHAIN_LENGTH */.Il && !seen.has(current.fingerprint256)) {
        seen.add(current.fingerprint256);
        subjects.push((0,inspect/* oneLineName */.S1)(new external_node_crypto_.X509Certificate(current.raw).subject));
        current = current.issuerCertificate;
    }
    return subjects;
}
function readServed(socket, target) {
    // One read of the peer, and the leaf parsed from it: on Node 24.21, getPeerCertificate()
    // returns {} once getPeerX509Certificate() has been called on the same socket.
    const peer = socket.getPeerCertificate(true);
    if (!peer?.raw)
        return undefined;
    const leaf = new external_node_crypto_.X509Certificate(peer.raw);
    const code = socket.authorized ? undefined : String(socket.authorizationError ?? 'UNKNOWN');
    return {
        sha1: (0,inspect/* fingerprint */.Rj)(leaf, 'sha1'),
        sha256: (0,inspect/* fingerprint */.Rj)(leaf, 'sha256'),
        subject: (0,inspect/* oneLineName */.S1)(leaf.subject),
        notAfter: new Date(leaf.validTo).toISOString(),
        chain: chainSubjects(peer),
        protocol: socket.getProtocol() ?? 'unknown',
        trusted: socket.authorized,
        ...(code === undefined ? {} : { trustError: { code, meaning: trustMeaning(code) } }),
        // The project's own matching rule (SANs only, RFC 6125 wildcards, IPs in any spelling).
        nameMatches: (0,hostnames/* covers */.h)((0,inspect/* subjectAltNames */._X)(leaf.subjectAltName), target.host),
    };
}
function checkTarget(target, options = {}) {
    const timeoutMs = options.timeoutMs ?? limits/* DEFAULT_HANDSHAKE_TIMEOUT_MS */.FK;
    const extra = options.extraCaPems ?? [];
    const started = performance.now();
    return new Promise((resolve) => {
        let settled = false;
        const finish = (outcome) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(timer);
            socket.destroy();
            resolve({ ...target, ...outcome, elapsedMs: Math.round(performance.now() - started) });
        };
        const fail = (kind, message) => finish({ error: { kind, message: message.slice(0, MESSAGE_LIMIT) } });
        const socket = external_node_tls_.connect({
            host: target.address,
            port: target.port,
            // SNI carries names only (RFC 6066): an IP-literal host sends none.
            ...((0,external_node_net_.isIP)(target.host) ? {} : { servername: target.host }),
            rejectUnauthorized: false,
            // Names are judged apart from the chain (readServed), so `authorized` speaks of the chain alone.
            checkServerIdentity: () => undefined,
            ...(extra.length > 0 ? { ca: [...external_node_tls_.getCACertificates('default'), ...extra] } : {}),
        });
        const timer = setTimeout(() => fail('timeout', `no TLS handshake within ${timeoutMs} ms`), timeoutMs);
        socket.once('secureConnect', () => {
            try {
                const served = readServed(socket, target);
                if (served)
                    finish({ served });
                else
                    fail('handshake', 'the server sent no certificate');
            }
            catch (error) {
                fail('handshake', `the served certificate could not be read: ${error.message}`);
            }
        });
        socket.once('error', (error) => fail(errorKind(error), error.message));
        socket.once('close', () => fail('reset', 'the connection closed before the handshake ended'));
    });
}
//# sourceMappingURL=handshake.js.map

/***/ }),

/***/ 5604:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ resolveTargets)
/* harmony export */ });
/* unused harmony export systemLookup */
/* harmony import */ var node_dns_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1553);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7030);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9473);
/* harmony import */ var _endpoints_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1284);
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8764);





const systemLookup = (host) => (0,node_dns_promises__WEBPACK_IMPORTED_MODULE_0__.lookup)(host, { all: true, verbatim: true });
function withTimeout(work, ms, what) {
    let timer;
    const timeout = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
    });
    return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
async function addressesOf(endpoint, options) {
    if ((0,node_net__WEBPACK_IMPORTED_MODULE_1__.isIP)(endpoint.host))
        return { via: 'literal', addresses: [endpoint.host] };
    const pinned = options.pins?.get((0,_endpoints_js__WEBPACK_IMPORTED_MODULE_3__/* .formatEndpoint */ .T0)(endpoint));
    if (pinned)
        return { via: 'pin', addresses: [...pinned] };
    const lookup = options.lookup ?? systemLookup;
    const found = await withTimeout(lookup(endpoint.host), options.lookupTimeoutMs ?? _limits_js__WEBPACK_IMPORTED_MODULE_4__/* .DEFAULT_LOOKUP_TIMEOUT_MS */ .sU, `looking up ${endpoint.host}`);
    const addresses = [
        ...new Set(found.map((entry) => entry.address).filter((address) => (0,node_net__WEBPACK_IMPORTED_MODULE_1__.isIP)(address) !== 0)),
    ];
    if (addresses.length === 0)
        throw new Error(`${endpoint.host} resolved to no address`);
    return { via: 'dns', addresses };
}
/**
 * Every endpoint's addresses. Throws only when there are too many targets to check (a clear input
 * error, raised before any handshake); lookups that fail come back in `failures`.
 */
async function resolveTargets(endpoints, options = {}) {
    const max = options.maxTargets ?? _limits_js__WEBPACK_IMPORTED_MODULE_4__/* .MAX_TARGETS */ .kz;
    if (endpoints.length > max) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`${endpoints.length} endpoints were given; at most ${max} addresses are checked in one run.`, 'List fewer endpoints.');
    }
    const settled = await Promise.allSettled(endpoints.map((endpoint) => addressesOf(endpoint, options)));
    const targets = [];
    const failures = [];
    settled.forEach((outcome, index) => {
        const endpoint = endpoints[index];
        if (outcome.status === 'rejected') {
            const error = outcome.reason instanceof Error ? outcome.reason.message : String(outcome.reason);
            failures.push({ ...endpoint, error: error.slice(0, 200) });
            return;
        }
        for (const address of outcome.value.addresses)
            targets.push({ ...endpoint, address, via: outcome.value.via });
    });
    if (targets.length > max) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`The ${endpoints.length} endpoints resolve to ${targets.length} addresses; at most ${max} are checked in one run.`, 'List fewer endpoints, or pin the names to fewer addresses with resolve entries.');
    }
    return { targets, failures };
}
//# sourceMappingURL=targets.js.map

/***/ }),

/***/ 4022:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   readTrustedCa: () => (/* binding */ readTrustedCa)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var _certs_pem_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4954);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9473);
/* harmony import */ var _load_certificates_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2055);
/**
 * `trusted-ca`: the CA certificates of a private PKI, trusted besides the public roots when a
 * served chain is judged. Given as PEM or as a file; only CERTIFICATE blocks are taken, each one
 * checked to be a certificate, and a private key in it is refused without being quoted.
 */





/** A CA bundle of every public root is about 200 KiB; a private PKI's is a few certificates. */
const MAX_CA_BYTES = 1024 * 1024;
const MAX_CA_CERTIFICATES = 200;
async function readTrustedCa(source, cwd, words) {
    const text = source.kind === 'value'
        ? source.text
        : (0,_load_certificates_js__WEBPACK_IMPORTED_MODULE_3__/* .fileText */ .CG)(await (0,_load_certificates_js__WEBPACK_IMPORTED_MODULE_3__/* .readPart */ .on)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(cwd, source.path), source.path, source.label, words, MAX_CA_BYTES));
    if (text === undefined || text.length > MAX_CA_BYTES) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`${source.label}: not PEM text of at most 1 MiB.`, FIX);
    }
    const scan = (0,_certs_pem_js__WEBPACK_IMPORTED_MODULE_4__/* .scanPem */ .oI)((0,_certs_pem_js__WEBPACK_IMPORTED_MODULE_4__/* .normaliseText */ .af)(text));
    if (scan.blocks.some((block) => block.label.includes('PRIVATE KEY'))) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`${source.label} holds a private key (not shown). It takes CA certificates only.`, `${FIX} Remove the key from it, and treat that key as exposed if the file was shared.`);
    }
    const certificates = scan.blocks.filter((block) => block.label === 'CERTIFICATE');
    if (certificates.length === 0 || scan.tooMany !== undefined || certificates.length > MAX_CA_CERTIFICATES) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`${source.label} holds ${scan.tooMany !== undefined || certificates.length > MAX_CA_CERTIFICATES ? `more than ${MAX_CA_CERTIFICATES} blocks` : 'no PEM CERTIFICATE block'}.`, FIX);
    }
    return certificates.map((block) => {
        try {
            new node_crypto__WEBPACK_IMPORTED_MODULE_0__.X509Certificate(block.der);
        }
        catch {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`${source.label}: the certificate on line ${block.line} cannot be read.`, FIX);
        }
        return (0,_certs_pem_js__WEBPACK_IMPORTED_MODULE_4__/* .toPem */ .sg)('CERTIFICATE', block.der);
    });
}
const FIX = 'Give the PEM certificates of the CA (root, and intermediates if needed) that signs the served chains, or the path of a file holding them.';
//# sourceMappingURL=trusted-ca.js.map

/***/ })

};

//# sourceMappingURL=416.index.js.map