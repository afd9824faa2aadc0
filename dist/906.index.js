export const id = 906;
export const ids = [906];
export const modules = {

/***/ 1906:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   openPkcs12: () => (/* binding */ openPkcs12)
/* harmony export */ });
/* harmony import */ var node_forge__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8542);
/**
 * PKCS#12 / PFX: the only place node-forge is used. Forge verifies the MAC and decrypts the
 * bags; Node crypto does everything after that. Forge turns RSA bags into its own objects and
 * falls back to raw ASN.1 for anything else (EC keys and certificates); this file makes every
 * bag take the raw path, so the certificate bytes Node sees are exactly the file's bytes (a
 * re-encoded certificate could change its fingerprint) and RSA and EC are handled alike.
 *
 * Key derivation is where a damaged or hostile file costs time (an iteration count of 2^31 runs
 * for minutes). Every derivation forge makes passes through hooks that charge it against a
 * budget BEFORE it runs: nothing in the file (chunked, encrypted or nested structures) can hide
 * work from that, as it could from a scan of the file. PBKDF2 goes to Node's native code.
 */

/**
 * Derivation work allowed per password tried, in estimated microseconds. Measured here: native
 * PBKDF2 about 0.2 µs an iteration, forge's PKCS#12 KDF about 1.5 µs; the weights below are
 * about twice that. OpenSSL's defaults (2048 iterations) cost about 15 ms, Java's (10,000) about
 * 70 ms, `openssl pkcs12 -iter 100000` about 0.5 s by this estimate (0.19 s measured).
 */
const WORK_BUDGET_US = 800_000;
const NATIVE_US_PER_ITERATION = 0.6;
const SCRIPT_US_PER_ITERATION = 3;
const MAX_SIZE = 1024 * 1024;
class WorkExceeded extends Error {
}
function openPkcs12(bytes, password) {
    if (bytes.length > MAX_SIZE) {
        return { ok: false, failure: 'invalid', detail: `${bytes.length} bytes is too large for a PKCS#12 file` };
    }
    let asn1;
    try {
        // Strict: a lenient parse reads a cut-short file as far as it goes and then blames the password.
        asn1 = node_forge__WEBPACK_IMPORTED_MODULE_0__.asn1.fromDer(node_forge__WEBPACK_IMPORTED_MODULE_0__.util.createBuffer(Buffer.from(bytes).toString('binary')), true);
    }
    catch (thrown) {
        const cut = thrown instanceof Error && /too few bytes/i.test(thrown.message);
        const detail = cut ? 'the data is cut short' : 'the data is not DER/BER-encoded ASN.1';
        return { ok: false, failure: 'invalid', detail };
    }
    // Without a password, try both spellings of "none" OpenSSL may have used: '' and absent.
    const attempts = password === undefined || password === '' ? [password ?? '', null] : [password];
    const hasMac = Array.isArray(asn1.value) && asn1.value.length > 2;
    let last = { ok: false, failure: 'invalid', detail: 'not read' };
    for (const attempt of attempts) {
        last = decode(asn1, attempt, hasMac);
        if (last.ok || last.failure !== 'password-wrong')
            return last;
    }
    if (password === undefined || password === '') {
        return { ok: false, failure: 'password-needed', detail: last.ok ? '' : last.detail };
    }
    return last;
}
function decode(asn1, password, hasMac) {
    return withForgeHooks(() => {
        try {
            // forge treats a null password as "no password" (empty BMPString), '' as the empty one.
            const p12 = node_forge__WEBPACK_IMPORTED_MODULE_0__.pkcs12.pkcs12FromAsn1(asn1, false, password);
            const certificates = [];
            const keys = [];
            for (const safe of p12.safeContents) {
                for (const bag of safe.safeBags) {
                    const raw = bag.asn1;
                    if (!raw)
                        continue;
                    const der = Buffer.from(node_forge__WEBPACK_IMPORTED_MODULE_0__.asn1.toDer(raw).getBytes(), 'binary');
                    if (bag.type === node_forge__WEBPACK_IMPORTED_MODULE_0__.pki.oids.certBag)
                        certificates.push(der);
                    else if (bag.type === node_forge__WEBPACK_IMPORTED_MODULE_0__.pki.oids.keyBag || bag.type === node_forge__WEBPACK_IMPORTED_MODULE_0__.pki.oids.pkcs8ShroudedKeyBag) {
                        keys.push(der);
                    }
                }
            }
            return { ok: true, certificates, keys };
        }
        catch (thrown) {
            return { ok: false, ...classify(thrown, hasMac) };
        }
    });
}
/**
 * Run `fn` with forge functions replaced, and put back after, whatever happens (it is one
 * synchronous call, so nothing else sees them):
 * - certificate and key parsing throw, so forge keeps every bag as raw ASN.1 (`bag.asn1`);
 * - PBKDF2 gets the digest by name, which is forge's own switch to Node's native implementation
 *   (given a digest object it runs its JavaScript one, 30 times slower);
 * - every key derivation (PBKDF2, and the PKCS#12 KDF of the MAC and of legacy bags) is charged
 *   against the work budget before it runs.
 */
function withForgeHooks(fn) {
    const { pki, pkcs5, pkcs12 } = node_forge__WEBPACK_IMPORTED_MODULE_0__;
    const pbe = pki.pbe;
    const p12 = pkcs12;
    const saved = {
        certificateFromAsn1: pki.certificateFromAsn1,
        privateKeyFromAsn1: pki.privateKeyFromAsn1,
        pbkdf2: pkcs5.pbkdf2,
        macKdf: p12.generateKey,
        bagKdf: pbe.generatePkcs12Key,
    };
    let spentUs = 0;
    const charge = (iterations, usPerIteration) => {
        const count = typeof iterations === 'number' && iterations >= 0 ? iterations : Number.POSITIVE_INFINITY;
        spentUs += count * usPerIteration;
        if (spentUs > WORK_BUDGET_US)
            throw new WorkExceeded(`a key derivation of ${count} iterations`);
    };
    const rawOnly = () => {
        throw new Error('raw ASN.1 wanted');
    };
    pki.certificateFromAsn1 = rawOnly;
    pki.privateKeyFromAsn1 = rawOnly;
    pkcs5.pbkdf2 = (p, s, c, dkLen, md) => {
        const native = nativeDigestName(md);
        charge(c, native ? NATIVE_US_PER_ITERATION : SCRIPT_US_PER_ITERATION);
        // Node's PBKDF2 wants bytes: "no password" is the empty string there.
        return saved.pbkdf2(p ?? '', s, c, dkLen, native ?? md);
    };
    p12.generateKey = (password, salt, id, iter, n, md) => {
        charge(iter, SCRIPT_US_PER_ITERATION);
        return saved.macKdf(password, salt, id, iter, n, md);
    };
    pbe.generatePkcs12Key = (password, salt, id, iter, n, md) => {
        charge(iter, SCRIPT_US_PER_ITERATION);
        return saved.bagKdf(password, salt, id, iter, n, md);
    };
    try {
        return fn();
    }
    finally {
        pki.certificateFromAsn1 = saved.certificateFromAsn1;
        pki.privateKeyFromAsn1 = saved.privateKeyFromAsn1;
        pkcs5.pbkdf2 = saved.pbkdf2;
        p12.generateKey = saved.macKdf;
        pbe.generatePkcs12Key = saved.bagKdf;
    }
}
const NATIVE_DIGESTS = {
    sha1: 'sha1',
    sha224: 'sha224',
    sha256: 'sha256',
    sha384: 'sha384',
    sha512: 'sha512',
    'sha512/224': 'sha512-224',
    'sha512/256': 'sha512-256',
};
function nativeDigestName(md) {
    if (typeof md !== 'object' || md === null || !('algorithm' in md))
        return undefined;
    const algorithm = md.algorithm;
    return typeof algorithm === 'string' ? NATIVE_DIGESTS[algorithm] : undefined;
}
/**
 * Forge's errors carry no codes; its messages are stable and name no secret. A bag that will
 * not decrypt means a wrong password only when no MAC vouched for the password first.
 */
function classify(thrown, hasMac) {
    if (thrown instanceof WorkExceeded) {
        return {
            failure: 'unsupported',
            detail: `it asks for ${thrown.message}, far more than PKCS#12 tools use`,
        };
    }
    const message = thrown instanceof Error ? thrown.message : String(thrown);
    if (/MAC could not be verified/i.test(message)) {
        return { failure: 'password-wrong', detail: 'the integrity check failed' };
    }
    if (/wrong password|Failed to decrypt/i.test(message)) {
        return hasMac
            ? {
                failure: 'invalid',
                detail: 'a part of it cannot be decrypted although its integrity check passed: the file is damaged',
            }
            : { failure: 'password-wrong', detail: 'the decryption failed' };
    }
    if (/unsupported|not supported/i.test(message)) {
        return { failure: 'unsupported', detail: message.slice(0, 200) };
    }
    return { failure: 'invalid', detail: message.slice(0, 200) };
}
//# sourceMappingURL=pkcs12.js.map

/***/ })

};

//# sourceMappingURL=906.index.js.map