export const id = 870;
export const ids = [870,551];
export const modules = {

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
// EXTERNAL MODULE: ./build/certs/keys.js
var keys = __webpack_require__(8918);
// EXTERNAL MODULE: ./build/certs/signature.js
var certs_signature = __webpack_require__(5566);
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
/** Certificates from the leaf up; Node links a root to itself, hence the seen-set and the bound. */
function chainFromLeaf(peer) {
    const certs = [];
    const seen = new Set();
    let current = peer;
    while (current?.raw && certs.length < limits/* MAX_CHAIN_LENGTH */.Il && !seen.has(current.fingerprint256)) {
        seen.add(current.fingerprint256);
        certs.push(new external_node_crypto_.X509Certificate(current.raw));
        current = current.issuerCertificate;
    }
    return certs;
}
function chainCertificate(cert) {
    const signature = (0,certs_signature/* signatureAlgorithm */.w)(cert);
    return {
        subject: (0,inspect/* oneLineName */.S1)(cert.subject),
        issuer: (0,inspect/* oneLineName */.S1)(cert.issuer),
        notBefore: cert.validFromDate.toISOString(),
        notAfter: cert.validToDate.toISOString(),
        sha256: (0,inspect/* fingerprint */.Rj)(cert, 'sha256'),
        selfSigned: (0,inspect/* isSelfSigned */.Nl)(cert),
        key: (0,keys/* describeKey */.Rx)(cert.publicKey),
        signature: signature.name,
        weakSignature: signature.weak,
    };
}
function readServed(socket, target) {
    // One read of the peer, and the leaf parsed from it: on Node 24.21, getPeerCertificate()
    // returns {} once getPeerX509Certificate() has been called on the same socket.
    const peer = socket.getPeerCertificate(true);
    if (!peer?.raw)
        return undefined;
    const chain = chainFromLeaf(peer);
    const leaf = chain[0];
    const code = socket.authorized ? undefined : String(socket.authorizationError ?? 'UNKNOWN');
    const names = (0,inspect/* subjectAltNames */._X)(leaf.subjectAltName);
    return {
        sha1: (0,inspect/* fingerprint */.Rj)(leaf, 'sha1'),
        sha256: (0,inspect/* fingerprint */.Rj)(leaf, 'sha256'),
        subject: (0,inspect/* oneLineName */.S1)(leaf.subject),
        notBefore: leaf.validFromDate.toISOString(),
        notAfter: leaf.validToDate.toISOString(),
        key: (0,keys/* describeKey */.Rx)(leaf.publicKey),
        names: { dns: names.dns.slice(0, limits/* MAX_SERVED_NAMES */.QZ), ip: names.ip.slice(0, limits/* MAX_SERVED_NAMES */.QZ) },
        namesTruncated: names.dns.length > limits/* MAX_SERVED_NAMES */.QZ || names.ip.length > limits/* MAX_SERVED_NAMES */.QZ,
        chain: chain.map((cert) => (0,inspect/* oneLineName */.S1)(cert.subject)),
        certificates: chain.map(chainCertificate),
        protocol: socket.getProtocol() ?? 'unknown',
        trusted: socket.authorized,
        ...(code === undefined ? {} : { trustError: { code, meaning: trustMeaning(code) } }),
        // The project's own matching rule (SANs only, RFC 6125 wildcards, IPs in any spelling),
        // on every name (the bound above is for the report only).
        nameMatches: (0,hostnames/* covers */.h)(names, target.host),
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
            // Accept what clients should refuse (TLS 1.0/1.1, RSA 1024, SHA-1 signatures) so the report
            // can name it: at Node's defaults the handshake fails with "protocol version" or verification
            // ends in a bare UNSPECIFIED, and the address would read as unreachable instead of weak.
            // Judging is assess.ts's work, which holds these to what clients accept.
            minVersion: 'TLSv1',
            ciphers: `${external_node_tls_.DEFAULT_CIPHERS}:@SECLEVEL=0`,
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

/***/ 7870:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  rotationVerify: () => (/* binding */ rotationVerify)
});

// EXTERNAL MODULE: ./build/certs/hostnames.js
var hostnames = __webpack_require__(6846);
// EXTERNAL MODULE: ./build/constants.js
var constants = __webpack_require__(2757);
// EXTERNAL MODULE: ./build/verification/endpoints.js
var endpoints = __webpack_require__(1284);
// EXTERNAL MODULE: ./build/verification/limits.js
var limits = __webpack_require__(8764);
// EXTERNAL MODULE: ./build/verification/targets.js
var verification_targets = __webpack_require__(5604);
// EXTERNAL MODULE: ./build/verification/verdict.js
var verdict = __webpack_require__(9731);
// EXTERNAL MODULE: ./build/providers/clock.js
var providers_clock = __webpack_require__(551);
// EXTERNAL MODULE: ./build/rotation/concurrency.js
var concurrency = __webpack_require__(7900);
// EXTERNAL MODULE: ./build/verification/handshake.js + 1 modules
var handshake = __webpack_require__(7546);
;// CONCATENATED MODULE: ./build/verification/wait-until-served.js
/**
 * After an upload, wait until every address serves the new certificate: load balancers and
 * proxies pick a new certificate up in seconds to minutes, node by node. Each round re-checks the
 * addresses not yet serving it (in parallel, bounded), then sleeps with backoff; an address that
 * never does is reported with the last thing it served, so a stale node names itself.
 */




/**
 * `expectedSha1`: one fingerprint for every target, or one per target (in their order), so the
 * addresses of many certificates share one round of checks and one backoff.
 */
async function waitUntilServed(targets, expectedSha1, options) {
    const clock = options.clock ?? providers_clock.realClock;
    const check = options.check ?? ((target) => (0,handshake/* checkTarget */.e)(target, options.handshake));
    const normal = (sha1) => sha1.toLowerCase().replace(/:/g, '');
    const expectedOf = (index) => normal(typeof expectedSha1 === 'string' ? expectedSha1 : (expectedSha1[index] ?? ''));
    const deadline = clock.now() + Math.max(0, options.timeoutMs);
    const results = new Map();
    let pending = targets.map((_, index) => index);
    let delay = Math.max(0, options.initialDelayMs);
    for (;;) {
        const rounds = await (0,concurrency/* mapLimit */.$)(pending, options.concurrency ?? limits/* DEFAULT_CONCURRENCY */.WH, async (index) => {
            const target = targets[index];
            const last = await check(target);
            const attempts = (results.get(index)?.attempts ?? 0) + 1;
            const expected = expectedOf(index);
            results.set(index, {
                target,
                matched: expected !== '' && last.served?.sha1 === expected,
                last,
                attempts,
            });
            return index;
        });
        pending = rounds.filter((index) => !results.get(index)?.matched);
        const left = deadline - clock.now();
        if (pending.length === 0 || left <= 0)
            break;
        // The last pause is cut to the deadline, so the final round lands at it rather than past it.
        await clock.sleep(Math.min(delay, left));
        delay = Math.min(Math.max(1, delay * 2), Math.max(0, options.maxDelayMs));
    }
    return targets.map((_, index) => results.get(index));
}
//# sourceMappingURL=wait-until-served.js.map
// EXTERNAL MODULE: ./build/errors.js
var errors = __webpack_require__(9473);
;// CONCATENATED MODULE: ./build/verification/verify-lineages.js





/**
 * The bound on endpoints over all lineages. rotation-verify.ts checks it when the check is built,
 * before anything is sent: found only here, after the upload and the rebind, it would stop the
 * run with the new certificates in place and no report of them.
 */
function checkEndpointCount(total) {
    if (total > limits/* MAX_TARGETS */.kz) {
        throw new errors/* InputError */.dz(`The certificates have ${total} endpoints to verify; at most ${limits/* MAX_TARGETS */.kz} are checked in one run.`, 'Give fewer domains or endpoints, or split the manifest.');
    }
}
async function verifyLineages(lineages, options) {
    checkEndpointCount(lineages.reduce((sum, item) => sum + item.endpoints.length, 0));
    const resolved = await Promise.all(lineages.map((item) => (0,verification_targets/* resolveTargets */.h)(item.endpoints, {
        ...(options.pins === undefined ? {} : { pins: options.pins }),
        ...(options.lookup === undefined ? {} : { lookup: options.lookup }),
    })));
    const targets = [];
    const expected = [];
    const owner = [];
    resolved.forEach(({ targets: found }, index) => {
        const item = lineages[index];
        for (const target of found) {
            targets.push(target);
            expected.push(item.expectedSha1);
            owner.push(index);
        }
    });
    if (targets.length > limits/* MAX_TARGETS */.kz) {
        throw new errors/* InputError */.dz(`The endpoints to verify resolve to ${targets.length} addresses; at most ${limits/* MAX_TARGETS */.kz} are checked in one run.`, 'Give fewer endpoints, or pin names to fewer addresses with resolve entries.');
    }
    const waited = await waitUntilServed(targets, expected, {
        timeoutMs: options.timeoutMs,
        initialDelayMs: options.initialDelayMs ?? 1000,
        maxDelayMs: options.maxDelayMs ?? 15_000,
        ...(options.clock === undefined ? {} : { clock: options.clock }),
        ...(options.check === undefined ? {} : { check: options.check }),
        handshake: {
            // A handshake never outlasts the whole wait (a 0 s wait still gets one real try).
            timeoutMs: Math.min(limits/* DEFAULT_HANDSHAKE_TIMEOUT_MS */.FK, Math.max(options.timeoutMs, 3000)),
            ...(options.extraCaPems === undefined ? {} : { extraCaPems: options.extraCaPems }),
        },
    });
    const rows = lineages.map(() => []);
    waited.forEach((result, index) => {
        const at = owner[index];
        const item = lineages[at];
        rows[at]?.push((0,verdict/* rowOf */.OB)(item.lineage, result.last, item.expectedSha1, item.known, result.attempts, item.named));
    });
    return lineages.map((item, index) => {
        const failures = resolved[index]?.failures ?? [];
        const all = [...(rows[index] ?? []), ...failures.map((failure) => (0,verdict/* lookupRow */.Pp)(item.lineage, failure))];
        return (0,verdict/* judge */.S4)(item.lineage, all, item.skippedDomains, options.mode);
    });
}
//# sourceMappingURL=verify-lineages.js.map
;// CONCATENATED MODULE: ./build/verification/rotation-verify.js
/**
 * The live check as a rotation uses it: which endpoints belong to which lineage, how they are
 * checked, and the fix a failed check prints. Built from the settings once per run (run.ts).
 */




function rotationVerify(input) {
    const { verify, rotation, words } = input;
    if (verify.mode === 'off')
        return undefined;
    const byLineage = new Map();
    for (const item of input.lineages) {
        // With a manifest, an endpoint given as an input belongs to the certificates that cover it.
        const given = input.single
            ? verify.endpoints
            : verify.endpoints.filter((endpoint) => item.leaf !== undefined &&
                (0,hostnames/* covers */.h)({ dns: item.leaf.dnsNames, ip: item.leaf.ipAddresses }, endpoint.host));
        byLineage.set(item.lineage, (0,endpoints/* endpointsFor */.E$)(item.domains, [...item.endpoints, ...given]));
    }
    // Now, before anything is sent, rather than when the check runs after the upload.
    checkEndpointCount([...byLineage.values()].reduce((sum, where) => sum + where.endpoints.length, 0));
    const options = {
        mode: verify.mode,
        timeoutMs: verify.timeoutSeconds * 1000,
        pins: verify.pins,
        extraCaPems: input.extraCaPems,
        ...input.overrides,
    };
    const dokploy = rotation.provider.kind === 'dokploy';
    return {
        endpointsOf: (lineage) => byLineage.get(lineage) ?? { endpoints: [], skipped: [] },
        run: (lineages) => verifyLineages(lineages, options),
        onFailure: verify.onFailure,
        mode: verify.mode,
        mayReload: dokploy && rotation.provider.reloadTraefik === true,
        fixFor: (verification, reload) => fixFor(verification, reload, { dokploy, verify, words }),
    };
}
function fixFor(verification, reload, context) {
    const { name: named } = context.words;
    const stays = 'The superseded versions stay until every endpoint serves the new certificate; run again once it does.';
    const stale = verification.endpoints.some((row) => !row.matches && (row.serves === 'superseded' || row.serves === 'traefik-default'));
    if (context.dokploy && stale) {
        if (reload === undefined) {
            return `Traefik has not picked up the new certificate (Dokploy issue 4503). ${context.words.turn(constants/* Inputs */.G0.ReloadTraefik, true)} (with an admin's API key) so the run reloads it, or reload it in Dokploy (Settings, Web Server, Reload Traefik). ${stays}`;
        }
        if (reload.status === 'failed') {
            return `Traefik was to be reloaded to pick up the new certificate, and the reload failed: ${reload.message}${reload.fix ? ` ${reload.fix}` : ''} ${stays}`;
        }
        return `Traefik was reloaded once more and still serves an old certificate: look at Traefik's logs for the certificate file (a file it cannot read is skipped) and at the domain's settings in Dokploy. ${stays}`;
    }
    const unreachable = verification.endpoints.some((row) => row.unreachable);
    const requireNote = unreachable && context.verify.mode === 'require'
        ? ` An endpoint that cannot be reached fails because ${named(constants/* Inputs */.G0.Verify)} is require; set it to auto to pass over those.`
        : '';
    return `Check that each name resolves to where this certificate is served (or pin it with ${named(constants/* Inputs */.G0.Resolve)}), and that the endpoint is one this provider serves. A load balancer can take minutes to switch: ${named(constants/* Inputs */.G0.VerifyTimeoutSeconds)} (now ${context.verify.timeoutSeconds}) sets how long the run waits.${requireNote} ${stays}`;
}
//# sourceMappingURL=rotation-verify.js.map

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

/***/ })

};

//# sourceMappingURL=870.index.js.map