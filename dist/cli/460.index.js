export const id = 460;
export const ids = [460];
export const modules = {

/***/ 7437:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  E4: () => (/* binding */ decodeSource),
  Hf: () => (/* binding */ keyBudget),
  NN: () => (/* binding */ mayHoldPkcs12)
});

// UNUSED EXPORTS: MAX_KEY_BLOCKS

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./build/certs/findings.js
var certs_findings = __webpack_require__(3716);
// EXTERNAL MODULE: ./build/certs/keys.js
var keys = __webpack_require__(8918);
// EXTERNAL MODULE: ./build/certs/pem.js
var pem = __webpack_require__(4954);
// EXTERNAL MODULE: ./build/plural.js
var plural = __webpack_require__(3412);
// EXTERNAL MODULE: ./build/certs/pkcs12-support.js
var pkcs12_support = __webpack_require__(3176);
// EXTERNAL MODULE: ./build/certs/der.js
var der = __webpack_require__(4151);
;// CONCATENATED MODULE: ./build/certs/pkcs7.js
/**
 * PKCS#7 / CMS certificate bundles (`.p7b`, `.p7c`): Windows' default certificate export and what
 * some CAs send. Only the certificates are wanted, so only the envelope is read here, by a walker
 * of its own: der.ts reads definite lengths only, and some exporters write the envelope in BER
 * with indefinite lengths. Each certificate's bytes go to Node unchanged. No node-forge: its PKCS#7 reader turns
 * certificates into its own RSA-only objects, and nothing here needs more than the envelope.
 *
 * ContentInfo ::= SEQUENCE { contentType OID signedData, content [0] EXPLICIT SignedData }
 * SignedData ::= SEQUENCE { version, digestAlgorithms SET, encapContentInfo SEQUENCE,
 *                           certificates [0] IMPLICIT SET OF Certificate OPTIONAL, crls [1] …, signerInfos SET }
 */

/** Larger than any chain export (a few kB each certificate); the same bound as PKCS#12 files. */
const MAX_PKCS7_BYTES = 1024 * 1024;
/** A served chain has two to five certificates; a whole certificate store is not a chain. */
const MAX_PKCS7_CERTIFICATES = 32;
/** Nesting read through indefinite lengths: the envelope needs four, certificates are definite. */
const MAX_DEPTH = 8;
const OID_SIGNED_DATA = '1.2.840.113549.1.7.2';
/**
 * Whether the bytes start like a PKCS#7 SignedData: a SEQUENCE whose first element is the
 * signedData OID. Cheap (two headers), and true for a file cut short too, so that it is reported
 * as a damaged bundle rather than as unknown data.
 */
function looksLikePkcs7(bytes) {
    if (bytes.length < 2 || bytes[0] !== 0x30)
        return false;
    const first = bytes[1];
    const oidAt = first <= 0x80 ? 2 : 2 + (first & 0x7f);
    const oid = pkcs7_element(bytes, oidAt, bytes.length, MAX_DEPTH);
    return oid?.tag === 0x06 && (0,der/* decodeOid */.FK)(bytes.subarray(oid.contentStart, oid.contentEnd)) === OID_SIGNED_DATA;
}
/** The certificates of a PKCS#7 SignedData, as the DER bytes it holds them in. */
function readPkcs7(bytes) {
    if (bytes.length > MAX_PKCS7_BYTES) {
        return { ok: false, detail: `${bytes.length} bytes, more than the ${MAX_PKCS7_BYTES} read` };
    }
    const top = pkcs7_element(bytes, 0, bytes.length, 0);
    const [oid, explicit] = top?.tag === 0x30 ? (children(bytes, top, 1) ?? []) : [];
    if (oid?.tag !== 0x06 || (0,der/* decodeOid */.FK)(bytes.subarray(oid.contentStart, oid.contentEnd)) !== OID_SIGNED_DATA) {
        return { ok: false, detail: 'it is not PKCS#7 signed data' };
    }
    if (explicit?.tag !== 0xa0)
        return { ok: false, detail: 'its content is missing or cut short' };
    const [signedData] = children(bytes, explicit, 2) ?? [];
    const fields = signedData?.tag === 0x30 ? children(bytes, signedData, 3) : undefined;
    if (fields?.[0]?.tag !== 0x02) {
        return { ok: false, detail: 'its signed data is damaged or cut short' };
    }
    const set = fields.slice(3).find((field) => field.tag === 0xa0);
    if (!set)
        return { ok: true, certificates: [], others: 0 };
    const members = children(bytes, set, 4);
    if (!members)
        return { ok: false, detail: 'its list of certificates is damaged or cut short' };
    // Only plain certificates; attribute certificates and other choices are counted, not read.
    const certificates = members.filter((m) => m.tag === 0x30);
    if (certificates.length > MAX_PKCS7_CERTIFICATES) {
        return {
            ok: false,
            detail: `it holds ${certificates.length} certificates, more than the ${MAX_PKCS7_CERTIFICATES} a chain can use`,
        };
    }
    return {
        ok: true,
        certificates: certificates.map((c) => Buffer.from(bytes.subarray(c.start, c.end))),
        others: members.length - certificates.length,
    };
}
/** The elements inside a constructed element; undefined when one cannot be read. */
function children(bytes, parent, depth) {
    const out = [];
    for (let at = parent.contentStart; at < parent.contentEnd;) {
        const child = pkcs7_element(bytes, at, parent.contentEnd, depth);
        if (!child)
            return undefined;
        out.push(child);
        at = child.end;
    }
    return out;
}
/**
 * One element's header at `at`, within `limit`. An indefinite length (constructed only) ends at
 * the end-of-contents octets after its last child, so its children are walked to find it, at
 * most MAX_DEPTH deep.
 */
function pkcs7_element(bytes, at, limit, depth) {
    if (at + 2 > limit || depth > MAX_DEPTH)
        return undefined;
    const tag = bytes[at];
    if ((tag & 0x1f) === 0x1f)
        return undefined; // high tag numbers: nothing in PKCS#7 uses them
    let length = bytes[at + 1];
    let contentStart = at + 2;
    if (length === 0x80) {
        if (!(tag & 0x20))
            return undefined;
        let end = contentStart;
        while (!(bytes[end] === 0 && bytes[end + 1] === 0)) {
            const child = pkcs7_element(bytes, end, limit, depth + 1);
            if (!child)
                return undefined;
            end = child.end;
        }
        if (end + 2 > limit)
            return undefined;
        return { tag, start: at, contentStart, contentEnd: end, end: end + 2 };
    }
    if (length & 0x80) {
        const octets = length & 0x7f;
        if (octets > 4 || contentStart + octets > limit)
            return undefined;
        length = 0;
        for (let i = 0; i < octets; i++)
            length = length * 256 + bytes[contentStart + i];
        contentStart += octets;
    }
    if (contentStart + length > limit)
        return undefined;
    return { tag, start: at, contentStart, contentEnd: contentStart + length, end: contentStart + length };
}
//# sourceMappingURL=pkcs7.js.map
// EXTERNAL MODULE: ./build/constants.js
var constants = __webpack_require__(2757);
// EXTERNAL MODULE: ./build/vocabulary.js
var vocabulary = __webpack_require__(6914);
;// CONCATENATED MODULE: ./build/certs/decode.js
/**
 * One input in, certificates and keys out. An input is whatever a user keeps in a secret or a
 * file: PEM (messy or clean, one block or many), base64 of PEM, base64 of DER, DER bytes, a
 * PKCS#7 bundle (PEM, DER or base64) or a PKCS#12 file (raw or base64). The role the user gave it (`certificate`, `private-key`, …) only
 * shapes the messages; everything found is pooled, so a bundle may hold anything in any order.
 */









/** Where a path to each part is given (`certificate-file`, `--cert`). */
const FILE_INPUTS = {
    certificate: constants/* Inputs */.G0.CertificateFile,
    bundle: constants/* Inputs */.G0.CertificateFile,
    chain: constants/* Inputs */.G0.CertificateChainFile,
    'private-key': constants/* Inputs */.G0.PrivateKeyFile,
    pkcs12: constants/* Inputs */.G0.Pkcs12File,
};
const CERT_LABELS = new Set(['CERTIFICATE', 'X509 CERTIFICATE', 'TRUSTED CERTIFICATE']);
const KEY_LABELS = new Set([
    'PRIVATE KEY',
    'RSA PRIVATE KEY',
    'EC PRIVATE KEY',
    'ENCRYPTED PRIVATE KEY',
    'DSA PRIVATE KEY',
]);
/** RFC 7468's PKCS7 and CMS, and the label older Netscape-era tools wrote. */
const PKCS7_LABELS = new Set(['PKCS7', 'CMS', 'PKCS #7 SIGNED DATA']);
const SILENT_LABELS = new Set(['EC PARAMETERS']);
/**
 * A bundle has one key (a second is EXTRA_PRIVATE_KEY), and each encrypted one may cost a key
 * derivation of up to its bound (keys.ts: about 0.2 s), so at most this many are read across all
 * of one certificate's inputs.
 */
const MAX_KEY_BLOCKS = 4;
function keyBudget() {
    return { left: MAX_KEY_BLOCKS };
}
function decodeSource(input, passwords, budget = keyBudget()) {
    const out = { certs: [], keys: [], findings: [] };
    const origin = { source: input.name };
    if (input.file !== undefined)
        origin.file = input.file;
    if (input.input !== undefined)
        origin.input = input.input;
    const bytes = typeof input.data === 'string' ? undefined : Buffer.from(input.data);
    const text = typeof input.data === 'string' ? input.data : (0,pem/* textOf */.b6)(bytes);
    if (text !== undefined && text.trim() === '') {
        out.findings.push((0,certs_findings/* finding */.gk)('EMPTY_INPUT', 'error', `The ${describe(input, passwords)} is empty.`, emptyFix(input, passwords), {
            origin,
        }));
        return out;
    }
    if (text !== undefined && (0,pem/* containsPemMarker */._C)((0,pem/* normaliseText */.af)(text))) {
        readPemText((0,pem/* normaliseText */.af)(text), origin, passwords, out, budget);
        return out;
    }
    const binary = bytes && text === undefined ? bytes : text !== undefined ? (0,pem/* decodeBase64 */.y4)(text) : undefined;
    if (binary) {
        const inner = (0,pem/* textOf */.b6)(binary);
        if (inner !== undefined && (0,pem/* containsPemMarker */._C)(inner)) {
            // base64 of a PEM file: line numbers point into the decoded text, so drop them from the
            // origins (annotations) and say so in the messages.
            const nested = { certs: [], keys: [], findings: [] };
            const decodedName = { ...origin, source: `${origin.source} (after base64 decoding)` };
            readPemText((0,pem/* normaliseText */.af)(inner), decodedName, passwords, nested, budget);
            for (const f of nested.findings)
                if (f.origin)
                    f.origin = origin;
            for (const c of nested.certs)
                out.certs.push({ ...c, origin });
            for (const k of nested.keys)
                out.keys.push({ ...k, origin });
            for (const f of nested.findings)
                out.findings.push(f);
            return out;
        }
        readBinary(binary, input, origin, passwords, out, budget);
        return out;
    }
    out.findings.push(notPem(input, origin, text ?? '', passwords));
    return out;
}
/**
 * Whether decoding this source may meet a PKCS#12 file: anything but text with PEM lines in it
 * or a binary PKCS#7 bundle (PKCS#12 is read from binary data and base64 only). Then PKCS#12
 * support must be loaded first.
 */
function mayHoldPkcs12(input) {
    const bytes = typeof input.data === 'string' ? undefined : Buffer.from(input.data);
    const text = bytes === undefined ? input.data : (0,pem/* textOf */.b6)(bytes);
    if (text === undefined)
        return !looksLikePkcs7(bytes);
    return !(0,pem/* containsPemMarker */._C)((0,pem/* normaliseText */.af)(text));
}
function describe(input, passwords) {
    return input.file === undefined ? wordsOf(passwords).value(input.name) : `file ${input.file}`;
}
function wordsOf(passwords) {
    return passwords.words ?? vocabulary/* ACTION_WORDS */.d;
}
function emptyFix(input, passwords) {
    return input.file === undefined
        ? wordsOf(passwords).missing
        : 'Check the path and that an earlier step wrote the file.';
}
function notPem(input, origin, text, passwords) {
    const trimmed = text.trim();
    const looksLikePath = !/\s/.test(trimmed) && /\.(pem|crt|cer|key|p12|pfx|der)$/i.test(trimmed);
    return (0,certs_findings/* finding */.gk)('NOT_PEM', 'error', looksLikePath
        ? `The ${describe(input, passwords)} looks like a file name, not certificate data.`
        : `The ${describe(input, passwords)} is neither PEM (no "-----BEGIN" line), nor base64, nor DER (${(0,plural/* plural */.L)(trimmed.length, 'character')}).`, looksLikePath
        ? `Pass the path ${wordsOf(passwords).via(FILE_INPUTS[input.role])} instead, or put the file's contents here.`
        : 'Store the whole PEM file including its "-----BEGIN …-----" and "-----END …-----" lines, or base64 of the file (`base64 -w0 file`).', { origin });
}
function readPemText(text, origin, passwords, out, budget) {
    const scan = (0,pem/* scanPem */.oI)(text);
    if (scan.tooMany !== undefined) {
        out.findings.push((0,certs_findings/* finding */.gk)('BAD_CERTIFICATE', 'error', `The text of ${origin.source} holds ${scan.tooMany} PEM BEGIN or END lines; at most ${pem/* MAX_PEM_BLOCKS */.DK} are read (a certificate with its chain and key is a handful), so none was.`, 'Give the leaf certificate, its intermediates and its key only; a trust store or a whole collection of certificates is not a chain.', { origin }));
        return;
    }
    for (const problem of scan.problems) {
        const at = { ...origin, line: problem.line };
        if (problem.kind === 'truncated') {
            out.findings.push((0,certs_findings/* finding */.gk)('PEM_TRUNCATED', 'error', `The "${problem.label}" block starting on line ${problem.line} of ${origin.source} has no END line: the value was cut short.`, 'Copy the whole file, through its "-----END …-----" line.', { origin: at }));
        }
        else if (problem.kind === 'mismatched') {
            out.findings.push((0,certs_findings/* finding */.gk)('PEM_TRUNCATED', 'error', `The "${problem.label}" block starting on line ${problem.line} of ${origin.source} ends with "END ${problem.endLabel}": two blocks were spliced together.`, 'Store each block whole, from its BEGIN line to the END line with the same label.', { origin: at }));
        }
        else if (problem.kind === 'no-begin') {
            const isKey = KEY_LABELS.has(problem.label);
            const needed = isKey || CERT_LABELS.has(problem.label) || PKCS7_LABELS.has(problem.label);
            out.findings.push((0,certs_findings/* finding */.gk)(isKey ? 'BAD_PRIVATE_KEY' : needed ? 'BAD_CERTIFICATE' : 'UNSUPPORTED_PEM_BLOCK', needed ? 'error' : 'warning', `The "${problem.label}" block ending on line ${problem.line} of ${origin.source} has no readable BEGIN line (it must read exactly "-----BEGIN ${problem.label}-----")${needed ? '' : '; it is ignored'}.`, 'Copy the file again without editing it, including its first line.', { origin: at }));
        }
        else {
            const isKey = KEY_LABELS.has(problem.label);
            out.findings.push((0,certs_findings/* finding */.gk)(isKey ? 'BAD_PRIVATE_KEY' : 'BAD_CERTIFICATE', 'error', `The "${problem.label}" block starting on line ${problem.line} of ${origin.source} has damaged base64 between its BEGIN and END lines.`, 'Copy the file again without editing it; line breaks and indentation are fine, other characters are not.', { origin: at }));
        }
    }
    // Each encrypted key may cost up to its key-derivation bound (keys.ts): only a few are decrypted.
    const keyBlocks = scan.blocks.filter((block) => KEY_LABELS.has(block.label)).length;
    const readKeys = keyBlocks <= budget.left;
    if (readKeys)
        budget.left -= keyBlocks;
    else
        out.findings.push(tooManyKeys(`The text of ${origin.source} holds ${(0,plural/* plural */.L)(keyBlocks, 'private key')}`, origin));
    for (const block of scan.blocks) {
        if (!readKeys && KEY_LABELS.has(block.label))
            continue;
        readBlock(block, { ...origin, line: block.line }, passwords, out);
    }
    if (scan.blocks.length === 0 && scan.problems.length === 0) {
        out.findings.push((0,certs_findings/* finding */.gk)('NOT_PEM', 'error', `The text of ${origin.source} has a "-----BEGIN" line, but no PEM block in it could be read.`, 'Store the whole PEM file unedited: "-----BEGIN LABEL-----" and "-----END LABEL-----" lines with the upper-case label and five dashes each side.', { origin }));
    }
}
function tooManyKeys(what, origin) {
    return (0,certs_findings/* finding */.gk)('BAD_PRIVATE_KEY', 'error', `${what}; at most ${MAX_KEY_BLOCKS} are read in one certificate's inputs, so these were not.`, 'Give the one private key that belongs to the certificate.', { origin });
}
function readBlock(block, origin, passwords, out) {
    const where = `The "${block.label}" block on line ${block.line} of ${origin.source}`;
    // Windows (certutil -encode, AD CS "Base 64" chain downloads) labels a PKCS#7 bundle CERTIFICATE.
    if (PKCS7_LABELS.has(block.label) || (CERT_LABELS.has(block.label) && looksLikePkcs7(block.der))) {
        readPkcs7Bundle(block.der, where, origin, out);
        return;
    }
    if (CERT_LABELS.has(block.label)) {
        const cert = parseCertificate(block.der);
        if (cert)
            out.certs.push({ cert, origin });
        else
            out.findings.push((0,certs_findings/* finding */.gk)('BAD_CERTIFICATE', 'error', `${where} is not a valid X.509 certificate (the data between its BEGIN and END lines is damaged).`, 'Download the certificate again from your CA or renewal tool and store it unedited.', { origin }));
        return;
    }
    if (KEY_LABELS.has(block.label)) {
        const encrypted = block.label === 'ENCRYPTED PRIVATE KEY' || block.encryptionHeaders !== undefined;
        const parsed = (0,keys/* parsePrivateKey */.QW)({
            data: (0,pem/* toPem */.sg)(block.label, block.der, block),
            encrypted,
            passphrase: encrypted ? passwords.keyPassphrase : undefined,
            origin,
            what: `The private key on line ${block.line} of ${origin.source}`,
            words: wordsOf(passwords),
        });
        if (parsed.ok)
            out.keys.push({ key: parsed.key, origin });
        else
            out.findings.push(parsed.finding);
        return;
    }
    if (SILENT_LABELS.has(block.label))
        return;
    out.findings.push(otherBlock(block, where, origin));
}
function otherBlock(block, where, origin) {
    const label = block.label;
    if (label.includes('CERTIFICATE REQUEST')) {
        return (0,certs_findings/* finding */.gk)('NOT_CERTIFICATE', 'error', `${where} is a certificate signing request (CSR), not a certificate.`, 'Use the certificate your CA issued for this request, not the request itself.', { origin });
    }
    if (label === 'OPENSSH PRIVATE KEY') {
        return (0,certs_findings/* finding */.gk)('BAD_PRIVATE_KEY', 'error', `${where} is an OpenSSH key, not a TLS private key.`, 'Use the private key that belongs to the certificate (usually privkey.pem or *.key).', { origin });
    }
    const isPublic = label.includes('PUBLIC KEY');
    return (0,certs_findings/* finding */.gk)('UNSUPPORTED_PEM_BLOCK', 'warning', isPublic
        ? `${where} is a public key; it is ignored (the private key is needed).`
        : `${where} is not a certificate or a private key; it is ignored.`, 'Remove it, or leave it: it is not uploaded.', { origin });
}
/**
 * A certificate the rest of the engine can use. Node decodes the public key and the dates only
 * when they are read: a damaged key throws then, and a damaged date prints as "Bad time value"
 * while its Date object holds garbage (or is invalid).
 */
function parseCertificate(der) {
    try {
        const cert = new external_node_crypto_.X509Certificate(der);
        cert.publicKey;
        const dates = [
            [cert.validFrom, cert.validFromDate],
            [cert.validTo, cert.validToDate],
        ];
        if (dates.some(([text, date]) => text === 'Bad time value' || Number.isNaN(date.getTime())))
            return undefined;
        return cert;
    }
    catch {
        return undefined;
    }
}
/** PKCS#7 bundle, DER certificate, DER private key, or PKCS#12: try them in that order. */
function readBinary(bytes, input, origin, passwords, out, budget) {
    if (looksLikePkcs7(bytes)) {
        readPkcs7Bundle(bytes, `The ${describe(input, passwords)}`, origin, out);
        return;
    }
    if (input.role !== 'pkcs12') {
        const cert = parseCertificate(bytes);
        if (cert) {
            out.certs.push({ cert, origin });
            return;
        }
        const tryKey = (derType, encrypted = false) => (0,keys/* parsePrivateKey */.QW)({
            data: bytes,
            derType,
            encrypted,
            passphrase: encrypted ? passwords.keyPassphrase : undefined,
            origin,
            what: `The ${describe(input, passwords)}`,
            words: wordsOf(passwords),
        });
        for (const derType of ['pkcs8', 'pkcs1', 'sec1']) {
            const parsed = tryKey(derType);
            if (parsed.ok) {
                out.keys.push({ key: parsed.key, origin });
                return;
            }
        }
        // An encrypted DER key: say the passphrase is missing or wrong, not "unknown binary data".
        if ((0,keys/* isEncryptedPkcs8 */.IV)(bytes)) {
            if (budget.left <= 0) {
                out.findings.push(tooManyKeys(`The ${describe(input, passwords)} is one more private key`, origin));
                return;
            }
            budget.left--;
            const parsed = tryKey('pkcs8', true);
            if (parsed.ok)
                out.keys.push({ key: parsed.key, origin });
            else
                out.findings.push(parsed.finding);
            return;
        }
        if (passwords.keyPassphrase !== undefined) {
            const parsed = tryKey('pkcs8', true);
            if (parsed.ok) {
                out.keys.push({ key: parsed.key, origin });
                return;
            }
        }
    }
    readPkcs12(bytes, input, origin, passwords, out);
}
/** The certificates of a PKCS#7 bundle; `where` names it for messages ("The file certs/chain.p7b"). */
function readPkcs7Bundle(der, where, origin, out) {
    const result = readPkcs7(der);
    if (!result.ok) {
        out.findings.push((0,certs_findings/* finding */.gk)('BAD_CERTIFICATE', 'error', `${where} is a PKCS#7 bundle that cannot be read: ${result.detail}.`, 'Export the chain again (Windows: "PKCS #7 Certificates (.P7B)" with "Include all certificates in the certification path"), or give the PEM files instead (`openssl pkcs7 -print_certs -in bundle.p7b -out chain.pem`).', { origin }));
        return;
    }
    if (result.certificates.length === 0) {
        out.findings.push((0,certs_findings/* finding */.gk)('NOT_CERTIFICATE', 'error', `${where} is a PKCS#7 bundle with no certificate in it.`, 'Export the certificate as PKCS#7 with "Include all certificates in the certification path" checked, or give the PEM certificate file.', { origin }));
        return;
    }
    result.certificates.forEach((bytes, i) => {
        const cert = parseCertificate(bytes);
        if (cert)
            out.certs.push({ cert, origin, fromPkcs7: true });
        else
            out.findings.push((0,certs_findings/* finding */.gk)('BAD_CERTIFICATE', 'error', `${where} is a PKCS#7 bundle whose certificate ${i + 1} (of ${result.certificates.length}) is not a valid X.509 certificate.`, 'Export the chain again from where it came from, or give the PEM files instead.', { origin }));
    });
}
function readPkcs12(bytes, input, origin, passwords, out) {
    const result = (0,pkcs12_support/* pkcs12Opener */.S)()(bytes, passwords.pkcs12Password);
    if (result.ok) {
        for (const der of result.certificates) {
            const cert = parseCertificate(der);
            if (cert)
                out.certs.push({ cert, origin });
        }
        for (const der of result.keys) {
            const parsed = (0,keys/* parsePrivateKey */.QW)({
                data: der,
                derType: 'pkcs8',
                encrypted: false,
                passphrase: undefined,
                origin,
                what: `The private key inside the PKCS#12 ${describe(input, passwords)}`,
                words: wordsOf(passwords),
            });
            if (parsed.ok)
                out.keys.push({ key: parsed.key, origin });
            else
                out.findings.push(parsed.finding);
        }
        return;
    }
    const subject = `The ${describe(input, passwords)}`;
    const words = wordsOf(passwords);
    const findings = {
        'password-needed': (0,certs_findings/* finding */.gk)('PKCS12_PASSWORD_NEEDED', 'error', `${subject} is a password-protected PKCS#12 file and no password was given.`, `Pass its password ${words.via(constants/* Inputs */.G0.Pkcs12Password)}.`, { origin }),
        'password-wrong': (0,certs_findings/* finding */.gk)('PKCS12_PASSWORD_WRONG', 'error', `${subject} is a PKCS#12 file, but the given password is wrong (its integrity check failed).`, `Check the password given ${words.via(constants/* Inputs */.G0.Pkcs12Password)} (no trailing newline or spaces); \`openssl pkcs12 -in file.p12 -noout\` tests it.`, { origin }),
        unsupported: (0,certs_findings/* finding */.gk)('PKCS12_UNSUPPORTED', 'error', `${subject} is a PKCS#12 file that cannot be opened: ${result.detail}.`, 'Re-export it with OpenSSL 3 defaults: `openssl pkcs12 -in old.p12 -nodes | openssl pkcs12 -export -out new.p12`.', { origin }),
        invalid: input.role === 'pkcs12'
            ? (0,certs_findings/* finding */.gk)('PKCS12_INVALID', 'error', `${subject} is not a PKCS#12 file (${result.detail}).`, `Store the .p12/.pfx file as base64 (\`base64 -w0 cert.p12\`), or pass the PEM certificate ${words.via(constants/* Inputs */.G0.Certificate)} and the key ${words.via(constants/* Inputs */.G0.PrivateKey)}.`, { origin })
            : input.role === 'private-key'
                ? (0,certs_findings/* finding */.gk)('BAD_PRIVATE_KEY', 'error', `${subject} holds ${(0,plural/* plural */.L)(bytes.length, 'byte')} of binary data that are not a readable private key (DER PKCS#8, PKCS#1 or SEC1) nor a PKCS#12 file: the data is damaged or cut short.`, 'Re-export the key from its source, e.g. `openssl pkey -in key.pem -out key-clean.pem`, and store the whole PEM file (or base64 of it).', { origin })
                : (0,certs_findings/* finding */.gk)('NOT_CERTIFICATE', 'error', `${subject} holds ${(0,plural/* plural */.L)(bytes.length, 'byte')} of binary data that are neither a DER certificate, a DER private key nor a PKCS#12 file.`, 'Store the PEM file itself, or base64 of a DER certificate/key or of a .p12 file.', { origin }),
    };
    out.findings.push(findings[result.failure]);
}
//# sourceMappingURL=decode.js.map

/***/ }),

/***/ 4151:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FB: () => (/* binding */ contentHex),
/* harmony export */   FK: () => (/* binding */ decodeOid),
/* harmony export */   nx: () => (/* binding */ inside),
/* harmony export */   zN: () => (/* binding */ derElements)
/* harmony export */ });
/**
 * Just enough DER to look at structure before handing bytes to Node or forge: element headers
 * and OIDs. It never decodes values it does not need, and stops at anything it cannot read
 * (indefinite lengths, lengths past the end), so hostile input costs nothing.
 */
/** The elements in `der` between `start` and `end`, as far as their headers can be read. */
function derElements(der, start = 0, end = der.length) {
    const out = [];
    let at = start;
    while (at + 2 <= end) {
        let length = der[at + 1];
        let contentStart = at + 2;
        if (length & 0x80) {
            const octets = length & 0x7f;
            if (octets === 0 || octets > 4 || contentStart + octets > end)
                break;
            length = 0;
            for (let i = 0; i < octets; i++)
                length = length * 256 + der[contentStart + i];
            contentStart += octets;
        }
        if (contentStart + length > end)
            break;
        out.push({ tag: der[at], contentStart, end: contentStart + length });
        at = contentStart + length;
    }
    return out;
}
/** The elements inside a SEQUENCE; [] for anything else. */
function inside(der, element) {
    return element && element.tag === 0x30 ? derElements(der, element.contentStart, element.end) : [];
}
function contentHex(der, element) {
    return Buffer.from(der.subarray(element.contentStart, element.end)).toString('hex');
}
/** Dotted form of an OBJECT IDENTIFIER's content; undefined when empty or cut short. */
function decodeOid(bytes) {
    // Empty, or the last arc is cut off (its final byte still has the continuation bit).
    if (bytes.length === 0 || bytes[bytes.length - 1] & 0x80)
        return undefined;
    const parts = [];
    let value = 0;
    for (const byte of bytes) {
        value = value * 128 + (byte & 0x7f);
        if (!(byte & 0x80)) {
            parts.push(value);
            value = 0;
        }
    }
    const first = parts.shift();
    if (first === undefined)
        return undefined;
    const head = first < 40 ? [0, first] : first < 80 ? [1, first - 40] : [2, first - 80];
    return [...head, ...parts].join('.');
}
//# sourceMappingURL=der.js.map

/***/ }),

/***/ 3716:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cs: () => (/* binding */ hasErrors),
/* harmony export */   Rg: () => (/* binding */ sourcePhrase),
/* harmony export */   gk: () => (/* binding */ finding)
/* harmony export */ });
/* unused harmony exports FINDING_CODES, describeOrigin */
/**
 * Findings: everything the certificate engine has to say about a bundle. Each has a stable code
 * (the summary, annotations and exit code are derived from codes, never from message text), a
 * level, a message saying what is wrong, and a fix saying what to do about it.
 *
 * Messages and fixes only ever quote public facts (subjects, dates, fingerprints, input names,
 * line numbers). They never quote the input text itself: a malformed private key must not leak
 * into a log through its own error message.
 */
const FINDING_CODES = (/* unused pure expression or super */ null && ([
    // reading
    'EMPTY_INPUT',
    'NOT_PEM',
    'PEM_TRUNCATED',
    'NOT_CERTIFICATE',
    'BAD_CERTIFICATE',
    'UNSUPPORTED_PEM_BLOCK',
    'NO_CERTIFICATE',
    'NO_PRIVATE_KEY',
    'BAD_PRIVATE_KEY',
    'KEY_PASSPHRASE_NEEDED',
    'KEY_PASSPHRASE_WRONG',
    'PKCS12_INVALID',
    'PKCS12_PASSWORD_NEEDED',
    'PKCS12_PASSWORD_WRONG',
    'PKCS12_UNSUPPORTED',
    // the key and the leaf
    'KEY_MISMATCH',
    'EXTRA_PRIVATE_KEY',
    'AMBIGUOUS_LEAF',
    'LEAF_IS_CA',
    // dates
    'EXPIRED',
    'NOT_YET_VALID',
    'EXPIRES_SOON',
    'EXPIRING',
    // the chain
    'CHAIN_ORDER',
    'CHAIN_REPAIRED',
    'CHAIN_INCOMPLETE',
    'CHAIN_MISSING',
    'CHAIN_WRONG_ISSUER',
    'UNRELATED_CERTIFICATE',
    'DUPLICATE_CERTIFICATE',
    'ROOT_INCLUDED',
    'SELF_SIGNED',
    // names
    'HOSTNAME_NOT_COVERED',
    'NO_SAN',
    // strength
    'WEAK_KEY',
    'WEAK_SIGNATURE',
    'UNUSUAL_KEY',
    // the provider (rotation/key-reuse.ts): added once the plan is made
    'KEY_REUSED',
    // what one endpoint serves (verification/assess.ts); dates and strength reuse the codes above
    'SERVED_UNREACHABLE',
    'SERVED_NAME_MISMATCH',
    'SERVED_CHAIN_INCOMPLETE',
    'SERVED_UNTRUSTED',
    'SERVED_CHAIN_ORDER',
    'SERVED_OLD_TLS',
]));
function finding(code, level, message, fix, extra = {}) {
    const f = { code, level, message, fix };
    if (extra.subject !== undefined)
        f.subject = extra.subject;
    if (extra.origin !== undefined)
        f.origin = extra.origin;
    return f;
}
function hasErrors(findings) {
    return findings.some((f) => f.level === 'error');
}
/**
 * A source as a sentence names it: `private-key-file keys/site.key`, `the certificate input`,
 * `file certs/site.pem` (a file whose input is not known).
 */
function sourcePhrase(origin) {
    if (origin.input !== undefined)
        return `${origin.input} ${origin.source}`;
    return origin.file === undefined ? `the ${origin.source} input` : `file ${origin.source}`;
}
function describeOrigin(origin) {
    if (!origin)
        return '';
    return origin.line === undefined ? ` (${origin.source})` : ` (${origin.source}, line ${origin.line})`;
}
//# sourceMappingURL=findings.js.map

/***/ }),

/***/ 6846:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ covers),
/* harmony export */   q: () => (/* binding */ normaliseHostname)
/* harmony export */ });
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7030);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3136);
/**
 * Does a certificate cover a name? RFC 6125 as browsers apply it: only subjectAltName entries
 * count (never the subject CN once any SAN exists, and modern clients ignore CN altogether), a
 * wildcard is a whole left-most label that matches exactly one label, and IP addresses match
 * only IP entries.
 */


/** Lowercase, no trailing dot, internationalised names in their ASCII (punycode) form. */
function normaliseHostname(name) {
    const trimmed = name.trim().replace(/\.$/, '').toLowerCase();
    if (trimmed.startsWith('*.')) {
        const rest = (0,node_url__WEBPACK_IMPORTED_MODULE_1__.domainToASCII)(trimmed.slice(2));
        return rest ? `*.${rest}` : trimmed;
    }
    return (0,node_url__WEBPACK_IMPORTED_MODULE_1__.domainToASCII)(trimmed) || trimmed;
}
function dnsEntryMatches(entry, wanted) {
    const pattern = normaliseHostname(entry);
    if (pattern === wanted)
        return true;
    // A wanted wildcard is covered only by the same wildcard (handled above), never by names.
    if (wanted.startsWith('*.') || !pattern.startsWith('*.'))
        return false;
    const suffix = pattern.slice(1); // ".example.com"
    if (!wanted.endsWith(suffix))
        return false;
    const label = wanted.slice(0, -suffix.length);
    // Exactly one label; and a wildcard never stands for a label of a public-suffix-like 2-label name.
    return label.length > 0 && !label.includes('.') && suffix.split('.').length > 2;
}
function covers(names, hostname) {
    const wanted = normaliseHostname(hostname);
    if ((0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(wanted))
        return names.ip.some((ip) => sameIp(ip, wanted));
    return names.dns.some((entry) => dnsEntryMatches(entry, wanted));
}
function sameIp(a, b) {
    return canonicalIp(a) === canonicalIp(b);
}
/**
 * One spelling per address. IPv6 as WHATWG URL serialises it (RFC 5952: lowercase, zeros
 * compressed, and a dotted IPv4 tail such as ::ffff:192.0.2.7 in hex, as Node prints SANs).
 */
function canonicalIp(ip) {
    if ((0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(ip) !== 6)
        return ip.toLowerCase();
    try {
        return new URL(`http://[${ip}]/`).hostname;
    }
    catch {
        return ip.toLowerCase(); // e.g. a zone id (fe80::1%eth0), which no certificate holds
    }
}
//# sourceMappingURL=hostnames.js.map

/***/ }),

/***/ 9620:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AQ: () => (/* binding */ daysUntil),
/* harmony export */   Nl: () => (/* binding */ isSelfSigned),
/* harmony export */   Rj: () => (/* binding */ fingerprint),
/* harmony export */   S1: () => (/* binding */ oneLineName),
/* harmony export */   _H: () => (/* binding */ leafOfPem),
/* harmony export */   _X: () => (/* binding */ subjectAltNames),
/* harmony export */   bH: () => (/* binding */ caIssuersUrls),
/* harmony export */   ow: () => (/* binding */ inspectCertificate),
/* harmony export */   q: () => (/* binding */ sameName),
/* harmony export */   s1: () => (/* binding */ verifies)
/* harmony export */ });
/* unused harmony exports commonName, publicKeySha256 */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var _keys_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8918);
/* harmony import */ var _pem_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4954);
/* harmony import */ var _signature_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5566);
/**
 * Public facts about one certificate, in the forms the rest of the action reports and compares:
 * fingerprints as lowercase hex without colons (what DigitalOcean's `sha1_fingerprint` holds),
 * dates as ISO strings, names split out of Node's `subjectAltName` text.
 */




const DAY_MS = 86_400_000;
function fingerprint(cert, algorithm) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)(algorithm).update(cert.raw).digest('hex');
}
/**
 * Node prints distinguished names one attribute a line; reports want one line. A name can be
 * empty (RFC 5280 allows a subject-less certificate that names itself only in its SAN), and Node
 * then gives `undefined` despite its types.
 */
function oneLineName(name) {
    const line = (name ?? '').split('\n').filter(Boolean).join(', ');
    return line === '' ? '(empty name)' : line;
}
function commonName(name) {
    for (const part of (name ?? '').split('\n')) {
        if (part.startsWith('CN='))
            return part.slice(3);
    }
    return undefined;
}
/**
 * SHA-256 of the certificate's public key (its SubjectPublicKeyInfo, DER), lowercase hex: equal
 * for two certificates exactly when they certify the same key pair. Only ever the public half.
 */
function publicKeySha256(cert) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256')
        .update(cert.publicKey.export({ type: 'spki', format: 'der' }))
        .digest('hex');
}
/**
 * Self-signed: the certificate names itself as issuer and its own key verifies it. Not
 * checkIssued alone: that also wants keyCertSign, which a self-signed server certificate's
 * keyUsage (digitalSignature, keyEncipherment) usually lacks.
 */
function isSelfSigned(cert) {
    // Plain equality: an empty subject and issuer (both undefined) is how a nameless certificate
    // names itself; the signature check decides.
    return (cert.subject === cert.issuer || cert.checkIssued(cert)) && verifies(cert, cert);
}
/** Equal and present: two different certificates with empty names say nothing about who issued whom. */
function sameName(a, b) {
    return a !== undefined && a !== '' && a === b;
}
/** Whether `issuer`'s key signed `cert` (never throws: mismatched key types just fail). */
function verifies(cert, issuer) {
    try {
        return cert.verify(issuer.publicKey);
    }
    catch {
        return false;
    }
}
function daysUntil(date, now) {
    return Math.floor((date.getTime() - now.getTime()) / DAY_MS);
}
function inspectCertificate(cert, now) {
    const names = subjectAltNames(cert.subjectAltName);
    const facts = {
        subject: oneLineName(cert.subject),
        issuer: oneLineName(cert.issuer),
        serial: cert.serialNumber.toLowerCase(),
        notBefore: cert.validFromDate.toISOString(),
        notAfter: cert.validToDate.toISOString(),
        daysRemaining: daysUntil(cert.validToDate, now),
        dnsNames: names.dns,
        ipAddresses: names.ip,
        key: (0,_keys_js__WEBPACK_IMPORTED_MODULE_1__/* .describeKey */ .Rx)(cert.publicKey),
        signatureAlgorithm: (0,_signature_js__WEBPACK_IMPORTED_MODULE_2__/* .signatureAlgorithm */ .w)(cert).name,
        isCA: cert.ca,
        selfSigned: isSelfSigned(cert),
        sha1: fingerprint(cert, 'sha1'),
        sha256: fingerprint(cert, 'sha256'),
    };
    const cn = commonName(cert.subject);
    if (cn !== undefined)
        facts.commonName = cn;
    const issuerCn = commonName(cert.issuer);
    if (issuerCn !== undefined)
        facts.issuerCommonName = issuerCn;
    return facts;
}
/**
 * Split Node's `subjectAltName` string (`DNS:a, DNS:"b,c", IP Address:1.2.3.4`). Node quotes a
 * value as a JSON string when it holds a comma or other unusual characters. Decoded, it is the
 * true value (a line break or an escape character included): what is compared is what the
 * certificate holds, and every presentation escapes it (report/escape.ts).
 */
function subjectAltNames(text) {
    const out = { dns: [], ip: [], other: [] };
    if (!text)
        return out;
    const entry = /\s*([A-Za-z ]+):("(?:[^"\\]|\\.)*"|[^,]*)(?:,|$)/gy;
    for (let m = entry.exec(text); m && m[0] !== ''; m = entry.exec(text)) {
        const kind = m[1];
        let value = m[2];
        if (value.startsWith('"')) {
            try {
                value = JSON.parse(value);
            }
            catch {
                // keep the quoted text as it is
            }
        }
        if (kind === 'DNS')
            out.dns.push(value);
        else if (kind === 'IP Address')
            out.ip.push(value);
        else
            out.other.push(`${kind}:${value}`);
    }
    return out;
}
/**
 * The "CA Issuers" URLs of a certificate's Authority Information Access: where its issuer's
 * certificate is published. Public CAs always write one; private CAs usually do not. Node prints
 * `CA Issuers - URI:http://…` one a line, as a JSON string when the value holds unusual characters.
 * Only read, never fetched.
 */
function caIssuersUrls(cert) {
    const out = [];
    for (const m of (cert.infoAccess ?? '').matchAll(/^CA Issuers - URI:(.*)$/gm)) {
        let value = m[1];
        if (value.startsWith('"')) {
            try {
                value = JSON.parse(value);
            }
            catch {
                // keep the quoted text as it is
            }
        }
        if (value !== '')
            out.push(value);
    }
    return out;
}
/**
 * Facts of the first certificate in PEM text a provider stored (Dokploy keeps `certificateData`
 * and no fingerprint): what the rotation compares with. Undefined when there is no readable
 * certificate in it.
 */
function leafOfPem(text) {
    const block = (0,_pem_js__WEBPACK_IMPORTED_MODULE_3__/* .scanPem */ .oI)((0,_pem_js__WEBPACK_IMPORTED_MODULE_3__/* .normaliseText */ .af)(text)).blocks.find((b) => b.label === 'CERTIFICATE');
    if (!block)
        return undefined;
    try {
        const cert = new node_crypto__WEBPACK_IMPORTED_MODULE_0__.X509Certificate(block.der);
        return {
            sha1: fingerprint(cert, 'sha1'),
            sha256: fingerprint(cert, 'sha256'),
            keySha256: publicKeySha256(cert),
            notAfter: cert.validToDate.toISOString(),
            dnsNames: subjectAltNames(cert.subjectAltName).dns,
        };
    }
    catch {
        return undefined;
    }
}
//# sourceMappingURL=inspect.js.map

/***/ }),

/***/ 8918:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C4: () => (/* binding */ certificateMatchesKey),
/* harmony export */   IV: () => (/* binding */ isEncryptedPkcs8),
/* harmony export */   QQ: () => (/* binding */ publicKeyId),
/* harmony export */   QW: () => (/* binding */ parsePrivateKey),
/* harmony export */   Rx: () => (/* binding */ describeKey),
/* harmony export */   w8: () => (/* binding */ keyLabel)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9473);
/* harmony import */ var _der_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4151);
/* harmony import */ var _findings_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3716);
/* harmony import */ var _pem_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4954);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2757);
/* harmony import */ var _vocabulary_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6914);
/**
 * Private keys: RSA (PKCS#1, PKCS#8), EC (SEC1, PKCS#8), Ed25519, plain or encrypted. All
 * parsing is Node's (OpenSSL underneath). Failures become findings that never quote the key.
 */







const CURVES = {
    prime256v1: { name: 'P-256', bits: 256 },
    secp384r1: { name: 'P-384', bits: 384 },
    secp521r1: { name: 'P-521', bits: 521 },
    secp256k1: { name: 'secp256k1', bits: 256 },
    secp224r1: { name: 'P-224', bits: 224 },
};
function describeKey(key) {
    const type = key.asymmetricKeyType ?? 'unknown';
    const details = key.asymmetricKeyDetails ?? {};
    if (type === 'rsa' || type === 'rsa-pss' || type === 'dsa') {
        return { type, bits: details.modulusLength ?? 0 };
    }
    if (type === 'ec') {
        const named = details.namedCurve ?? 'unknown';
        const curve = CURVES[named];
        const bitsFromName = Number(/(\d{3})/.exec(named)?.[1] ?? 0);
        return { type, bits: curve?.bits ?? bitsFromName, curve: curve?.name ?? named };
    }
    if (type === 'ed25519' || type === 'x25519')
        return { type, bits: 256 };
    if (type === 'ed448' || type === 'x448')
        return { type, bits: 448 };
    return { type, bits: 0 };
}
function keyLabel(facts) {
    if (facts.type === 'rsa')
        return `RSA ${facts.bits}`;
    if (facts.type === 'ec')
        return `ECDSA ${facts.curve ?? facts.bits}`;
    if (facts.type === 'ed25519')
        return 'Ed25519';
    return `${facts.type.toUpperCase()}${facts.bits ? ` ${facts.bits}` : ''}`;
}
/** The public half as SPKI DER: two keys are the same key exactly when these bytes are equal. */
function publicKeyId(key) {
    const pub = key.type === 'private' ? (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createPublicKey)(key) : key;
    return pub.export({ type: 'spki', format: 'der' });
}
function certificateMatchesKey(cert, keyId) {
    return cert.publicKey.export({ type: 'spki', format: 'der' }).equals(keyId);
}
function parsePrivateKey(input) {
    const refusal = input.encrypted ? workRefusal(input) : undefined;
    if (refusal)
        return { ok: false, finding: refusal };
    try {
        const key = typeof input.data === 'string'
            ? (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createPrivateKey)({ key: input.data, format: 'pem', ...passphraseOption(input.passphrase) })
            : (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createPrivateKey)({
                key: input.data,
                format: 'der',
                type: input.derType ?? 'pkcs8',
                ...passphraseOption(input.passphrase),
            });
        return { ok: true, key };
    }
    catch (thrown) {
        return { ok: false, finding: keyFailure(input, (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorCode */ .CA)(thrown)) };
    }
}
/**
 * An encrypted PKCS#8 key is decrypted only when its key derivation is readable and bounded:
 * OpenSSL also reads BER (chunked salts, indefinite lengths) that this check cannot see into,
 * and an unseen count of 2^31 would run for minutes.
 */
function workRefusal(input) {
    const der = encryptedDer(input.data);
    if (!der)
        return undefined; // the old Proc-Type form: one MD5 round, nothing to bound
    const fix = 'Re-export the key from its source with usual settings, e.g. `openssl pkey -in key.pem -out key-plain.pem`, or encrypt it with `openssl pkcs8 -topk8 -v2 aes-256-cbc`.';
    const work = kdfWork(der);
    if (!work) {
        return (0,_findings_js__WEBPACK_IMPORTED_MODULE_4__/* .finding */ .gk)('BAD_PRIVATE_KEY', 'error', `${input.what} is encrypted, but its encryption parameters cannot be read (damaged, or not in the DER form tools write).`, fix, { origin: input.origin });
    }
    if (work.amount > work.limit) {
        return (0,_findings_js__WEBPACK_IMPORTED_MODULE_4__/* .finding */ .gk)('BAD_PRIVATE_KEY', 'error', `${input.what} is encrypted with a key derivation that asks for ${work.text} (at most ${work.limit} are read): the key is damaged, or was made to stall the reader.`, fix, { origin: input.origin });
    }
    return undefined;
}
function passphraseOption(passphrase) {
    return passphrase === undefined ? {} : { passphrase };
}
function keyFailure(input, code) {
    const where = { origin: input.origin };
    const passphraseVia = (input.words ?? _vocabulary_js__WEBPACK_IMPORTED_MODULE_3__/* .ACTION_WORDS */ .d).via(_constants_js__WEBPACK_IMPORTED_MODULE_2__/* .Inputs */ .G0.KeyPassphrase);
    if (code === 'ERR_MISSING_PASSPHRASE' || (input.encrypted && input.passphrase === undefined)) {
        return (0,_findings_js__WEBPACK_IMPORTED_MODULE_4__/* .finding */ .gk)('KEY_PASSPHRASE_NEEDED', 'error', `${input.what} is encrypted and no passphrase was given.`, `Pass the passphrase ${passphraseVia}, or decrypt the key once with \`openssl pkey -in key.pem -out key-plain.pem\` and use that instead.`, where);
    }
    if (input.encrypted) {
        return (0,_findings_js__WEBPACK_IMPORTED_MODULE_4__/* .finding */ .gk)('KEY_PASSPHRASE_WRONG', 'error', `${input.what} could not be decrypted with the given passphrase: the passphrase is wrong or the key is damaged.`, `Check the passphrase given ${passphraseVia} (no trailing newline or spaces), or test it with \`openssl pkey -in key.pem -noout\`.`, where);
    }
    return (0,_findings_js__WEBPACK_IMPORTED_MODULE_4__/* .finding */ .gk)('BAD_PRIVATE_KEY', 'error', `${input.what} is not a readable private key${code ? ` (${code})` : ''}: its base64 is damaged or it is not an RSA, EC or Ed25519 key.`, 'Re-export the key from its source, e.g. `openssl pkey -in key.pem -out key-clean.pem`, and store the whole file including the BEGIN and END lines.', where);
}
/**
 * Decrypting a PKCS#8 key first derives the key from the passphrase, with the work factor the file
 * names: a damaged or hostile count (2^31 iterations) would stall the action for many minutes.
 * OpenSSL uses 2048 PBKDF2 iterations (scrypt N=16384, r=8, p=1), Java 10,000; 1,000,000
 * iterations take about 0.2 s, and N×r×p = 2^20 about 0.5 s (2^21 was measured at 1 s).
 */
const MAX_PBKDF_ITERATIONS = 1_000_000;
const MAX_SCRYPT_WORK = 2 ** 20;
const OID_PBES2 = '2a864886f70d01050d'; // 1.2.840.113549.1.5.13
const OID_SCRYPT = '2b06010401da47040b'; // 1.3.6.1.4.1.11591.4.11
/** EncryptedPrivateKeyInfo ::= SEQUENCE { AlgorithmIdentifier, OCTET STRING }, nothing after it. */
function isEncryptedPkcs8(der) {
    const top = (0,_der_js__WEBPACK_IMPORTED_MODULE_5__/* .derElements */ .zN)(der, 0, der.length);
    if (top.length !== 1 || top[0].end !== der.length)
        return false;
    const [algorithm, data, ...rest] = (0,_der_js__WEBPACK_IMPORTED_MODULE_5__/* .inside */ .nx)(der, top[0]);
    return (0,_der_js__WEBPACK_IMPORTED_MODULE_5__/* .inside */ .nx)(der, algorithm)[0]?.tag === 0x06 && data?.tag === 0x04 && rest.length === 0;
}
/** The DER of an encrypted PKCS#8 key given as PEM text or DER; undefined for other keys. */
function encryptedDer(data) {
    if (typeof data !== 'string')
        return data;
    return (0,_pem_js__WEBPACK_IMPORTED_MODULE_6__/* .scanPem */ .oI)(data).blocks.find((block) => block.label === 'ENCRYPTED PRIVATE KEY')?.der;
}
/**
 * The work the key derivation of an EncryptedPrivateKeyInfo asks for: PBES2 with PBKDF2
 * { salt, iterationCount, … } or scrypt { salt, N, r, p, … }; PBES1 and PKCS#12 PBE
 * { salt, iterations }. Undefined when the structure is none of these.
 */
function kdfWork(der) {
    if (!der)
        return undefined;
    const [oid, params] = (0,_der_js__WEBPACK_IMPORTED_MODULE_5__/* .inside */ .nx)(der, (0,_der_js__WEBPACK_IMPORTED_MODULE_5__/* .inside */ .nx)(der, (0,_der_js__WEBPACK_IMPORTED_MODULE_5__/* .derElements */ .zN)(der, 0, der.length)[0])[0]);
    if (oid?.tag !== 0x06)
        return undefined;
    const pbes2 = (0,_der_js__WEBPACK_IMPORTED_MODULE_5__/* .contentHex */ .FB)(der, oid) === OID_PBES2;
    const [kdfOid, kdfParams] = pbes2 ? (0,_der_js__WEBPACK_IMPORTED_MODULE_5__/* .inside */ .nx)(der, (0,_der_js__WEBPACK_IMPORTED_MODULE_5__/* .inside */ .nx)(der, params)[0]) : [];
    const scrypt = kdfOid !== undefined && (0,_der_js__WEBPACK_IMPORTED_MODULE_5__/* .contentHex */ .FB)(der, kdfOid) === OID_SCRYPT;
    const amount = counts(der, pbes2 ? kdfParams : params, scrypt ? 3 : 1);
    if (amount === undefined)
        return undefined;
    const shown = Number.isFinite(amount) ? String(amount) : 'more than 2^47';
    return scrypt
        ? { text: `a scrypt work N×r×p of ${shown}`, amount, limit: MAX_SCRYPT_WORK }
        : { text: `${shown} iterations`, amount, limit: MAX_PBKDF_ITERATIONS };
}
/** The product of the first `n` INTEGERs after the salt of a { salt OCTET STRING, INTEGER, … } SEQUENCE. */
function counts(der, params, n) {
    const [salt, ...rest] = (0,_der_js__WEBPACK_IMPORTED_MODULE_5__/* .inside */ .nx)(der, params);
    if (salt?.tag !== 0x04)
        return undefined;
    let product = 1;
    for (const integer of rest.slice(0, n)) {
        if (integer.tag !== 0x02)
            return undefined;
        const bytes = integer.end - integer.contentStart;
        // Longer than 6 bytes, or negative: nothing a reader should run.
        if (bytes > 6 || (der[integer.contentStart] & 0x80) !== 0)
            return Number.POSITIVE_INFINITY;
        product *= bytes === 0 ? 0 : Number.parseInt((0,_der_js__WEBPACK_IMPORTED_MODULE_5__/* .contentHex */ .FB)(der, integer), 16);
    }
    return product;
}
//# sourceMappingURL=keys.js.map

/***/ }),

/***/ 7177:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   a: () => (/* binding */ lifetimeLeftPercent),
/* harmony export */   l: () => (/* binding */ parsePercent)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9473);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6410);
/**
 * How much of a certificate's lifetime is left, as a percent: the threshold that still means
 * something for short-lived certificates. Six-day certificates (Let's Encrypt's short-lived
 * profile) are always "within 7 days", so warn-days and fail-days say nothing about them; "under
 * 10% left" does, and reads the same for a 90-day certificate.
 */


/**
 * Percent of the lifetime (notAfter − notBefore) still ahead at `now`, clamped to 0–100: 100
 * before the certificate is valid, 0 once it has expired. A certificate whose lifetime is zero
 * or negative (notAfter at or before notBefore) has nothing left: 0.
 */
function lifetimeLeftPercent(notBefore, notAfter, now) {
    const lifetime = notAfter.getTime() - notBefore.getTime();
    if (!(lifetime > 0))
        return 0;
    const left = ((notAfter.getTime() - now.getTime()) / lifetime) * 100;
    return Math.min(100, Math.max(0, left));
}
/**
 * A percent threshold as given (`10`, `12.5`, ` 0 `, `33%`): a number from 0 to 100, whole or
 * with one decimal, with or without one `%` after it (what it means is plain). More decimals
 * promise a precision no certificate date has, and a fraction (.5, or 0.1 for 10%) is a likely
 * mistake: both are refused with the form expected. `name` is how messages name the setting
 * (`fail-percent`, `--fail-percent`).
 */
function parsePercent(value, name) {
    const text = value.trim();
    const bare = text.replace(/%$/, '');
    const number = Number(bare);
    if (!/^\d{1,3}(\.\d)?$/.test(bare) || number > 100) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`Invalid ${name} ${(0,_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteValue */ .cl)(text)}. Expected a percent of the certificate's lifetime from 0 to 100, whole or with one decimal (e.g. 10 or 12.5).`, `Set ${name} to e.g. 10 to fail when less than a tenth of the lifetime is left; 0 turns the check off.`);
    }
    return number;
}
//# sourceMappingURL=lifetime.js.map

/***/ }),

/***/ 4954:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DK: () => (/* binding */ MAX_PEM_BLOCKS),
/* harmony export */   _C: () => (/* binding */ containsPemMarker),
/* harmony export */   af: () => (/* binding */ normaliseText),
/* harmony export */   b6: () => (/* binding */ textOf),
/* harmony export */   oI: () => (/* binding */ scanPem),
/* harmony export */   sg: () => (/* binding */ toPem),
/* harmony export */   y4: () => (/* binding */ decodeBase64)
/* harmony export */ });
/**
 * PEM as it really arrives in secrets: CRLF line ends, indentation from YAML, literal `\n`
 * escapes from JSON or .env files, a whole block squeezed onto one line, `Bag Attributes`
 * text from `openssl pkcs12`, several blocks at once. This file turns such text into clean
 * blocks (label, DER, the line they start on) and says precisely what it could not read.
 */
/**
 * A bundle is a leaf, a few intermediates and a key; even a CA's whole chain collection is a few
 * dozen. More blocks is some other file, or text made to be slow: one finding each would print
 * megabytes (a 1.7 MB value of BEGIN lines made 60,000 findings and a 14.7 MB summary).
 */
const MAX_PEM_BLOCKS = 64;
const BEGIN = /-----BEGIN ([A-Z0-9][A-Z0-9 #]*?)-----/g;
const END = /-----END ([A-Z0-9][A-Z0-9 #]*?)-----/y;
const ANY_END = /-----END ([A-Z0-9][A-Z0-9 #]*?)-----/g;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const ENCRYPTION_HEADERS = /^\s*Proc-Type:\s*(\S+)\s+DEK-Info:\s*(\S+)\s+/;
/**
 * The text of a file, or undefined for binary data (DER, PKCS#7, PKCS#12). UTF-8, with or without
 * a byte-order mark, and UTF-16 with one: Windows PowerShell 5.1's `>` and `Out-File` write
 * UTF-16 LE with a BOM, so `Get-Content cert.pem > copy.pem` makes one. Linear in the size, which
 * the file reader bounds.
 */
function textOf(bytes) {
    if (bytes[0] === 0xff && bytes[1] === 0xfe)
        return utf16(bytes.subarray(2), false);
    if (bytes[0] === 0xfe && bytes[1] === 0xff)
        return utf16(bytes.subarray(2), true);
    // DER always starts with a SEQUENCE; text never holds a NUL.
    if (bytes.length > 0 && bytes[0] === 0x30 && bytes.includes(0))
        return undefined;
    try {
        return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    }
    catch {
        return undefined;
    }
}
function utf16(bytes, bigEndian) {
    if (bytes.length % 2 !== 0)
        return undefined;
    const little = Buffer.from(bytes);
    if (bigEndian)
        little.swap16();
    try {
        const text = new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true }).decode(little);
        return text.includes('\0') ? undefined : text;
    }
    catch {
        return undefined;
    }
}
/**
 * Undo what storage did to the text. Literal `\n` escapes are only expanded when the text holds a
 * PEM marker and no real line breaks around it, so a base64 value that happens to contain `\n`
 * characters is never rewritten.
 */
function normaliseText(text) {
    let out = text.replace(/^\uFEFF/, '');
    if (out.includes('-----BEGIN') && /\\[rn]/.test(out)) {
        out = out.replace(/\\r\\n|\\n|\\r/g, '\n');
    }
    return out.replace(/\r\n?/g, '\n');
}
function containsPemMarker(text) {
    return text.includes('-----BEGIN ');
}
/** The 1-based line of an offset, found by halving over the line breaks (counted once). */
function lineCounter(text) {
    const breaks = [];
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1))
        breaks.push(i);
    return (index) => {
        let low = 0;
        let high = breaks.length;
        while (low < high) {
            const middle = (low + high) >> 1;
            if (breaks[middle] < index)
                low = middle + 1;
            else
                high = middle;
        }
        return low + 1;
    };
}
/**
 * Find every PEM block in already-normalised text. Text outside blocks is ignored. Linear in the
 * text: markers and line breaks are found once, not searched for again per block.
 */
function scanPem(text) {
    const blocks = [];
    const problems = [];
    const markers = Math.max(occurrences(text, '-----BEGIN '), occurrences(text, '-----END '));
    if (markers > MAX_PEM_BLOCKS)
        return { blocks, problems, tooMany: markers };
    const lineAt = lineCounter(text);
    const begins = [...text.matchAll(BEGIN)];
    const endMarkers = [...text.matchAll(/-----END /g)].map((m) => m.index);
    let nextEnd = 0;
    const ended = new Set();
    for (let i = 0; i < begins.length; i++) {
        const begin = begins[i];
        const label = begin[1];
        const line = lineAt(begin.index);
        const bodyStart = begin.index + begin[0].length;
        const nextBegin = begins[i + 1]?.index ?? text.length;
        while (nextEnd < endMarkers.length && endMarkers[nextEnd] < bodyStart)
            nextEnd++;
        const endAt = endMarkers[nextEnd] ?? -1;
        if (endAt === -1 || endAt > nextBegin) {
            problems.push({ kind: 'truncated', label, line });
            continue;
        }
        END.lastIndex = endAt;
        const end = END.exec(text);
        if (!end) {
            problems.push({ kind: 'truncated', label, line });
            continue;
        }
        ended.add(endAt);
        if (end[1] !== label) {
            problems.push({ kind: 'mismatched', label, endLabel: end[1], line });
            continue;
        }
        let body = text.slice(bodyStart, endAt);
        const block = { label, der: Buffer.alloc(0), line };
        const headers = ENCRYPTION_HEADERS.exec(body);
        if (headers) {
            block.encryptionHeaders = { procType: headers[1], dekInfo: headers[2] };
            body = body.slice(headers[0].length);
        }
        const compact = body.replace(/\s+/g, '');
        if (!BASE64.test(compact) || compact.length % 4 === 1) {
            problems.push({ kind: 'bad-base64', label, line });
            continue;
        }
        block.der = Buffer.from(compact, 'base64');
        if (block.der.length === 0) {
            problems.push({ kind: 'bad-base64', label, line });
            continue;
        }
        blocks.push(block);
    }
    for (const end of text.matchAll(ANY_END)) {
        if (!ended.has(end.index))
            problems.push({ kind: 'no-begin', label: end[1], line: lineAt(end.index) });
    }
    return { blocks, problems };
}
/** How often `word` occurs in `text`: a count, with nothing kept per occurrence. */
function occurrences(text, word) {
    let count = 0;
    for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + word.length))
        count++;
    return count;
}
/** The canonical text of a block: what OpenSSL (and so Node) reads without complaint. */
function toPem(label, der, block) {
    const base64 = Buffer.from(der).toString('base64');
    const lines = base64.match(/.{1,64}/g) ?? [];
    const headers = block?.encryptionHeaders
        ? `Proc-Type: ${block.encryptionHeaders.procType}\nDEK-Info: ${block.encryptionHeaders.dekInfo}\n\n`
        : '';
    return `-----BEGIN ${label}-----\n${headers}${lines.join('\n')}\n-----END ${label}-----\n`;
}
/**
 * Decode a value that may be base64 (standard or URL-safe, wrapped or not). Returns undefined
 * when the text is not plausibly base64, so callers can say "not PEM, not base64".
 */
function decodeBase64(text) {
    const pieces = text.split(/\s+/).filter(Boolean);
    // Encoders break lines between 4-character groups only; words of prose break anywhere.
    if (pieces.slice(0, -1).some((piece) => piece.length % 4 !== 0))
        return undefined;
    const compact = pieces.join('');
    if (compact.length < 8 || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(compact) || compact.length % 4 === 1) {
        return undefined;
    }
    const bytes = Buffer.from(compact, 'base64');
    return bytes.length > 0 ? bytes : undefined;
}
//# sourceMappingURL=pem.js.map

/***/ }),

/***/ 3176:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ pkcs12Opener),
/* harmony export */   U: () => (/* binding */ loadPkcs12Support)
/* harmony export */ });
let opener;
async function loadPkcs12Support() {
    opener ??= (await Promise.all(/* import() */[__webpack_require__.e(542), __webpack_require__.e(906)]).then(__webpack_require__.bind(__webpack_require__, 1906))).openPkcs12;
}
function pkcs12Opener() {
    if (opener === undefined) {
        throw new Error('internal: PKCS#12 support is not loaded; await loadPkcs12Support() before checking sources that may hold a PKCS#12 file.');
    }
    return opener;
}
//# sourceMappingURL=pkcs12-support.js.map

/***/ }),

/***/ 5566:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   w: () => (/* binding */ signatureAlgorithm)
/* harmony export */ });
/* unused harmony export signatureOidFromDer */
/* harmony import */ var _der_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4151);

const KNOWN = {
    '1.2.840.113549.1.1.2': { name: 'md2WithRSAEncryption', weak: true },
    '1.2.840.113549.1.1.4': { name: 'md5WithRSAEncryption', weak: true },
    '1.2.840.113549.1.1.5': { name: 'sha1WithRSAEncryption', weak: true },
    '1.2.840.10045.4.1': { name: 'ecdsa-with-SHA1', weak: true },
    '1.2.840.10040.4.3': { name: 'dsa-with-SHA1', weak: true },
    '1.3.14.3.2.29': { name: 'sha1WithRSASignature', weak: true },
    '1.2.840.113549.1.1.11': { name: 'sha256WithRSAEncryption' },
    '1.2.840.113549.1.1.12': { name: 'sha384WithRSAEncryption' },
    '1.2.840.113549.1.1.13': { name: 'sha512WithRSAEncryption' },
    '1.2.840.113549.1.1.10': { name: 'RSASSA-PSS' },
    '1.2.840.10045.4.3.2': { name: 'ecdsa-with-SHA256' },
    '1.2.840.10045.4.3.3': { name: 'ecdsa-with-SHA384' },
    '1.2.840.10045.4.3.4': { name: 'ecdsa-with-SHA512' },
    '1.3.101.112': { name: 'Ed25519' },
    '1.3.101.113': { name: 'Ed448' },
};
function signatureAlgorithm(cert) {
    const fromNode = cert.signatureAlgorithmOid;
    const oid = fromNode ?? signatureOidFromDer(cert.raw) ?? 'unknown';
    const known = KNOWN[oid];
    return { oid, name: known?.name ?? oid, weak: known?.weak === true };
}
/** Read the outer signatureAlgorithm OID of a DER certificate; undefined if the DER is odd. */
function signatureOidFromDer(der) {
    const [certificate] = (0,_der_js__WEBPACK_IMPORTED_MODULE_0__/* .derElements */ .zN)(der);
    const [, algorithm] = (0,_der_js__WEBPACK_IMPORTED_MODULE_0__/* .inside */ .nx)(der, certificate);
    const [oid] = (0,_der_js__WEBPACK_IMPORTED_MODULE_0__/* .inside */ .nx)(der, algorithm);
    if (oid?.tag !== 0x06)
        return undefined;
    return (0,_der_js__WEBPACK_IMPORTED_MODULE_0__/* .decodeOid */ .FK)(der.subarray(oid.contentStart, oid.end));
}
//# sourceMappingURL=signature.js.map

/***/ }),

/***/ 9799:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ar: () => (/* binding */ signatureStrengthFindings),
/* harmony export */   ge: () => (/* binding */ strengthFindings),
/* harmony export */   rc: () => (/* binding */ keyStrengthFindings)
/* harmony export */ });
/* harmony import */ var _findings_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3716);
/* harmony import */ var _inspect_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9620);
/* harmony import */ var _keys_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8918);
/* harmony import */ var _signature_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5566);




const COMMON_CURVES = new Set(['P-256', 'P-384']);
function strengthFindings(cert, role) {
    const subject = (0,_inspect_js__WEBPACK_IMPORTED_MODULE_0__/* .oneLineName */ .S1)(cert.subject);
    const what = role === 'leaf' ? `The certificate "${subject}"` : `The intermediate certificate "${subject}"`;
    return [
        ...keyStrengthFindings((0,_keys_js__WEBPACK_IMPORTED_MODULE_1__/* .describeKey */ .Rx)(cert.publicKey), role, what, subject),
        ...signatureStrengthFindings((0,_signature_js__WEBPACK_IMPORTED_MODULE_2__/* .signatureAlgorithm */ .w)(cert), what, subject),
    ];
}
/**
 * The key rules on a key's facts alone, so they apply as well to a certificate a server served
 * (verification/assess.ts), which is judged from facts read during the handshake. `what` begins
 * the message ("The certificate "CN=…"", or one naming where it was served).
 */
function keyStrengthFindings(key, role, what, subject) {
    if ((key.type === 'rsa' || key.type === 'rsa-pss') && key.bits < 2048) {
        return [
            (0,_findings_js__WEBPACK_IMPORTED_MODULE_3__/* .finding */ .gk)('WEAK_KEY', 'error', `${what} has a ${key.bits}-bit RSA key; clients require at least 2048 bits.`, 'Issue a new certificate with an RSA 2048+ or ECDSA P-256 key.', { subject }),
        ];
    }
    if (key.type === 'dsa') {
        return [
            (0,_findings_js__WEBPACK_IMPORTED_MODULE_3__/* .finding */ .gk)('WEAK_KEY', 'error', `${what} has a DSA key, which TLS clients no longer accept.`, 'Issue a new certificate with an RSA 2048+ or ECDSA P-256 key.', { subject }),
        ];
    }
    if (role === 'leaf' && key.type === 'ec' && !COMMON_CURVES.has(key.curve ?? '')) {
        return [
            (0,_findings_js__WEBPACK_IMPORTED_MODULE_3__/* .finding */ .gk)('UNUSUAL_KEY', 'warning', `${what} uses the curve ${key.curve}; many clients and load balancers accept only P-256 and P-384.`, 'Prefer a P-256 or P-384 key (e.g. certbot --key-type ecdsa --elliptic-curve secp256r1).', { subject }),
        ];
    }
    if (role === 'leaf' && (key.type === 'ed25519' || key.type === 'ed448')) {
        return [
            (0,_findings_js__WEBPACK_IMPORTED_MODULE_3__/* .finding */ .gk)('UNUSUAL_KEY', 'warning', `${what} has an ${(0,_keys_js__WEBPACK_IMPORTED_MODULE_1__/* .keyLabel */ .w8)(key)} key; browsers and most load balancers do not accept EdDSA certificates.`, 'Use an ECDSA P-256 or RSA 2048+ certificate for public sites.', { subject }),
        ];
    }
    return [];
}
/** The signature rule on the algorithm's name and verdict (signature.ts), for the same reason. */
function signatureStrengthFindings(signature, what, subject) {
    if (!signature.weak)
        return [];
    return [
        (0,_findings_js__WEBPACK_IMPORTED_MODULE_3__/* .finding */ .gk)('WEAK_SIGNATURE', 'error', `${what} is signed with ${signature.name}; clients reject MD5 and SHA-1 signatures.`, 'Have it re-issued with a SHA-256 (or stronger) signature.', { subject }),
    ];
}
//# sourceMappingURL=strength.js.map

/***/ }),

/***/ 634:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  xp: () => (/* binding */ DEFAULT_FAIL_DAYS),
  XM: () => (/* binding */ DEFAULT_WARN_DAYS),
  Jp: () => (/* binding */ checkBundle)
});

// UNUSED EXPORTS: MAX_BUNDLE_CERTIFICATES

// EXTERNAL MODULE: ./build/certs/findings.js
var certs_findings = __webpack_require__(3716);
// EXTERNAL MODULE: ./build/certs/inspect.js
var inspect = __webpack_require__(9620);
// EXTERNAL MODULE: ./build/constants.js
var constants = __webpack_require__(2757);
// EXTERNAL MODULE: ./build/vocabulary.js
var vocabulary = __webpack_require__(6914);
;// CONCATENATED MODULE: ./build/certs/chain-findings.js




const chain_findings_name = (cert) => (0,inspect/* oneLineName */.S1)(cert.subject);
const issuerName = (cert) => (0,inspect/* oneLineName */.S1)(cert.issuer);
/**
 * `ordered` is false when certificates came from a PKCS#7 bundle: they are a SET there, with no
 * order to get wrong, so putting them in order is no news (and no error without repair).
 */
function chainFindings(analysis, given, repair, ordered = true, words = vocabulary/* ACTION_WORDS */.d) {
    const out = [];
    const level = repair ? 'warning' : 'error';
    const leaf = analysis.path[0];
    const expected = analysis.path.map(fingerprint256);
    const found = firstOccurrences(given.map(fingerprint256)).filter((id) => expected.includes(id));
    if (ordered && found.join() !== expected.join()) {
        const subjects = new Map(given.map((c) => [fingerprint256(c), chain_findings_name(c)]));
        const orderFound = found.map((id) => subjects.get(id)).join(' → ');
        const orderExpected = analysis.path.map(chain_findings_name).join(' → ');
        // The root is never uploaded (ROOT_INCLUDED says so): "Uploaded" lists only what is.
        const orderUploaded = analysis.served.map(chain_findings_name).join(' → ');
        out.push(repair
            ? (0,certs_findings/* finding */.gk)('CHAIN_REPAIRED', 'warning', `The chain was out of order and has been put in order. Found: ${orderFound}. Uploaded: ${orderUploaded}.`, 'Store the certificates leaf first, then each issuer (as in fullchain.pem) to make this warning go away.')
            : (0,certs_findings/* finding */.gk)('CHAIN_ORDER', 'error', `The chain is out of order. Found: ${orderFound}. Expected: ${orderExpected}.`, `Put the leaf first, then the certificate that signed it, and so on; or ${words.turn(constants/* Inputs */.G0.RepairChain, true)} to have it reordered.`));
    }
    for (const cert of analysis.duplicates) {
        out.push((0,certs_findings/* finding */.gk)('DUPLICATE_CERTIFICATE', level, `The certificate "${chain_findings_name(cert)}" is given more than once${repair ? '; the copy is dropped' : ''}.`, 'Pass each certificate once (e.g. do not give fullchain.pem as the certificate and chain.pem as the chain).', { subject: chain_findings_name(cert) }));
    }
    for (const cert of analysis.unrelated) {
        out.push((0,certs_findings/* finding */.gk)('UNRELATED_CERTIFICATE', level, `The certificate "${chain_findings_name(cert)}" is not part of the chain of "${chain_findings_name(leaf)}"${repair ? '; it is left out of the upload' : ''}.`, 'Remove certificates that belong to other sites or to an older chain from the inputs.', { subject: chain_findings_name(cert) }));
    }
    for (const { cert, claimed } of analysis.wrongIssuer) {
        out.push((0,certs_findings/* finding */.gk)('CHAIN_WRONG_ISSUER', 'error', `"${chain_findings_name(cert)}" names "${issuerName(cert)}" as its issuer, and a certificate of that name is given, but its key did not sign "${chain_findings_name(cert)}" (an intermediate from another chain or an older generation).`, 'Replace the intermediate with the one your CA issued this certificate under (renewal tools write it to chain.pem / fullchain.pem).', { subject: chain_findings_name(claimed) }));
    }
    const top = analysis.path[analysis.path.length - 1];
    if (analysis.endsAtRoot && analysis.path.length > 1) {
        out.push((0,certs_findings/* finding */.gk)('ROOT_INCLUDED', 'warning', `The root certificate "${chain_findings_name(top)}" is included; clients already have their roots, so it is not uploaded.`, 'Leave the root out of the chain (fullchain.pem from most tools already does).', { subject: chain_findings_name(top) }));
    }
    else if (analysis.endsAtRoot) {
        out.push((0,certs_findings/* finding */.gk)('SELF_SIGNED', 'warning', `The certificate "${chain_findings_name(top)}" is self-signed: browsers and API clients will not trust it.`, 'Use a certificate from a public CA (e.g. Let’s Encrypt) for anything public.', { subject: chain_findings_name(top) }));
    }
    else if (!analysis.topIssuerTrusted && analysis.wrongIssuer.length === 0) {
        const published = analysis.path.length === 1 ? (0,inspect/* caIssuersUrls */.bH)(top)[0] : undefined;
        out.push(published !== undefined
            ? chainMissing(top, published, words)
            : analysis.path.length === 1
                ? (0,certs_findings/* finding */.gk)('CHAIN_INCOMPLETE', 'warning', `The chain is incomplete: the issuer of "${chain_findings_name(top)}", "${issuerName(top)}", is not included and is not a publicly trusted root.`, `Add the intermediate certificate(s): use fullchain.pem rather than cert.pem, or pass chain.pem ${words.via(constants/* Inputs */.G0.CertificateChain)}.`, { subject: chain_findings_name(top) })
                : (0,certs_findings/* finding */.gk)('CHAIN_INCOMPLETE', 'warning', `The chain ends at "${chain_findings_name(top)}", whose issuer "${issuerName(top)}" is not included and is not a publicly trusted root.`, `If "${issuerName(top)}" is another intermediate, add it. If it is your private root, clients must trust it and this warning can be ignored.`, { subject: chain_findings_name(top) }));
    }
    return out;
}
/**
 * A leaf alone whose issuer is neither given nor a trusted root, but which names where its issuer
 * is published (AIA "CA Issuers"): a CA's certificate served without its intermediates, the
 * classic cert.pem-for-fullchain.pem mistake. Browsers fetch the missing intermediate; curl,
 * Java, Android, Go and most API clients do not and fail the handshake, so it is an error (a
 * private CA's leaf, without AIA, stays CHAIN_INCOMPLETE, a warning). The URL is only quoted.
 */
function chainMissing(leaf, url, words) {
    const shown = url.length > 200 ? `${url.slice(0, 199)}…` : url;
    return (0,certs_findings/* finding */.gk)('CHAIN_MISSING', 'error', `The intermediate certificate(s) of "${chain_findings_name(leaf)}" are missing: its issuer "${issuerName(leaf)}" is not included and is not a trusted root, and the certificate says its issuer is published at ${shown}. Browsers may fetch it; curl, Java, Android and most API clients do not, and would reject the site.`, `Give fullchain.pem (the leaf followed by its intermediates), not cert.pem; or pass the intermediates (chain.pem) ${words.via(constants/* Inputs */.G0.CertificateChain)}.`, { subject: chain_findings_name(leaf) });
}
function fingerprint256(cert) {
    return (0,inspect/* fingerprint */.Rj)(cert, 'sha256');
}
function firstOccurrences(ids) {
    return [...new Set(ids)];
}
//# sourceMappingURL=chain-findings.js.map
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:tls"
var external_node_tls_ = __webpack_require__(1692);
;// CONCATENATED MODULE: ./build/certs/chain-order.js
/**
 * Put a chain in the order servers must send it: the leaf, then the certificate that signed it,
 * then the one that signed that, and so on. "Signed" is checked, not assumed from names: the
 * candidate's subject must match the issuer (Node's checkIssued: names, key identifiers, key
 * usage) and its key must verify the signature. Everything that does not fit is reported.
 */



let bundledRoots;
/** Node's built-in Mozilla root store, parsed once and only when a chain ends below a root. */
function publicRoots() {
    bundledRoots ??= external_node_tls_.rootCertificates.map((pem) => new external_node_crypto_.X509Certificate(pem));
    return bundledRoots;
}
function orderChain(leaf, others, trustedRoots = publicRoots) {
    const seen = new Set([(0,inspect/* fingerprint */.Rj)(leaf, 'sha256')]);
    const duplicates = [];
    const pool = [];
    for (const cert of others) {
        const id = (0,inspect/* fingerprint */.Rj)(cert, 'sha256');
        if (seen.has(id))
            duplicates.push(cert);
        else {
            seen.add(id);
            pool.push(cert);
        }
    }
    const path = [leaf];
    const wrongIssuer = [];
    let current = leaf;
    while (!(0,inspect/* isSelfSigned */.Nl)(current)) {
        // By name alone: checkIssued also compares key identifiers, so a same-named CA with another
        // key (the wrong issuer this is here to catch) would otherwise look merely unrelated.
        const named = pool.filter((candidate) => (0,inspect/* sameName */.q)(candidate.subject, current.issuer) || current.checkIssued(candidate));
        // Input order breaks ties (a cross-signed and a self-signed copy of the same CA).
        const issuer = named.find((candidate) => current.checkIssued(candidate) && (0,inspect/* verifies */.s1)(current, candidate));
        if (!issuer) {
            const claimed = named[0];
            if (claimed)
                wrongIssuer.push({ cert: current, claimed });
            break;
        }
        path.push(issuer);
        pool.splice(pool.indexOf(issuer), 1);
        current = issuer;
    }
    const top = path[path.length - 1];
    const endsAtRoot = (0,inspect/* isSelfSigned */.Nl)(top);
    const topIssuerTrusted = !endsAtRoot && trustedRoots().some((root) => top.checkIssued(root) && (0,inspect/* verifies */.s1)(top, root));
    const unrelated = pool.filter((cert) => !wrongIssuer.some((w) => w.claimed === cert));
    const served = endsAtRoot && path.length > 1 ? path.slice(0, -1) : path;
    return { path, endsAtRoot, served, duplicates, unrelated, wrongIssuer, topIssuerTrusted };
}
//# sourceMappingURL=chain-order.js.map
// EXTERNAL MODULE: ./build/certs/decode.js + 1 modules
var decode = __webpack_require__(7437);
// EXTERNAL MODULE: ./build/plural.js
var plural = __webpack_require__(3412);
// EXTERNAL MODULE: ./build/certs/lifetime.js
var lifetime = __webpack_require__(7177);
;// CONCATENATED MODULE: ./build/certs/expiry.js




const DAY_MS = 86_400_000;
function expiryFindings(cert, role, window) {
    const subject = (0,inspect/* oneLineName */.S1)(cert.subject);
    const what = role === 'leaf' ? `The certificate "${subject}"` : `The intermediate certificate "${subject}"`;
    const renew = role === 'leaf'
        ? 'Renew the certificate and run again with the new files.'
        : 'Download the current intermediate from your CA (renewal tools include it in fullchain.pem) and use it instead.';
    const notAfter = cert.validToDate;
    const notBefore = cert.validFromDate;
    const { now } = window;
    if (now.getTime() > notAfter.getTime()) {
        return [
            (0,certs_findings/* finding */.gk)('EXPIRED', 'error', `${what} expired on ${notAfter.toISOString()} (${(0,plural/* plural */.L)(-(0,inspect/* daysUntil */.AQ)(notAfter, now), 'day')} ago).`, renew, { subject }),
        ];
    }
    if (now.getTime() < notBefore.getTime()) {
        return [
            (0,certs_findings/* finding */.gk)('NOT_YET_VALID', 'error', `${what} is not valid until ${notBefore.toISOString()}: clients would reject it today.`, 'Wait until it becomes valid, or check the clock of the machine that issued it.', { subject }),
        ];
    }
    // Compare exact time: "within 7 days" must not catch a certificate with 7 days 23 hours left.
    const remaining = notAfter.getTime() - now.getTime();
    const days = (0,inspect/* daysUntil */.AQ)(notAfter, now);
    const inDays = `${notAfter.toISOString()}, in ${(0,plural/* plural */.L)(days, 'day')}`;
    // The share of its lifetime matters for the leaf only: an intermediate lives years.
    const left = role === 'leaf' ? (0,lifetime/* lifetimeLeftPercent */.a)(notBefore, notAfter, now) : 100;
    const share = `${Math.floor(left * 10) / 10}% of its ${Math.round((notAfter.getTime() - notBefore.getTime()) / DAY_MS)}-day lifetime left`;
    if (remaining <= window.failDays * DAY_MS) {
        return [
            (0,certs_findings/* finding */.gk)('EXPIRES_SOON', 'error', `${what} expires on ${inDays}: within fail-days (${window.failDays}).`, `${renew} To accept it anyway, lower fail-days.`, { subject }),
        ];
    }
    if (left < (window.failPercent ?? 0)) {
        return [
            (0,certs_findings/* finding */.gk)('EXPIRES_SOON', 'error', `${what} expires on ${inDays} (${share}): under fail-percent (${window.failPercent}).`, `${renew} To accept it anyway, lower fail-percent.`, { subject }),
        ];
    }
    if (remaining <= window.warnDays * DAY_MS) {
        return [
            (0,certs_findings/* finding */.gk)('EXPIRING', 'warning', `${what} expires on ${inDays}: within warn-days (${window.warnDays}).`, renew, { subject }),
        ];
    }
    if (left < (window.warnPercent ?? 0)) {
        return [
            (0,certs_findings/* finding */.gk)('EXPIRING', 'warning', `${what} expires on ${inDays} (${share}): under warn-percent (${window.warnPercent}).`, renew, { subject }),
        ];
    }
    return [];
}
//# sourceMappingURL=expiry.js.map
;// CONCATENATED MODULE: ./build/certs/group-findings.js
/** How many findings of one shape are kept whole. */
const GROUP_KEEP = 3;
function groupFindings(findings) {
    const groups = new Map();
    const out = [];
    for (const f of findings) {
        const shape = `${f.code}\u0000${f.level}\u0000${f.subject ?? ''}\u0000${f.message.replace(/\d+/g, '#')}`;
        const group = groups.get(shape);
        if (group === undefined) {
            groups.set(shape, { last: out.push(f) - 1, kept: 1, more: 0 });
        }
        else if (group.kept < GROUP_KEEP) {
            group.last = out.push(f) - 1;
            group.kept++;
        }
        else {
            group.more++;
        }
    }
    for (const { last, more } of groups.values()) {
        if (more === 0)
            continue;
        const f = out[last];
        out[last] = { ...f, message: `${f.message} (and ${more.toLocaleString('en-US')} more like it)` };
    }
    return out;
}
//# sourceMappingURL=group-findings.js.map
// EXTERNAL MODULE: ./build/certs/hostnames.js
var hostnames = __webpack_require__(6846);
// EXTERNAL MODULE: ./build/certs/keys.js
var certs_keys = __webpack_require__(8918);
;// CONCATENATED MODULE: ./build/certs/leaf.js





/** `requireKey`: say NO_PRIVATE_KEY when there is none (false when a key was given but could not be read: that is reported already). */
function chooseLeaf(certs, keys, requireKey, words = vocabulary/* ACTION_WORDS */.d) {
    const findings = [];
    const distinctKeys = uniqueKeys(keys);
    const matched = distinctKeys
        .map((item) => ({
        item,
        certs: uniqueCerts(certs.filter((c) => (0,certs_keys/* certificateMatchesKey */.C4)(c.cert, item.id))),
    }))
        .filter((m) => m.certs.length > 0);
    if (matched.length > 1) {
        findings.push((0,certs_findings/* finding */.gk)('AMBIGUOUS_LEAF', 'error', `The inputs hold ${matched.length} private keys that each belong to a certificate (${matched.map((m) => leaf_name(m.certs[0].cert)).join('; ')}).`, 'Give one certificate and its own key per entry; put other certificates in entries of their own.'));
    }
    const match = matched[0];
    if (match) {
        for (const extra of distinctKeys) {
            if (extra !== match.item && !matched.some((m) => m.item === extra)) {
                findings.push((0,certs_findings/* finding */.gk)('EXTRA_PRIVATE_KEY', 'warning', 'An extra private key that belongs to none of the certificates was found; it is ignored.', 'Remove the extra key.', { origin: extra.origin }));
            }
        }
        if (match.certs.length > 1) {
            findings.push((0,certs_findings/* finding */.gk)('AMBIGUOUS_LEAF', 'error', `${match.certs.length} different certificates belong to the same private key: ${match.certs.map(describe).join('; ')}.`, 'Keep only the certificate to upload (usually the newest renewal) in the inputs.'));
        }
        return { leaf: match.certs[0], key: match.item.key, findings };
    }
    const guess = guessLeaf(certs);
    if (distinctKeys.length > 0 && guess) {
        // Both sides by where they came from: "the key from private-key-file keys/site.key belongs to
        // none of the certificates in certificate-file certs/fullchain.pem". The annotation points at
        // the key, the part most often wrong (an older renewal's, another site's).
        const keySources = phrases(distinctKeys.map((k) => k.origin));
        const certSources = phrases(certs.map((c) => c.origin));
        const keys = distinctKeys.length === 1 ? 'private key' : `${distinctKeys.length} private keys`;
        findings.push((0,certs_findings/* finding */.gk)('KEY_MISMATCH', 'error', `The ${keys} in ${keySources} belong${distinctKeys.length === 1 ? 's' : ''} to none of the certificates in ${certSources} (the leaf there is "${leaf_name(guess.cert)}").`, 'Use the key that was generated with this certificate (for certbot: privkey.pem beside fullchain.pem of the same renewal).', { subject: leaf_name(guess.cert), origin: distinctKeys[0].origin }));
    }
    else if (distinctKeys.length === 0 && requireKey) {
        const pkcs7 = certs.find((c) => c.fromPkcs7);
        findings.push(pkcs7
            ? (0,certs_findings/* finding */.gk)('NO_PRIVATE_KEY', 'error', `No private key was found in the inputs: the PKCS#7 bundle in ${pkcs7.origin.source} holds certificates only, never a key.`, `Pass the private key (PEM) separately ${words.via(constants/* Inputs */.G0.PrivateKey)}, next to the PKCS#7 bundle; or give a PKCS#12 (.pfx) export, which holds both.`)
            : (0,certs_findings/* finding */.gk)('NO_PRIVATE_KEY', 'error', 'No private key was found in the inputs.', `Pass the private key (PEM) ${words.via(constants/* Inputs */.G0.PrivateKey)}, or a PKCS#12 file that contains it.`));
    }
    const choice = { findings };
    if (guess)
        choice.leaf = guess;
    return choice;
}
/** Each source once, in the order given: "certificate-file a.pem and chain-file b.pem". */
function phrases(origins) {
    const unique = [...new Set(origins.map(certs_findings/* sourcePhrase */.Rg))];
    return unique.length <= 1 ? (unique[0] ?? '') : `${unique.slice(0, -1).join(', ')} and ${unique.at(-1)}`;
}
function leaf_name(cert) {
    return (0,inspect/* oneLineName */.S1)(cert.subject);
}
function describe(item) {
    return `"${leaf_name(item.cert)}" expiring ${item.cert.validToDate.toISOString()}`;
}
function uniqueKeys(keys) {
    const out = [];
    for (const item of keys) {
        const id = (0,certs_keys/* publicKeyId */.QQ)(item.key);
        if (!out.some((k) => k.id.equals(id)))
            out.push({ ...item, id });
    }
    return out;
}
function uniqueCerts(certs) {
    const seen = new Set();
    return certs.filter((c) => {
        const id = (0,inspect/* fingerprint */.Rj)(c.cert, 'sha256');
        if (seen.has(id))
            return false;
        seen.add(id);
        return true;
    });
}
/** First non-CA certificate that issued none of the others; else the first certificate. */
function guessLeaf(certs) {
    const signsAnother = (c) => certs.some((o) => o !== c && o.cert.checkIssued(c.cert) && (0,inspect/* verifies */.s1)(o.cert, c.cert));
    return certs.find((c) => !c.cert.ca && !signsAnother(c)) ?? certs[0];
}
//# sourceMappingURL=leaf.js.map
// EXTERNAL MODULE: ./build/certs/strength.js
var strength = __webpack_require__(9799);
;// CONCATENATED MODULE: ./build/certs/validate.js












const DEFAULT_WARN_DAYS = 30;
const DEFAULT_FAIL_DAYS = 7;
/** More than a chain can use (PKCS#7 bundles are held to 32 each): ordering compares every pair. */
const MAX_BUNDLE_CERTIFICATES = 64;
const KEY_READ_CODES = new Set(['BAD_PRIVATE_KEY', 'KEY_PASSPHRASE_NEEDED', 'KEY_PASSPHRASE_WRONG']);
const PKCS12_CODES = new Set([
    'PKCS12_PASSWORD_NEEDED',
    'PKCS12_PASSWORD_WRONG',
    'PKCS12_UNSUPPORTED',
    'PKCS12_INVALID',
]);
function checkBundle(input, options = {}) {
    const now = options.now ?? new Date();
    const repair = options.repairChain ?? true;
    const words = options.words ?? vocabulary/* ACTION_WORDS */.d;
    const findings = [];
    const certs = [];
    const keys = [];
    // One budget of keys to read for all the sources: each encrypted key may cost a key derivation.
    const budget = (0,decode/* keyBudget */.Hf)();
    for (const source of input.sources) {
        const decoded = (0,decode/* decodeSource */.E4)(source, {
            keyPassphrase: input.keyPassphrase,
            pkcs12Password: input.pkcs12Password,
            words,
        }, budget);
        append(certs, decoded.certs);
        append(keys, decoded.keys);
        append(findings, decoded.findings);
    }
    if (certs.length > MAX_BUNDLE_CERTIFICATES) {
        findings.push((0,certs_findings/* finding */.gk)('BAD_CERTIFICATE', 'error', `The inputs hold ${certs.length} certificates; at most ${MAX_BUNDLE_CERTIFICATES} are checked (a leaf and its chain are a handful), so none was.`, 'Give the leaf certificate and its intermediates only; a trust store or a whole collection of certificates is not a chain.'));
        return { ok: false, chain: [], orderFound: [], findings: groupFindings(findings) };
    }
    const orderFound = certs.map((c) => (0,inspect/* oneLineName */.S1)(c.cert.subject));
    const unreadable = findings.some((f) => KEY_READ_CODES.has(f.code) || PKCS12_CODES.has(f.code));
    if (certs.length === 0) {
        if (!findings.some((f) => f.level === 'error')) {
            findings.push((0,certs_findings/* finding */.gk)('NO_CERTIFICATE', 'error', 'No certificate was found in the inputs.', `Pass the certificate (PEM, e.g. fullchain.pem) ${words.via(constants/* Inputs */.G0.Certificate)}, or a PKCS#12 file.`));
        }
        return { ok: false, chain: [], orderFound, findings: groupFindings(findings) };
    }
    const choice = chooseLeaf(certs, keys, (options.requireKey ?? true) && !unreadable, words);
    append(findings, choice.findings);
    const leafItem = choice.leaf;
    const leaf = leafItem.cert;
    const leafFacts = (0,inspect/* inspectCertificate */.ow)(leaf, now);
    if (leaf.ca) {
        findings.push((0,certs_findings/* finding */.gk)('LEAF_IS_CA', 'error', `The ${choice.key ? 'certificate the private key belongs to' : 'leaf certificate'}, "${leafFacts.subject}", is a CA certificate, not a server certificate.`, 'Use the server certificate your CA issued for your domains, with its own private key.', { subject: leafFacts.subject, origin: leafItem.origin }));
    }
    const others = certs.filter((c) => c !== leafItem).map((c) => c.cert);
    const analysis = orderChain(leaf, others, options.trustedRoots);
    append(findings, chainFindings(analysis, certs.map((c) => c.cert), repair, !certs.some((c) => c.fromPkcs7), words));
    const window = {
        now,
        warnDays: options.warnDays ?? DEFAULT_WARN_DAYS,
        failDays: options.failDays ?? DEFAULT_FAIL_DAYS,
        ...(options.warnPercent === undefined ? {} : { warnPercent: options.warnPercent }),
        ...(options.failPercent === undefined ? {} : { failPercent: options.failPercent }),
    };
    const served = analysis.served;
    served.forEach((cert, i) => {
        const role = i === 0 ? 'leaf' : 'intermediate';
        append(findings, expiryFindings(cert, role, window));
        append(findings, (0,strength/* strengthFindings */.ge)(cert, role));
    });
    append(findings, nameFindings(leafFacts, options.domains ?? [], words));
    const chain = analysis.path.map((cert, i) => chainEntry(cert, i, analysis.path.length, analysis.endsAtRoot));
    const result = {
        ok: !(0,certs_findings/* hasErrors */.Cs)(findings),
        leaf: leafFacts,
        chain,
        orderFound,
        findings: groupFindings(findings),
    };
    if (result.ok && choice.key) {
        result.upload = uploadTexts(served, choice.key.export({ type: 'pkcs8', format: 'pem' }).toString());
        options.onSecret?.(result.upload.privateKey);
    }
    return result;
}
/**
 * `target.push(...items)` passes every item as an argument, and a few hundred thousand arguments
 * overflow the stack ("Maximum call stack size exceeded"): item by item instead.
 */
function append(target, items) {
    for (const item of items)
        target.push(item);
}
function chainEntry(cert, index, length, endsAtRoot) {
    const isRoot = endsAtRoot && index === length - 1 && index > 0;
    return {
        role: index === 0 ? 'leaf' : isRoot ? 'root' : 'intermediate',
        subject: (0,inspect/* oneLineName */.S1)(cert.subject),
        issuer: (0,inspect/* oneLineName */.S1)(cert.issuer),
        notAfter: cert.validToDate.toISOString(),
        sha256: (0,inspect/* fingerprint */.Rj)(cert, 'sha256'),
    };
}
function uploadTexts(served, privateKey) {
    const pems = served.map((cert) => ensureNewline(cert.toString()));
    const certificate = pems[0];
    const chain = pems.slice(1).join('');
    return { certificate, chain, fullchain: certificate + chain, privateKey };
}
function ensureNewline(pem) {
    return pem.endsWith('\n') ? pem : `${pem}\n`;
}
function nameFindings(leaf, domains, words) {
    const out = [];
    const names = { dns: leaf.dnsNames, ip: leaf.ipAddresses };
    if (names.dns.length === 0 && names.ip.length === 0) {
        out.push((0,certs_findings/* finding */.gk)('NO_SAN', 'warning', `The certificate "${leaf.subject}" has no subjectAltName: browsers ignore the subject CN and will reject it for every name.`, 'Re-issue it with the domain names in the subjectAltName extension (every public CA does this).', { subject: leaf.subject }));
    }
    const covered = [...names.dns, ...names.ip].join(', ') || 'no names';
    for (const domain of domains) {
        if (!(0,hostnames/* covers */.h)(names, domain)) {
            out.push((0,certs_findings/* finding */.gk)('HOSTNAME_NOT_COVERED', 'error', `The certificate does not cover "${(0,hostnames/* normaliseHostname */.q)(domain)}"; it covers ${covered}.`, `Issue the certificate for every name asked for (a wildcard *.example.com covers one label: a.example.com, not example.com or a.b.example.com), or fix the list given ${words.via(constants/* Inputs */.G0.Domains)}.`, { subject: leaf.subject }));
        }
    }
    return out;
}
//# sourceMappingURL=validate.js.map

/***/ }),

/***/ 6460:
/***/ ((__unused_webpack___webpack_module__, __unused_webpack___webpack_exports__, __webpack_require__) => {


// EXTERNAL MODULE: ./build/errors.js
var errors = __webpack_require__(9473);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./build/constants.js
var constants = __webpack_require__(2757);
// EXTERNAL MODULE: ./build/secrets.js + 1 modules
var secrets = __webpack_require__(6410);
// EXTERNAL MODULE: ./build/settings.js + 3 modules
var settings = __webpack_require__(3818);
;// CONCATENATED MODULE: ./build/cli/flags.js
/**
 * The command's flags: which input each sets, which subcommands take it, and its help line. The
 * parser, the help texts and the words messages use for settings (`--key`, CERT_ROTATE_…) are all
 * made from this one table, so they cannot disagree.
 */

const ALL = constants/* MODES */.FN;
/** Flags about the certificate files: check mode reads none. */
const FILES = ['validate', 'plan', 'apply'];
const ROTATE = ['plan', 'apply'];
/** Flags of the live check: after apply, listed by plan, and all check mode is. */
const LIVE = ['plan', 'apply', 'check'];
const FLAGS = [
    {
        name: 'cert',
        value: 'FILE',
        input: constants/* Inputs */.G0.CertificateFile,
        commands: FILES,
        help: 'Certificate (PEM or DER); may hold the chain and the key too',
    },
    {
        name: 'bundle',
        value: 'FILE',
        input: constants/* Inputs */.G0.CertificateFile,
        commands: FILES,
        help: 'The same as --cert',
    },
    {
        name: 'key',
        value: 'FILE',
        input: constants/* Inputs */.G0.PrivateKeyFile,
        commands: FILES,
        help: 'Private key (PEM: PKCS#1, PKCS#8, SEC1, encrypted; or DER)',
    },
    {
        name: 'chain',
        value: 'FILE',
        input: constants/* Inputs */.G0.CertificateChainFile,
        commands: FILES,
        help: 'Intermediate certificates, when not in --cert',
    },
    {
        name: 'pkcs12',
        value: 'FILE',
        input: constants/* Inputs */.G0.Pkcs12File,
        commands: FILES,
        help: 'PKCS#12 / PFX file instead of --cert and --key',
    },
    {
        name: 'manifest',
        value: 'FILE',
        input: constants/* Inputs */.G0.Manifest,
        commands: ALL,
        help: 'A YAML manifest listing many certificates (instead of --cert, --key …)',
    },
    {
        name: 'domains',
        value: 'LIST',
        input: constants/* Inputs */.G0.Domains,
        multiple: true,
        commands: ALL,
        help: 'Names the certificate must cover (comma-separated; repeatable)',
    },
    {
        name: 'name',
        value: 'NAME',
        input: constants/* Inputs */.G0.Name,
        commands: FILES,
        help: "The certificate's name: every uploaded version is named after it",
    },
    {
        name: 'warn-days',
        value: 'N',
        input: constants/* Inputs */.G0.WarnDays,
        commands: ALL,
        help: 'Warn when it expires within N days (default 30)',
    },
    {
        name: 'fail-days',
        value: 'N',
        input: constants/* Inputs */.G0.FailDays,
        commands: ALL,
        help: 'Fail when it expires within N days (default 7)',
    },
    {
        name: 'no-repair-chain',
        input: constants/* Inputs */.G0.RepairChain,
        sets: 'false',
        commands: FILES,
        help: 'Fail on an out-of-order chain instead of reordering it',
    },
    {
        name: 'provider',
        value: 'NAME',
        input: constants/* Inputs */.G0.Provider,
        commands: ROTATE,
        help: 'digitalocean or dokploy',
    },
    {
        name: 'api-url',
        value: 'URL',
        input: constants/* Inputs */.G0.ApiUrl,
        commands: ROTATE,
        help: "Dokploy's address; DigitalOcean's API (default https://api.digitalocean.com)",
    },
    {
        name: 'server-id',
        value: 'ID',
        input: constants/* Inputs */.G0.ServerId,
        commands: ROTATE,
        help: 'Dokploy: the remote server the certificate belongs to',
    },
    {
        name: 'name-template',
        value: 'T',
        input: constants/* Inputs */.G0.NameTemplate,
        commands: ROTATE,
        help: 'How versions are named (default {name}-{sha1:12})',
    },
    {
        name: 'keep-superseded',
        value: 'N',
        input: constants/* Inputs */.G0.KeepSuperseded,
        commands: ROTATE,
        help: 'Keep the newest N superseded versions as a rollback (default 0)',
    },
    {
        name: 'no-remove-superseded',
        input: constants/* Inputs */.G0.RemoveSuperseded,
        sets: 'false',
        commands: ROTATE,
        help: 'Keep superseded versions',
    },
    {
        name: 'no-rebind',
        input: constants/* Inputs */.G0.Rebind,
        sets: 'false',
        commands: ROTATE,
        help: 'Do not move load balancers and CDN endpoints to the new version',
    },
    {
        name: 'allow-dropped-names',
        input: constants/* Inputs */.G0.AllowDroppedNames,
        sets: 'true',
        commands: ROTATE,
        help: 'Move a regional load balancer even to a version that drops some of its names',
    },
    {
        name: 'reload-traefik',
        input: constants/* Inputs */.G0.ReloadTraefik,
        sets: 'true',
        commands: ROTATE,
        help: 'Dokploy: reload Traefik after changes',
    },
    {
        name: 'inventory',
        input: constants/* Inputs */.G0.Inventory,
        sets: 'true',
        commands: ROTATE,
        help: 'Also list every certificate the provider holds',
    },
    {
        name: 'concurrency',
        value: 'N',
        input: constants/* Inputs */.G0.Concurrency,
        commands: ROTATE,
        help: 'Lineages at once (default 32)',
    },
    {
        name: 'timeout-seconds',
        value: 'N',
        input: constants/* Inputs */.G0.TimeoutSeconds,
        commands: ROTATE,
        help: 'Per request (default 30)',
    },
    {
        name: 'warn-percent',
        value: 'P',
        input: constants/* Inputs */.G0.WarnPercent,
        commands: ALL,
        help: 'Warn when less than P% of its lifetime is left (for short-lived certificates)',
    },
    {
        name: 'fail-percent',
        value: 'P',
        input: constants/* Inputs */.G0.FailPercent,
        commands: ALL,
        help: 'Fail when less than P% of its lifetime is left',
    },
    {
        name: 'verify',
        value: 'MODE',
        input: constants/* Inputs */.G0.Verify,
        commands: LIVE,
        help: 'auto (default): check what reachable endpoints serve; require: unreachable fails too; false',
    },
    {
        name: 'endpoint',
        value: 'HOST[:PORT]',
        input: constants/* Inputs */.G0.Endpoints,
        multiple: true,
        commands: LIVE,
        help: 'An endpoint to check besides each domain on 443 (repeatable)',
    },
    {
        name: 'resolve',
        value: 'HOST:PORT:ADDR',
        input: constants/* Inputs */.G0.Resolve,
        multiple: true,
        commands: LIVE,
        help: "Check HOST:PORT at ADDR instead of its DNS addresses, as curl's --resolve (repeatable)",
    },
    {
        name: 'trusted-ca',
        value: 'FILE',
        input: constants/* Inputs */.G0.TrustedCa,
        commands: LIVE,
        help: 'PEM CA certificates trusted besides the public roots (a private CA)',
    },
    {
        name: 'verify-timeout-seconds',
        value: 'N',
        input: constants/* Inputs */.G0.VerifyTimeoutSeconds,
        commands: ['apply'],
        help: 'How long apply waits for every endpoint to serve the new certificate (default 300)',
    },
    {
        name: 'on-verify-failure',
        value: 'WHAT',
        input: constants/* Inputs */.G0.OnVerifyFailure,
        commands: ['apply'],
        help: 'keep (default), or rollback: move what was rebound back (DigitalOcean)',
    },
    {
        name: 'shard',
        value: 'SHARD',
        input: constants/* Inputs */.G0.Shard,
        commands: ['validate', 'plan', 'apply'],
        help: "Do one shard of the matrix alone: a target's name, or target/i/n",
    },
    // The chat alert; its webhook URL (a secret) comes from CERT_ROTATE_NOTIFY_WEBHOOK only.
    {
        name: 'notify-on',
        value: 'WHEN',
        input: constants/* Inputs */.G0.NotifyOn,
        commands: ALL,
        help: 'When to post to the webhook: attention (default), change (or a write), always',
    },
    {
        name: 'notify-format',
        value: 'FORM',
        input: constants/* Inputs */.G0.NotifyFormat,
        commands: ALL,
        help: "slack (default; Mattermost, Rocket.Chat), or json (the report's summary)",
    },
    { name: 'json', commands: ALL, help: 'Print the report as JSON' },
    { name: 'help', commands: ALL, help: 'Show this help' },
];
/** Secrets the command reads from the environment only, with what each holds (for the help). */
const SECRET_VARIABLES = [
    // Check mode reads no certificate, and refuses these.
    { input: constants/* Inputs */.G0.KeyPassphrase, help: 'Passphrase of an encrypted key', commands: FILES },
    { input: constants/* Inputs */.G0.Pkcs12Password, help: 'Password of the PKCS#12 file', commands: FILES },
    {
        input: constants/* Inputs */.G0.ApiToken,
        help: "The provider's API token (DigitalOcean) or key (Dokploy)",
        commands: ROTATE,
    },
    {
        input: constants/* Inputs */.G0.NotifyWebhook,
        help: 'Incoming-webhook URL to post the alert to (Slack, Mattermost, Rocket.Chat)',
        commands: ALL,
    },
];
function envName(input) {
    return `CERT_ROTATE_${input.toUpperCase().replace(/-/g, '_')}`;
}
/** The flag that sets an input (the first, so --cert rather than its alias --bundle). */
function flagOf(input) {
    return FLAGS.find((flag) => flag.input === input);
}
/** `certificate` → `certificate-file`: the input a value's file flag sets, when there is one. */
function fileFlagOf(input) {
    return FLAGS.find((flag) => flag.input === `${input}-file`);
}
/**
 * The command's words for settings: flags where there is one, CERT_ROTATE_* variables for the rest
 * (secrets above all), and the variable for a setting whose value came from the environment, so a
 * message about a bad value names the place it was really given.
 */
function commandWords(fromEnv = new Set()) {
    const name = (input) => {
        const flag = flagOf(input);
        return flag === undefined || fromEnv.has(input) ? envName(input) : `--${flag.name}`;
    };
    return {
        name,
        via(input) {
            // A certificate part is best given as a file: `--key FILE` rather than the PEM in a variable.
            const own = flagOf(input) ?? fileFlagOf(input);
            if (own === undefined)
                return `in the environment variable ${envName(input)}`;
            return `with --${own.name}${own.value ? ` ${own.value}` : ''}`;
        },
        turn(input, on) {
            const flag = flagOf(input);
            if (flag?.sets === undefined)
                return `set ${envName(input)} to ${on}`;
            return (flag.sets === 'true') === on ? `add --${flag.name}` : `leave out --${flag.name}`;
        },
        mode: (mode) => `cert-rotate ${mode}`,
        value: (label) => `${label} value`,
        missing: 'If it comes from the environment, check that the variable is set and exported (export CERT_ROTATE_…=…), or give the file with its flag.',
        folder: 'the current folder',
        passEnv: 'Set each one in the environment of the command (export NAME=…), and check its name.',
    };
}
//# sourceMappingURL=flags.js.map
;// CONCATENATED MODULE: ./build/cli/help.js
/** The command's help texts, made from the flag table so each subcommand lists what it takes. */

const ABOUT = {
    validate: 'Read the certificate, key and chain; check them; print the findings.',
    plan: 'Check, then show what apply would change on the provider (read-only).',
    apply: 'Check, upload and rebind; verify what clients are served; then remove superseded versions.',
    check: 'Connect to endpoints and report what each serves: chain, names, expiry, key, TLS version.',
};
/** In the order a user meets them. */
const COMMANDS = ['validate', 'plan', 'apply', 'check'];
const EXIT = 'Exit status: 0 valid, 1 errors found, 2 usage error.\n';
/** `cert-rotate --help`: the subcommands, and where their options are. */
function generalHelp() {
    return [
        'Usage: cert-rotate <command> [options]',
        '',
        'Commands:',
        ...table(COMMANDS.map((mode) => [mode, ABOUT[mode]])),
        '',
        'Options:',
        ...table([
            ['-h, --help', 'Show this help; `cert-rotate <command> --help` shows what a command takes'],
            ['--version', 'Print the version'],
        ]),
        '',
        'Environment:',
        ...table([['CERT_ROTATE_<INPUT>', 'Any action input, e.g. CERT_ROTATE_API_TOKEN; flags win']]),
        '',
        EXIT,
    ].join('\n');
}
/** `cert-rotate plan --help`: that command's flags and the variables it reads. */
function commandHelp(command) {
    const flags = FLAGS.filter((flag) => flag.commands.includes(command));
    const secrets = SECRET_VARIABLES.filter((secret) => secret.commands.includes(command));
    return [
        `Usage: cert-rotate ${command} [options]`,
        '',
        ABOUT[command],
        '',
        'Options:',
        ...table(flags.map((flag) => [
            `${flag.name === 'help' ? '-h, ' : ''}--${flag.name}${flag.value ? ` ${flag.value}` : ''}`,
            flag.help,
        ])),
        '',
        'Environment (passwords and tokens only from here: a flag would show them in the process list):',
        ...table([
            ...secrets.map((secret) => [envName(secret.input), secret.help]),
            ['CERT_ROTATE_<INPUT>', 'Any action input, e.g. CERT_ROTATE_PRIVATE_KEY (the PEM itself); flags win'],
        ]),
        '',
        EXIT,
    ].join('\n');
}
function table(rows) {
    const width = Math.max(...rows.map(([left]) => left.length)) + 2;
    return rows.map(([left, right]) => `  ${left.padEnd(width)}${right}`);
}
//# sourceMappingURL=help.js.map
;// CONCATENATED MODULE: ./build/cli/args.js
/**
 * Command line → the same raw inputs the action reads. Every input can also come from an
 * environment variable `CERT_ROTATE_<INPUT>` (e.g. CERT_ROTATE_PRIVATE_KEY_FILE); flags win.
 * Passwords and passphrases are accepted only from the environment: a flag would put them in
 * the process list and the shell history.
 *
 * Node's parser runs loose (it never throws) and the problems are worded here, one line each:
 * its own messages quote the argument, which may be a key pasted on the command line.
 */








const OPTIONS = Object.fromEntries([
    ...FLAGS.map((flag) => [
        flag.name,
        {
            type: flag.value === undefined ? 'boolean' : 'string',
            ...(flag.multiple ? { multiple: true } : {}),
            ...(flag.name === 'help' ? { short: 'h' } : {}),
        },
    ]),
    ['version', { type: 'boolean' }],
]);
function parseCommandLine(argv, env) {
    const { tokens } = (0,external_node_util_.parseArgs)({
        args: [...argv],
        options: OPTIONS,
        strict: false,
        allowPositionals: true,
        tokens: true,
    });
    const options = tokens.filter((t) => t.kind === 'option');
    const positionals = tokens.filter((t) => t.kind === 'positional').map((t) => t.value);
    const first = positionals[0];
    const command = constants/* MODES */.FN.includes(first ?? '') ? first : undefined;
    if (options.some((o) => o.name === 'help')) {
        return { kind: 'help', text: command === undefined ? generalHelp() : commandHelp(command) };
    }
    if (options.some((o) => o.name === 'version'))
        return { kind: 'version' };
    const usage = (problem) => ({
        kind: 'usage-error',
        message: `${problem}; see cert-rotate${command === undefined ? '' : ` ${command}`} --help`,
    });
    const seen = new Set();
    let place = 0;
    for (const token of tokens) {
        if (token.kind === 'option') {
            const problem = optionProblem(token, command);
            if (problem !== undefined)
                return usage(problem);
            seen.add(token.name);
        }
        else if (token.kind === 'positional') {
            if (place++ > 0)
                return usage(`unexpected argument '${(0,secrets/* quotable */.E7)(token.value)}'`);
            if (command === undefined) {
                const near = nearest(token.value, constants/* MODES */.FN);
                return usage(`unknown command '${(0,secrets/* quotable */.E7)(token.value)}'${near ? ` (did you mean ${near}?)` : ''}; expected ${constants/* MODES */.FN.join(', ')}`);
            }
        }
    }
    if (command === undefined)
        return usage(`no command given (${constants/* MODES */.FN.join(', ')})`);
    if (seen.has('cert') && seen.has('bundle'))
        return usage('--cert and --bundle are the same option; give one');
    const raw = {};
    /** Inputs whose value came from a CERT_ROTATE_* variable: messages about them name the variable. */
    const fromEnv = new Set();
    for (const input of Object.values(constants/* Inputs */.G0)) {
        const value = env[envName(input)];
        if (value === undefined || value === '')
            continue;
        raw[input] = value;
        fromEnv.add(input);
    }
    raw[constants/* Inputs */.G0.Mode] = command;
    fromEnv.delete(constants/* Inputs */.G0.Mode);
    const lists = new Map();
    for (const token of options) {
        const flag = flagNamed(token.name);
        const input = flag?.input;
        if (flag === undefined || input === undefined)
            continue;
        fromEnv.delete(input);
        if (flag.sets !== undefined) {
            raw[input] = flag.sets;
        }
        else if (flag.multiple) {
            lists.set(input, [...(lists.get(input) ?? []), token.value ?? '']);
        }
        else {
            raw[input] = token.value ?? '';
        }
        if (input.endsWith('-file')) {
            // A file flag replaces a value given for the same part in the environment.
            const valueInput = input.replace(/-file$/, '');
            delete raw[valueInput];
            fromEnv.delete(valueInput);
        }
    }
    // New lines, which every list input takes (a resolve pin keeps its commas for its addresses).
    for (const [input, values] of lists)
        raw[input] = values.join('\n');
    const json = options.some((o) => o.name === 'json');
    try {
        return { kind: 'run', settings: (0,settings/* parseSettings */.P$)(raw, { words: commandWords(fromEnv) }), json };
    }
    catch (thrown) {
        if (thrown instanceof errors/* InputError */.dz)
            return { kind: 'input-error', message: (0,errors/* messageWithFix */.vW)(thrown) };
        throw thrown;
    }
}
function flagNamed(name) {
    return FLAGS.find((flag) => flag.name === name);
}
/** What is wrong with one option, if anything. Never quotes a value: it may be a key. */
function optionProblem(token, command) {
    const shown = (0,secrets/* quotable */.E7)(token.rawName);
    const flag = flagNamed(token.name);
    if (flag === undefined) {
        if (constants/* SECRET_INPUTS */.pH.includes(token.name)) {
            return `${shown} is not an option: passwords, keys and tokens come only from the environment (${envName(token.name)}), so they stay out of the process list and the shell history`;
        }
        const near = nearest(token.name, [...FLAGS.map((f) => f.name), 'version']);
        return `unknown option ${shown}${near ? ` (did you mean --${near}?)` : ''}`;
    }
    if (flag.value === undefined) {
        if (token.inlineValue)
            return `${shown} takes no value`;
    }
    else {
        const value = token.value;
        // `--cert --key k.pem`: the next option is not a file name (`--cert=-odd.pem` still is).
        if (value === undefined || value === '' || (!token.inlineValue && value.startsWith('-'))) {
            return `${shown} needs a value: --${flag.name} ${flag.value}`;
        }
    }
    if (command !== undefined && !flag.commands.includes(command)) {
        return `${command} does not take ${shown} (it is for ${flag.commands.join(' and ')})`;
    }
    return undefined;
}
/** The candidate a mistyped word most likely meant, if one is close enough. */
function nearest(word, candidates) {
    const typed = word.toLowerCase();
    let best;
    for (const candidate of candidates) {
        const distance = editDistance(typed, candidate);
        if (best === undefined || distance < best.distance)
            best = { candidate, distance };
    }
    if (best === undefined)
        return undefined;
    return best.distance <= (typed.length <= 4 ? 1 : 2) ? best.candidate : undefined;
}
/** Edits (insert, delete, replace, swap two neighbours) from a to b; a is bounded by the caller. */
function editDistance(a, b) {
    if (Math.abs(a.length - b.length) > 2 || a.length > 64)
        return Number.POSITIVE_INFINITY;
    const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let value = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
                value = Math.min(value, d[i - 2][j - 2] + 1);
            }
            d[i][j] = value;
        }
    }
    return d[a.length][b.length];
}
//# sourceMappingURL=args.js.map
// EXTERNAL MODULE: ./build/report/escape.js
var report_escape = __webpack_require__(9924);
// EXTERNAL MODULE: ./build/certs/keys.js
var keys = __webpack_require__(8918);
// EXTERNAL MODULE: ./build/plural.js
var plural = __webpack_require__(3412);
// EXTERNAL MODULE: ./build/report/report.js + 1 modules
var report_report = __webpack_require__(3244);
// EXTERNAL MODULE: ./build/rotation/plan.js + 1 modules
var rotation_plan = __webpack_require__(5061);
;// CONCATENATED MODULE: ./build/report/plan.js


const CODES = { red: 31, yellow: 33, green: 32, dim: 2, bold: 1 };
const MARKS = {
    create: { mark: '+', colour: 'green' },
    rebind: { mark: '~', colour: 'yellow' },
    remove: { mark: '-', colour: 'red' },
    unchanged: { mark: '=', colour: 'dim' },
    keep: { mark: '=', colour: 'dim' },
};
/** "1 to create, 1 to rebind, 2 to remove, 1 kept", and how many lineages are blocked, if any. */
function planSummary(plans) {
    const count = (op) => plans.reduce((n, p) => n + p.steps.filter((s) => s.op === op).length, 0);
    const blocked = plans.filter((p) => p.blocked !== undefined).length;
    const tally = `${count('create')} to create, ${count('rebind')} to rebind, ${count('remove')} to remove, ${count('keep')} kept`;
    return blocked > 0 ? `${tally}, ${blocked} blocked` : tally;
}
function renderPlanText(plans, style) {
    const paint = (colour, text) => style.color ? `\u001b[${CODES[colour]}m${text}\u001b[0m` : text;
    const lines = [];
    for (const plan of plans) {
        lines.push(paint('bold', heading(plan)));
        if (plan.blocked !== undefined) {
            lines.push(`  ${paint('red', '! blocked')}   ${(0,report_escape/* printable */.g$)(plan.blocked)}`);
        }
        for (const step of plan.steps) {
            const { mark, colour } = MARKS[step.op];
            const { certificate, use } = target(step, plan, same, same);
            const what = (0,report_escape/* printable */.g$)(use === undefined
                ? certificate
                : step.op === 'rebind'
                    ? `${use}: ${certificate}`
                    : `${certificate} ${use}`);
            lines.push(`  ${paint(colour, `${mark} ${step.op.padEnd(9)}`)} ${what}  ${paint('dim', `# ${(0,report_escape/* printable */.g$)(step.reason)}`)}`);
        }
        lines.push('');
    }
    lines.push(`Plan: ${planSummary(plans)}.`);
    return `${lines.join('\n')}\n`;
}
/**
 * One lineage's plan, to go under a heading of the caller's (the summary's "Rotation of …"): the
 * version and its tally in a line, then why it is blocked, or its steps as a table. It has no
 * heading of its own, so none sits right under another.
 */
function plan_renderPlanMarkdown(plan) {
    // A blocked plan has no tally to give: the quote says why.
    const tally = plan.blocked === undefined ? `: ${planSummary([plan])}` : '';
    const out = [`${heading(plan, escapeMarkdown)}${tally}.`, ''];
    if (plan.blocked !== undefined)
        out.push(`> ⛔ **Blocked**: ${escapeMarkdown(plan.blocked)}`, '');
    if (plan.steps.length === 0)
        return out;
    const code = (name) => `<code>${escapeMarkdown(name)}</code>`;
    out.push('| | Step | Certificate | Use | Why |', '| --- | --- | --- | --- | --- |');
    for (const step of plan.steps) {
        const { certificate, use = '' } = target(step, plan, code, escapeMarkdown);
        out.push(`| \`${MARKS[step.op].mark}\` | ${step.op} | ${certificate} | ${use} | ${escapeMarkdown(step.reason)} |`);
    }
    out.push('');
    return out;
}
const same = (text) => text;
/** `name` formats the lineage's name; the fingerprint and the date are the engine's own. */
function heading(plan, name = report_escape/* printable */.g$) {
    const { lineage, sha1, notAfter } = plan.desired;
    return `${name(lineage)} (SHA-1 ${sha1}, not after ${notAfter.slice(0, 10)})`;
}
/** What a step touches. `name` formats a certificate name, `text` any other remote text. */
function target(step, plan, name, text) {
    const labelled = (n, id) => `${name(n)} (${text(id)})`;
    switch (step.op) {
        case 'create':
            return { certificate: name(step.name) };
        case 'unchanged':
        case 'keep':
            return { certificate: labelled(step.certificate.name, step.certificate.id) };
        case 'rebind': {
            const current = plan.current;
            const to = current.kind === 'present'
                ? labelled(current.certificate.name, current.certificate.id)
                : `${name(current.name)} (new)`;
            return {
                certificate: `${labelled(step.from.name, step.from.id)} → ${to}`,
                use: text((0,rotation_plan/* describeUse */.pt)(step.use)),
            };
        }
        case 'remove': {
            const certificate = labelled(step.certificate.name, step.certificate.id);
            if (step.after.length === 0)
                return { certificate };
            // `after` holds ids; the rebinds of this plan say what they are.
            const label = (id) => {
                const move = plan.steps.find((s) => s.op === 'rebind' && s.use.id === id);
                return move?.op === 'rebind' ? (0,rotation_plan/* describeUse */.pt)(move.use) : id;
            };
            return { certificate, use: `after ${step.after.map((id) => text(label(id))).join(', ')}` };
        }
    }
}
//# sourceMappingURL=plan.js.map
// EXTERNAL MODULE: ./build/verification/endpoints.js
var endpoints = __webpack_require__(1284);
// EXTERNAL MODULE: ./build/verification/verdict.js
var verdict = __webpack_require__(9731);
;// CONCATENATED MODULE: ./build/report/rotation.js
/**
 * The rotation part of a report: for plan mode the plan as a diff; for apply mode what was done,
 * step by step, with the reason for anything skipped and the fix for anything failed.
 */





function subject(step) {
    switch (step.op) {
        case 'create':
            return step.certificate ? `${step.certificate.name} (${step.certificate.id})` : step.name;
        case 'confirm':
            return step.certificate ? `${step.certificate.name} (${step.certificate.id})` : '';
        case 'rebind':
            return `${step.use.kind} ${step.use.name} (${step.use.id}): ${step.from.name} → ${step.to?.name ?? '?'}`;
        case 'rollback':
            return `${step.use.kind} ${step.use.name} (${step.use.id}): ${step.from.name} → ${step.to.name}`;
        case 'verify':
            return `what clients are served at ${(0,plural/* plural */.L)(step.endpoints, 'address', 'addresses')}`;
        default:
            return `${step.certificate.name} (${step.certificate.id})`;
    }
}
function outcomeText(outcome) {
    switch (outcome.status) {
        case 'done':
            return outcome.note ? `done (${outcome.note})` : 'done';
        case 'adopted':
            return `adopted: ${outcome.why}`;
        case 'skipped':
            return `skipped: ${outcome.why}`;
        case 'failed':
            return `FAILED ${outcome.code}: ${outcome.message}${outcome.fix ? ` Fix: ${outcome.fix}` : ''}`;
    }
}
function rotationText(rotation, style) {
    const lines = [];
    for (const lineage of rotation.lineages) {
        lines.push('', `Rotation of ${(0,report_escape/* printable */.g$)(lineage.lineage)}: ${lineage.status}`);
        if (!lineage.steps) {
            lines.push(...renderPlanText([lineage.plan], style)
                .trimEnd()
                .split('\n')
                .map((l) => `  ${l}`));
        }
        else {
            if (lineage.steps.length === 0 && lineage.plan.blocked !== undefined)
                lines.push(`  blocked: ${(0,report_escape/* printable */.g$)(lineage.plan.blocked)}`);
            for (const step of lineage.steps)
                lines.push(`  ${step.op.padEnd(16)} ${(0,report_escape/* printable */.g$)(`${subject(step)}: ${outcomeText(step.outcome)}`)}`);
        }
        for (const note of lineage.attention)
            lines.push(`  attention: ${(0,report_escape/* printable */.g$)(note)}`);
        if (lineage.endpoints && lineage.endpoints.length > 0)
            lines.push(`  would verify: ${(0,report_escape/* printable */.g$)(lineage.endpoints.join(', '))}`);
        if (lineage.verification) {
            lines.push(`  verification: ${lineage.verification.status}: ${(0,report_escape/* printable */.g$)(lineage.verification.summary)}`);
            for (const row of lineage.verification.endpoints.slice(0, MAX_ROWS))
                lines.push(`    ${(0,report_escape/* printable */.g$)((0,verdict/* whereAndWhat */.fk)(row))}`);
            const more = lineage.verification.endpoints.length - MAX_ROWS;
            if (more > 0)
                lines.push(`    … and ${more} more (all in the endpoints output)`);
        }
    }
    if (rotation.settle)
        lines.push(`Settle: ${(0,report_escape/* printable */.g$)(settleText(rotation.settle))}`);
    if (rotation.reload)
        lines.push(`Reload after a stale check: ${(0,report_escape/* printable */.g$)(settleText(rotation.reload))}`);
    if (rotation.handoverReload)
        lines.push(`Reload after the superseded versions went: ${(0,report_escape/* printable */.g$)(settleText(rotation.handoverReload))}`);
    lines.push(`${(0,plural/* plural */.L)(rotation.requests, 'request')} to the provider.`);
    return lines;
}
/** Under each lineage's heading: its plan (plan mode), or why it was blocked, or the steps carried out. */
function rotationMarkdown(rotation) {
    const out = [];
    for (const lineage of rotation.lineages) {
        out.push(`### Rotation of ${escapeMarkdown(lineage.lineage)}: ${lineage.status}`, '');
        if (!lineage.steps)
            for (const line of renderPlanMarkdown(lineage.plan))
                out.push(line);
        else if (lineage.steps.length === 0 && lineage.plan.blocked !== undefined)
            out.push(`> ⛔ **Blocked**: ${escapeMarkdown(lineage.plan.blocked)}`, '');
        else {
            for (const line of stepsTable(lineage))
                out.push(line);
            out.push('');
        }
        for (const note of lineage.attention)
            out.push(`> ⚠️ ${escapeMarkdown(note)}`, '');
        if (lineage.endpoints && lineage.endpoints.length > 0)
            out.push(`Apply would verify: ${lineage.endpoints.map((e) => `\`${printable(e).replace(/`/g, "'")}\``).join(', ')}`, '');
        if (lineage.verification)
            out.push(...endpointsTable(lineage.verification.endpoints), '');
    }
    if (rotation.settle?.status === 'failed')
        out.push(`> ❌ ${escapeMarkdown(outcomeText(rotation.settle))}`, '');
    if (rotation.settle?.status === 'requested')
        out.push(`> ℹ️ ${escapeMarkdown(settleText(rotation.settle))}`, '');
    if (rotation.reload)
        out.push(`> ℹ️ After a stale check: ${escapeMarkdown(settleText(rotation.reload))}`, '');
    if (rotation.handoverReload)
        out.push(`> ℹ️ After the superseded versions went: ${escapeMarkdown(settleText(rotation.handoverReload))}`, '');
    return out;
}
/** Rows shown per lineage in the summary and the terminal; every row is in the `endpoints` output. */
const MAX_ROWS = 50;
/** What each address served: the live check's evidence, row by row. */
function endpointsTable(rows) {
    const shown = rows.slice(0, MAX_ROWS).map((row) => {
        const mark = row.matches ? '✅' : row.unreachable ? '⚪' : '❌';
        return `| ${mark} ${escapeMarkdown(formatEndpoint(row))} | ${escapeMarkdown(row.address ?? '')} | ${escapeMarkdown(servedText(row))} | ${escapeMarkdown(row.protocol ?? '')} |`;
    });
    const more = rows.length > MAX_ROWS ? [`| … and ${rows.length - MAX_ROWS} more | | | |`] : [];
    return ['| Endpoint | Address | Serves | TLS |', '| --- | --- | --- | --- |', ...shown, ...more];
}
/** A request the provider only acknowledged is "requested", never "done": its outcome is not known. */
function settleText(settle) {
    switch (settle.status) {
        case 'failed':
            return outcomeText(settle);
        case 'not-needed':
            return `not needed (${settle.why})`;
        case 'requested':
            return `${settle.what} requested (not confirmed): ${settle.note}`;
    }
}
function stepsTable(lineage) {
    const rows = (lineage.steps ?? []).map((step) => `| ${step.op} | ${escapeMarkdown(subject(step))} | ${escapeMarkdown(outcomeText(step.outcome))} |`);
    return ['| Step | What | Outcome |', '| --- | --- | --- |', ...rows];
}
//# sourceMappingURL=rotation.js.map
;// CONCATENATED MODULE: ./build/report/served.js
/**
 * Check mode's part of a report: one row per endpoint address with what it serves, then each
 * finding. Served certificates are a stranger's text: everything goes through escape.ts.
 */


/** Rows in the summary and the terminal; every one is in the `endpoints` and `report` outputs. */
const served_MAX_ROWS = 256;
function mark(entry) {
    if (entry.findings.some((f) => f.level === 'error'))
        return '❌';
    if (entry.findings.some((f) => f.level === 'warning'))
        return '⚠️';
    return '✅';
}
function expiry(entry) {
    if (entry.notAfter === undefined)
        return '';
    return `${entry.notAfter.slice(0, 10)} (${entry.daysRemaining} d)`;
}
function servedMarkdown(report) {
    const served = report.served ?? [];
    const out = ['### What clients are served', ''];
    out.push('| | Endpoint | Address | Certificate | Expires | TLS | Chain |', '| --- | --- | --- | --- | --- | --- | --- |');
    for (const entry of served.slice(0, served_MAX_ROWS)) {
        const label = entry.label === undefined ? '' : ` (${escapeMarkdown(entry.label)})`;
        const cert = entry.subject === undefined ? escapeMarkdown(entry.error ?? '—') : escapeMarkdown(entry.subject);
        const chain = (entry.chain ?? []).length;
        out.push(`| ${mark(entry)} | ${escapeMarkdown(formatEndpoint(entry))}${label} | ${escapeMarkdown(entry.address ?? '')} | ${cert} | ${expiry(entry)} | ${escapeMarkdown(entry.protocol ?? '')} | ${chain === 0 ? '' : `${chain} ${entry.trusted ? 'trusted' : 'not trusted'}`} |`);
    }
    if (served.length > served_MAX_ROWS)
        out.push(`| | … and ${served.length - served_MAX_ROWS} more | | | | | |`);
    out.push('');
    const findings = served.flatMap((entry) => entry.findings.map((f) => ({ entry, f })));
    if (findings.length > 0) {
        out.push('#### Findings', '');
        for (const { f } of findings) {
            const icon = f.level === 'error' ? '❌' : f.level === 'warning' ? '⚠️' : 'ℹ️';
            out.push(`- ${icon} **${f.code}**: ${escapeMarkdown(f.message)} *Fix:* ${escapeMarkdown(f.fix)}`);
        }
        out.push('');
    }
    for (const skipped of report.servedSkipped ?? []) {
        out.push(`> ⏭️ ${escapeMarkdown(skipped.domain)}: ${escapeMarkdown(skipped.reason)}`, '');
    }
    return out;
}
function served_servedText(report) {
    const lines = [];
    for (const entry of (report.served ?? []).slice(0, served_MAX_ROWS)) {
        const where = `${(0,endpoints/* formatEndpoint */.T0)(entry)}${entry.address === undefined ? '' : ` at ${entry.address}`}`;
        const what = entry.subject === undefined
            ? (entry.error ?? 'nothing')
            : `${entry.subject}, expires ${expiry(entry)}, ${entry.protocol ?? ''}`;
        lines.push('', (0,report_escape/* printable */.g$)(`${where}${entry.label === undefined ? '' : ` (${entry.label})`}: ${what}`));
        for (const f of entry.findings)
            lines.push(`  ${f.level} ${f.code}: ${(0,report_escape/* printable */.g$)(f.message)} Fix: ${(0,report_escape/* printable */.g$)(f.fix)}`);
    }
    for (const skipped of report.servedSkipped ?? [])
        lines.push(`skipped ${(0,report_escape/* printable */.g$)(skipped.domain)}: ${(0,report_escape/* printable */.g$)(skipped.reason)}`);
    return lines;
}
//# sourceMappingURL=served.js.map
;// CONCATENATED MODULE: ./build/report/text.js
/**
 * The report as a person reads it in a terminal, with colour when the terminal has it. Text from
 * certificates and providers is spelled out by `printable` (escape.ts): a line break, a carriage
 * return or an escape sequence in a subject must not forge a line, move the cursor or recolour.
 */






const text_CODES = { red: 31, yellow: 33, green: 32, dim: 2, bold: 1 };
function renderText(report, style) {
    const paint = (name, text) => style.color ? `\u001b[${text_CODES[name]}m${text}\u001b[0m` : text;
    const lines = [
        paint('bold', `cert-rotate ${report.mode}${report.shard === undefined ? '' : ` (shard ${(0,report_escape/* printable */.g$)(report.shard)})`}: `) + paint(report.ok ? 'green' : 'red', (0,report_report/* verdict */.WJ)(report)),
    ];
    for (const note of report.skipped)
        lines.push(paint('yellow', `skipped: ${(0,report_escape/* printable */.g$)(note)}`));
    const many = report.certificates.length > 1;
    for (const cert of report.certificates) {
        lines.push('');
        if (many)
            lines.push(paint('bold', `== ${(0,report_escape/* printable */.g$)(cert.label)}: ${cert.outcome}`));
        for (const line of certificateLines(cert, paint))
            lines.push(line);
    }
    // Lines per step and per certificate the provider holds: pushed one by one, never spread.
    if (report.rotation)
        for (const line of rotationText(report.rotation, style))
            lines.push(line);
    for (const target of report.targets ?? []) {
        lines.push('', paint('bold', `== Target ${(0,report_escape/* printable */.g$)(target.name)}: ${(0,report_escape/* printable */.g$)(target.label)}`));
        if (target.error) {
            const fix = target.error.fix ? ` Fix: ${target.error.fix}` : '';
            lines.push(paint('red', (0,report_escape/* printable */.g$)(`not rotated (${target.error.code}): ${target.error.message}${fix}`)));
        }
        if (target.rotation)
            for (const line of rotationText(target.rotation, style))
                lines.push(line);
        if (target.inventory)
            for (const line of inventoryLines({ ...report, inventory: target.inventory }, paint))
                lines.push(line);
    }
    if (report.served)
        for (const line of served_servedText(report))
            lines.push(line);
    if (report.inventory) {
        lines.push('');
        for (const line of inventoryLines(report, paint))
            lines.push(line);
    }
    return `${lines.join('\n')}\n`;
}
/** As the summary has it (summary.ts): held when the run ends, soonest first, then what it removed. */
function inventoryLines(report, paint) {
    const all = report.inventory ?? [];
    const byExpiry = (list) => [...list].sort((a, b) => (a.daysRemaining ?? Infinity) - (b.daysRemaining ?? Infinity));
    const kept = (0,report_report/* held */.yB)(all);
    const gone = all.filter((e) => e.change === 'removed');
    const lines = [
        report.mode === 'apply'
            ? `Provider inventory after this run: ${(0,plural/* plural */.L)(kept.length, 'certificate')} held, ${gone.length} removed`
            : `Provider inventory: ${(0,plural/* plural */.L)(kept.length, 'certificate')}`,
    ];
    for (const e of [...byExpiry(kept), ...byExpiry(gone)]) {
        const left = e.change === 'removed'
            ? paint('dim', 'removed by this run')
            : e.daysRemaining === undefined
                ? 'expiry unknown'
                : e.daysRemaining < 0
                    ? paint('red', `expired ${(0,plural/* plural */.L)(-e.daysRemaining, 'day')} ago`)
                    : paint(e.daysRemaining <= report.failDays
                        ? 'red'
                        : e.daysRemaining <= report.warnDays
                            ? 'yellow'
                            : 'green', `${(0,plural/* plural */.L)(e.daysRemaining, 'day')} left`);
        const names = e.dnsNames.length > 0 ? ` ${(0,report_escape/* printable */.g$)(e.dnsNames.join(', '))}` : '';
        const added = e.change === 'added' ? paint('green', ' [uploaded by this run]') : '';
        lines.push(`  ${(0,report_escape/* printable */.g$)(`${e.name} (${e.id})`)}${names}: ${left}${added}${e.lineage ? '' : paint('dim', ' [not managed]')}`);
    }
    return lines;
}
/** Red inside fail-days (or expired), yellow inside warn-days: the same verdict the findings give. */
function expiryColour(cert) {
    const about = cert.findings.filter((f) => f.subject === cert.leaf?.subject).map((f) => f.code);
    if (about.some((code) => code === 'EXPIRED' || code === 'EXPIRES_SOON' || code === 'NOT_YET_VALID'))
        return 'red';
    if (about.includes('EXPIRING'))
        return 'yellow';
    return 'green';
}
function certificateLines(cert, paint) {
    const lines = [];
    const leaf = cert.leaf;
    if (leaf) {
        const days = leaf.daysRemaining;
        const left = days < 0 ? `expired ${(0,plural/* plural */.L)(-days, 'day')} ago` : `${(0,plural/* plural */.L)(days, 'day')} left`;
        const dayColour = expiryColour(cert);
        const names = (0,report_escape/* printable */.g$)([...leaf.dnsNames, ...leaf.ipAddresses].join(', ')) || '(no subjectAltName)';
        lines.push(`Certificate  ${(0,report_escape/* printable */.g$)(leaf.subject)}`, `  Issuer     ${(0,report_escape/* printable */.g$)(leaf.issuer)}`, `  Names      ${names}`, `  Key        ${(0,keys/* keyLabel */.w8)(leaf.key)}, signed ${leaf.signatureAlgorithm}`, `  Valid      ${leaf.notBefore} → ${leaf.notAfter} (${paint(dayColour, left)})`, `  Serial     ${leaf.serial}`, `  SHA-1      ${leaf.sha1}`, `  SHA-256    ${leaf.sha256}`);
    }
    if (cert.chain.length > 0) {
        lines.push('Chain, as served');
        cert.chain.forEach((entry, i) => {
            const note = entry.role === 'root' ? paint('dim', ' (root: not uploaded)') : '';
            lines.push(`  ${i + 1}. ${entry.role.padEnd(12)} ${(0,report_escape/* printable */.g$)(entry.subject)}  expires ${entry.notAfter}${note}`);
        });
    }
    if (cert.findings.length > 0) {
        lines.push('Findings');
        for (const f of cert.findings) {
            const mark = f.level === 'error'
                ? paint('red', '✖ error  ')
                : f.level === 'warning'
                    ? paint('yellow', '⚠ warning')
                    : 'ℹ notice ';
            const where = f.origin?.line !== undefined ? ` [${(0,report_escape/* printable */.g$)(f.origin.source)}:${f.origin.line}]` : '';
            lines.push(`  ${mark} ${f.code}${where}: ${(0,report_escape/* printable */.g$)(f.message)}`, `             ${paint('dim', `fix: ${(0,report_escape/* printable */.g$)(f.fix)}`)}`);
        }
    }
    else {
        lines.push(paint('green', 'No findings.'));
    }
    return lines;
}
//# sourceMappingURL=text.js.map
// EXTERNAL MODULE: ./build/certs/decode.js + 1 modules
var decode = __webpack_require__(7437);
// EXTERNAL MODULE: ./build/certs/pkcs12-support.js
var pkcs12_support = __webpack_require__(3176);
// EXTERNAL MODULE: ./build/certs/validate.js + 5 modules
var validate = __webpack_require__(634);
// EXTERNAL MODULE: ./build/load-certificates.js + 1 modules
var load_certificates = __webpack_require__(2055);
// EXTERNAL MODULE: ./build/targets/pairs.js
var targets_pairs = __webpack_require__(7632);
// EXTERNAL MODULE: ./build/fleet/shards.js
var shards = __webpack_require__(4274);
;// CONCATENATED MODULE: ./build/run.js









async function run(settings, deps) {
    const now = deps.now ?? new Date();
    if (settings.mode === 'check') {
        const { checkServed } = await __webpack_require__.e(/* import() */ 471).then(__webpack_require__.bind(__webpack_require__, 2471));
        const served = await checkServed(settings, { cwd: deps.cwd, now, ...(deps.verification ?? {}) });
        return {
            report: (0,report_report/* buildReport */.FK)({ settings, checked: [], skipped: settings.skipped, now, served }),
            checked: [],
        };
    }
    const loaded = await (0,load_certificates/* loadCertificates */.vp)(settings, {
        cwd: deps.cwd,
        mask: deps.mask,
        env: deps.env ?? process.env,
    });
    if (loaded.certificates.some((c) => c.sources.some(decode/* mayHoldPkcs12 */.NN)))
        await (0,pkcs12_support/* loadPkcs12Support */.U)();
    const checked = loaded.certificates.map((certificate) => ({
        certificate,
        bundle: (0,validate/* checkBundle */.Jp)({
            sources: certificate.sources,
            keyPassphrase: certificate.keyPassphrase,
            pkcs12Password: certificate.pkcs12Password,
        }, {
            now,
            warnDays: settings.warnDays,
            failDays: settings.failDays,
            warnPercent: settings.warnPercent,
            failPercent: settings.failPercent,
            repairChain: settings.repairChain,
            domains: certificate.domains,
            requireKey: certificate.requireKey,
            onSecret: deps.mask,
            words: settings.words,
        }),
    }));
    // Plan and validate runs say how the work spreads over jobs (the `matrix` output).
    const matrix = settings.mode === 'plan' || settings.mode === 'validate'
        ? matrixOf(settings, checked, loaded.targetKinds, deps)
        : undefined;
    const report = (rotation) => (0,report_report/* buildReport */.FK)({
        settings,
        checked,
        skipped: [...settings.skipped, ...loaded.skipped],
        now,
        ...(rotation === undefined ? {} : { rotation }),
        ...(matrix === undefined ? {} : { matrix }),
    });
    // Nothing is sent anywhere for a certificate that failed its checks; the others go ahead, so
    // one broken entry in a manifest does not hold back the renewal of the rest.
    const ready = checked.filter((c) => c.bundle.ok && c.certificate.name !== undefined);
    const nowhere = deps.targets === undefined && loaded.targets.length === 0;
    if (settings.mode === 'validate' || nowhere || (ready.length === 0 && !settings.inventory)) {
        return { report: report(), checked };
    }
    // The network and rotation code loads only for runs that use it: a validate run starts faster.
    const [{ createProvider }, { rotate }, { rotateTargets }, { RateLimiter }, { realClock }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(574)]).then(__webpack_require__.bind(__webpack_require__, 574)),
        __webpack_require__.e(/* import() */ 805).then(__webpack_require__.bind(__webpack_require__, 7805)),
        __webpack_require__.e(/* import() */ 241).then(__webpack_require__.bind(__webpack_require__, 4241)),
        __webpack_require__.e(/* import() */ 777).then(__webpack_require__.bind(__webpack_require__, 777)),
        __webpack_require__.e(/* import() */ 551).then(__webpack_require__.bind(__webpack_require__, 551)),
    ]);
    const redactor = new secrets/* Redactor */.pO();
    for (const { bundle } of checked)
        redactor.add(bundle.upload?.privateKey);
    // Read once for every target, and before anything is sent: a bad file is an input error.
    const extraCaPems = await trustedCaOf(settings, deps);
    const all = deps.targets?.(ready) ?? targetRuns(ready, loaded.targets, settings.inventory);
    const spec = settings.shard;
    const targets = spec === undefined ? all : [shardOfTargets(all, spec)];
    const prepare = (target) => {
        const ms = target.rotation.timeoutSeconds * 1000;
        // One shard of n takes 1/n of its account's per-minute budget: n jobs at once stay under it.
        const shared = spec !== undefined && spec.count > 1 && target.rotation.provider.kind === 'digitalocean'
            ? {
                limiter: new RateLimiter(deps.transport?.clock ?? realClock, {
                    requests: (0,shards/* shardBudget */.Au)(target.rotation.provider.kind, spec),
                }),
            }
            : {};
        const provider = createProvider(target.rotation.provider, redactor, {
            timeouts: { connectMs: ms, headersMs: ms, bodyMs: ms },
            ...deps.transport,
            ...shared,
        });
        return {
            label: provider.label,
            rotate: async () => {
                const verify = await liveCheck(settings, target.rotation, target.lineages, extraCaPems, deps);
                return rotate(provider, target.lineages.map((c) => ({ lineage: c.certificate.name, bundle: c.bundle })), {
                    mode: settings.mode,
                    template: target.rotation.template,
                    plan: target.rotation.plan,
                    concurrency: target.rotation.concurrency,
                    ...(verify === undefined ? {} : { verify }),
                });
            },
        };
    };
    const [first] = targets;
    if (targets.length === 1 && first?.name === shards/* DEFAULT_TARGET */.Kv) {
        // One target, from the inputs: a target that cannot be rotated at all ends the run with its
        // error, and the report has the one rotation.
        return { report: report(await prepare(first).rotate()), checked };
    }
    const outcomes = await rotateTargets(targets, prepare);
    return {
        report: (0,report_report/* buildReport */.FK)({
            settings,
            checked,
            skipped: [...settings.skipped, ...loaded.skipped],
            now,
            targets: outcomes,
            ...(matrix === undefined ? {} : { matrix }),
        }),
        checked,
    };
}
/**
 * Each target with the certificates that go to it (a manifest entry's `targets:`, or `default`);
 * with `inventory`, every target, also one that rotates nothing (its listing is reported).
 */
function targetRuns(ready, targets, inventory) {
    const pairs = (0,targets_pairs/* pairsFor */.hO)(ready, targets, (c) => c.certificate.targets);
    return (0,targets_pairs/* byTarget */.RI)(pairs, inventory ? targets : undefined).map((group) => ({
        name: group.target.name,
        rotation: group.target,
        lineages: group.certificates,
    }));
}
/** The shard `shard` names: its target, with the lineages that fall in it. */
function shardOfTargets(targets, spec) {
    const target = targets.find((t) => t.name === spec.target);
    if (target === undefined) {
        throw new errors/* InputError */.dz(`The shard ${spec.target}${spec.count > 1 ? `/${spec.index}/${spec.count}` : ''} names no target of this run (${targets.map((t) => t.name).join(', ')}).`, 'Use the shard names the matrix output of the plan job lists, with the same manifest and inputs.');
    }
    return { ...target, lineages: target.lineages.filter((c) => (0,shards/* inShard */.Iw)(c.certificate.name ?? '', spec)) };
}
/**
 * The matrix over every named certificate (plan and validate runs). A validate run reads no
 * provider settings: its default target is judged at DigitalOcean's rate, the stricter one.
 */
function matrixOf(settings, checked, kinds, deps) {
    const named = checked.filter((c) => c.certificate.name !== undefined);
    const injected = deps.targets?.(named);
    const loads = injected
        ? injected.map((t) => ({ target: t.name, provider: t.rotation.provider.kind, lineages: t.lineages }))
        : // A validate run reads no provider settings of its own: its default target is judged at
            // DigitalOcean's rate, the stricter one.
            (kinds.length > 0 || settings.rotation
                ? kinds
                : [{ name: shards/* DEFAULT_TARGET */.Kv, kind: 'digitalocean' }]).map(({ name, kind }) => ({
                target: name,
                provider: kind,
                lineages: named.filter((c) => c.certificate.targets.includes(name)),
            }));
    return (0,shards/* planMatrix */.T4)(loads.map((load) => ({ ...load, lineages: load.lineages.map((c) => c.certificate.name) })));
}
/** The live check between placing and removing (verification/), unless verify is false. */
async function liveCheck(settings, rotation, ready, extraCaPems, deps) {
    const verify = settings.verify;
    if (verify === undefined || verify.mode === 'off')
        return undefined;
    const { rotationVerify } = await __webpack_require__.e(/* import() */ 870).then(__webpack_require__.bind(__webpack_require__, 7870));
    return rotationVerify({
        verify,
        rotation,
        lineages: ready.map((c) => ({
            lineage: c.certificate.name,
            domains: c.certificate.domains,
            endpoints: c.certificate.endpoints,
            leaf: c.bundle.leaf,
        })),
        single: settings.certificates.kind === 'inputs',
        extraCaPems,
        words: settings.words,
        ...(deps.verification === undefined ? {} : { overrides: deps.verification }),
    });
}
/** `trusted-ca`, read when the live check will run. */
async function trustedCaOf(settings, deps) {
    const verify = settings.verify;
    if (verify === undefined || verify.mode === 'off' || verify.trustedCa === undefined)
        return [];
    const { readTrustedCa } = await __webpack_require__.e(/* import() */ 22).then(__webpack_require__.bind(__webpack_require__, 4022));
    return readTrustedCa(verify.trustedCa, deps.cwd, settings.words);
}
//# sourceMappingURL=run.js.map
// EXTERNAL MODULE: ./build/version.js
var version = __webpack_require__(8508);
;// CONCATENATED MODULE: ./build/cli/command.js
/**
 * The terminal command: `cert-rotate validate …`. Same settings and engine as the action. Loaded by
 * src/cli.ts once it knows this Node can run it; running this module runs the command.
 */






async function main(argv) {
    const parsed = parseCommandLine(argv, process.env);
    if (parsed.kind === 'help') {
        process.stdout.write(parsed.text);
        return 0;
    }
    if (parsed.kind === 'version') {
        process.stdout.write(`cert-rotate ${version/* VERSION */.x}\n`);
        return 0;
    }
    if (parsed.kind === 'input-error' || parsed.kind === 'usage-error') {
        process.stderr.write(`cert-rotate: ${parsed.message}\n`);
        return 2;
    }
    // Nothing is logged by a terminal run, so there is nothing to mask.
    const { report } = await run(parsed.settings, { cwd: process.cwd(), mask: () => { } });
    if (parsed.json)
        process.stdout.write(`${(0,report_escape/* printableJson */.et)(JSON.stringify(report, null, 2))}\n`);
    else
        process.stdout.write(renderText(report, { color: useColor() }));
    const notifySettings = parsed.settings.notify;
    if (notifySettings) {
        // To stderr, so --json's output stays the report alone. A chat that is down changes no exit code.
        const { notify } = await Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(597)]).then(__webpack_require__.bind(__webpack_require__, 2597));
        await notify(report, {
            settings: notifySettings,
            place: {},
            pullRequest: false,
            log: {
                info: (line) => process.stderr.write(`cert-rotate: ${line}\n`),
                warning: (line) => process.stderr.write(`cert-rotate: warning: ${line}\n`),
            },
        });
    }
    return report.ok ? 0 : 1;
}
function useColor() {
    if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '')
        return false;
    const force = process.env.FORCE_COLOR;
    if (force !== undefined && force !== '' && force !== '0' && force !== 'false')
        return true;
    return process.stdout.isTTY === true;
}
main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
}, (thrown) => {
    // A provider's message is outside text: its own line breaks are kept, nothing else unseen.
    const message = (0,report_escape/* printableLines */.fk)((0,errors/* messageWithFix */.vW)(thrown, '\n'));
    process.stderr.write(`cert-rotate: ${message}\n`);
    // Bad inputs (a manifest's problems among them) are usage errors; anything else failed the run.
    process.exitCode = thrown instanceof errors/* InputError */.dz ? 2 : 1;
});
//# sourceMappingURL=command.js.map

/***/ }),

/***/ 2757:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FN: () => (/* binding */ MODES),
/* harmony export */   G0: () => (/* binding */ Inputs),
/* harmony export */   GA: () => (/* binding */ NOTIFY_ON),
/* harmony export */   WH: () => (/* binding */ DEFAULT_CONCURRENCY),
/* harmony export */   dI: () => (/* binding */ VERIFY_FAILURE_ACTIONS),
/* harmony export */   fK: () => (/* binding */ NOTIFY_FORMATS),
/* harmony export */   pH: () => (/* binding */ SECRET_INPUTS),
/* harmony export */   v4: () => (/* binding */ VERIFY_MODES),
/* harmony export */   xq: () => (/* binding */ PROVIDERS)
/* harmony export */ });
/* unused harmony export Outputs */
/** Names of the action's inputs and outputs: the one place they are spelled. */
const Inputs = {
    Mode: 'mode',
    Certificate: 'certificate',
    CertificateFile: 'certificate-file',
    PrivateKey: 'private-key',
    PrivateKeyFile: 'private-key-file',
    CertificateChain: 'certificate-chain',
    CertificateChainFile: 'certificate-chain-file',
    Pkcs12: 'pkcs12',
    Pkcs12File: 'pkcs12-file',
    Pkcs12Password: 'pkcs12-password',
    KeyPassphrase: 'key-passphrase',
    Domains: 'domains',
    WarnDays: 'warn-days',
    FailDays: 'fail-days',
    RepairChain: 'repair-chain',
    Provider: 'provider',
    ApiToken: 'api-token',
    ApiUrl: 'api-url',
    Name: 'name',
    ServerId: 'server-id',
    NameTemplate: 'name-template',
    RemoveSuperseded: 'remove-superseded',
    KeepSuperseded: 'keep-superseded',
    Rebind: 'rebind',
    AllowDroppedNames: 'allow-dropped-names',
    ReloadTraefik: 'reload-traefik',
    Concurrency: 'concurrency',
    TimeoutSeconds: 'timeout-seconds',
    Manifest: 'manifest',
    Inventory: 'inventory',
    GitHubToken: 'github-token',
    CommentOnPr: 'comment-on-pr',
    ExpiryIssue: 'expiry-issue',
    WarnPercent: 'warn-percent',
    FailPercent: 'fail-percent',
    Verify: 'verify',
    Endpoints: 'endpoints',
    Resolve: 'resolve',
    TrustedCa: 'trusted-ca',
    VerifyTimeoutSeconds: 'verify-timeout-seconds',
    OnVerifyFailure: 'on-verify-failure',
    Shard: 'shard',
    // Alerts in chat (src/notify/).
    NotifyWebhook: 'notify-webhook',
    NotifyFormat: 'notify-format',
    NotifyOn: 'notify-on',
};
/** Inputs whose values are secrets: masked the moment they are read. */
const SECRET_INPUTS = [
    Inputs.PrivateKey,
    Inputs.Pkcs12,
    Inputs.Pkcs12Password,
    Inputs.KeyPassphrase,
    Inputs.ApiToken,
    Inputs.GitHubToken,
    // Slack's (and Mattermost's) webhook URL carries its token in the path.
    Inputs.NotifyWebhook,
];
const Outputs = {
    Valid: 'valid',
    FingerprintSha1: 'fingerprint-sha1',
    FingerprintSha256: 'fingerprint-sha256',
    NotAfter: 'not-after',
    DaysRemaining: 'days-remaining',
    Report: 'report',
    Changed: 'changed',
    Status: 'status',
    CertificateId: 'certificate-id',
    CertificateName: 'certificate-name',
    Removed: 'removed',
    Verified: 'verified',
    Endpoints: 'endpoints',
    Matrix: 'matrix',
};
const MODES = ['apply', 'plan', 'validate', 'check'];
const PROVIDERS = ['digitalocean', 'dokploy'];
/**
 * Lineages rotated at once. High enough that a typical manifest runs in one wave (each lineage
 * waits on its own round trips, not on the others); the rate limiter keeps the total under the
 * provider's limit whatever this is.
 */
const DEFAULT_CONCURRENCY = 32;
const VERIFY_MODES = ['auto', 'require', 'false'];
const VERIFY_FAILURE_ACTIONS = ['keep', 'rollback'];
const NOTIFY_FORMATS = ['slack', 'json'];
/** Each takes in what the one before it does: `change` also sends what needs attention. */
const NOTIFY_ON = ['attention', 'change', 'always'];
//# sourceMappingURL=constants.js.map

/***/ }),

/***/ 9473:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CA: () => (/* binding */ errorCode),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   iT: () => (/* binding */ toError),
/* harmony export */   iV: () => (/* binding */ CertRotateError),
/* harmony export */   vW: () => (/* binding */ messageWithFix)
/* harmony export */ });
/**
 * Errors the action can end with. Each carries a stable `code` that decides what happens (fail
 * the step, warn, retry) so nothing downstream has to match on message text.
 */
class CertRotateError extends Error {
    code;
    fix;
    constructor(code, message, fix, options) {
        super(message, options);
        this.name = 'CertRotateError';
        this.code = code;
        this.fix = fix;
    }
}
/** A user's input is wrong: fail the step with the message, no stack. */
class InputError extends CertRotateError {
    constructor(message, fix) {
        super('INPUT', message, fix);
        this.name = 'InputError';
    }
}
/** Turn anything thrown into an Error, once, so handlers never deal with `unknown`. */
function toError(thrown) {
    if (thrown instanceof Error)
        return thrown;
    if (typeof thrown === 'string')
        return new Error(thrown);
    return new Error(`non-error thrown: ${Object.prototype.toString.call(thrown)}`);
}
/** An error as a person reads it: its message, then its fix when it has one. */
function messageWithFix(thrown, separator = ' ') {
    const error = toError(thrown);
    return error instanceof CertRotateError && error.fix
        ? `${error.message}${separator}${error.fix}`
        : error.message;
}
/** The `code` property Node and OpenSSL put on their errors, when there is one. */
function errorCode(thrown) {
    if (typeof thrown === 'object' && thrown !== null && 'code' in thrown) {
        const code = thrown.code;
        if (typeof code === 'string')
            return code;
    }
    return undefined;
}
//# sourceMappingURL=errors.js.map

/***/ }),

/***/ 4274:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Au: () => (/* binding */ shardBudget),
/* harmony export */   Iw: () => (/* binding */ inShard),
/* harmony export */   Kv: () => (/* reexport safe */ _targets_pairs_js__WEBPACK_IMPORTED_MODULE_2__.Kv),
/* harmony export */   T4: () => (/* binding */ planMatrix),
/* harmony export */   uK: () => (/* binding */ parseShard)
/* harmony export */ });
/* unused harmony exports MAX_SHARDS_PER_TARGET, lineagesPerShard, matrixOutput, shardIndexOf */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9473);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6410);
/* harmony import */ var _targets_pairs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7632);
/**
 * Work spread over jobs through the workflow matrix: a plan (or validate) run writes `matrix`,
 * one shard per target, and a target with more lineages than a job should carry at its rate limit
 * is split into shards `target/i/n`. A run given `shard` does that shard alone. Pure.
 *
 * Shards of one target share its account, and so its rate limit: each shard of n takes 1/n of the
 * per-minute budget (shardBudget), so n jobs at once stay under the limit together. Splitting
 * does not make one account's work faster; it keeps each job short (a job that dies loses little,
 * a re-run redoes one shard) and the shards' reports apart. Across targets, shards are parallel
 * for real: each account has its own limit.
 */



const MAX_SHARDS_PER_TARGET = 32;
const TARGET_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/;
/**
 * Requests one lineage's apply may take at worst: create, read back, a rebind or two (each a
 * look, a PUT and a look), the removal. Dokploy's are fewer (create, the confirming listing,
 * remove), but it has no published limit: it is judged by the same count.
 */
const REQUESTS_PER_LINEAGE = 6;
/** Per minute, what the client allows itself (rate-limit.ts keeps DigitalOcean's 250 at 240). */
const REQUESTS_PER_MINUTE = { digitalocean: 240, dokploy: 600 };
/** "A few minutes": past this much work at its rate limit, a target is split. */
const MINUTES_PER_SHARD = 5;
/** The most lineages one shard of a target of this provider carries. */
function lineagesPerShard(provider) {
    return Math.floor((REQUESTS_PER_MINUTE[provider] * MINUTES_PER_SHARD) / REQUESTS_PER_LINEAGE);
}
/** The matrix: a shard per target, split where a target's lineages exceed a shard's worth. */
function planMatrix(loads) {
    return loads.flatMap((load) => {
        const count = Math.min(MAX_SHARDS_PER_TARGET, Math.max(1, Math.ceil(load.lineages.length / lineagesPerShard(load.provider))));
        if (count === 1)
            return [{ shard: load.target, target: load.target, lineages: load.lineages.length }];
        return Array.from({ length: count }, (_, i) => ({
            shard: `${load.target}/${i + 1}/${count}`,
            target: load.target,
            lineages: load.lineages.filter((lineage) => shardIndexOf(lineage, count) === i + 1).length,
        }));
    });
}
/** The `matrix` output: for `strategy.matrix` (`matrix: ${{ fromJSON(needs.plan.outputs.matrix) }}`). */
function matrixOutput(entries) {
    return JSON.stringify({ include: entries });
}
/**
 * Which of n shards a lineage belongs to (1-based): FNV-1a of its name, so it stays in its shard
 * whatever else the manifest holds, and plan and apply agree without passing lists around.
 */
function shardIndexOf(lineage, count) {
    let hash = 0x811c9dc5;
    for (const byte of Buffer.from(lineage, 'utf8')) {
        hash ^= byte;
        hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return (hash % count) + 1;
}
function inShard(lineage, spec) {
    return spec.count === 1 || shardIndexOf(lineage, spec.count) === spec.index;
}
/** `name` or `name/i/n`; `name` is checked against the targets where they are known. */
function parseShard(text, setting) {
    const value = text.trim();
    const parts = value.split('/');
    const fix = `Give a target's name (e.g. do-prod), or target/i/n (e.g. do-prod/2/3), as the matrix output lists them.`;
    const [target = '', index, count] = parts;
    if (!TARGET_NAME.test(target) || (parts.length !== 1 && parts.length !== 3)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`Invalid ${setting} ${(0,_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteValue */ .cl)(value)}.`, fix);
    }
    if (parts.length === 1)
        return { target, index: 1, count: 1 };
    const i = Number(index);
    const n = Number(count);
    if (!/^\d{1,2}$/.test(index ?? '') ||
        !/^\d{1,2}$/.test(count ?? '') ||
        i < 1 ||
        i > n ||
        n > MAX_SHARDS_PER_TARGET) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`Invalid ${setting} ${(0,_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteValue */ .cl)(value)}: i and n must be whole numbers with 1 ≤ i ≤ n ≤ ${MAX_SHARDS_PER_TARGET}.`, fix);
    }
    return { target, index: i, count: n };
}
/** A shard's share of its account's per-minute budget: together, n shards stay under the limit. */
function shardBudget(provider, spec) {
    return Math.max(1, Math.floor((REQUESTS_PER_MINUTE[provider] ?? 240) / spec.count));
}
//# sourceMappingURL=shards.js.map

/***/ }),

/***/ 2055:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  CG: () => (/* binding */ fileText),
  vp: () => (/* binding */ loadCertificates),
  WI: () => (/* binding */ readManifest),
  on: () => (/* binding */ readPart)
});

// UNUSED EXPORTS: MAX_FILE_BYTES, MAX_MANIFEST_BYTES, MAX_VALUE_CHARS

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./build/certs/pem.js
var pem = __webpack_require__(4954);
// EXTERNAL MODULE: ./build/errors.js
var errors = __webpack_require__(9473);
// EXTERNAL MODULE: ./build/plural.js
var plural = __webpack_require__(3412);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
;// CONCATENATED MODULE: ./build/read-bounded.js
/**
 * Reading a file whose path came from outside, with a bound that holds whatever the path names.
 * A size from `stat` is no bound on its own: a device (/dev/zero, /dev/urandom) and a named pipe
 * stat as 0 bytes and never end, and /proc files stat as 0 bytes and are not empty. So: only
 * regular files are opened, the type is checked again on the open handle (the path may have been
 * swapped in between), opening never waits (a FIFO without a writer would block `open` itself),
 * and the read stops one byte past the bound whatever `stat` said.
 */


/** O_NONBLOCK and O_NOCTTY are POSIX; on Windows they are absent and nothing there needs them. */
const OPEN_FLAGS = external_node_fs_.constants.O_RDONLY | (external_node_fs_.constants.O_NONBLOCK ?? 0) | (external_node_fs_.constants.O_NOCTTY ?? 0);
const CHUNK_BYTES = 64 * 1024;
/** The whole file if it is a regular file of at most `maxBytes`; errors of the file system are thrown as they come. */
async function readBounded(path, maxBytes) {
    const checked = refusal(await (0,promises_.stat)(path), maxBytes);
    if (checked)
        return checked;
    const handle = await (0,promises_.open)(path, OPEN_FLAGS);
    try {
        const swapped = refusal(await handle.stat(), maxBytes);
        if (swapped)
            return swapped;
        const chunks = [];
        let total = 0;
        for (;;) {
            const chunk = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, maxBytes + 1 - total));
            const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
            if (bytesRead === 0)
                break;
            chunks.push(chunk.subarray(0, bytesRead));
            total += bytesRead;
            if (total > maxBytes)
                return { ok: false, problem: 'too-large' };
        }
        return { ok: true, data: Buffer.concat(chunks, total) };
    }
    finally {
        await handle.close();
    }
}
function refusal(info, maxBytes) {
    if (!info.isFile())
        return { ok: false, problem: 'not-a-file', kind: kindOf(info) };
    if (info.size > maxBytes)
        return { ok: false, problem: 'too-large', size: info.size };
    return undefined;
}
function kindOf(info) {
    if (info.isDirectory())
        return 'a folder';
    if (info.isFIFO())
        return 'a named pipe (FIFO)';
    if (info.isCharacterDevice() || info.isBlockDevice())
        return 'a device';
    if (info.isSocket())
        return 'a socket';
    return 'not a regular file';
}
//# sourceMappingURL=read-bounded.js.map
// EXTERNAL MODULE: ./build/secrets.js + 1 modules
var secrets = __webpack_require__(6410);
// EXTERNAL MODULE: ./build/constants.js
var constants = __webpack_require__(2757);
// EXTERNAL MODULE: ./build/vocabulary.js
var vocabulary = __webpack_require__(6914);
// EXTERNAL MODULE: ./build/targets/pairs.js
var pairs = __webpack_require__(7632);
;// CONCATENATED MODULE: ./build/load-certificates.js
/**
 * Turn the settings' certificates into engine inputs: values pass through, files and environment
 * variables are read, a manifest is read and parsed. Secret parts (keys, PKCS#12 files, their
 * passwords) read here are masked before anything else happens with them.
 */









const SECRET_ROLES = ['private-key', 'pkcs12'];
/**
 * Certificates, keys, PKCS#7/PKCS#12 files and manifests are kilobytes (a 500-entry manifest, or
 * a PEM of every public root, well under one MiB; UTF-16 doubles that): anything bigger is the
 * wrong file, and is refused before it is read.
 */
const MAX_FILE_BYTES = 4 * 1024 * 1024;
/**
 * The same bound for values (inputs, flags, environment variables): a value is a file's contents
 * pasted into a secret. Counted in characters, which are never more than the UTF-8 bytes.
 */
const MAX_VALUE_CHARS = MAX_FILE_BYTES;
/**
 * A manifest is parsed whole (YAML) before its 500-entry bound is checked, and parsing costs about
 * 2.5 ms of CPU a kilobyte (measured: 256 KiB of entries, 650–780 ms): 128 KiB is 260 bytes for
 * each of 500 entries (an entry with a few names is 150), and a refusal well within a second.
 */
const MAX_MANIFEST_BYTES = 128 * 1024;
/** Linux's PATH_MAX: a longer "path" is something else pasted in the wrong place. */
const MAX_PATH_CHARS = 4096;
async function loadCertificates(settings, given) {
    const source = settings.certificates;
    const words = settings.words ?? vocabulary/* ACTION_WORDS */.d;
    const options = { ...given, words };
    const sending = settings.mode === 'plan' || settings.mode === 'apply';
    const ownTarget = () => sending && settings.rotation ? [{ name: pairs/* DEFAULT_TARGET */.Kv, ...settings.rotation }] : [];
    const ownKind = () => settings.rotation ? [{ name: pairs/* DEFAULT_TARGET */.Kv, kind: settings.rotation.provider.kind }] : [];
    if (source.kind === 'none')
        return { certificates: [], skipped: [], targets: ownTarget(), targetKinds: ownKind() };
    if (source.kind === 'inputs') {
        return {
            certificates: [await loadEntry(source.entry, 'certificate', options)],
            skipped: [],
            targets: ownTarget(),
            targetKinds: ownKind(),
        };
    }
    const { entries, targets, shown, path } = await readManifest(source.path, settings.mode !== 'validate', {
        ...options,
        // Whether entries without targets: have somewhere to go is known where something is sent.
        ...(sending ? { defaultTarget: settings.rotation ? 'given' : 'absent' } : {}),
    });
    const missing = [];
    const skipped = [];
    const resolvedTargets = sending
        ? await resolveManifestTargets(targets, {
            file: shown,
            env: options.env,
            mask: options.mask,
            mode: settings.mode,
            defaultTarget: settings.rotation,
            // The run's setting, which holds for every target.
            allowDroppedNames: settings.allowDroppedNames ?? settings.rotation?.plan.allowDroppedNames ?? false,
            optional: settings.secretsOptional,
            words,
        })
        : { targets: [], missing: [], skipped: [] };
    missing.push(...resolvedTargets.missing);
    skipped.push(...resolvedTargets.skipped);
    const resolved = [];
    for (const entry of entries) {
        const certificate = fromManifest(entry, shown, (0,external_node_path_.dirname)(path), options.env, {
            optional: settings.secretsOptional,
            missing,
            skipped,
        });
        if (certificate)
            resolved.push({ entry: certificate, label: `certificates[${entry.index}]` });
    }
    if (missing.length > 0) {
        throw new errors/* InputError */.dz(`The manifest ${shown} names environment variables that are not set:\n${missing.map((m) => `  ${m}`).join('\n')}`, words.passEnv);
    }
    const certificates = [];
    for (const { entry, label } of resolved)
        certificates.push(await loadEntry(entry, label, options));
    return {
        certificates,
        skipped,
        targets: resolvedTargets.targets,
        targetKinds: [...ownKind(), ...targets.map((t) => ({ name: t.name, kind: t.kind }))],
    };
}
/** Loaded only for manifests that have targets to resolve. */
async function resolveManifestTargets(targets, place) {
    const { resolveTargets } = await __webpack_require__.e(/* import() */ 701).then(__webpack_require__.bind(__webpack_require__, 5701));
    return resolveTargets(targets, place);
}
/**
 * The manifest's entries as written, no part read: check mode takes their domains and endpoints
 * alone (it needs no certificate, and so no secret).
 */
async function readManifest(given, requireNames, options) {
    const { words } = options;
    const path = (0,external_node_path_.resolve)(options.cwd, given);
    const text = fileText(await readPart(path, given, words.name(constants/* Inputs */.G0.Manifest), words, MAX_MANIFEST_BYTES));
    const shown = display(options.cwd, path, given);
    // The YAML parser loads only for manifest runs.
    const { parseManifestDocument } = await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(827)]).then(__webpack_require__.bind(__webpack_require__, 5827));
    const manifest = parseManifestDocument(text, shown, {
        requireNames,
        words,
        ...(options.defaultTarget === undefined ? {} : { defaultTarget: options.defaultTarget }),
    });
    return { ...manifest, shown, path };
}
/**
 * A manifest entry as settings would have it: `env:` parts become values here, because this is
 * where the environment is read. Missing secrets on a pull request are left out and said.
 */
function fromManifest(entry, file, folder, env, context) {
    const who = entry.name ?? `certificates[${entry.index}]`;
    const convert = (key, ref) => {
        const label = `${who} ${key}`;
        if (ref.kind === 'file')
            return { kind: 'file', label, path: (0,external_node_path_.resolve)(folder, ref.path) };
        const value = env[ref.variable];
        if (value !== undefined && value !== '')
            return { kind: 'value', label, text: value };
        if (!context.optional)
            context.missing.push(`${ref.variable} (${file}:${ref.line}, ${who} ${key})`);
        return undefined;
    };
    const parts = [];
    for (const part of entry.parts) {
        const source = convert(part.key, part.ref);
        if (source)
            parts.push({ role: part.role, source });
    }
    const keyPassphrase = entry.keyPassphrase && convert('key-passphrase', entry.keyPassphrase);
    const pkcs12Password = entry.pkcs12Password && convert('pkcs12-password', entry.pkcs12Password);
    const entryOf = (requireKey) => ({
        name: entry.name,
        parts,
        keyPassphrase,
        pkcs12Password,
        domains: entry.domains,
        endpoints: entry.endpoints,
        targets: entry.targets,
        requireKey,
    });
    if (!context.optional)
        return entryOf(true);
    if (!parts.some((p) => p.role === 'certificate' || p.role === 'pkcs12')) {
        context.skipped.push(`${who}: not validated, its certificate comes from a secret this pull request cannot see.`);
        return undefined;
    }
    const hasKey = parts.some((p) => SECRET_ROLES.includes(p.role));
    const keyNamed = entry.parts.some((p) => SECRET_ROLES.includes(p.role));
    if (keyNamed && !hasKey) {
        context.skipped.push(`${who}: key check, its private key comes from a secret this pull request cannot see.`);
    }
    return entryOf(hasKey || !keyNamed);
}
async function loadEntry(entry, label, options) {
    const sources = [];
    for (const part of entry.parts) {
        const secret = SECRET_ROLES.includes(part.role);
        const { source } = part;
        if (source.kind === 'value') {
            checkValueSize(source);
            if (secret)
                (0,secrets/* maskSecret */.$l)(source.text, options.mask);
            sources.push({ role: part.role, name: source.label, data: source.text });
            continue;
        }
        const path = (0,external_node_path_.resolve)(options.cwd, source.path);
        const data = await readPart(path, source.path, source.label, options.words);
        if (secret) {
            // As the engine will read it (UTF-16 decoded), and as the bytes would print.
            (0,secrets/* maskSecret */.$l)(fileText(data), options.mask);
            (0,secrets/* maskBytes */.Kc)(data, options.mask);
        }
        const loaded = {
            role: part.role,
            name: display(options.cwd, path, source.path),
            input: source.label,
            data,
        };
        const inWorkspace = (0,external_node_path_.relative)(options.cwd, path);
        if (!inWorkspace.startsWith('..') && !(0,external_node_path_.isAbsolute)(inWorkspace))
            loaded.file = inWorkspace;
        sources.push(loaded);
    }
    return {
        name: entry.name,
        label: entry.name ?? label,
        domains: entry.domains,
        endpoints: entry.endpoints ?? [],
        targets: entry.targets ?? [pairs/* DEFAULT_TARGET */.Kv],
        sources,
        keyPassphrase: await readSecret(entry.keyPassphrase, options),
        pkcs12Password: await readSecret(entry.pkcs12Password, options),
        requireKey: entry.requireKey,
    };
}
/** A passphrase or password: a value as it is, a file without its final line break. */
async function readSecret(source, options) {
    if (source === undefined)
        return undefined;
    if (source.kind === 'value')
        checkValueSize(source);
    const text = source.kind === 'value'
        ? source.text
        : fileText(await readPart((0,external_node_path_.resolve)(options.cwd, source.path), source.path, source.label, options.words)).replace(/\r?\n$/, '');
    (0,secrets/* maskSecret */.$l)(text, options.mask);
    return text;
}
/** A value is refused before anything reads it; its length is all the message says of it (it may be a secret). */
function checkValueSize(source) {
    if (source.text.length <= MAX_VALUE_CHARS)
        return;
    throw new errors/* InputError */.dz(`${source.label}: the value is ${(0,plural/* plural */.L)(source.text.length, 'character')} long, not shown; at most ${MAX_VALUE_CHARS} are read (certificates, keys and passwords are a few kilobytes).`, 'Check what fills it: it holds something else than the certificate, key or password (the secret or variable may be the wrong one).');
}
/** A text file's text: UTF-8 or, with a byte-order mark, UTF-16 (Windows PowerShell 5.1 writes it). */
function fileText(data) {
    return (0,pem/* textOf */.b6)(data) ?? data.toString('utf8');
}
async function readPart(path, given, label, words, maxBytes = MAX_FILE_BYTES) {
    const fix = `Check the path; relative paths start at ${words.folder}, and at the manifest's folder for files a manifest names.`;
    if (given.length > MAX_PATH_CHARS) {
        // Not quoted: it may be a key pasted in the wrong place, and its length says enough.
        throw new errors/* InputError */.dz(`${label}: the path is ${(0,plural/* plural */.L)(given.length, 'character')} long, not shown; a path has at most ${MAX_PATH_CHARS}.`, `${fix} A key or certificate goes where a value goes (e.g. ${words.name(constants/* Inputs */.G0.PrivateKey)} instead of ${words.name(constants/* Inputs */.G0.PrivateKeyFile)}).`);
    }
    let read;
    try {
        read = await readBounded(path, maxBytes);
    }
    catch (thrown) {
        const code = thrown.code;
        if ((0,secrets/* looksSecret */.n0)(given)) {
            // A key (or certificate) pasted where its path belongs: say so, never quote it.
            throw new errors/* InputError */.dz(`${label}: the value is not a file path: it looks like the key or certificate itself (${(0,plural/* plural */.L)(given.length, 'character')}, not shown).`, `Pass the contents where a value goes (e.g. ${words.name(constants/* Inputs */.G0.PrivateKey)} instead of ${words.name(constants/* Inputs */.G0.PrivateKeyFile)}), or a path to a file here.`);
        }
        throw new errors/* InputError */.dz(code === 'ENOENT'
            ? `${label}: the file '${given}' does not exist (looked for ${path}).`
            : `${label}: the file '${given}' could not be read (${code ?? 'error'}).`, fix);
    }
    if (read.ok)
        return read.data;
    if (read.problem === 'not-a-file') {
        throw new errors/* InputError */.dz(`${label}: '${given}' is ${read.kind}, not a file; only regular files are read (a device or a pipe may never end).`, 'Give the path of the certificate, key or manifest file itself; to pass the output of a command, write it to a file first.');
    }
    throw new errors/* InputError */.dz(`${label}: the file '${given}' ${read.size === undefined ? `holds more than ${maxBytes} bytes (more than its size on disk says)` : `is ${read.size} bytes`}; at most ${maxBytes} are read (certificates, keys and manifests are a few kilobytes).`, 'Check the path: it names some other file than the certificate, key or manifest.');
}
/** A path as the user would recognise it: workspace-relative when inside, else as given. */
function display(cwd, path, given) {
    const inside = (0,external_node_path_.relative)(cwd, path);
    return inside.startsWith('..') || (0,external_node_path_.isAbsolute)(inside) ? given : inside;
}
//# sourceMappingURL=load-certificates.js.map

/***/ }),

/***/ 2515:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ isLoopbackHost)
/* harmony export */ });
/**
 * This machine's own addresses: the only place a provider's base URL or a webhook may be plain
 * http, and where requests never go through a proxy (the proxy's loopback is not ours). A module
 * of its own, so that reading settings loads no HTTP client.
 */
const LOOPBACK_HOSTS = new Set(['localhost', '[::1]', '::1']);
function isLoopbackHost(hostname) {
    const host = hostname.toLowerCase();
    return LOOPBACK_HOSTS.has(host) || /^127(\.\d{1,3}){3}$/.test(host) || host.endsWith('.localhost');
}
//# sourceMappingURL=loopback.js.map

/***/ }),

/***/ 3412:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ plural)
/* harmony export */ });
/**
 * A count with its noun, in the right number: "1 request", "2 requests", "0 days". The one
 * place counts are worded, so no summary, log line, comment or finding says "1 days".
 */
/** `word` is the singular; `many` the plural where adding an s is wrong ("entry", "entries"). */
function plural(n, word, many = `${word}s`) {
    return `${n} ${Math.abs(n) === 1 ? word : many}`;
}
//# sourceMappingURL=plural.js.map

/***/ }),

/***/ 6355:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   z5: () => (/* binding */ tokenFix)
/* harmony export */ });
/* unused harmony exports READ_SCOPES, TOKEN_SCOPES, scopesFor */
/** What plan uses: the listing, and the load balancers and CDN endpoints that use a certificate. */
const READ_SCOPES = ['certificate:read', 'load_balancer:read', 'cdn:read'];
/** Every scope apply uses. */
const TOKEN_SCOPES = [
    'certificate:read',
    'certificate:create',
    'certificate:delete',
    'load_balancer:read',
    'load_balancer:update',
    'cdn:read',
    'cdn:update',
];
function scopesFor(access) {
    return access === 'read' ? READ_SCOPES : TOKEN_SCOPES;
}
/** `Pass a valid DigitalOcean API token with the scopes … in the api-token input (from a secret).` */
function tokenFix(help) {
    return `Pass a valid DigitalOcean API token with the scopes ${scopesFor(help.access).join(', ')} ${help.via}.`;
}
//# sourceMappingURL=scopes.js.map

/***/ }),

/***/ 3280:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ rateLimitFix),
/* harmony export */   d: () => (/* binding */ keyFix)
/* harmony export */ });
function keyFix(help) {
    const permissions = help.access === 'read' ? 'read' : 'read, create, delete';
    return ('Create an API key in Dokploy (Profile → API/CLI) as a member of the organization that owns the ' +
        `certificates, with the certificate permissions (${permissions}) or the owner/admin role, and pass ` +
        `it ${help.via}. On Dokploy Cloud a certificate also needs a server id. ${NO_LIMIT}`);
}
/** Keys made with the dashboard's form are not rate-limited (it sends rateLimitEnabled: false). */
const NO_LIMIT = 'A key from the dashboard\'s "Add API key" form has no rate limit; one made through the API has ' +
    'one unless it was made with rateLimitEnabled: false.';
/** For a key refused after it worked in the same run: Dokploy's per-key rate limit, and how to lift it. */
function rateLimitFix(help) {
    return ("Use a key without the rate limit: create one in Dokploy (Profile → API/CLI) with the dashboard's " +
        '"Add API key" form, which turns the limit off, or through the API with rateLimitEnabled: false, ' +
        `and pass it ${help.via}. Then run again.`);
}
//# sourceMappingURL=permissions.js.map

/***/ }),

/***/ 9924:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   et: () => (/* binding */ printableJson),
/* harmony export */   fk: () => (/* binding */ printableLines),
/* harmony export */   g$: () => (/* binding */ printable)
/* harmony export */ });
/* unused harmony export escapeMarkdown */
/**
 * Text from outside (a certificate's subject and names, a provider's names, ids and messages) as
 * the report shows it. Anyone can put anything in a certificate, and a pull request can add one,
 * so that text must stay inside its table cell or line: no line break, no Markdown, no HTML, no
 * terminal escape, and on GitHub no mention, reference or link may come out of it.
 *
 * The true value is kept where it is compared (a subjectAltName with a line break still matches
 * nothing but itself): only what is shown is escaped, here.
 */
/**
 * What a reader cannot see or what moves text about: line breaks and every other control
 * character (C0, DEL, C1), format characters (bidi controls, zero-width joiners and spaces, the
 * soft hyphen, tag characters), the line and paragraph separators U+2028/2029, and lone
 * surrogate halves.
 */
const UNSEEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;
/** `\u000a`, as Node spells such a character in a subjectAltName: seen, and harmless. */
function spelled(char) {
    const code = char.codePointAt(0) ?? 0;
    return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, '0')}`;
}
/** For a terminal or a log line: every unseen character spelled out, so none can move the cursor or recolour. */
function printable(text) {
    return text.replace(UNSEEN, spelled);
}
/** Text of several lines (an error with its fix, a manifest's problems): each line printable, the breaks kept. */
function printableLines(text) {
    return text.split('\n').map(printable).join('\n');
}
/**
 * JSON for a terminal: what JSON.stringify leaves as it is (DEL, C1 controls, format characters,
 * U+2028/2029) as `\uXXXX` escapes too. They can only be inside strings, so the value is the
 * same; a raw line break is the indentation's.
 */
function printableJson(json) {
    return json.replace(UNSEEN, (char) => char === '\n'
        ? char
        : char
            .split('')
            .map((unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`)
            .join(''));
}
/**
 * What Markdown or HTML would read as syntax, as numeric entities: `&` `<` `>` and quotes (HTML),
 * the backtick (code), `|` (a table cell's end), `\` (escapes), `[` `]` (links), `*` `_` (emphasis),
 * `~` (strikethrough), `$` (math), `#` (a heading at the start of a line).
 */
const SYNTAX = /[&<>"'`|\\[\]*_~$#]/g;
/**
 * An empty HTML comment renders as nothing but splits the text around it in two. GitHub finds
 * mentions and references in the rendered text, after entities are decoded (so `&#64;octocat`
 * still notifies: github/cmark-gfm#181, openjdk/skara#1548) and a backslash does not escape `@`
 * (github/markup#1168); its autolinks find `https://` and `www.` in the source. Split where each
 * would begin, they find nothing: this is how OpenJDK's Skara bots keep `@` from notifying.
 */
const BREAK = '<!-- -->';
/**
 * Where GitHub would otherwise make a link or a notification:
 * - `@`: mentions of a person or a team (`@octocat`, `@acme/admins`), email addresses, `user@sha`;
 * - `#` (an entity by now): issue and pull request references (`#26`, `owner/repo#26`); `GH-`
 *   before digits too;
 * - `:` before `//`: URLs (`https://…`); `www.`: the address without a scheme;
 * - runs of seven or more hex digits: commit SHAs (cut every six).
 */
const REFERENCE = /(@|&#35;|GH-(?=\d)|:(?=\/\/)|www(?=\.))|([0-9a-f]{7,})/gi;
/**
 * Outside text for a Markdown table cell or inline text (the job summary, the PR comment, the
 * expiry issue), also inside `<code>` and `<summary>`. Not for a fenced block (the Mermaid chart
 * has its own rules) and not inside a backtick code span (which decodes no entity).
 */
function escapeMarkdown(text) {
    return printable(text)
        .replace(SYNTAX, (c) => `&#${c.charCodeAt(0)};`)
        .replace(REFERENCE, (_, starts, hex) => starts !== undefined ? `${starts}${BREAK}` : (hex ?? '').replace(/.{6}(?=.)/g, `$&${BREAK}`));
}
//# sourceMappingURL=escape.js.map

/***/ }),

/***/ 3244:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  FK: () => (/* binding */ buildReport),
  s_: () => (/* binding */ expiringSoon),
  yB: () => (/* binding */ held),
  gX: () => (/* binding */ overallStatus),
  WJ: () => (/* binding */ report_verdict)
});

// UNUSED EXPORTS: PRIORITY, rotationOk

// EXTERNAL MODULE: ./build/plural.js
var plural = __webpack_require__(3412);
// EXTERNAL MODULE: ./build/certs/inspect.js
var inspect = __webpack_require__(9620);
// EXTERNAL MODULE: ./build/certs/findings.js
var findings = __webpack_require__(3716);
;// CONCATENATED MODULE: ./build/rotation/key-reuse.js
/**
 * Key reuse: a superseded version that certifies the same public key as the new certificate (a
 * renewal that kept its key). Renewal tools make a new key by default, so reuse is most often an
 * accident, and it keeps in service a key that may have been exposed. Only public keys are
 * compared (SHA-256 of each leaf's SubjectPublicKeyInfo), and only where the provider's listing
 * carries the certificates (Dokploy): a DigitalOcean listing has none, so nothing is said there.
 *
 * The certificate's own findings are made before the provider is read; this one comes from the
 * plan and is added to them when the report is built. It is a warning: it never changes the
 * run's status or fails the step.
 */

/** Names a message lists at most: a provider can list any number of old versions. */
const NAMED = 5;
function keyReuseFindings(plan, subject) {
    const reused = plan.keyReused ?? [];
    if (reused.length === 0)
        return [];
    const named = reused.slice(0, NAMED).map((c) => `${c.name} (${c.id})`);
    const more = reused.length > NAMED ? ` and ${reused.length - NAMED} more` : '';
    const versions = reused.length === 1 ? 'version' : 'versions';
    const current = plan.current.kind === 'present' ? plan.current.certificate.name : plan.current.name;
    return [
        (0,findings/* finding */.gk)('KEY_REUSED', 'warning', `The new certificate ${current} of ${plan.desired.lineage} certifies the same key as the superseded ${versions} ${named.join(', ')}${more}, which it replaces: the private key was kept at renewal.`, 'Generate a new key with each renewal: with certbot, leave --reuse-key off (the default; --no-reuse-key turns it off for a certificate that has it); with openssl, make the request with `openssl req -new -newkey ...`, not `-key` with the old key file. Then rotate with the new certificate and its key.', subject === undefined ? {} : { subject }),
    ];
}
//# sourceMappingURL=key-reuse.js.map
// EXTERNAL MODULE: ./build/verification/endpoints.js
var endpoints = __webpack_require__(1284);
// EXTERNAL MODULE: ./build/verification/verdict.js
var verdict = __webpack_require__(9731);
;// CONCATENATED MODULE: ./build/report/report.js





/** Statuses of a lineage that are a success; anything else fails the run. */
const GOOD = new Set(['created', 'rotated', 'unchanged', 'planned']);
function rotationOk(rotation) {
    return rotation.lineages.every((l) => GOOD.has(l.status)) && rotation.settle?.status !== 'failed';
}
function buildReport(input) {
    const { settings, rotation, now } = input;
    const certificates = input.checked.map(({ certificate, bundle }) => {
        const status = bundle.ok ? 'valid' : 'invalid';
        const lineage = rotation?.lineages.find((l) => l.lineage === certificate.name);
        const report = {
            label: certificate.name ?? subjectLabel(bundle.leaf) ?? certificate.label,
            domains: certificate.domains,
            status,
            outcome: lineage?.status ?? acrossTargets(input.targets, certificate.name) ?? status,
            chain: bundle.chain,
            orderFound: bundle.orderFound,
            // What only the provider's listing shows (a reused key) joins the certificate's own findings.
            findings: lineage === undefined
                ? bundle.findings
                : [...bundle.findings, ...keyReuseFindings(lineage.plan, bundle.leaf?.subject)],
        };
        if (certificate.name !== undefined)
            report.name = certificate.name;
        if (bundle.leaf)
            report.leaf = bundle.leaf;
        return report;
    });
    const servedFindings = input.served?.endpoints.flatMap((e) => e.findings) ?? [];
    const all = [...certificates.flatMap((c) => c.findings), ...servedFindings];
    const count = (level) => all.filter((f) => f.level === level).length;
    const report = {
        mode: settings.mode,
        ok: certificates.every((c) => c.status === 'valid') &&
            (rotation === undefined || rotationOk(rotation)) &&
            (input.targets ?? []).every((t) => t.result !== undefined && rotationOk(t.result)) &&
            !servedFindings.some((f) => f.level === 'error'),
        generatedAt: now.toISOString(),
        warnDays: settings.warnDays,
        failDays: settings.failDays,
        counts: { errors: count('error'), warnings: count('warning'), notices: count('notice') },
        certificates,
        skipped: [...input.skipped],
    };
    if (rotation) {
        const { inventory, ...rest } = rotation;
        report.rotation = rest;
        if (settings.inventory)
            report.inventory = inventory.map((item) => inventoryEntry(item, now));
        const verifications = rotation.lineages.flatMap((l) => (l.verification ? [l.verification] : []));
        if (rotation.mode === 'apply' && verifications.length > 0)
            report.verified = (0,verdict/* overallVerified */.OL)(verifications);
    }
    if (input.matrix)
        report.matrix = [...input.matrix];
    const shard = input.settings.shard;
    if (shard)
        report.shard = shard.count > 1 ? `${shard.target}/${shard.index}/${shard.count}` : shard.target;
    if (input.targets) {
        report.targets = input.targets.map((t) => targetReport(t, settings.inventory, now));
        const verifications = input.targets.flatMap((t) => t.result?.mode === 'apply'
            ? t.result.lineages.flatMap((l) => (l.verification ? [l.verification] : []))
            : []);
        if (verifications.length > 0)
            report.verified = (0,verdict/* overallVerified */.OL)(verifications);
    }
    if (input.served) {
        report.served = input.served.endpoints;
        report.servedSkipped = input.served.skipped;
        report.verified = servedFindings.some((f) => f.level === 'error') ? 'failed' : 'verified';
    }
    return report;
}
/** A certificate's outcome over the targets it went to: the worst; `failed` where a target could not be rotated. */
function acrossTargets(targets, name) {
    if (targets === undefined || name === undefined)
        return undefined;
    const outcomes = new Set();
    for (const target of targets) {
        if (!target.lineages.includes(name))
            continue;
        const status = target.result?.lineages.find((l) => l.lineage === name)?.status;
        outcomes.add(target.error !== undefined ? 'failed' : (status ?? 'failed'));
    }
    return PRIORITY.find((status) => outcomes.has(status));
}
function targetReport(target, inventory, now) {
    const out = { name: target.name, label: target.label, lineages: [...target.lineages] };
    if (target.result) {
        const { inventory: items, ...rotation } = target.result;
        out.rotation = rotation;
        if (inventory)
            out.inventory = items.map((item) => inventoryEntry(item, now));
    }
    if (target.error)
        out.error = target.error;
    return out;
}
/** An unnamed certificate is called what it is for: its CN, else the first name it covers. */
function subjectLabel(leaf) {
    if (leaf === undefined)
        return undefined;
    return leaf.commonName || leaf.dnsNames[0] || leaf.ipAddresses[0];
}
function inventoryEntry(item, now) {
    const { certificate } = item;
    const entry = {
        id: certificate.id,
        name: certificate.name,
        dnsNames: certificate.dnsNames,
    };
    const expiry = certificate.notAfter === undefined ? undefined : new Date(certificate.notAfter);
    if (expiry !== undefined && !Number.isNaN(expiry.getTime())) {
        entry.notAfter = expiry.toISOString();
        entry.daysRemaining = (0,inspect/* daysUntil */.AQ)(expiry, now);
    }
    if (certificate.state !== undefined)
        entry.state = certificate.state;
    if (item.lineage !== undefined)
        entry.lineage = item.lineage;
    if (item.change !== undefined)
        entry.change = item.change;
    return entry;
}
/**
 * Worst first: the run's one-word status is the first of these any certificate has. The README's
 * and action.yml's `status` output describe this order (__tests__/status-docs.test.ts).
 */
const PRIORITY = [
    'failed',
    'blocked',
    'partial',
    'invalid',
    'rotated',
    'created',
    'planned',
    'unchanged',
    'valid',
];
/**
 * The run's status in one word (the `status` output): the worst outcome among its certificates;
 * `skipped` when a pull request could check none (their secrets are not passed), `none` when
 * there were none to check (an inventory-only run).
 */
function overallStatus(report) {
    if (report.served !== undefined) {
        if (report.served.length === 0)
            return 'none';
        return report.served.some((e) => e.findings.some((f) => f.level === 'error')) ? 'invalid' : 'valid';
    }
    const outcomes = new Set(report.certificates.map((c) => c.outcome));
    const worst = PRIORITY.find((status) => outcomes.has(status));
    if (worst !== undefined)
        return worst;
    return report.skipped.length > 0 ? 'skipped' : 'none';
}
function report_verdict(report) {
    const { errors, warnings } = report.counts;
    const tally = `(${[(0,plural/* plural */.L)(errors, 'error'), (0,plural/* plural */.L)(warnings, 'warning')].join(', ')})`;
    const settleFailed = report.rotation?.settle?.status === 'failed' ? ', settle failed' : '';
    const { certificates } = report;
    if (report.served !== undefined) {
        const bad = report.served.filter((e) => e.findings.some((f) => f.level === 'error')).length;
        return `${(0,plural/* plural */.L)(report.served.length, 'endpoint address', 'endpoint addresses')} checked${bad > 0 ? `, ${bad} with errors` : ''} ${tally}`;
    }
    if (certificates.length === 1)
        return `${certificates[0]?.outcome}${settleFailed} ${tally}`;
    if (certificates.length === 0) {
        if (report.inventory)
            return `inventory of ${(0,plural/* plural */.L)(held(report.inventory).length, 'certificate')}`;
        return report.skipped.length > 0 ? 'skipped: nothing could be checked' : 'no certificates';
    }
    const tallies = new Map();
    for (const c of certificates)
        tallies.set(c.outcome, (tallies.get(c.outcome) ?? 0) + 1);
    const parts = PRIORITY.filter((s) => tallies.has(s)).map((s) => `${tallies.get(s)} ${s}`);
    return `${(0,plural/* plural */.L)(certificates.length, 'certificate')}: ${parts.join(', ')}${settleFailed} ${tally}`;
}
/** What the provider still holds: the inventory without what this run removed. */
function held(inventory) {
    return inventory.filter((entry) => entry.change !== 'removed');
}
/** Everything inside warn-days (or expired): what an expiry issue lists, soonest first. */
function expiringSoon(report) {
    const out = [];
    for (const c of report.certificates) {
        // Inside warn-days, or (warn-percent) a leaf's expiry finding said by its share of its lifetime.
        const byShare = c.findings.some((f) => (f.code === 'EXPIRING' || f.code === 'EXPIRES_SOON') && f.subject === c.leaf?.subject);
        if (c.leaf && (c.leaf.daysRemaining <= report.warnDays || byShare)) {
            out.push({
                what: c.label,
                notAfter: c.leaf.notAfter,
                daysRemaining: c.leaf.daysRemaining,
                source: 'checked',
            });
        }
    }
    const inventories = [
        ...(report.inventory ?? []),
        ...(report.targets ?? []).flatMap((t) => (t.inventory ?? []).map((e) => ({ ...e, name: `${e.name} (${t.name})` }))),
    ];
    for (const entry of held(inventories)) {
        if (entry.daysRemaining !== undefined &&
            entry.notAfter !== undefined &&
            entry.daysRemaining <= report.warnDays) {
            out.push({
                what: entry.name,
                notAfter: entry.notAfter,
                daysRemaining: entry.daysRemaining,
                source: 'inventory',
            });
        }
    }
    for (const entry of report.served ?? []) {
        if (entry.daysRemaining === undefined || entry.notAfter === undefined)
            continue;
        // Inside warn-days, or under warn-percent of its lifetime (assess.ts says either as EXPIRING/EXPIRES_SOON).
        const late = entry.findings.some((f) => ['EXPIRED', 'EXPIRES_SOON', 'EXPIRING'].includes(f.code));
        if (entry.daysRemaining <= report.warnDays || late) {
            out.push({
                what: `${(0,endpoints/* formatEndpoint */.T0)(entry)}${entry.address === undefined ? '' : ` at ${entry.address}`}`,
                notAfter: entry.notAfter,
                daysRemaining: entry.daysRemaining,
                source: 'served',
            });
        }
    }
    return out.sort((a, b) => a.daysRemaining - b.daysRemaining);
}
//# sourceMappingURL=report.js.map

/***/ }),

/***/ 8087:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BU: () => (/* binding */ checkTemplate),
/* harmony export */   D0: () => (/* binding */ checkLineageName),
/* harmony export */   KO: () => (/* binding */ lineageMatcher),
/* harmony export */   gU: () => (/* binding */ renderName),
/* harmony export */   m$: () => (/* binding */ lineageIndex),
/* harmony export */   no: () => (/* binding */ DEFAULT_NAME_TEMPLATE)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9473);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6410);
/**
 * Lineages and their names. A lineage is one logical certificate a user manages (`example-com`);
 * each uploaded version gets a name from a template, by default `{name}-{sha1:12}`: unique per
 * content (DigitalOcean refuses a second certificate with the same name), and identifiable by
 * its name alone where a provider lists no certificate data. A remote certificate belongs to the
 * lineage only if its name matches the template for that lineage, or is the lineage name itself:
 * everything else is foreign and never touched.
 */


const DEFAULT_NAME_TEMPLATE = '{name}-{sha1:12}';
const PLACEHOLDER = /\{(name|sha1|sha256|not-after)(?::(\d+))?\}/g;
const LINEAGE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;
/** A lineage name: what users type as `name`, safe in every provider's certificate names. */
/** `label`: how the message names the setting (`name`, `--name`). */
function checkLineageName(name, label = 'name') {
    // A token fits the pattern: it is refused too, or it would name every version and be printed.
    if (!LINEAGE.test(name) || (0,_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .looksLikeToken */ .NM)(name)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`Invalid ${label} ${(0,_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteValue */ .cl)(name)}. Expected 1-63 letters, digits, '.', '_' or '-', starting with a letter or digit.`, 'Use a short identifier for the certificate, e.g. example-com.');
    }
    return name;
}
/** Check a template: it must name the lineage and carry a fingerprint (at least 8 hex digits). */
function checkTemplate(template, label = 'name-template') {
    const parts = [...template.matchAll(PLACEHOLDER)];
    const unknown = template.replace(PLACEHOLDER, '').match(/\{[^}]*\}/);
    if (unknown) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`Invalid ${label} ${(0,_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteValue */ .cl)(template)}: unknown placeholder ${(0,_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .quotable */ .E7)(unknown[0])}.`, 'Use {name}, {sha1}, {sha1:N}, {sha256}, {sha256:N} or {not-after}.');
    }
    if (!parts.some((p) => p[1] === 'name')) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`Invalid ${label} ${(0,_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteValue */ .cl)(template)}: it has no {name}.`, 'Include {name}, e.g. {name}-{sha1:12}.');
    }
    // Every fingerprint, not only the one read back: a longer one renders short and never matches.
    for (const [placeholder, key, digits] of parts) {
        const length = key === 'sha1' ? 40 : key === 'sha256' ? 64 : undefined;
        if (length !== undefined && digits !== undefined && Number(digits) > length) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`Invalid ${label} ${(0,_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteValue */ .cl)(template)}: ${placeholder} asks for more hex digits than ${key} has (${length}).`, `Use at most {${key}:${length}}, or {${key}} for the whole fingerprint.`);
        }
    }
    const fingerprint = parts.find((p) => p[1] === 'sha1' || p[1] === 'sha256');
    const digits = fingerprint ? Number(fingerprint[2] ?? (fingerprint[1] === 'sha1' ? 40 : 64)) : 0;
    if (!fingerprint || digits < 8) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`Invalid ${label} ${(0,_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteValue */ .cl)(template)}: it needs a fingerprint of at least 8 hex digits ({sha1:N} or {sha256:N}).`, 'Each version needs a name of its own (DigitalOcean refuses duplicates) that says which content it holds: e.g. {name}-{sha1:12}.');
    }
    return template;
}
function renderName(template, lineage, version) {
    return template.replace(PLACEHOLDER, (_all, key, digits) => {
        if (key === 'name')
            return lineage;
        if (key === 'not-after')
            return version.notAfter.slice(0, 10).replace(/-/g, '');
        const hex = key === 'sha1' ? version.sha1 : version.sha256;
        return digits === undefined ? hex : hex.slice(0, Number(digits));
    });
}
function lineageMatcher(template, lineage) {
    const kinds = [];
    let source = '';
    let last = 0;
    for (const match of template.matchAll(PLACEHOLDER)) {
        source += escapeRegExp(template.slice(last, match.index));
        const [, key, digits] = match;
        if (key === 'name')
            source += escapeRegExp(lineage);
        else if (key === 'not-after')
            source += '\\d{8}';
        else {
            // Every fingerprint is captured: any of them can contradict what the listing shows.
            kinds.push(key);
            source += `([0-9a-f]{${digits ?? (key === 'sha1' ? '40' : '64')}})`;
        }
        last = match.index + match[0].length;
    }
    source += escapeRegExp(template.slice(last));
    const pattern = new RegExp(`^${source}$`);
    const fingerprintsOf = (name) => {
        const found = pattern.exec(name);
        if (!found)
            return [];
        return kinds.map((kind, i) => ({ kind, prefix: found[i + 1] ?? '' }));
    };
    const listed = (remote, kind) => kind === 'sha1' ? remote.sha1 : remote.sha256;
    return {
        belongs: (name) => name === lineage || pattern.test(name),
        // The first fingerprint is the one read back where nothing is listed.
        fingerprintOf: (name) => fingerprintsOf(name)[0],
        contradiction: (remote) => {
            for (const { kind, prefix } of fingerprintsOf(remote.name)) {
                const value = listed(remote, kind)?.toLowerCase();
                if (value !== undefined && !value.startsWith(prefix)) {
                    const label = kind === 'sha1' ? 'SHA-1' : 'SHA-256';
                    return `its name says ${label} ${prefix}…, but it is listed with ${label} ${value}`;
                }
            }
            return undefined;
        },
        checkable: (remote) => fingerprintsOf(remote.name).some(({ kind }) => listed(remote, kind) !== undefined),
    };
}
function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
/**
 * Which of many lineages a remote name belongs to, without trying every lineage's matcher on
 * every name (a run of 100 lineages on an account of 5,000 certificates would try half a million).
 * Every placeholder but `{name}` has a fixed length, so the lineage name starts at a known offset
 * in any member's name: the few substrings there of the lengths lineage names have are looked up,
 * and only those lineages' matchers are asked. Lineages come back in the order given.
 */
function lineageIndex(template, lineages) {
    const matchers = new Map(lineages.map((lineage) => [lineage, lineageMatcher(template, lineage)]));
    const order = new Map(lineages.map((lineage, i) => [lineage, i]));
    const lengths = [...new Set(lineages.map((lineage) => lineage.length))];
    const offset = nameOffset(template);
    return (name) => {
        const candidates = new Set();
        if (matchers.has(name))
            candidates.add(name);
        for (const length of lengths) {
            const piece = name.slice(offset, offset + length);
            if (piece.length === length && matchers.has(piece))
                candidates.add(piece);
        }
        return [...candidates]
            .filter((lineage) => matchers.get(lineage)?.belongs(name))
            .sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
    };
}
/** Where `{name}` starts in a rendered name: the literal text and fixed-length placeholders before it. */
function nameOffset(template) {
    let offset = 0;
    let last = 0;
    for (const match of template.matchAll(PLACEHOLDER)) {
        offset += (match.index ?? 0) - last;
        const [, key, digits] = match;
        if (key === 'name')
            return offset;
        offset += key === 'not-after' ? 8 : Number(digits ?? (key === 'sha1' ? 40 : 64));
        last = (match.index ?? 0) + match[0].length;
    }
    return offset;
}
//# sourceMappingURL=names.js.map

/***/ }),

/***/ 5061:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  X: () => (/* binding */ UNCHECKED),
  pt: () => (/* binding */ describeUse),
  v9: () => (/* binding */ holds),
  zu: () => (/* binding */ planLineage)
});

// UNUSED EXPORTS: DEFAULT_PLAN_OPTIONS

// EXTERNAL MODULE: ./build/certs/hostnames.js
var hostnames = __webpack_require__(6846);
;// CONCATENATED MODULE: ./build/rotation/coverage.js
/**
 * May a use be moved from an old version to the wanted one? Only if the wanted one covers what the
 * use serves with the old one (RFC 6125 matching, certs/hostnames.ts). A CDN endpoint and a global
 * load balancer name what they serve (custom domain, domains): those names must be covered, with
 * no way around it, or visitors get a certificate for another site. A regional load balancer
 * answers whatever name a client asks, so what it serves is what the old version covers: every
 * one of its DNS names must be covered, unless the user allows the loss (allow-dropped-names).
 *
 * DigitalOcean lists custom certificates with `dns_names: [""]`: then the old version's names are
 * unknown, nothing can be compared, and the move goes ahead (both are versions of the lineage, by
 * their listed fingerprints); the plan records it so the report says it was not checked.
 */

function coverageOf(use, from, wanted, allowDroppedNames) {
    const named = (use.hostnames ?? [])
        .filter((served) => served.certificateId === from.id)
        .map((served) => served.hostname);
    if (named.length > 0) {
        const uncovered = unique(named.filter((hostname) => !(0,hostnames/* covers */.h)(wanted, hostname)));
        if (uncovered.length === 0)
            return {};
        const what = use.kind === 'cdn-endpoint' ? 'its custom domain' : 'its domains';
        return {
            refused: {
                uncovered,
                why: `the new version does not cover ${list(uncovered)}, which it serves (${what}), so it stays on ${from.name}`,
                fix: `Issue the certificate for ${list(uncovered)} too, or move it to another certificate yourself.`,
            },
        };
    }
    const held = unique(from.dnsNames.map((name) => name.trim()).filter((name) => name !== ''));
    if (held.length === 0)
        return { unknown: true };
    const uncovered = held.filter((name) => !(0,hostnames/* covers */.h)(wanted, name));
    if (uncovered.length === 0 || allowDroppedNames)
        return {};
    return {
        refused: {
            uncovered,
            why: `${from.name} covers ${list(uncovered)} and the new version does not, so it stays on ${from.name} (allow-dropped-names is off)`,
            fix: `Issue the certificate for ${list(uncovered)} too, or set allow-dropped-names to true if the load balancer no longer serves them.`,
        },
    };
}
function unique(names) {
    return [...new Set(names)];
}
function list(names) {
    return names.join(', ');
}
//# sourceMappingURL=coverage.js.map
;// CONCATENATED MODULE: ./build/rotation/plan.js

const DEFAULT_PLAN_OPTIONS = {
    removeSuperseded: true,
    keepSuperseded: 0,
    rebind: true,
    allowDroppedNames: false,
};
/** Said of a move whose old version lists no DNS names (DigitalOcean's custom certificates). */
const UNCHECKED = 'it is listed without DNS names, so they could not be compared with the new version';
function planLineage(input) {
    const { desired, matcher, inventory, uses, options } = input;
    const fitting = input.members ?? inventory.filter((remote) => matcher.belongs(remote.name));
    const lookalikes = [];
    const members = [];
    for (const remote of fitting) {
        const why = matcher.contradiction(remote);
        if (why === undefined)
            members.push(remote);
        else
            lookalikes.push({ certificate: remote, why });
    }
    const foreign = inventory.length - members.length;
    const notes = noted({ lookalikes, byNameAlone: members.filter((m) => byName(m, desired, matcher)) });
    const isDesired = (remote) => holds(remote, desired, matcher);
    const present = members
        .filter(isDesired)
        .sort((a, b) => Number(b.name === desired.name) - Number(a.name === desired.name))[0];
    // The desired name fits the lineage's template: a certificate holding it is a member or a lookalike.
    const clash = !present && fitting.find((remote) => remote.name === desired.name);
    if (clash) {
        return {
            desired,
            current: { kind: 'create', name: desired.name },
            steps: [],
            foreign,
            ...notes,
            blocked: `a certificate named ${desired.name} (${clash.id}) already exists with fingerprint ${clash.sha1 ?? 'unknown'}, not ${desired.sha1}: it cannot be replaced or reused.`,
        };
    }
    const steps = [];
    const current = present
        ? { kind: 'present', certificate: present }
        : { kind: 'create', name: desired.name };
    if (present) {
        steps.push({ op: 'unchanged', certificate: present, reason: 'this content is already uploaded' });
    }
    else {
        steps.push({
            op: 'create',
            name: desired.name,
            reason: `no version with fingerprint ${desired.sha1.slice(0, 12)}… is there`,
        });
    }
    // Other members holding the same content (an earlier name) are not superseded: same certificate.
    const superseded = members.filter((m) => m !== present && !isDesired(m)).sort(byAge);
    const rollback = new Set(options.keepSuperseded > 0 ? superseded.slice(-options.keepSuperseded) : []);
    const rebinds = [];
    const removals = [];
    const keeps = [];
    const refused = [];
    const unchecked = [];
    for (const old of superseded) {
        const users = (uses ?? []).filter((use) => use.certificateIds.includes(old.id));
        const stuck = users.filter((use) => !options.rebind || use.managedBy !== undefined);
        const refusedHere = [];
        for (const use of users) {
            if (stuck.includes(use))
                continue;
            const coverage = coverageOf(use, old, input.covers, options.allowDroppedNames);
            if (coverage.refused) {
                refusedHere.push({ use, from: old, ...coverage.refused });
                continue;
            }
            const reason = `it uses ${old.name}, which is superseded`;
            if (coverage.unknown)
                unchecked.push({ use, from: old });
            rebinds.push({
                op: 'rebind',
                use,
                from: old,
                reason: coverage.unknown ? `${reason} (${UNCHECKED})` : reason,
            });
        }
        for (const refusal of refusedHere)
            refused.push(refusal);
        if (stuck.length > 0 || refusedHere.length > 0) {
            const reasons = [
                ...(stuck.length > 0 ? [stuckReason(stuck, options.rebind)] : []),
                ...refusedHere.map((r) => `still used by ${describeUse(r.use)}: ${r.why}`),
            ];
            keeps.push({ op: 'keep', certificate: old, reason: reasons.join('; ') });
        }
        else if (rollback.has(old)) {
            keeps.push({
                op: 'keep',
                certificate: old,
                reason: `rollback: keep-superseded is ${options.keepSuperseded}`,
            });
        }
        else if (!options.removeSuperseded) {
            keeps.push({ op: 'keep', certificate: old, reason: 'remove-superseded is off' });
        }
        else {
            removals.push({
                op: 'remove',
                certificate: old,
                after: users.map((use) => use.id),
                reason: users.length > 0 ? 'superseded; nothing uses it once its users are moved' : 'superseded and unused',
            });
        }
    }
    // As many removals as the provider lists old versions: appended one by one, never spread.
    for (const step of [rebinds, removals, keeps].flat())
        steps.push(step);
    const keyReused = superseded.filter((old) => sameKey(old, desired));
    return {
        desired,
        current,
        steps,
        foreign,
        ...notes,
        ...(refused.length > 0 ? { refused } : {}),
        ...(unchecked.length > 0 ? { unchecked } : {}),
        ...(keyReused.length > 0 ? { keyReused } : {}),
    };
}
/** The plan's optional lists, only when they hold something (a plan stays small to compare). */
function noted(lists) {
    return {
        ...(lists.lookalikes.length > 0 ? { lookalikes: lists.lookalikes } : {}),
        ...(lists.byNameAlone.length > 0 ? { byNameAlone: lists.byNameAlone } : {}),
    };
}
/**
 * A member taken for a version on the strength of its name: the listing has no fingerprint of a
 * kind the name carries. The bare lineage name carries none; it counts only when nothing is listed.
 */
function byName(remote, desired, matcher) {
    if (remote.name === desired.lineage)
        return remote.sha1 === undefined && remote.sha256 === undefined;
    return !matcher.checkable(remote);
}
/** Does `remote` hold the wanted content? By fingerprint, or by the one in its name when none is listed. */
function holds(remote, desired, matcher) {
    if (remote.sha1 !== undefined)
        return remote.sha1 === desired.sha1;
    const named = matcher.fingerprintOf(remote.name);
    if (!named)
        return false;
    return (named.kind === 'sha1' ? desired.sha1 : desired.sha256).startsWith(named.prefix);
}
/** Both public keys known and equal: never a guess where the listing carries no certificate. */
function sameKey(remote, desired) {
    return desired.keySha256 !== undefined && remote.keySha256 === desired.keySha256;
}
/** Oldest first: by upload time, then by expiry, then by name (stable); unknown times sort first. */
function byAge(a, b) {
    return ((a.createdAt ?? '').localeCompare(b.createdAt ?? '') ||
        (a.notAfter ?? '').localeCompare(b.notAfter ?? '') ||
        a.name.localeCompare(b.name));
}
function stuckReason(stuck, rebind) {
    const names = stuck.map((use) => `${describeUse(use)}`).join(', ');
    const managed = stuck.find((use) => use.managedBy !== undefined);
    if (rebind && managed) {
        return `still used by ${names}, managed by ${managed.managedBy}: change it there (for DOKS, the Service annotation)`;
    }
    return `still used by ${names}, and rebind is off`;
}
function describeUse(use) {
    const kind = use.kind === 'cdn-endpoint'
        ? 'CDN endpoint'
        : use.kind === 'global-load-balancer'
            ? 'global load balancer'
            : 'load balancer';
    return `${kind} ${use.name} (${use.id})`;
}
//# sourceMappingURL=plan.js.map

/***/ }),

/***/ 6410:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  to: () => (/* binding */ ECHO_NOTICE),
  pO: () => (/* binding */ Redactor),
  NM: () => (/* binding */ looksLikeToken),
  n0: () => (/* binding */ looksSecret),
  Kc: () => (/* binding */ maskBytes),
  $l: () => (/* binding */ maskSecret),
  E7: () => (/* binding */ quotable),
  cl: () => (/* binding */ quoteValue)
});

// UNUSED EXPORTS: MAX_QUOTED, onceEach

;// CONCATENATED MODULE: ./build/echoes.js
/**
 * Finding a secret that comes back in text we did not write: a provider's error reply that
 * echoes the request (a private key, the API token). Exact matching is not enough: the echo may
 * escape `/` as `\/` (PHP's JSON default) or every character as `\u00XX`, re-wrap the key at 76
 * columns, quote only a slice of it, split it into short pieces, or space a token out. So both
 * the secret and the text are first brought to one form (`normalise`: escapes undone, white
 * space dropped, one case, one base64 alphabet), and then every 16-character window of the
 * text is looked up among the windows of the secrets: any hit means part of a secret is there.
 *
 * Linear in the text: a rolling hash over the windows, a string compare only on a hash hit.
 */
/** The length of a run of a secret that counts as a leak: the key-leak canary's window. */
const WINDOW = 16;
/** Secrets shorter than a window are looked for whole, but not below this: "abc" is in everything. */
const MIN_WHOLE = 8;
/** Escapes inside escapes (JSON quoted in a JSON message) are undone this many layers deep. */
const MAX_LAYERS = 3;
const ENTITIES = {
    amp: '&',
    lt: '<',
    gt: '>',
    quot: '"',
    apos: "'",
    sol: '/',
    plus: '+',
    equals: '=',
};
const ESCAPES = { b: '', f: '', n: '', r: '', t: '', '"': '"', '\\': '\\', '/': '/' };
const ENCODED = /\\u([0-9a-fA-F]{4})|\\(["\\/bfnrt])|%([0-9a-fA-F]{2})|&#[xX]([0-9a-fA-F]{1,6});|&#(\d{1,7});|&(amp|lt|gt|quot|apos|sol|plus|equals);|<br\s*\/?>|\s+/g;
/**
 * Text as a secret in it would read once its encodings are undone: JSON and URL escapes, HTML
 * entities and line breaks, white space squeezed out, lowercase, base64url read as base64.
 * Only for comparing: the result is never shown.
 */
function normalise(text) {
    let out = text;
    for (let layer = 0; layer < MAX_LAYERS; layer++) {
        const next = out.replace(ENCODED, (_all, u, esc, pct, hex, dec, named) => {
            let char = '';
            if (u !== undefined)
                char = String.fromCharCode(Number.parseInt(u, 16));
            else if (esc !== undefined)
                char = ESCAPES[esc] ?? '';
            else if (pct !== undefined)
                char = String.fromCharCode(Number.parseInt(pct, 16));
            else if (hex !== undefined)
                char = safeCodePoint(Number.parseInt(hex, 16));
            else if (dec !== undefined)
                char = safeCodePoint(Number(dec));
            else if (named !== undefined)
                char = ENTITIES[named] ?? '';
            return /\s/.test(char) ? '' : char;
        });
        if (next === out)
            break;
        out = next;
    }
    return out.toLowerCase().replace(/-/g, '+').replace(/_/g, '/');
}
function safeCodePoint(code) {
    return code <= 0x10ffff ? String.fromCodePoint(code) : '';
}
const BASE = 31;
/** BASE ** (WINDOW - 1), modulo 2^32: what the character leaving the window weighed. */
const TOP = (() => {
    let p = 1;
    for (let i = 1; i < WINDOW; i++)
        p = Math.imul(p, BASE);
    return p;
})();
/** The windows of every secret added, and the short secrets whole. */
class SecretWindows {
    windows = new Set();
    hashes = new Set();
    whole = new Set();
    /** A secret, already in the form it would be seen in (see `secretForms`). */
    add(form) {
        const text = normalise(form);
        if (text.length < WINDOW) {
            if (text.length >= MIN_WHOLE)
                this.whole.add(text);
            return;
        }
        for (let i = 0; i + WINDOW <= text.length; i++) {
            const window = text.slice(i, i + WINDOW);
            if (this.windows.has(window))
                continue;
            this.windows.add(window);
            this.hashes.add(hashOf(window));
        }
    }
    get size() {
        return this.windows.size + this.whole.size;
    }
    /** Whether any window of a secret (or a short secret whole) is in `text`, however it is encoded. */
    foundIn(text) {
        if (this.size === 0)
            return false;
        const plain = normalise(text);
        for (const secret of this.whole)
            if (plain.includes(secret))
                return true;
        if (this.windows.size === 0 || plain.length < WINDOW)
            return false;
        let hash = hashOf(plain.slice(0, WINDOW));
        for (let i = 0;; i++) {
            if (this.hashes.has(hash) && this.windows.has(plain.slice(i, i + WINDOW)))
                return true;
            if (i + WINDOW >= plain.length)
                return false;
            hash = (Math.imul(hash - Math.imul(plain.charCodeAt(i), TOP), BASE) + plain.charCodeAt(i + WINDOW)) | 0;
        }
    }
}
function hashOf(window) {
    let hash = 0;
    for (let i = 0; i < window.length; i++)
        hash = (Math.imul(hash, BASE) + window.charCodeAt(i)) | 0;
    return hash;
}
const PEM_MARKER = /-----(?:BEGIN|END) [A-Z0-9 ]+-----/g;
/**
 * The forms in which a secret's content would be recognised: a PEM text by its base64 body
 * (without markers and headers, whatever its line breaks) and the hex of the bytes it encodes;
 * anything else (a token, a passphrase) as it is.
 */
function secretForms(value) {
    const text = value.replace(/\\r\\n|\\n/g, '\n');
    if (!/-----(?:BEGIN|END) /.test(text))
        return [value.trim()];
    const body = text
        .replace(PEM_MARKER, '\n')
        .split(/\r?\n/)
        .filter((line) => !line.includes(':'))
        .join('')
        .replace(/\s+/g, '');
    const forms = [body];
    if (/^[A-Za-z0-9+/]+={0,2}$/.test(body))
        forms.push(Buffer.from(body, 'base64').toString('hex'));
    return forms;
}
//# sourceMappingURL=echoes.js.map
// EXTERNAL MODULE: ./build/plural.js
var plural = __webpack_require__(3412);
;// CONCATENATED MODULE: ./build/secrets.js
/**
 * Masking. GitHub masks a registered secret wherever it appears in the log, but only as the exact
 * string: a multi-line PEM key printed one line at a time, or its base64 body without line breaks,
 * would slip through. So each secret is registered whole, line by line, and as its compact body.
 */


/** Lines shorter than this are not registered on their own: masking "MII" would blank half the log. */
const MIN_PART = 8;
const MARKER = /^-----(BEGIN|END) [A-Z0-9 ]+-----$/;
function maskSecret(value, sink) {
    if (value === undefined || value === '')
        return;
    const parts = new Set([value]);
    const trimmed = value.trim();
    if (trimmed !== '')
        parts.add(trimmed);
    const lines = trimmed.split(/\r?\n|\\r\\n|\\n/).map((line) => line.trim());
    for (const line of lines) {
        if (line.length >= MIN_PART && !MARKER.test(line))
            parts.add(line);
    }
    if (lines.length > 1) {
        const body = lines.filter((line) => !MARKER.test(line) && !line.includes(':')).join('');
        if (body.length >= MIN_PART)
            parts.add(body);
    }
    for (const part of parts)
        sink(part);
}
/** A sink that passes each secret on once: the same key read twice is registered once, not logged twice. */
function onceEach(sink) {
    const seen = new Set();
    return (secret) => {
        if (seen.has(secret))
            return;
        seen.add(secret);
        sink(secret);
    };
}
/** Mask binary secrets (a PKCS#12 file) in the form they would be printed: base64. */
function maskBytes(value, sink) {
    if (value.length > 0)
        maskSecret(Buffer.from(value).toString('base64'), sink);
}
/** What stands for a reply that echoed a secret: not a piece of it is shown. */
const ECHO_NOTICE = 'the reply echoed part of what was sent and is not shown';
/**
 * Keeps secrets out of text that did not come from us (a provider's error reply may echo the
 * request). `echoes` finds any 16-character run of a registered secret however the text has
 * escaped, wrapped, sliced or spaced it (echoes.ts); `redact` then gives up the whole text, as
 * cutting out exactly the echoed parts is what escapes and re-wrapping defeat. `scrub` replaces
 * the exact forms only, for data that is read and never shown (a listing that holds keys).
 */
class Redactor {
    parts = new Set();
    windows = new SecretWindows();
    add(value) {
        maskSecret(value, (part) => {
            this.parts.add(part);
            // As it appears inside JSON text (quotes, backslashes and line breaks escaped).
            this.parts.add(JSON.stringify(part).slice(1, -1));
        });
        if (value !== undefined && value !== '')
            for (const form of secretForms(value))
                this.windows.add(form);
    }
    /** Binary secrets (a PKCS#12 file): as their base64. */
    addBytes(value) {
        if (value.length > 0)
            this.add(Buffer.from(value).toString('base64'));
    }
    /** Whether any part of a registered secret is in `text`, in any encoding `normalise` undoes. */
    echoes(text) {
        return this.windows.foundIn(text);
    }
    /** `text`, or the notice in its place when it echoes a secret. */
    redact(text) {
        return this.echoes(text) ? ECHO_NOTICE : this.scrub(text);
    }
    /** Every exact form of a registered secret replaced by `***`: the rest of the text kept. */
    scrub(text) {
        let out = text;
        for (const part of [...this.parts].sort((a, b) => b.length - a.length))
            out = out.split(part).join('***');
        return out;
    }
}
/**
 * Prefixes of the tokens this action is given or may be mistaken for: DigitalOcean's personal,
 * OAuth and refresh tokens, GitHub's. A value that starts with one is never quoted back.
 */
const TOKEN = /(?:^|[^A-Za-z0-9])(?:do[por]_v1_|gh[pousr]_|github_pat_)[A-Za-z0-9_]{16,}/;
/**
 * Whether text given where a short value belongs (a path, an option) looks like secret material:
 * several lines, a PEM marker, a long run of base64 or hex, a known token. Such text is never
 * quoted back: a key pasted into private-key-file would otherwise be printed whole in the "no
 * such file" error, a token pasted into name in "Invalid name".
 */
function looksSecret(text) {
    return (/[\r\n]|-----BEGIN|-----END/.test(text) ||
        /[A-Za-z0-9+/=_-]{48,}/.test(text) ||
        looksLikeToken(text) ||
        text.length > 400);
}
/**
 * Whether a value that may be a short identifier (a name, a server id, a variable name) holds a
 * token: a known prefix, a long hex run, or a long run of letters and digits mixing capitals,
 * small letters and digits the way random base64 does. Narrower than `looksSecret`: a long
 * lowercase name is not refused, nor a path whose parts are short (a temporary folder's suffix).
 */
function looksLikeToken(text) {
    if (TOKEN.test(text) || /[0-9a-fA-F]{32,}/.test(text))
        return true;
    for (const [run] of text.matchAll(/[A-Za-z0-9]{24,}/g)) {
        if (/[A-Z]/.test(run) && /[a-z]/.test(run) && /[0-9]/.test(run))
            return true;
    }
    return false;
}
/** Text to quote in a message: as given, or a description when it looks like secret material. */
function quotable(text) {
    return looksSecret(text)
        ? `<${(0,plural/* plural */.L)(text.length, 'character')} that look like a key, certificate or token, not shown>`
        : text;
}
/** The longest value a message quotes: a setting's value is a word or a path, not a paragraph. */
const MAX_QUOTED = 64;
/**
 * A value the user gave, quoted for a message about it: in quotes and cut at `MAX_QUOTED`
 * characters, or described when it looks like a key or token. Every message that quotes a
 * setting's value goes through here.
 */
function quoteValue(text) {
    if (looksSecret(text))
        return quotable(text);
    if (text.length <= MAX_QUOTED)
        return `'${text}'`;
    return `'${text.slice(0, MAX_QUOTED - 1)}…' (${(0,plural/* plural */.L)(text.length, 'character')})`;
}
//# sourceMappingURL=secrets.js.map

/***/ }),

/***/ 231:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ parseInteger),
/* harmony export */   y: () => (/* binding */ parseBoolean)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9473);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6410);
/**
 * The value rules every setting shares, wherever it is written (an input, a flag, a manifest
 * target): one rule and one wording. `name` is how the message names the setting there.
 */


function parseInteger(value, name, bounds) {
    if (value === undefined)
        return bounds.fallback;
    const text = value.trim();
    const number = Number(text);
    if (!/^\d{1,6}$/.test(text) || number < bounds.min || number > bounds.max) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`Invalid ${name} ${(0,_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteValue */ .cl)(text)}. Expected a whole number from ${bounds.min} to ${bounds.max}.`);
    }
    return number;
}
/** YAML 1.2 core booleans, as `core.getBooleanInput` accepts, with a message that names the setting. */
function parseBoolean(value, name, fallback) {
    if (value === undefined)
        return fallback;
    const text = value.trim();
    if (['true', 'True', 'TRUE'].includes(text))
        return true;
    if (['false', 'False', 'FALSE'].includes(text))
        return false;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`Invalid ${name} ${(0,_secrets_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteValue */ .cl)(text)}. Expected true or false.`);
}
//# sourceMappingURL=setting-values.js.map

/***/ }),

/***/ 3818:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  J4: () => (/* binding */ parseDomains),
  P$: () => (/* binding */ parseSettings)
});

// UNUSED EXPORTS: MAX_DOMAINS, MAX_DOMAIN_CHARS, parseBoolean

// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
// EXTERNAL MODULE: ./build/certs/validate.js + 5 modules
var validate = __webpack_require__(634);
// EXTERNAL MODULE: ./build/constants.js
var constants = __webpack_require__(2757);
// EXTERNAL MODULE: ./build/providers/digitalocean/scopes.js
var scopes = __webpack_require__(6355);
// EXTERNAL MODULE: ./build/providers/dokploy/permissions.js
var permissions = __webpack_require__(3280);
// EXTERNAL MODULE: ./build/rotation/names.js
var names = __webpack_require__(8087);
// EXTERNAL MODULE: ./build/errors.js
var errors = __webpack_require__(9473);
// EXTERNAL MODULE: ./build/secrets.js + 1 modules
var secrets = __webpack_require__(6410);
// EXTERNAL MODULE: ./build/setting-values.js
var setting_values = __webpack_require__(231);
// EXTERNAL MODULE: ./build/targets/rules.js
var rules = __webpack_require__(7270);
// EXTERNAL MODULE: ./build/vocabulary.js
var vocabulary = __webpack_require__(6914);
// EXTERNAL MODULE: ./build/verification/endpoints.js
var endpoints = __webpack_require__(1284);
// EXTERNAL MODULE: ./build/verification/limits.js
var limits = __webpack_require__(8764);
// EXTERNAL MODULE: ./build/verification/quote.js
var quote = __webpack_require__(6878);
;// CONCATENATED MODULE: ./build/verification/pins.js
/**
 * `resolve` pins in curl's `--resolve` form, `host:port:address[,address…]`: check a name at an
 * address of our choosing (a node not yet in DNS, one behind a load balancer) with no lookup.
 */





const FIX = 'Write host:port:address, e.g. example.com:443:192.0.2.7 or example.com:443:[2001:db8::7].';
function parseAddress(text, entry) {
    const bare = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
    if (bare.includes('%') || (0,external_node_net_.isIP)(bare) === 0) {
        throw new errors/* InputError */.dz(`The resolve entry ${(0,quote/* quote */.h)(entry)} has ${(0,quote/* quote */.h)(text)}, which is not an IP address.`, FIX);
    }
    return (0,external_node_net_.isIP)(bare) === 6 ? new URL(`http://[${bare}]/`).hostname.slice(1, -1) : bare;
}
function parsePin(entry) {
    const text = entry.trim();
    const first = text.indexOf(':');
    const second = first < 0 ? -1 : text.indexOf(':', first + 1);
    if (second < 0)
        throw new errors/* InputError */.dz(`The resolve entry ${(0,quote/* quote */.h)(text)} is not host:port:address.`, FIX);
    const hostText = text.slice(0, first);
    if (hostText.startsWith('+') || hostText.startsWith('-') || hostText === '*') {
        throw new errors/* InputError */.dz(`The resolve entry ${(0,quote/* quote */.h)(text)} uses curl's +, - or * forms, which are not supported here.`, FIX);
    }
    const list = text
        .slice(second + 1)
        .split(',')
        .filter((part) => part !== '');
    if (list.length === 0)
        throw new errors/* InputError */.dz(`The resolve entry ${(0,quote/* quote */.h)(text)} has no address.`, FIX);
    if (list.length > limits/* MAX_PIN_ADDRESSES */.MS) {
        throw new errors/* InputError */.dz(`The resolve entry ${(0,quote/* quote */.h)(text)} lists ${list.length} addresses; at most ${limits/* MAX_PIN_ADDRESSES */.MS}.`, FIX);
    }
    const endpoint = { host: (0,endpoints/* parseHost */.o6)(hostText, text), port: (0,endpoints/* parsePort */.pz)(text.slice(first + 1, second), text) };
    return { endpoint, addresses: [...new Set(list.map((part) => parseAddress(part, text)))] };
}
/** Many pins; two for the same host:port add their addresses together. */
function parsePins(entries) {
    const wanted = entries.map((entry) => entry.trim()).filter((entry) => entry !== '');
    if (wanted.length > limits/* MAX_ENTRIES */.Sd) {
        throw new errors/* InputError */.dz(`${wanted.length} resolve entries were given; at most ${limits/* MAX_ENTRIES */.Sd}.`, 'List fewer resolve entries.');
    }
    const pins = new Map();
    for (const entry of wanted) {
        const { endpoint, addresses } = parsePin(entry);
        const key = (0,endpoints/* formatEndpoint */.T0)(endpoint);
        pins.set(key, [...new Set([...(pins.get(key) ?? []), ...addresses])]);
    }
    return pins;
}
//# sourceMappingURL=pins.js.map
;// CONCATENATED MODULE: ./build/verify-settings.js
/**
 * The settings of the live check: whether to look at what clients are served after apply (and in
 * check mode), where to look, how long to wait, and what to do when an endpoint stays stale.
 * Read from the same raw inputs as everything else (settings.ts calls this), so the action and the
 * command word their errors the same way.
 */





/** Five minutes: a global load balancer switches in one to three (DIGITALOCEAN-NOTES.md). */
const DEFAULT_VERIFY_TIMEOUT_SECONDS = 300;
const MAX_VERIFY_TIMEOUT_SECONDS = 3600;
function parseVerify(get, words, provider) {
    const { name: named } = words;
    // `true` reads as what it plainly means: check, as auto does.
    const given = get(constants/* Inputs */.G0.Verify)?.trim().toLowerCase() ?? 'auto';
    const modeText = given === 'true' ? 'auto' : given;
    if (!constants/* VERIFY_MODES */.v4.includes(modeText)) {
        throw new errors/* InputError */.dz(`Invalid ${named(constants/* Inputs */.G0.Verify)} ${(0,secrets/* quoteValue */.cl)(modeText)}. Expected one of: ${constants/* VERIFY_MODES */.v4.join(', ')}.`, 'auto (or true) checks every endpoint that can be reached, require also fails on one that cannot, false checks nothing.');
    }
    const onFailure = get(constants/* Inputs */.G0.OnVerifyFailure)?.trim().toLowerCase() ?? 'keep';
    if (!constants/* VERIFY_FAILURE_ACTIONS */.dI.includes(onFailure)) {
        throw new errors/* InputError */.dz(`Invalid ${named(constants/* Inputs */.G0.OnVerifyFailure)} ${(0,secrets/* quoteValue */.cl)(onFailure)}. Expected one of: ${constants/* VERIFY_FAILURE_ACTIONS */.dI.join(', ')}.`);
    }
    if (onFailure === 'rollback' && provider === 'dokploy') {
        throw new errors/* InputError */.dz(`${named(constants/* Inputs */.G0.OnVerifyFailure)}: rollback applies to DigitalOcean only.`, 'Dokploy has nothing to move back: a certificate is served by name, and the superseded one stays until the new one is verified. Remove it, or set it to keep.');
    }
    const timeout = get(constants/* Inputs */.G0.VerifyTimeoutSeconds)?.trim();
    let timeoutSeconds = DEFAULT_VERIFY_TIMEOUT_SECONDS;
    if (timeout !== undefined) {
        const number = Number(timeout);
        if (!/^\d{1,5}$/.test(timeout) || number > MAX_VERIFY_TIMEOUT_SECONDS) {
            throw new errors/* InputError */.dz(`Invalid ${named(constants/* Inputs */.G0.VerifyTimeoutSeconds)} ${(0,secrets/* quoteValue */.cl)(timeout)}. Expected a whole number of seconds from 0 to ${MAX_VERIFY_TIMEOUT_SECONDS}.`, '0 checks once without waiting; the default, 300, gives a global load balancer time to switch.');
        }
        timeoutSeconds = number;
    }
    const ca = get(constants/* Inputs */.G0.TrustedCa);
    return {
        mode: modeText === 'false' ? 'off' : modeText,
        endpoints: within(named(constants/* Inputs */.G0.Endpoints), () => (0,endpoints/* parseEndpoints */.aL)(listOf(get(constants/* Inputs */.G0.Endpoints)))),
        // A pin lists its addresses with commas (curl's form), so pins are split on spaces and lines only.
        pins: within(named(constants/* Inputs */.G0.Resolve), () => parsePins(listOf(get(constants/* Inputs */.G0.Resolve), /\s+/))),
        trustedCa: ca === undefined
            ? undefined
            : ca.includes('-----BEGIN')
                ? { kind: 'value', label: named(constants/* Inputs */.G0.TrustedCa), text: ca }
                : { kind: 'file', label: named(constants/* Inputs */.G0.TrustedCa), path: ca.trim() },
        timeoutSeconds,
        onFailure: onFailure,
    };
}
/** Entries separated by commas, spaces or new lines, as `domains` takes them. */
function listOf(value, separator = /[\s,]+/) {
    return value === undefined ? [] : value.split(separator).filter((entry) => entry !== '');
}
/** A parser's error, said to come from the setting it was given in. */
function within(setting, parse) {
    try {
        return parse();
    }
    catch (thrown) {
        if (thrown instanceof errors/* CertRotateError */.iV)
            throw new errors/* InputError */.dz(`In ${setting}: ${thrown.message}`, thrown.fix);
        throw thrown;
    }
}
//# sourceMappingURL=verify-settings.js.map
// EXTERNAL MODULE: ./build/certs/lifetime.js
var lifetime = __webpack_require__(7177);
// EXTERNAL MODULE: ./build/fleet/shards.js
var shards = __webpack_require__(4274);
// EXTERNAL MODULE: ./build/loopback.js
var loopback = __webpack_require__(2515);
;// CONCATENATED MODULE: ./build/notify/settings.js
/**
 * The chat alert's settings: the webhook, the message's form and when to send it. Read by
 * src/settings.ts with the rest. The webhook URL is a secret (Slack's and Mattermost's carry their
 * token in the path), so no message here quotes it, not even a piece of it.
 */




const EXAMPLE = 'e.g. https://hooks.slack.com/services/…, from a secret';
/** Undefined when no webhook is set: the run sends nothing. The other two are checked either way. */
function parseNotify(get, words) {
    const { name: named } = words;
    const format = oneOf(get(constants/* Inputs */.G0.NotifyFormat), named(constants/* Inputs */.G0.NotifyFormat), constants/* NOTIFY_FORMATS */.fK, 'slack');
    const on = oneOf(get(constants/* Inputs */.G0.NotifyOn), named(constants/* Inputs */.G0.NotifyOn), constants/* NOTIFY_ON */.GA, 'attention');
    const raw = get(constants/* Inputs */.G0.NotifyWebhook)?.trim();
    if (raw === undefined)
        return undefined;
    return { url: webhookUrl(raw, words), format, on };
}
function oneOf(value, name, allowed, fallback) {
    if (value === undefined)
        return fallback;
    const text = value.trim().toLowerCase();
    if (allowed.includes(text))
        return text;
    throw new errors/* InputError */.dz(`Invalid ${name} ${(0,secrets/* quoteValue */.cl)(value.trim())}. Expected one of: ${allowed.join(', ')}.`);
}
/**
 * https, or plain http to this machine only (a test receiver, a tunnel): over plain http the token
 * in the path would cross the network in the clear. Each refusal says what is wrong, never what
 * was given.
 */
function webhookUrl(raw, words) {
    const name = words.name(constants/* Inputs */.G0.NotifyWebhook);
    let url;
    try {
        url = new URL(raw);
    }
    catch {
        throw new errors/* InputError */.dz(`${name} is not a URL (its value is a secret and is not shown).`, `Give the incoming-webhook address the chat shows, ${EXAMPLE}.`);
    }
    if (url.username !== '' || url.password !== '') {
        throw new errors/* InputError */.dz(`${name} holds a user name or password before its host (the value is a secret and is not shown).`, `Give the incoming-webhook address as the chat shows it, ${EXAMPLE}.`);
    }
    if (url.protocol === 'https:')
        return url;
    if (url.protocol === 'http:' && (0,loopback/* isLoopbackHost */.c)(url.hostname))
        return url;
    throw new errors/* InputError */.dz(url.protocol === 'http:'
        ? `${name} is a plain http address of another machine: the token in it would travel unencrypted (the value is a secret and is not shown).`
        : `${name} is not an http(s) address (the value is a secret and is not shown).`, `Use the https:// address, ${EXAMPLE}. Plain http is accepted only to this machine (localhost, 127.0.0.1, [::1]).`);
}
//# sourceMappingURL=settings.js.map
;// CONCATENATED MODULE: ./build/settings.js
/**
 * Every input, read and validated in one place into one typed object. The action and the
 * terminal command collect raw strings differently (`core.getInput` / flags and environment)
 * and both hand them to `parseSettings`, so the rules and the error messages are the same.
 */
















/** The rule every true/false setting follows; here too, where the settings' tests have always found it. */

const PARTS = [
    { role: 'certificate', value: constants/* Inputs */.G0.Certificate, file: constants/* Inputs */.G0.CertificateFile },
    { role: 'chain', value: constants/* Inputs */.G0.CertificateChain, file: constants/* Inputs */.G0.CertificateChainFile },
    { role: 'private-key', value: constants/* Inputs */.G0.PrivateKey, file: constants/* Inputs */.G0.PrivateKeyFile },
    { role: 'pkcs12', value: constants/* Inputs */.G0.Pkcs12, file: constants/* Inputs */.G0.Pkcs12File },
];
/** Inputs about the one certificate: with a manifest, each entry says these for itself. */
const SINGLE_INPUTS = [
    ...PARTS.flatMap((p) => [p.value, p.file]),
    constants/* Inputs */.G0.KeyPassphrase,
    constants/* Inputs */.G0.Pkcs12Password,
    constants/* Inputs */.G0.Name,
    constants/* Inputs */.G0.Domains,
];
function parseSettings(raw, place = {}) {
    const get = (name) => {
        const value = raw[name];
        return value === undefined || value.trim() === '' ? undefined : value;
    };
    const skipped = [];
    const secretsOptional = place.pullRequest === true;
    const words = place.words ?? vocabulary/* ACTION_WORDS */.d;
    const { name: named } = words;
    let mode = (get(constants/* Inputs */.G0.Mode) ?? 'apply').trim().toLowerCase();
    if (!constants/* MODES */.FN.includes(mode)) {
        throw new errors/* InputError */.dz(`Invalid mode ${(0,secrets/* quoteValue */.cl)(mode)}. Expected one of: ${constants/* MODES */.FN.join(', ')}.`);
    }
    if (place.pullRequest && mode === 'apply') {
        // A pull request is a proposal: its certificates are checked and planned, never uploaded.
        mode = 'plan';
        skipped.push('apply: a pull request only plans; the rotation is applied after merge (push or schedule).');
    }
    // With a manifest and no provider of the run's own, every certificate goes to the manifest's
    // targets, whose tokens are read where the manifest is (a pull request leaves out the targets
    // whose tokens it cannot see): there is no api-token to miss.
    const targetsOnly = get(constants/* Inputs */.G0.Manifest) !== undefined &&
        get(constants/* Inputs */.G0.Provider) === undefined &&
        get(constants/* Inputs */.G0.ApiToken) === undefined;
    if (secretsOptional && mode === 'plan' && get(constants/* Inputs */.G0.ApiToken) === undefined && !targetsOnly) {
        mode = 'validate';
        skipped.push(`plan: ${constants/* Inputs */.G0.ApiToken} is empty, as secrets are not passed to pull requests from forks (or Dependabot); the certificate was only validated.`);
    }
    const warnDays = parseDays(get(constants/* Inputs */.G0.WarnDays), named(constants/* Inputs */.G0.WarnDays), validate/* DEFAULT_WARN_DAYS */.XM);
    const failDays = parseDays(get(constants/* Inputs */.G0.FailDays), named(constants/* Inputs */.G0.FailDays), validate/* DEFAULT_FAIL_DAYS */.xp);
    if (failDays > warnDays) {
        throw new errors/* InputError */.dz(`${named(constants/* Inputs */.G0.FailDays)} (${failDays}) is larger than ${named(constants/* Inputs */.G0.WarnDays)} (${warnDays}).`, `Set ${named(constants/* Inputs */.G0.FailDays)} to at most ${named(constants/* Inputs */.G0.WarnDays)}: a certificate fails after it has been warned about.`);
    }
    const percent = (input) => {
        const value = get(input);
        return value === undefined ? undefined : (0,lifetime/* parsePercent */.l)(value.trim(), named(input));
    };
    const warnPercent = percent(constants/* Inputs */.G0.WarnPercent);
    const failPercent = percent(constants/* Inputs */.G0.FailPercent);
    if (warnPercent !== undefined && failPercent !== undefined && failPercent > warnPercent) {
        throw new errors/* InputError */.dz(`${named(constants/* Inputs */.G0.FailPercent)} (${failPercent}) is larger than ${named(constants/* Inputs */.G0.WarnPercent)} (${warnPercent}).`, `Set ${named(constants/* Inputs */.G0.FailPercent)} to at most ${named(constants/* Inputs */.G0.WarnPercent)}: a certificate fails after it has been warned about.`);
    }
    const inventory = (0,setting_values/* parseBoolean */.y)(get(constants/* Inputs */.G0.Inventory), named(constants/* Inputs */.G0.Inventory), false);
    if (inventory && (mode === 'validate' || mode === 'check') && !secretsOptional) {
        throw new errors/* InputError */.dz(`${named(constants/* Inputs */.G0.Inventory)} lists what the provider holds, which ${words.mode(mode)} never contacts.`, `Use ${words.mode('plan')} (read-only) to report the inventory.`);
    }
    if (mode === 'check')
        return checkSettings(get, { warnDays, failDays, warnPercent, failPercent }, raw, words, skipped);
    const certificates = readCertificates(get, raw, {
        inventory,
        mode: mode,
        secretsOptional,
        skipped,
        words,
    });
    const rotation = mode === 'validate' || targetsOnly ? undefined : parseRotation(get, raw, mode, words);
    if (rotation && certificates.kind === 'inputs' && certificates.entry.name === undefined) {
        throw new errors/* InputError */.dz(`${named(constants/* Inputs */.G0.Name)} is required for ${words.mode(mode)}.`, 'Give the certificate a short name, e.g. example-com: every uploaded version is named after it.');
    }
    return {
        mode: mode,
        certificates,
        rotation,
        inventory: inventory && mode !== 'validate',
        warnDays,
        failDays,
        warnPercent,
        failPercent,
        repairChain: (0,setting_values/* parseBoolean */.y)(get(constants/* Inputs */.G0.RepairChain), named(constants/* Inputs */.G0.RepairChain), true),
        verify: verifyFor(get, words, rotation, mode),
        allowDroppedNames: (0,setting_values/* parseBoolean */.y)(get(constants/* Inputs */.G0.AllowDroppedNames), named(constants/* Inputs */.G0.AllowDroppedNames), false),
        ...shardOf(get(constants/* Inputs */.G0.Shard), named(constants/* Inputs */.G0.Shard)),
        github: githubSettings(get, raw, words),
        notify: parseNotify(get, words),
        secretsOptional,
        skipped,
        words,
    };
}
/**
 * The live check's settings for plan and apply. Validate mode checks none, but its settings are
 * still read, so a mistake in them shows in a pull request's check (which validates) before the
 * apply that needs them.
 */
function verifyFor(get, words, rotation, mode) {
    const verify = parseVerify(get, words, rotation?.provider.kind ?? get(constants/* Inputs */.G0.Provider)?.trim().toLowerCase());
    return mode === 'validate' ? undefined : verify;
}
function shardOf(value, name) {
    return value === undefined ? {} : { shard: (0,shards/* parseShard */.uK)(value, name) };
}
function githubSettings(get, raw, { name: named }) {
    return {
        token: raw[constants/* Inputs */.G0.GitHubToken]?.trim() || undefined,
        commentOnPr: (0,setting_values/* parseBoolean */.y)(get(constants/* Inputs */.G0.CommentOnPr), named(constants/* Inputs */.G0.CommentOnPr), true),
        expiryIssue: (0,setting_values/* parseBoolean */.y)(get(constants/* Inputs */.G0.ExpiryIssue), named(constants/* Inputs */.G0.ExpiryIssue), false),
    };
}
/**
 * Inputs check mode does not read: it looks at what endpoints serve, not at files or secrets.
 * Only inputs without a default in action.yml: the runner passes every default, always.
 */
const NOT_FOR_CHECK = SINGLE_INPUTS.filter((input) => input !== constants/* Inputs */.G0.Domains);
/**
 * Check mode needs no provider and no certificate: it connects to the endpoints given, each
 * domain of `domains` on port 443, and a manifest's entries' domains and endpoints.
 */
function checkSettings(get, expiry, raw, words, skipped) {
    const { name: named } = words;
    const unused = NOT_FOR_CHECK.find((input) => get(input) !== undefined);
    if (unused !== undefined) {
        throw new errors/* InputError */.dz(`${named(unused)} is set, but ${words.mode('check')} reads no certificate: it connects to endpoints and reports what they serve.`, `Remove ${named(unused)}, and list what to check in ${named(constants/* Inputs */.G0.Endpoints)} or ${named(constants/* Inputs */.G0.Domains)} (or a ${named(constants/* Inputs */.G0.Manifest)}).`);
    }
    const verify = parseVerify(get, words, undefined);
    if (verify.mode === 'off') {
        throw new errors/* InputError */.dz(`${named(constants/* Inputs */.G0.Verify)} is false, and ${words.mode('check')} is nothing but that check.`, `Set ${named(constants/* Inputs */.G0.Verify)} to auto or require, or use another mode.`);
    }
    const domains = parseDomains(get(constants/* Inputs */.G0.Domains), named(constants/* Inputs */.G0.Domains));
    const manifest = get(constants/* Inputs */.G0.Manifest)?.trim();
    if (domains.length === 0 && verify.endpoints.length === 0 && manifest === undefined) {
        throw new errors/* InputError */.dz(`${words.mode('check')} has nothing to connect to.`, `List ${named(constants/* Inputs */.G0.Endpoints)} (host or host:port), or ${named(constants/* Inputs */.G0.Domains)} (each checked on port 443), or give a ${named(constants/* Inputs */.G0.Manifest)}.`);
    }
    if (get(constants/* Inputs */.G0.Provider) !== undefined) {
        skipped.push(`${named(constants/* Inputs */.G0.Provider)}: ${words.mode('check')} contacts no provider; it was not used.`);
    }
    return {
        mode: 'check',
        certificates: manifest === undefined ? { kind: 'none' } : { kind: 'manifest', path: manifest },
        rotation: undefined,
        inventory: false,
        ...expiry,
        repairChain: true,
        verify: { ...verify, domains },
        github: githubSettings(get, raw, words),
        notify: parseNotify(get, words),
        secretsOptional: false,
        skipped,
        words,
    };
}
function readCertificates(get, raw, context) {
    const { name: named } = context.words;
    const manifest = get(constants/* Inputs */.G0.Manifest)?.trim();
    if (manifest !== undefined) {
        const clash = SINGLE_INPUTS.find((name) => get(name) !== undefined);
        if (clash !== undefined) {
            throw new errors/* InputError */.dz(`Both ${named(constants/* Inputs */.G0.Manifest)} and ${named(clash)} are set.`, `With a manifest, every certificate's parts, name and domains are in its entry: remove ${named(clash)}, or remove ${named(constants/* Inputs */.G0.Manifest)} to rotate one certificate from the other settings.`);
        }
        return { kind: 'manifest', path: manifest };
    }
    const parts = [];
    for (const part of PARTS) {
        const value = get(part.value);
        const file = get(part.file)?.trim();
        if (value !== undefined && file !== undefined) {
            throw new errors/* InputError */.dz(`Both ${named(part.value)} and ${named(part.file)} are set. Give the value or the file, not both.`);
        }
        if (value !== undefined)
            parts.push({ role: part.role, source: { kind: 'value', label: named(part.value), text: value } });
        if (file !== undefined)
            parts.push({ role: part.role, source: { kind: 'file', label: named(part.file), path: file } });
    }
    const name = get(constants/* Inputs */.G0.Name)?.trim();
    if (!parts.some((p) => p.role === 'certificate' || p.role === 'pkcs12')) {
        if (context.secretsOptional) {
            context.skipped.push('validation: no certificate was given (it comes from a secret this pull request cannot see).');
            return { kind: 'none' };
        }
        if (context.inventory && context.mode !== 'validate' && parts.length === 0 && name === undefined) {
            return { kind: 'none' };
        }
        throw new errors/* InputError */.dz('No certificate was given.', `Give the certificate: ${named(constants/* Inputs */.G0.CertificateFile)} (a PEM file) or ${named(constants/* Inputs */.G0.Certificate)} (the PEM itself); or a PKCS#12 file: ${named(constants/* Inputs */.G0.Pkcs12File)} or ${named(constants/* Inputs */.G0.Pkcs12)}; or a list of certificates: ${named(constants/* Inputs */.G0.Manifest)}. ${context.words.missing}`);
    }
    const hasKey = parts.some((p) => p.role === 'private-key' || p.role === 'pkcs12');
    if (!hasKey && context.secretsOptional) {
        context.skipped.push('key check: no private key was given (it comes from a secret this pull request cannot see), so the key was not matched to the certificate.');
    }
    const secret = (input, emptyCounts = false) => {
        const text = raw[input];
        return text === undefined || (text === '' && !emptyCounts)
            ? undefined
            : { kind: 'value', label: named(input), text };
    };
    return {
        kind: 'inputs',
        entry: {
            name: name === undefined ? undefined : (0,names/* checkLineageName */.D0)(name, named(constants/* Inputs */.G0.Name)),
            parts,
            keyPassphrase: secret(constants/* Inputs */.G0.KeyPassphrase),
            // An empty PKCS#12 password is a real one (some exports use it): only absent means none.
            pkcs12Password: secret(constants/* Inputs */.G0.Pkcs12Password, true),
            domains: parseDomains(get(constants/* Inputs */.G0.Domains), named(constants/* Inputs */.G0.Domains)),
            requireKey: hasKey || !context.secretsOptional,
        },
    };
}
function parseRotation(get, raw, mode, words) {
    const { name: named } = words;
    const kind = (0,rules/* readProviderKind */.iJ)(get(constants/* Inputs */.G0.Provider), named(constants/* Inputs */.G0.Provider));
    if (kind === undefined) {
        throw new errors/* InputError */.dz(`${named(constants/* Inputs */.G0.Provider)} is required for ${words.mode(mode)}.`, `Set ${named(constants/* Inputs */.G0.Provider)} to ${constants/* PROVIDERS */.xq.join(' or ')}, or use ${words.mode('validate')} to only check the certificate.`);
    }
    // Plan only reads: a token for it needs (and a refusal asks for) the read permissions alone.
    const tokenHelp = {
        access: mode === 'plan' ? 'read' : 'write',
        via: words.via(constants/* Inputs */.G0.ApiToken),
    };
    const token = raw[constants/* Inputs */.G0.ApiToken]?.trim();
    if (!token) {
        throw new errors/* InputError */.dz(`${named(constants/* Inputs */.G0.ApiToken)} is required for ${words.mode(mode)}.`, kind === 'digitalocean' ? (0,scopes/* tokenFix */.z5)(tokenHelp) : (0,permissions/* keyFix */.d)(tokenHelp));
    }
    // The same rules as a manifest's targets (targets/rules.ts); the inputs stop at the first refusal.
    const target = (0,rules/* readTargetFields */.N0)(kind, get, named, (_, error) => {
        throw error;
    });
    return {
        provider: {
            kind,
            token,
            apiUrl: target.apiUrl,
            serverId: target.serverId,
            reloadTraefik: target.reloadTraefik,
            tokenHelp,
        },
        template: target.template,
        plan: {
            ...target.plan,
            allowDroppedNames: (0,setting_values/* parseBoolean */.y)(get(constants/* Inputs */.G0.AllowDroppedNames), named(constants/* Inputs */.G0.AllowDroppedNames), false),
        },
        concurrency: target.concurrency,
        timeoutSeconds: target.timeoutSeconds,
    };
}
function parseDays(value, name, fallback) {
    if (value === undefined)
        return fallback;
    const text = value.trim();
    if (!/^\d{1,5}$/.test(text)) {
        throw new errors/* InputError */.dz(`Invalid ${name} ${(0,secrets/* quoteValue */.cl)(text)}. Expected a whole number of days, e.g. ${fallback}.`);
    }
    return Number(text);
}
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
/** RFC 1035: 255 octets on the wire, so 253 characters written out (labels of at most 63). */
const MAX_DOMAIN_CHARS = 253;
/** Public CAs put at most a few hundred names in one certificate; each name asked for is checked. */
const MAX_DOMAINS = 1000;
/** `name` is how the message names the list: the input (or flag), or a manifest entry's key. */
function parseDomains(value, name = constants/* Inputs */.G0.Domains) {
    if (value === undefined)
        return [];
    const out = [];
    // A Set beside the list: `out.includes` per name is quadratic in a long list.
    const seen = new Set();
    const items = value.split(/[\s,]+/).filter((item) => item !== '');
    if (items.length > MAX_DOMAINS) {
        throw new errors/* InputError */.dz(`${name} lists ${items.length} names; at most ${MAX_DOMAINS} are checked (a certificate covers a few hundred at most).`, 'List the names this certificate must cover.');
    }
    for (const item of items) {
        const domain = item.trim().replace(/\.$/, '').toLowerCase();
        if (domain === '')
            continue;
        checkDomainLength(domain, domain, name);
        if (/^[a-z][a-z0-9+.-]*:\/\//.test(domain) || domain.includes('/')) {
            const bare = domain.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').split('/')[0];
            throw new errors/* InputError */.dz(`Invalid domain ${(0,secrets/* quoteValue */.cl)(item)} in ${name}: it is a URL. Give the host name ${(0,secrets/* quoteValue */.cl)(bare ?? '')}.`);
        }
        const host = domain.startsWith('*.') ? domain.slice(2) : domain;
        const ascii = (0,external_node_net_.isIP)(host) === 0 ? (0,external_node_url_.domainToASCII)(host) : '';
        const valid = ((0,external_node_net_.isIP)(host) !== 0 && host === domain) ||
            (ascii !== '' && ascii.split('.').every((label) => LABEL.test(label)));
        if (ascii !== '')
            checkDomainLength(domain, domain === host ? ascii : `*.${ascii}`, name);
        if (!valid) {
            throw new errors/* InputError */.dz(`Invalid domain ${(0,secrets/* quoteValue */.cl)(item)} in ${name}. Expected host names such as example.com or *.example.com, or IP addresses.`);
        }
        if (!seen.has(domain)) {
            seen.add(domain);
            out.push(domain);
        }
    }
    return out;
}
/** `ascii`: the whole name in ASCII (punycode is longer). A long name is quoted by its start only. */
function checkDomainLength(domain, ascii, name) {
    const length = ascii.length;
    if (length <= MAX_DOMAIN_CHARS)
        return;
    const shown = domain.length > 40 ? `${domain.slice(0, 40)}…` : domain;
    throw new errors/* InputError */.dz(`Invalid domain '${shown}' in ${name}: it is ${length} characters long${ascii === domain ? '' : ' in its ASCII form'}; a domain name has at most ${MAX_DOMAIN_CHARS} (RFC 1035).`);
}
//# sourceMappingURL=settings.js.map

/***/ }),

/***/ 7632:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Kv: () => (/* binding */ DEFAULT_TARGET),
/* harmony export */   RI: () => (/* binding */ byTarget),
/* harmony export */   hO: () => (/* binding */ pairsFor)
/* harmony export */ });
/** The target of the run's own provider settings (the action's inputs, the command's flags). */
const DEFAULT_TARGET = 'default';
/**
 * Each certificate with each of its targets, in the manifest's order; `namesOf` says where one
 * goes (a loaded certificate's `targets`, or a checked one's `certificate.targets`). A name with no
 * resolved target takes nothing: that target was left out and said (its token is a secret this
 * pull request cannot see); parsing has refused every other name that is not a target.
 */
function pairsFor(certificates, targets, namesOf) {
    const byName = new Map(targets.map((t) => [t.name, t]));
    return certificates.flatMap((certificate) => namesOf(certificate).flatMap((name) => {
        const target = byName.get(name);
        return target === undefined ? [] : [{ certificate, target }];
    }));
}
/**
 * The pairs by target: one rotation each (its own client, rate limiter and listing). With
 * `every`, each of those targets has its group, in that order, empty ones too (an inventory, or a
 * re-run that only lists); without, the targets in the order they first appear.
 */
function byTarget(pairs, every) {
    const groups = new Map();
    for (const target of every ?? [])
        groups.set(target.name, { target, certificates: [] });
    for (const { certificate, target } of pairs) {
        const group = groups.get(target.name) ?? { target, certificates: [] };
        group.certificates.push(certificate);
        groups.set(target.name, group);
    }
    return [...groups.values()];
}
//# sourceMappingURL=pairs.js.map

/***/ }),

/***/ 7270:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N0: () => (/* binding */ readTargetFields),
/* harmony export */   iJ: () => (/* binding */ readProviderKind),
/* harmony export */   sz: () => (/* binding */ TARGET_SETTINGS)
/* harmony export */ });
/* unused harmony exports KEEP_SUPERSEDED, CONCURRENCY, TIMEOUT_SECONDS */
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2757);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9473);
/* harmony import */ var _rotation_names_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8087);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6410);
/* harmony import */ var _setting_values_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(231);
/**
 * A target's provider settings, by one set of rules: the action's own inputs (the `default`
 * target) and each target of a manifest are read through here, so both refuse the same values
 * with the same words. Reading goes on past a refused value and `fail` decides what happens to
 * it: the inputs stop at the first, a manifest collects them all with their lines.
 */





/** A target's settings besides its token: a manifest target's keys are these names, as the inputs'. */
const TARGET_SETTINGS = [
    _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.Provider,
    _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.ApiUrl,
    _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.ServerId,
    _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.NameTemplate,
    _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.Rebind,
    _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.ReloadTraefik,
    _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.RemoveSuperseded,
    _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.KeepSuperseded,
    _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.Concurrency,
    _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.TimeoutSeconds,
];
const KEEP_SUPERSEDED = { fallback: 0, min: 0, max: 100 };
const CONCURRENCY = { fallback: _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_CONCURRENCY */ .WH, min: 1, max: 100 };
const TIMEOUT_SECONDS = { fallback: 30, min: 1, max: 600 };
/** The provider named; undefined when none is (what that means is the caller's to say). */
function readProviderKind(value, name) {
    const kind = value?.trim().toLowerCase();
    if (kind === undefined || kind === '')
        return undefined;
    if (!_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .PROVIDERS */ .xq.includes(kind)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`Invalid ${name} ${(0,_secrets_js__WEBPACK_IMPORTED_MODULE_3__/* .quoteValue */ .cl)(kind)}. Expected one of: ${_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .PROVIDERS */ .xq.join(', ')}.`);
    }
    return kind;
}
/**
 * Everything but the provider and the token. `kind` undefined (not given, or refused already):
 * the checks that depend on it are left out, so one mistake is not reported twice.
 */
function readTargetFields(kind, get, named, refused) {
    const read = (setting, fallback, rule) => {
        try {
            return rule();
        }
        catch (thrown) {
            if (!(thrown instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz))
                throw thrown;
            refused(setting, thrown);
            return fallback;
        }
    };
    const apiUrl = get(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.ApiUrl)?.trim();
    if (kind === 'dokploy' && apiUrl === undefined) {
        refused(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.ApiUrl, new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`${named(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.ApiUrl)} is required for Dokploy.`, 'Set it to the dashboard address, e.g. https://dokploy.example.com.'));
    }
    const serverId = read(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.ServerId, undefined, () => checkServerId(get(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.ServerId)?.trim(), named(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.ServerId)));
    const reloadTraefik = read(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.ReloadTraefik, false, () => (0,_setting_values_js__WEBPACK_IMPORTED_MODULE_4__/* .parseBoolean */ .y)(get(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.ReloadTraefik), named(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.ReloadTraefik), false));
    if (kind !== undefined && kind !== 'dokploy') {
        const dokployOnly = (setting) => refused(setting, new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`${named(setting)} applies to Dokploy only.`, `Remove it, or set ${named(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.Provider)} to dokploy.`));
        if (serverId !== undefined)
            dokployOnly(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.ServerId);
        if (reloadTraefik)
            dokployOnly(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.ReloadTraefik);
    }
    return {
        apiUrl,
        serverId,
        reloadTraefik,
        template: read(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.NameTemplate, _rotation_names_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_NAME_TEMPLATE */ .no, () => (0,_rotation_names_js__WEBPACK_IMPORTED_MODULE_2__/* .checkTemplate */ .BU)(get(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.NameTemplate)?.trim() ?? _rotation_names_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_NAME_TEMPLATE */ .no, named(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.NameTemplate))),
        plan: {
            removeSuperseded: read(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.RemoveSuperseded, true, () => (0,_setting_values_js__WEBPACK_IMPORTED_MODULE_4__/* .parseBoolean */ .y)(get(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.RemoveSuperseded), named(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.RemoveSuperseded), true)),
            keepSuperseded: read(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.KeepSuperseded, KEEP_SUPERSEDED.fallback, () => (0,_setting_values_js__WEBPACK_IMPORTED_MODULE_4__/* .parseInteger */ .c)(get(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.KeepSuperseded), named(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.KeepSuperseded), KEEP_SUPERSEDED)),
            rebind: read(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.Rebind, true, () => (0,_setting_values_js__WEBPACK_IMPORTED_MODULE_4__/* .parseBoolean */ .y)(get(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.Rebind), named(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.Rebind), true)),
        },
        concurrency: read(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.Concurrency, CONCURRENCY.fallback, () => (0,_setting_values_js__WEBPACK_IMPORTED_MODULE_4__/* .parseInteger */ .c)(get(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.Concurrency), named(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.Concurrency), CONCURRENCY)),
        timeoutSeconds: read(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.TimeoutSeconds, TIMEOUT_SECONDS.fallback, () => (0,_setting_values_js__WEBPACK_IMPORTED_MODULE_4__/* .parseInteger */ .c)(get(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.TimeoutSeconds), named(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.TimeoutSeconds), TIMEOUT_SECONDS)),
    };
}
/**
 * Dokploy's server ids are short identifiers (nanoid). Anything else is refused before it is
 * sent, where the server could echo it back: a key or token pasted here would be.
 */
function checkServerId(value, name) {
    if (value === undefined || (SERVER_ID.test(value) && !(0,_secrets_js__WEBPACK_IMPORTED_MODULE_3__/* .looksLikeToken */ .NM)(value)))
        return value;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`Invalid ${name} ${(0,_secrets_js__WEBPACK_IMPORTED_MODULE_3__/* .quoteValue */ .cl)(value)}. Expected the id of a Dokploy server (letters, digits, '_' and '-').`, 'Copy it from the server in the Dokploy dashboard, or leave it empty for the Dokploy host itself.');
}
const SERVER_ID = /^[A-Za-z0-9_-]{1,64}$/;
//# sourceMappingURL=rules.js.map

/***/ }),

/***/ 1284:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E$: () => (/* binding */ endpointsFor),
/* harmony export */   T0: () => (/* binding */ formatEndpoint),
/* harmony export */   aL: () => (/* binding */ parseEndpoints),
/* harmony export */   o6: () => (/* binding */ parseHost),
/* harmony export */   pz: () => (/* binding */ parsePort)
/* harmony export */ });
/* unused harmony exports DEFAULT_PORT, parseEndpoint */
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7030);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3136);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9473);
/* harmony import */ var _certs_hostnames_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6846);
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(8764);
/* harmony import */ var _quote_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6878);
/**
 * Where to look: `host[:port]` endpoints read from an input, and the default list made from each
 * certificate's domains. Parsing only: no DNS, no sockets.
 */






const DEFAULT_PORT = 443;
const MAX_HOSTNAME = 253;
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
/** `host:port`, with an IPv6 host in brackets, as a person writes it back into the input. */
function formatEndpoint(endpoint) {
    return `${(0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(endpoint.host) === 6 ? `[${endpoint.host}]` : endpoint.host}:${endpoint.port}`;
}
/** An IP literal (v6 already without brackets) or a host name, normalised; throws on anything else. */
function parseHost(text, entry) {
    if (text === '')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`The endpoint ${(0,_quote_js__WEBPACK_IMPORTED_MODULE_4__/* .quote */ .h)(entry)} has no host.`, HOST_FIX);
    if (text.includes('%')) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`The endpoint ${(0,_quote_js__WEBPACK_IMPORTED_MODULE_4__/* .quote */ .h)(entry)} has a zone id (%…); a zone id names a local interface.`, HOST_FIX);
    }
    const family = (0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(text);
    if (family === 4)
        return text;
    if (family === 6)
        return new URL(`http://[${text}]/`).hostname.slice(1, -1);
    if (text.startsWith('*.')) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`The endpoint ${(0,_quote_js__WEBPACK_IMPORTED_MODULE_4__/* .quote */ .h)(entry)} is a wildcard; a wildcard has no address to connect to.`, 'Give a concrete name the wildcard covers, e.g. www.example.com.');
    }
    if (text.length > MAX_HOSTNAME * 4) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`The host of ${(0,_quote_js__WEBPACK_IMPORTED_MODULE_4__/* .quote */ .h)(entry)} is longer than ${MAX_HOSTNAME} characters.`, HOST_FIX);
    }
    // Checked before domainToASCII, which silently drops tabs and newlines (WHATWG) and would
    // turn "evil\nhost" into a name nobody wrote.
    if (/[\s\p{C}]/u.test(text)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`The host of ${(0,_quote_js__WEBPACK_IMPORTED_MODULE_4__/* .quote */ .h)(entry)} holds a space or control character.`, HOST_FIX);
    }
    // An all-digit last label is a mistyped IPv4 address (999.1.1.1), never a name in DNS.
    if (/^\d+$/.test(text.replace(/\.$/, '').split('.').at(-1) ?? '')) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`The host of ${(0,_quote_js__WEBPACK_IMPORTED_MODULE_4__/* .quote */ .h)(entry)} is neither a valid IPv4 address nor a host name.`, HOST_FIX);
    }
    const ascii = (0,node_url__WEBPACK_IMPORTED_MODULE_1__.domainToASCII)(text.replace(/\.$/, '').toLowerCase());
    if (ascii === '')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`The host of ${(0,_quote_js__WEBPACK_IMPORTED_MODULE_4__/* .quote */ .h)(entry)} is not a valid host name.`, HOST_FIX);
    if (ascii.length > MAX_HOSTNAME) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`The host of ${(0,_quote_js__WEBPACK_IMPORTED_MODULE_4__/* .quote */ .h)(entry)} is longer than ${MAX_HOSTNAME} characters.`, HOST_FIX);
    }
    const labels = ascii.split('.');
    if (!labels.every((label) => LABEL.test(label))) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`The host of ${(0,_quote_js__WEBPACK_IMPORTED_MODULE_4__/* .quote */ .h)(entry)} is not a valid host name: each dot-separated label is 1–63 letters, digits or inner hyphens.`, HOST_FIX);
    }
    return ascii;
}
const HOST_FIX = 'Write a host name (www.example.com), an IPv4 address (192.0.2.7) or an IPv6 address in brackets ([2001:db8::7]).';
function parsePort(text, entry) {
    const port = /^\d{1,5}$/.test(text) ? Number(text) : Number.NaN;
    if (!(port >= 1 && port <= 65_535)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`The port of ${(0,_quote_js__WEBPACK_IMPORTED_MODULE_4__/* .quote */ .h)(entry)} is not a number from 1 to 65535.`, 'Write host:port, e.g. example.com:8443.');
    }
    return port;
}
/** Split `host[:port]` or `[v6][:port]` into its host text and port text (undefined when absent). */
function splitHostPort(entry) {
    if (entry.startsWith('[')) {
        const close = entry.indexOf(']');
        if (close < 0)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`The endpoint ${(0,_quote_js__WEBPACK_IMPORTED_MODULE_4__/* .quote */ .h)(entry)} opens a bracket it never closes.`, HOST_FIX);
        const rest = entry.slice(close + 1);
        if (rest !== '' && !rest.startsWith(':')) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`The endpoint ${(0,_quote_js__WEBPACK_IMPORTED_MODULE_4__/* .quote */ .h)(entry)} has text after its bracketed address.`, HOST_FIX);
        }
        const host = entry.slice(1, close);
        if ((0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(host) !== 6)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`The endpoint ${(0,_quote_js__WEBPACK_IMPORTED_MODULE_4__/* .quote */ .h)(entry)} has brackets around something other than an IPv6 address.`, HOST_FIX);
        return { host, port: rest === '' ? undefined : rest.slice(1) };
    }
    const colons = entry.split(':').length - 1;
    if (colons > 1)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`The endpoint ${(0,_quote_js__WEBPACK_IMPORTED_MODULE_4__/* .quote */ .h)(entry)} looks like an IPv6 address without brackets.`, HOST_FIX);
    const [host = '', port] = entry.split(':');
    return { host, port };
}
/** One `host[:port]` entry; the port defaults to 443. */
function parseEndpoint(entry) {
    const text = entry.trim();
    const { host, port } = splitHostPort(text);
    return { host: parseHost(host, text), port: port === undefined ? DEFAULT_PORT : parsePort(port, text) };
}
/** Many entries, blank ones ignored, duplicates dropped, bounded in number. */
function parseEndpoints(entries) {
    const wanted = entries.map((entry) => entry.trim()).filter((entry) => entry !== '');
    if (wanted.length > _limits_js__WEBPACK_IMPORTED_MODULE_5__/* .MAX_ENTRIES */ .Sd) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz(`${wanted.length} endpoints were given; at most ${_limits_js__WEBPACK_IMPORTED_MODULE_5__/* .MAX_ENTRIES */ .Sd} are checked.`, 'List fewer endpoints.');
    }
    return dedupe(wanted.map(parseEndpoint));
}
function dedupe(endpoints) {
    const seen = new Set();
    return endpoints.filter((endpoint) => {
        const key = formatEndpoint(endpoint);
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}
/**
 * What to check for one certificate: each of its domains on port 443, then the endpoints given.
 * A wildcard has no address of its own: it is checked through the given endpoints it covers, and
 * reported as skipped when none does, so silence never passes for a check.
 */
function endpointsFor(domains, given = []) {
    const endpoints = [];
    const skipped = [];
    for (const domain of domains) {
        if (domain.startsWith('*.')) {
            if (!given.some((endpoint) => (0,_certs_hostnames_js__WEBPACK_IMPORTED_MODULE_3__/* .covers */ .h)({ dns: [domain], ip: [] }, endpoint.host))) {
                skipped.push({ domain, reason: 'a wildcard has no address; give an endpoint it covers to check it' });
            }
            continue;
        }
        endpoints.push({ host: parseHost(domain, domain), port: DEFAULT_PORT });
    }
    return { endpoints: dedupe([...endpoints, ...given]), skipped };
}
//# sourceMappingURL=endpoints.js.map

/***/ }),

/***/ 8764:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FK: () => (/* binding */ DEFAULT_HANDSHAKE_TIMEOUT_MS),
/* harmony export */   Il: () => (/* binding */ MAX_CHAIN_LENGTH),
/* harmony export */   MS: () => (/* binding */ MAX_PIN_ADDRESSES),
/* harmony export */   QZ: () => (/* binding */ MAX_SERVED_NAMES),
/* harmony export */   Sd: () => (/* binding */ MAX_ENTRIES),
/* harmony export */   WH: () => (/* binding */ DEFAULT_CONCURRENCY),
/* harmony export */   kW: () => (/* binding */ MAX_QUOTED),
/* harmony export */   kz: () => (/* binding */ MAX_TARGETS),
/* harmony export */   sU: () => (/* binding */ DEFAULT_LOOKUP_TIMEOUT_MS)
/* harmony export */ });
/**
 * Bounds on a live check. A name can resolve to many addresses and an address can answer slowly
 * or never; every one of these keeps a check from growing or waiting without end.
 */
/** The most endpoint × address pairs one run checks: beyond this, a list is a mistake, not a fleet. */
const MAX_TARGETS = 256;
/** The most `host[:port]` endpoints and `resolve` pins read from the inputs. */
const MAX_ENTRIES = 256;
/** The most addresses one `resolve` pin may list. */
const MAX_PIN_ADDRESSES = 16;
/** One connect plus handshake, from the first SYN to the served certificate. */
const DEFAULT_HANDSHAKE_TIMEOUT_MS = 10_000;
/** One DNS lookup. */
const DEFAULT_LOOKUP_TIMEOUT_MS = 10_000;
/**
 * Handshakes in flight at once. Up to this many endpoints cost one handshake's time; at 100 ms
 * round trip (`npm run bench`, verify), 100 endpoints took 13× one handshake at 8 at once, 2.5× at
 * 64 and 1.8× at 100, where the client's CPU (2–3 ms a handshake) is what the rest waits for.
 */
const DEFAULT_CONCURRENCY = 64;
/**
 * Certificates followed up the served chain: a real chain is 2–4 long; Node's detailed peer
 * certificate links the root to itself, so the walk needs a bound as well as a seen-set.
 */
const MAX_CHAIN_LENGTH = 10;
/**
 * subjectAltName entries kept from a served leaf, per kind (DNS, IP): a certificate may list
 * thousands, and a report needs enough to say what it covers, not all of them.
 */
const MAX_SERVED_NAMES = 100;
/** The most characters of a bad entry quoted back in an error. */
const MAX_QUOTED = 64;
//# sourceMappingURL=limits.js.map

/***/ }),

/***/ 6878:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ quote)
/* harmony export */ });
/* harmony import */ var _report_escape_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9924);
/* harmony import */ var _limits_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8764);
/**
 * A bad entry quoted back in an error: cut to a bound (an input can be megabytes) and in JSON
 * form, with every character a reader cannot see as an escape (printableJson: controls, bidi and
 * other format characters, the line separators), so nothing in it moves or hides the text.
 */


function quote(text) {
    const chars = Array.from(text);
    return chars.length <= _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_QUOTED */ .kW
        ? (0,_report_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .printableJson */ .et)(JSON.stringify(text))
        : `${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .printableJson */ .et)(JSON.stringify(chars.slice(0, _limits_js__WEBPACK_IMPORTED_MODULE_0__/* .MAX_QUOTED */ .kW).join('')))}… (${chars.length} characters)`;
}
//# sourceMappingURL=quote.js.map

/***/ }),

/***/ 9731:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OB: () => (/* binding */ rowOf),
/* harmony export */   OL: () => (/* binding */ overallVerified),
/* harmony export */   Pp: () => (/* binding */ lookupRow),
/* harmony export */   S4: () => (/* binding */ judge),
/* harmony export */   fk: () => (/* binding */ whereAndWhat)
/* harmony export */ });
/* unused harmony exports describeServed, servedText */
/* harmony import */ var _endpoints_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1284);
/**
 * What one lineage's live check found, as data, and the verdict on it: pure, so the rules
 * (what counts as unreachable, when `auto` may pass, what a stale endpoint serves) are read and
 * tested in one place. The sockets are in verify-lineages.ts.
 */

/** The subject Traefik gives the certificate it makes for names it has none for. */
const TRAEFIK_DEFAULT = 'TRAEFIK DEFAULT CERT';
/**
 * `known`: SHA-1 → name of every version of the lineage the provider held when the run began, so
 * a stale endpoint names the version it still serves; `named`: versions whose listing carries no
 * fingerprint (Dokploy's documented dialect), known by the prefix their name holds.
 */
function describeServed(served, expectedSha1, known, named = []) {
    if (served.sha1 === expectedSha1)
        return { serves: 'new' };
    const version = known.get(served.sha1) ??
        named.find((v) => v.prefix.length >= 8 && served[v.kind].startsWith(v.prefix.toLowerCase()))?.name;
    if (version !== undefined)
        return { serves: 'superseded', version };
    if (served.subject.includes(TRAEFIK_DEFAULT))
        return { serves: 'traefik-default' };
    return { serves: 'other' };
}
/** Connection errors that mean nothing answered; a handshake error or a reset means something did. */
const UNREACHABLE = new Set(['refused', 'timeout', 'unreachable', 'connect']);
function rowOf(lineage, result, expectedSha1, known, attempts, named = []) {
    const row = {
        ...(lineage === undefined ? {} : { lineage }),
        host: result.host,
        port: result.port,
        address: result.address,
        matches: result.served?.sha1 === expectedSha1,
    };
    if (result.served) {
        const { serves, version } = describeServed(result.served, expectedSha1, known, named);
        Object.assign(row, {
            sha1: result.served.sha1,
            serves,
            ...(version === undefined ? {} : { version }),
            notAfter: result.served.notAfter,
            protocol: result.served.protocol,
            trusted: result.served.trusted,
        });
    }
    if (result.error) {
        row.error = `${result.error.kind}: ${result.error.message}`;
        if (UNREACHABLE.has(result.error.kind))
            row.unreachable = true;
    }
    if (attempts !== undefined)
        row.attempts = attempts;
    return row;
}
function lookupRow(lineage, failure) {
    return {
        ...(lineage === undefined ? {} : { lineage }),
        host: failure.host,
        port: failure.port,
        matches: false,
        error: `lookup: ${failure.error}`,
        unreachable: true,
    };
}
/**
 * The verdict: failed when a reachable address serves anything but the new certificate (or, with
 * `require`, when one cannot be reached); verified when at least one address serves it and
 * nothing failed; skipped when there was nothing to check or (with `auto`) nothing answered.
 */
function judge(lineage, rows, skippedDomains, mode) {
    const base = { lineage, endpoints: [...rows], skippedDomains: [...skippedDomains] };
    if (rows.length === 0) {
        const why = skippedDomains.length > 0
            ? `no endpoint to check: ${skippedDomains.map((s) => `${s.domain} (${s.reason})`).join(', ')}`
            : 'no endpoint to check: give the certificate its domains, or endpoints';
        return { ...base, status: mode === 'require' ? 'failed' : 'skipped', summary: why };
    }
    const wrong = rows.filter((row) => !row.matches && !(row.unreachable && mode === 'auto'));
    if (wrong.length > 0) {
        const shown = wrong.slice(0, 5).map(whereAndWhat).join('; ');
        const more = wrong.length > 5 ? `; and ${wrong.length - 5} more` : '';
        return { ...base, status: 'failed', summary: `not serving the new certificate: ${shown}${more}` };
    }
    const served = rows.filter((row) => row.matches).length;
    const unreachable = rows.length - served;
    if (served === 0) {
        return {
            ...base,
            status: 'skipped',
            summary: `no endpoint could be reached (${rows.map(whereAndWhat).join('; ')}), so nothing was verified`,
        };
    }
    const also = unreachable > 0 ? `; ${unreachable} could not be reached (verify: auto passes over them)` : '';
    return {
        ...base,
        status: 'verified',
        summary: `${served} of ${rows.length} ${rows.length === 1 ? 'address serves' : 'addresses serve'} the new certificate${also}`,
    };
}
/** `host:port at address: what it serves`, for the one-line summaries. */
function whereAndWhat(row) {
    const where = `${(0,_endpoints_js__WEBPACK_IMPORTED_MODULE_0__/* .formatEndpoint */ .T0)(row)}${row.address === undefined ? '' : ` at ${row.address}`}`;
    return `${where}: ${servedText(row)}`;
}
function servedText(row) {
    if (row.sha1 === undefined)
        return row.error ?? 'nothing';
    const expiry = row.notAfter === undefined ? '' : `, expires ${row.notAfter.slice(0, 10)}`;
    switch (row.serves) {
        case 'new':
            return 'the new certificate';
        case 'superseded':
            return `the superseded version ${row.version} (SHA-1 ${row.sha1}${expiry})`;
        case 'traefik-default':
            return `Traefik's default certificate (SHA-1 ${row.sha1}): Traefik has no certificate for this name loaded`;
        default:
            return `another certificate (SHA-1 ${row.sha1}${expiry})`;
    }
}
/** The overall `verified` output: false if any failed, true if any verified, else skipped. */
function overallVerified(verifications) {
    if (verifications.some((v) => v.status === 'failed'))
        return 'failed';
    if (verifications.some((v) => v.status === 'verified'))
        return 'verified';
    return 'skipped';
}
//# sourceMappingURL=verdict.js.map

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

/***/ }),

/***/ 6914:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ ACTION_WORDS)
/* harmony export */ });
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2757);
/**
 * How messages name a setting on the surface the user is on. The same engine serves the action
 * (inputs in a workflow, secrets from the repository) and the terminal command (flags, and
 * CERT_ROTATE_* variables for secrets), and a fix is only useful if it names what the user can
 * type. The entry point picks the vocabulary (the action's is the default; the command's is in
 * cli/flags.ts, built from its flag table) and it travels in the settings to every place that
 * words a fix: settings, loading, the certificate checks, the providers.
 */

const ACTION_WORDS = {
    name: (input) => input,
    via: (input) => `in the ${input} input${_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .SECRET_INPUTS */ .pH.includes(input) ? ' (from a secret)' : ''}`,
    turn: (input, on) => `set ${input} to ${on}`,
    mode: (mode) => `mode: ${mode}`,
    value: (label) => `${label} input`,
    missing: 'If it comes from a secret, check that the secret exists and is passed to this workflow (secrets are not passed to workflows triggered from forks).',
    folder: 'the workspace (the repository checkout)',
    passEnv: "Pass each one to the step in its env: block, usually from a secret (PRIVATE_KEY: ${{ secrets.PRIVATE_KEY }}), and check the secret's name.",
};
//# sourceMappingURL=vocabulary.js.map

/***/ })

};

//# sourceMappingURL=460.index.js.map