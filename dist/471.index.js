export const id = 471;
export const ids = [471,22];
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

/***/ 2471:
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
// EXTERNAL MODULE: ./build/certs/lifetime.js
var lifetime = __webpack_require__(7177);
// EXTERNAL MODULE: ./build/certs/strength.js
var strength = __webpack_require__(9799);
// EXTERNAL MODULE: ./build/plural.js
var plural = __webpack_require__(3412);
// EXTERNAL MODULE: ./build/verification/quote.js
var quote = __webpack_require__(6878);
;// CONCATENATED MODULE: ./build/verification/assess.js
/**
 * What one endpoint serves, judged: reachability, the name, trust, a complete chain, expiry (in
 * days and in percent of the lifetime), key strength and TLS version. Pure: a CheckResult and a
 * clock in, findings out, so every rule is tested without a socket.
 *
 * Each message names the endpoint and the address it was reached at (one stale node behind
 * round-robin DNS must name itself) and quotes what the server sent only through quote(): a
 * subject or a name is the server's text, and may hold line breaks or lookalike characters.
 */







const DAY_MS = 86_400_000;
/** Names of the leaf quoted in a name-mismatch message; the rest are counted. */
const NAMES_SHOWN = 10;
/**
 * OpenSSL's verdicts that mean the server did not send the intermediate that signed its leaf:
 * the client has the leaf alone and cannot find its issuer. Browsers often paper over this
 * (cached or fetched intermediates); curl, Java, Android and API clients fail.
 */
const MISSING_INTERMEDIATE = new Set(['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT']);
const DATE_VERDICTS = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);
/**
 * TLS 1.0 and 1.1 are an error, not a warning: the handshake offers up to TLS 1.3, so a server
 * that settles on 1.0 or 1.1 supports nothing newer. RFC 8996 deprecated both; browsers removed
 * them in 2020 and OpenSSL 3 (Node, curl, Python) refuses them by default, so most clients cannot
 * connect at all.
 */
const OLD_PROTOCOLS = new Set(['SSLv3', 'TLSv1', 'TLSv1.1']);
function assessServed(result, options) {
    const where = endpointPhrase(result);
    if (!result.served)
        return [unreachable(result, where)];
    const served = result.served;
    const subject = served.subject;
    // A noun phrase: the strength rules say "<what> has a 1024-bit RSA key".
    const leaf = `The certificate ${(0,quote/* quote */.h)(subject)} that ${where} serves`;
    const out = [];
    if (!served.nameMatches)
        out.push(nameMismatch(result, served, where));
    const dates = expiryFindings(served, where, options);
    out.push(...dates);
    out.push(...trustFindings(served, where, dates));
    out.push(...strengthFindings(served, where, leaf));
    if (OLD_PROTOCOLS.has(served.protocol)) {
        out.push((0,findings/* finding */.gk)('SERVED_OLD_TLS', 'error', `${where} negotiated ${served.protocol} though TLS 1.3 was offered: it supports nothing newer, and browsers and OpenSSL 3 clients refuse ${served.protocol} (RFC 8996).`, 'Enable TLS 1.2 and 1.3 on the server or load balancer (e.g. nginx `ssl_protocols TLSv1.2 TLSv1.3;`), and turn off TLS 1.0 and 1.1.', { subject }));
    }
    return out;
}
/** `app.example.com:443 at 192.0.2.7`, or `192.0.2.7:443` when the endpoint is the address itself. */
function endpointPhrase(result) {
    const endpoint = (0,verification_endpoints/* formatEndpoint */.T0)(result);
    return result.address === result.host ? endpoint : `${endpoint} at ${result.address}`;
}
function unreachable(result, where) {
    const error = result.error ?? { kind: 'handshake', message: 'no certificate was read' };
    const said = (0,quote/* quote */.h)(error.message);
    const port = `port ${result.port}`;
    const [what, fix] = (() => {
        switch (error.kind) {
            case 'refused':
                return [
                    `refused the connection: nothing listens on ${port} there`,
                    `Check that the server or load balancer listens on ${port} at ${result.address}, and that the endpoint's port is right.`,
                ];
            case 'reset':
                return [
                    `closed the connection during the TLS handshake (${said})`,
                    'Check the server or proxy log for this name: a listener with no certificate for the name asked (SNI) often drops the connection.',
                ];
            case 'timeout':
                return [
                    `did not complete a TLS handshake in time (${said})`,
                    `Check that a firewall or security group lets this runner reach ${port}, and that the server is up; raise the handshake timeout for a slow server.`,
                ];
            case 'unreachable':
                return [
                    `could not be reached (${said})`,
                    'Check the address (DNS, or the `resolve` pin) and that this runner has a route to it (IPv6 often has none).',
                ];
            case 'handshake':
                return [
                    `failed the TLS handshake (${said})`,
                    `Check that ${port} speaks TLS (not plain HTTP), offers TLS 1.2 or 1.3, and has a certificate for ${(0,quote/* quote */.h)(result.host)}.`,
                ];
            case 'connect':
                return [
                    `could not be connected to (${said})`,
                    `Check that ${result.address} is up and ${port} is open.`,
                ];
        }
    })();
    return (0,findings/* finding */.gk)('SERVED_UNREACHABLE', 'error', `${where} ${what}; no certificate was read.`, fix);
}
function nameMismatch(result, served, where) {
    const names = [...served.names.dns, ...served.names.ip];
    const shown = names.slice(0, NAMES_SHOWN).map(quote/* quote */.h).join(', ');
    const hidden = names.length - Math.min(names.length, NAMES_SHOWN);
    const more = hidden > 0 || served.namesTruncated ? `, and ${hidden > 0 ? `${hidden} more` : 'more'}` : '';
    const covered = names.length === 0 ? 'it lists no subjectAltName at all' : `it covers ${shown}${more}`;
    return (0,findings/* finding */.gk)('SERVED_NAME_MISMATCH', 'error', `${where} serves ${(0,quote/* quote */.h)(served.subject)}, which does not cover ${(0,quote/* quote */.h)(result.host)}: ${covered}. Clients reject it for this name.`, 'Serve a certificate that covers the name: check which certificate the listener picks for it (SNI mapping, or the default certificate served for unknown names), or issue one that names it.', { subject: served.subject });
}
function trustFindings(served, where, dates) {
    if (served.trusted)
        return [];
    const code = served.trustError?.code ?? 'UNKNOWN';
    const meaning = served.trustError?.meaning ?? 'the chain does not verify';
    const subject = served.subject;
    // An expired or not-yet-valid certificate is already named, with its date, by the date findings.
    if (DATE_VERDICTS.has(code) && dates.some((f) => f.level === 'error'))
        return [];
    if (MISSING_INTERMEDIATE.has(code)) {
        const issuer = served.certificates[0]?.issuer;
        return [
            (0,findings/* finding */.gk)('SERVED_CHAIN_INCOMPLETE', 'error', `${where} serves ${(0,quote/* quote */.h)(subject)} without the intermediate that signed it${issuer === undefined ? '' : ` (${(0,quote/* quote */.h)(issuer)})`}: OpenSSL says ${code}. Browsers may fetch the intermediate themselves; curl, Java, Android and API clients fail.`, 'Serve the full chain: the leaf followed by its intermediates (fullchain.pem, not cert.pem), as the certificate chain on the provider or the server.', { subject }),
        ];
    }
    const fix = code === 'DEPTH_ZERO_SELF_SIGNED_CERT' || code === 'SELF_SIGNED_CERT_IN_CHAIN'
        ? 'Serve a certificate from a publicly trusted CA; for a private CA, give its root certificate in `trusted-ca` (or NODE_EXTRA_CA_CERTS) so the check trusts it.'
        : 'Serve the full chain up to a trusted root (fullchain.pem); for a private CA, give its root certificate in `trusted-ca` (or NODE_EXTRA_CA_CERTS).';
    return [
        (0,findings/* finding */.gk)('SERVED_UNTRUSTED', 'error', `${where} serves ${(0,quote/* quote */.h)(subject)}, whose chain does not verify: OpenSSL says ${code}, ${meaning}. Clients reject it.`, fix, { subject }),
    ];
}
/**
 * The leaf against days and percent of its lifetime; intermediates (not roots: a client's own
 * copy of a root is what counts) against days alone, as the certificate's own checks do.
 */
function expiryFindings(served, where, options) {
    const out = [];
    const leafWhat = `${where} serves ${(0,quote/* quote */.h)(served.subject)}, which`;
    out.push(...dateFindings(served, leafWhat, served.subject, options, true));
    for (const cert of served.certificates.slice(1)) {
        if (cert.selfSigned)
            continue;
        const what = `The intermediate ${(0,quote/* quote */.h)(cert.subject)} in the chain of ${where}`;
        out.push(...dateFindings(cert, what, cert.subject, options, false));
    }
    return out;
}
function dateFindings(cert, what, subject, options, leaf) {
    const { now } = options;
    const notBefore = new Date(cert.notBefore);
    const notAfter = new Date(cert.notAfter);
    const renew = leaf
        ? 'Renew the certificate and rotate it: the served one is what clients get.'
        : 'Serve the current intermediate from your CA (renewal tools include it in fullchain.pem).';
    if (now.getTime() > notAfter.getTime()) {
        const ago = (0,plural/* plural */.L)(-(0,inspect/* daysUntil */.AQ)(notAfter, now), 'day');
        return [
            (0,findings/* finding */.gk)('EXPIRED', 'error', `${what} expired on ${cert.notAfter} (${ago} ago).`, renew, { subject }),
        ];
    }
    if (now.getTime() < notBefore.getTime()) {
        return [
            (0,findings/* finding */.gk)('NOT_YET_VALID', 'error', `${what} is not valid until ${cert.notBefore}: clients reject it today.`, 'Serve a certificate that is valid now, or check the clock of the machine that issued it.', { subject }),
        ];
    }
    // Exact time, as expiry.ts compares: "within 7 days" must not catch 7 days and 23 hours.
    const remaining = notAfter.getTime() - now.getTime();
    const left = (0,lifetime/* lifetimeLeftPercent */.a)(notBefore, notAfter, now);
    const percent = leaf ? left : Number.POSITIVE_INFINITY;
    const failed = [
        ...(remaining <= options.failDays * DAY_MS
            ? [{ setting: 'fail-days', within: true, value: options.failDays }]
            : []),
        ...(percent < (options.failPercent ?? 0)
            ? [{ setting: 'fail-percent', within: false, value: options.failPercent }]
            : []),
    ];
    const warned = [
        ...(remaining <= options.warnDays * DAY_MS
            ? [{ setting: 'warn-days', within: true, value: options.warnDays }]
            : []),
        ...(percent < (options.warnPercent ?? 0)
            ? [{ setting: 'warn-percent', within: false, value: options.warnPercent }]
            : []),
    ];
    if (failed.length === 0 && warned.length === 0)
        return [];
    const when = `expires on ${cert.notAfter}, in ${(0,plural/* plural */.L)((0,inspect/* daysUntil */.AQ)(notAfter, now), 'day')}`;
    const share = leaf ? ` (${formatPercent(left)} of its ${assess_lifetime(notBefore, notAfter)} lifetime left)` : '';
    const reasons = (list) => list.map((t) => `${t.within ? 'within' : 'under'} ${t.setting} (${t.value})`).join(' and ');
    if (failed.length > 0) {
        return [
            (0,findings/* finding */.gk)('EXPIRES_SOON', 'error', `${what} ${when}${share}: ${reasons(failed)}.`, `${renew} To accept it anyway, lower ${failed.map((t) => t.setting).join(' and ')}.`, { subject }),
        ];
    }
    return [(0,findings/* finding */.gk)('EXPIRING', 'warning', `${what} ${when}${share}: ${reasons(warned)}.`, renew, { subject })];
}
/** Down to one decimal, so 9.99% never reads as "10.0% left: under fail-percent (10)". */
function formatPercent(percent) {
    return `${(Math.floor(percent * 10) / 10).toFixed(1)}%`;
}
/** A lifetime as a reader thinks of it: "6-day", "90-day", "36-hour". */
function assess_lifetime(notBefore, notAfter) {
    const ms = notAfter.getTime() - notBefore.getTime();
    return ms >= 2 * DAY_MS
        ? `${Math.round(ms / DAY_MS)}-day`
        : `${Math.max(0, Math.round(ms / 3_600_000))}-hour`;
}
/** Key and signature rules of the certificate's own checks, on the served leaf and intermediates. */
function strengthFindings(served, where, leaf) {
    const out = [];
    out.push(...(0,strength/* keyStrengthFindings */.rc)(served.key, 'leaf', leaf, served.subject));
    const [first, ...rest] = served.certificates;
    if (first)
        out.push(...(0,strength/* signatureStrengthFindings */.ar)(signatureOf(first), leaf, served.subject));
    for (const cert of rest) {
        // A root's own signature is never checked by clients; its key is the client's trust anchor.
        if (cert.selfSigned)
            continue;
        const what = `The intermediate ${(0,quote/* quote */.h)(cert.subject)} in the chain of ${where}`;
        out.push(...(0,strength/* keyStrengthFindings */.rc)(cert.key, 'intermediate', what, cert.subject));
        out.push(...(0,strength/* signatureStrengthFindings */.ar)(signatureOf(cert), what, cert.subject));
    }
    return out;
}
function signatureOf(cert) {
    return { name: cert.signature, weak: cert.weakSignature };
}
//# sourceMappingURL=assess.js.map
// EXTERNAL MODULE: ./build/verification/trusted-ca.js
var trusted_ca = __webpack_require__(4022);
// EXTERNAL MODULE: ./build/verification/targets.js
var verification_targets = __webpack_require__(5604);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(1692);
;// CONCATENATED MODULE: ./build/verification/certificate-message.js
/**
 * The certificates a TLS 1.2 server sent, in the order it sent them, read from the raw bytes of
 * the handshake (RFC 5246 §6.2.1 records, §7.4 handshake messages, §7.4.2 Certificate). Node
 * only shows the chain after OpenSSL has re-linked it by issuer and completed it from the trust
 * store; the order as sent is in these bytes alone. In TLS 1.3 the Certificate message is
 * encrypted, so a server that speaks only TLS 1.3 leaves the order unknown.
 *
 * Pure and strictly bounded: every length is the server's word and is checked against what is
 * there before it is used.
 */
/** What one probe reads of the server's side, at most: a real chain is a few KiB. */
const MAX_CAPTURE_BYTES = 64 * 1024;
/** Certificates read from one Certificate message, at most (a real chain is 2–4). */
const MAX_SENT_CERTIFICATES = 10;
/** A record's fragment is at most 2^14 bytes (plus expansion room, §6.2.3): longer is not TLS. */
const MAX_RECORD_FRAGMENT = 2 ** 14 + 2048;
const RECORD_CHANGE_CIPHER_SPEC = 20;
const RECORD_ALERT = 21;
const RECORD_HANDSHAKE = 22;
const HANDSHAKE_CERTIFICATE = 11;
const readUint24 = (bytes, at) => (bytes[at] << 16) | (bytes[at + 1] << 8) | bytes[at + 2];
/**
 * The handshake bytes of the plaintext records at the start of `received`: every handshake
 * record until the first ChangeCipherSpec (after it, the server's records are encrypted).
 */
function handshakeBytes(received) {
    const parts = [];
    let at = 0;
    while (at + 5 <= received.length) {
        const type = received[at];
        const length = (received[at + 3] << 8) | received[at + 4];
        if (type !== RECORD_HANDSHAKE && type !== RECORD_CHANGE_CIPHER_SPEC && type !== RECORD_ALERT) {
            return { bytes: Buffer.concat(parts), problem: `a record of unexpected type ${type}` };
        }
        if (length > MAX_RECORD_FRAGMENT) {
            return { bytes: Buffer.concat(parts), problem: `a record that claims ${length} bytes` };
        }
        if (type !== RECORD_HANDSHAKE)
            break;
        if (at + 5 + length > received.length)
            break; // cut short: what came before still counts
        parts.push(received.subarray(at + 5, at + 5 + length));
        at += 5 + length;
    }
    return { bytes: Buffer.concat(parts) };
}
/** The first Certificate handshake message in the server's plaintext records, split into DER certificates. */
function readCertificateMessage(received) {
    // Only the first MAX_CAPTURE_BYTES are read; what comes after a complete message does not matter.
    const { bytes, problem } = handshakeBytes(received.subarray(0, MAX_CAPTURE_BYTES));
    let at = 0;
    while (at + 4 <= bytes.length) {
        const type = bytes[at];
        const length = readUint24(bytes, at + 1);
        if (at + 4 + length > bytes.length)
            break;
        if (type === HANDSHAKE_CERTIFICATE)
            return certificates(bytes.subarray(at + 4, at + 4 + length));
        at += 4 + length;
    }
    if (received.length > MAX_CAPTURE_BYTES && problem === undefined) {
        return {
            found: false,
            reason: `the server sent more than ${MAX_CAPTURE_BYTES} bytes before its certificate`,
        };
    }
    return {
        found: false,
        reason: problem
            ? `the handshake did not read as TLS: ${problem}`
            : 'no Certificate message came before the encrypted part of the handshake',
    };
}
/** Certificate ::= certificate_list<0..2^24-1> of ASN.1Cert<1..2^24-1>, and nothing after it. */
function certificates(body) {
    if (body.length < 3 || readUint24(body, 0) !== body.length - 3) {
        return { found: false, reason: 'the Certificate message is malformed: its list length does not match' };
    }
    const ders = [];
    let at = 3;
    while (at < body.length) {
        if (ders.length === MAX_SENT_CERTIFICATES) {
            return { found: false, reason: `the server sent more than ${MAX_SENT_CERTIFICATES} certificates` };
        }
        if (at + 3 > body.length)
            return { found: false, reason: 'the Certificate message is malformed: a length is cut short' };
        const length = readUint24(body, at);
        if (length === 0 || at + 3 + length > body.length) {
            return {
                found: false,
                reason: 'the Certificate message is malformed: a certificate length does not match',
            };
        }
        ders.push(Buffer.from(body.subarray(at + 3, at + 3 + length)));
        at += 3 + length;
    }
    if (ders.length === 0)
        return { found: false, reason: 'the server sent an empty certificate list' };
    return { found: true, ders };
}
//# sourceMappingURL=certificate-message.js.map
;// CONCATENATED MODULE: ./build/verification/sent-chain.js
/**
 * The chain in the order the server sent it: a second, TLS 1.2-only handshake whose bytes from
 * the server are kept (at most MAX_CAPTURE_BYTES) and read by certificate-message.ts. The main
 * check (handshake.ts) cannot tell: Node re-links the chain by issuer and completes it from the
 * trust store before showing it. A server that speaks only TLS 1.3 encrypts its Certificate
 * message, and the order stays unknown; that is an answer, not a failure.
 */








/**
 * A duplex over the TCP socket that keeps a copy of what the server sends. tls.connect over a
 * plain net.Socket reads its handle directly, out of sight of 'data' listeners; over a JS stream
 * every byte passes through here.
 */
function tap(raw, captured) {
    let kept = 0;
    const duplex = new external_node_stream_.Duplex({
        read() { },
        write(chunk, _encoding, done) {
            raw.write(chunk, done);
        },
        final(done) {
            raw.end();
            done();
        },
        destroy(error, done) {
            raw.destroy();
            done(error);
        },
    });
    raw.on('data', (chunk) => {
        // One byte past the bound is kept, so the reader can tell "too much" from "just enough".
        if (kept <= MAX_CAPTURE_BYTES) {
            const part = chunk.subarray(0, MAX_CAPTURE_BYTES + 1 - kept);
            captured.push(part);
            kept += part.length;
        }
        duplex.push(chunk);
    });
    raw.on('end', () => duplex.push(null));
    raw.on('error', (error) => duplex.destroy(error));
    return duplex;
}
function describe(ders) {
    try {
        return {
            known: true,
            certificates: ders.map((der) => {
                const cert = new external_node_crypto_.X509Certificate(der);
                return {
                    subject: (0,inspect/* oneLineName */.S1)(cert.subject),
                    issuer: (0,inspect/* oneLineName */.S1)(cert.issuer),
                    sha256: (0,inspect/* fingerprint */.Rj)(cert, 'sha256'),
                };
            }),
        };
    }
    catch {
        return { known: false, reason: 'a certificate the server sent could not be read' };
    }
}
/** Why the order is unknown, most specific first: the version, what was read, how it failed. */
function unknownBecause(error, received, parsed) {
    const code = typeof error?.code === 'string' ? error.code : '';
    if (/PROTOCOL_VERSION|UNSUPPORTED_PROTOCOL/.test(code)) {
        return 'the server does not speak TLS 1.2, and in TLS 1.3 the certificate is encrypted';
    }
    if (received > 0 || error === undefined)
        return parsed;
    return `the TLS 1.2 handshake failed: ${(0,quote/* quote */.h)(error.message.slice(0, 200))}`;
}
function sentChain(target, options = {}) {
    const timeoutMs = options.timeoutMs ?? limits/* DEFAULT_HANDSHAKE_TIMEOUT_MS */.FK;
    const captured = [];
    return new Promise((resolve) => {
        let settled = false;
        // Connecting first: a write before connect() fails with "Socket is closed", not queued.
        const raw = new external_node_net_.Socket().connect(target.port, target.address);
        const finish = (error) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(timer);
            socket.destroy();
            raw.destroy();
            const received = Buffer.concat(captured);
            const message = readCertificateMessage(received);
            if (message.found)
                resolve(describe(message.ders));
            else
                resolve({ known: false, reason: unknownBecause(error, received.length, message.reason) });
        };
        const socket = external_node_tls_.connect({
            socket: tap(raw, captured),
            ...((0,external_node_net_.isIP)(target.host) ? {} : { servername: target.host }),
            rejectUnauthorized: false,
            checkServerIdentity: () => undefined,
            // TLS 1.2 at most: the only version whose Certificate message travels in the clear.
            maxVersion: 'TLSv1.2',
            minVersion: 'TLSv1',
            ciphers: `${external_node_tls_.DEFAULT_CIPHERS}:@SECLEVEL=0`,
        });
        const timer = setTimeout(() => finish(new Error(`no TLS 1.2 handshake within ${timeoutMs} ms`)), timeoutMs);
        socket.once('secureConnect', () => finish());
        socket.once('error', finish);
        socket.once('close', () => finish());
        raw.once('error', finish);
    });
}
//# sourceMappingURL=sent-chain.js.map
;// CONCATENATED MODULE: ./build/verification/sent-order.js
/**
 * The chain in the order the server sent it (sent-chain.ts), judged: each certificate should be
 * followed by the one that issued it (RFC 5246 §7.4.2 says must; RFC 8446 §4.4.2 says should).
 * A warning, not an error: OpenSSL and browsers re-link the chain themselves, but stricter
 * clients (older Java, embedded TLS stacks) take it as sent and fail. Pure.
 */



function sentOrderFindings(result, sent) {
    if (!sent.known)
        return [];
    const certs = sent.certificates;
    const misplaced = certs.findIndex((cert, i) => i + 1 < certs.length && cert.issuer !== certs[i + 1].subject);
    if (misplaced === -1)
        return [];
    const cert = certs[misplaced];
    const order = certs.map((c) => (0,quote/* quote */.h)(c.subject)).join(', ');
    return [
        (0,findings/* finding */.gk)('SERVED_CHAIN_ORDER', 'warning', `${endpointPhrase(result)} sends its chain out of order (${order}): ${(0,quote/* quote */.h)(cert.subject)} is followed by ${(0,quote/* quote */.h)(certs[misplaced + 1].subject)}, not by its issuer ${(0,quote/* quote */.h)(cert.issuer)}. Browsers re-order it; stricter clients fail.`, 'Serve the leaf first and then each issuer in turn (fullchain.pem as your CA or certbot writes it); leave out certificates that belong to no step of the chain.', { subject: certs[0]?.subject }),
    ];
}
//# sourceMappingURL=sent-order.js.map
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
    // The order as sent takes a second handshake (TLS 1.2 only, where the chain travels in the
    // clear: sent-chain.ts), made only with an address that served a certificate to the first.
    const readOrder = deps.sentChain ?? ((target) => sentChain(target, { timeoutMs: limits/* DEFAULT_HANDSHAKE_TIMEOUT_MS */.FK }));
    const checked = await (0,concurrency/* mapLimit */.$)(targets, deps.concurrency ?? limits/* DEFAULT_CONCURRENCY */.WH, async (target) => {
        const result = await check(target);
        const sent = result.served === undefined ? undefined : await readOrder(target);
        return { result, sent };
    });
    const thresholds = {
        now: deps.now,
        warnDays: settings.warnDays,
        failDays: settings.failDays,
        ...(settings.warnPercent === undefined ? {} : { warnPercent: settings.warnPercent }),
        ...(settings.failPercent === undefined ? {} : { failPercent: settings.failPercent }),
    };
    const require = verify.mode === 'require';
    const endpoints = checked.map(({ result, sent }) => {
        const label = labelOf.get((0,verification_endpoints/* formatEndpoint */.T0)(result));
        const row = (0,verdict/* rowOf */.OB)(undefined, result, '', new Map());
        const judged = [
            ...assessServed(result, thresholds),
            ...(sent === undefined ? [] : sentOrderFindings(result, sent)),
        ];
        const findings = judged.map((f) => 
        // Unreachable is a warning with verify: auto (the run passes over it), an error with require.
        row.unreachable && f.level === 'error' && !require ? { ...f, level: 'warning' } : f);
        const served = result.served;
        const entry = {
            ...row,
            // Check mode has no expected certificate: an address "matches" when it served one without an error.
            matches: result.served !== undefined && findings.every((f) => f.level !== 'error'),
            findings,
            ...(label === undefined ? {} : { label }),
        };
        if (sent !== undefined)
            entry.order = sent.known ? 'as sent' : `unknown: ${sent.reason}`;
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
 * checked to be a certificate, and a private key in it is refused without being quoted. A damaged
 * block is refused too: dropped, it would leave a CA the user meant to trust silently untrusted.
 */





/** A CA bundle of every public root is about 200 KiB; a private PKI's is a few certificates. */
const MAX_CA_BYTES = 1024 * 1024;
async function readTrustedCa(source, cwd, words) {
    const text = source.kind === 'value'
        ? source.text
        : (0,_load_certificates_js__WEBPACK_IMPORTED_MODULE_3__/* .fileText */ .CG)(await (0,_load_certificates_js__WEBPACK_IMPORTED_MODULE_3__/* .readPart */ .on)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(cwd, source.path), source.path, source.label, words, MAX_CA_BYTES));
    if (text === undefined || text.length > MAX_CA_BYTES) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`${source.label}: not PEM text of at most 1 MiB.`, FIX);
    }
    const scan = (0,_certs_pem_js__WEBPACK_IMPORTED_MODULE_4__/* .scanPem */ .oI)((0,_certs_pem_js__WEBPACK_IMPORTED_MODULE_4__/* .normaliseText */ .af)(text));
    if (scan.tooMany !== undefined) {
        // The scan reads none past its bound, so not even a key among them is looked for.
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`${source.label} holds more than ${_certs_pem_js__WEBPACK_IMPORTED_MODULE_4__/* .MAX_PEM_BLOCKS */ .DK} PEM blocks.`, `${FIX} The public roots are trusted already: give only the certificates of the private CA, not a whole trust store.`);
    }
    // A damaged key block is a key all the same.
    const labels = [...scan.blocks, ...scan.problems].flatMap((block) => 'endLabel' in block ? [block.label, block.endLabel] : [block.label]);
    if (labels.some((label) => label.includes('PRIVATE KEY'))) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`${source.label} holds a private key (not shown). It takes CA certificates only.`, `${FIX} Remove the key from it, and treat that key as exposed if the file was shared.`);
    }
    const damaged = scan.problems[0];
    if (damaged !== undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`${source.label}: the ${damaged.label} block on line ${damaged.line} is damaged (${DAMAGE[damaged.kind]}).`, `${FIX} Copy the file again without editing it, each block from its BEGIN line to its END line.`);
    }
    const certificates = scan.blocks.filter((block) => block.label === 'CERTIFICATE');
    if (certificates.length === 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`${source.label} holds no PEM CERTIFICATE block.`, FIX);
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
const DAMAGE = {
    truncated: 'no END line: it was cut short',
    mismatched: 'it ends with the END line of another label',
    'bad-base64': 'its content is not base64',
    'no-begin': 'an END line with no BEGIN line',
};
const FIX = 'Give the PEM certificates of the CA (root, and intermediates if needed) that signs the served chains, or the path of a file holding them.';
//# sourceMappingURL=trusted-ca.js.map

/***/ })

};

//# sourceMappingURL=471.index.js.map