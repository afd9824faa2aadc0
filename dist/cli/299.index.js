export const id = 299;
export const ids = [299];
export const modules = {

/***/ 7437:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  E: () => (/* binding */ decodeSource),
  N: () => (/* binding */ mayHoldPkcs12)
});

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
function decodeSource(input, passwords) {
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
        readPemText((0,pem/* normaliseText */.af)(text), origin, passwords, out);
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
            readPemText((0,pem/* normaliseText */.af)(inner), decodedName, passwords, nested);
            for (const f of nested.findings)
                if (f.origin)
                    f.origin = origin;
            out.certs.push(...nested.certs.map((c) => ({ ...c, origin })));
            out.keys.push(...nested.keys.map((k) => ({ ...k, origin })));
            out.findings.push(...nested.findings);
            return out;
        }
        readBinary(binary, input, origin, passwords, out);
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
function readPemText(text, origin, passwords, out) {
    const scan = (0,pem/* scanPem */.oI)(text);
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
    for (const block of scan.blocks)
        readBlock(block, { ...origin, line: block.line }, passwords, out);
    if (scan.blocks.length === 0 && scan.problems.length === 0) {
        out.findings.push((0,certs_findings/* finding */.gk)('NOT_PEM', 'error', `The text of ${origin.source} has a "-----BEGIN" line, but no PEM block in it could be read.`, 'Store the whole PEM file unedited: "-----BEGIN LABEL-----" and "-----END LABEL-----" lines with the upper-case label and five dashes each side.', { origin }));
    }
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
function readBinary(bytes, input, origin, passwords, out) {
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

/***/ 9620:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AQ: () => (/* binding */ daysUntil),
/* harmony export */   Nl: () => (/* binding */ isSelfSigned),
/* harmony export */   Rj: () => (/* binding */ fingerprint),
/* harmony export */   S1: () => (/* binding */ oneLineName),
/* harmony export */   _H: () => (/* binding */ leafOfPem),
/* harmony export */   bH: () => (/* binding */ caIssuersUrls),
/* harmony export */   ow: () => (/* binding */ inspectCertificate),
/* harmony export */   q: () => (/* binding */ sameName),
/* harmony export */   s1: () => (/* binding */ verifies)
/* harmony export */ });
/* unused harmony exports commonName, subjectAltNames */
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
 * value as a JSON string when it holds a comma or other unusual characters.
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

/***/ 4954:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
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

/***/ 5400:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  xp: () => (/* binding */ DEFAULT_FAIL_DAYS),
  XM: () => (/* binding */ DEFAULT_WARN_DAYS),
  Jp: () => (/* binding */ checkBundle)
});

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
    if (remaining <= window.failDays * DAY_MS) {
        return [
            (0,certs_findings/* finding */.gk)('EXPIRES_SOON', 'error', `${what} expires on ${notAfter.toISOString()}, in ${(0,plural/* plural */.L)(days, 'day')}: within fail-days (${window.failDays}).`, `${renew} To accept it anyway, lower fail-days.`, { subject }),
        ];
    }
    if (remaining <= window.warnDays * DAY_MS) {
        return [
            (0,certs_findings/* finding */.gk)('EXPIRING', 'warning', `${what} expires on ${notAfter.toISOString()}, in ${(0,plural/* plural */.L)(days, 'day')}: within warn-days (${window.warnDays}).`, renew, { subject }),
        ];
    }
    return [];
}
//# sourceMappingURL=expiry.js.map
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(7030);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
;// CONCATENATED MODULE: ./build/certs/hostnames.js
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
        const rest = (0,external_node_url_.domainToASCII)(trimmed.slice(2));
        return rest ? `*.${rest}` : trimmed;
    }
    return (0,external_node_url_.domainToASCII)(trimmed) || trimmed;
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
    if ((0,external_node_net_.isIP)(wanted))
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
    if ((0,external_node_net_.isIP)(ip) !== 6)
        return ip.toLowerCase();
    try {
        return new URL(`http://[${ip}]/`).hostname;
    }
    catch {
        return ip.toLowerCase(); // e.g. a zone id (fe80::1%eth0), which no certificate holds
    }
}
//# sourceMappingURL=hostnames.js.map
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
// EXTERNAL MODULE: ./build/certs/signature.js
var certs_signature = __webpack_require__(5566);
;// CONCATENATED MODULE: ./build/certs/strength.js




const COMMON_CURVES = new Set(['P-256', 'P-384']);
function strengthFindings(cert, role) {
    const out = [];
    const subject = (0,inspect/* oneLineName */.S1)(cert.subject);
    const what = role === 'leaf' ? `The certificate "${subject}"` : `The intermediate certificate "${subject}"`;
    const key = (0,certs_keys/* describeKey */.Rx)(cert.publicKey);
    if ((key.type === 'rsa' || key.type === 'rsa-pss') && key.bits < 2048) {
        out.push((0,certs_findings/* finding */.gk)('WEAK_KEY', 'error', `${what} has a ${key.bits}-bit RSA key; clients require at least 2048 bits.`, 'Issue a new certificate with an RSA 2048+ or ECDSA P-256 key.', { subject }));
    }
    else if (key.type === 'dsa') {
        out.push((0,certs_findings/* finding */.gk)('WEAK_KEY', 'error', `${what} has a DSA key, which TLS clients no longer accept.`, 'Issue a new certificate with an RSA 2048+ or ECDSA P-256 key.', { subject }));
    }
    else if (role === 'leaf' && key.type === 'ec' && !COMMON_CURVES.has(key.curve ?? '')) {
        out.push((0,certs_findings/* finding */.gk)('UNUSUAL_KEY', 'warning', `${what} uses the curve ${key.curve}; many clients and load balancers accept only P-256 and P-384.`, 'Prefer a P-256 or P-384 key (e.g. certbot --key-type ecdsa --elliptic-curve secp256r1).', { subject }));
    }
    else if (role === 'leaf' && (key.type === 'ed25519' || key.type === 'ed448')) {
        out.push((0,certs_findings/* finding */.gk)('UNUSUAL_KEY', 'warning', `${what} has an ${(0,certs_keys/* keyLabel */.w8)(key)} key; browsers and most load balancers do not accept EdDSA certificates.`, 'Use an ECDSA P-256 or RSA 2048+ certificate for public sites.', { subject }));
    }
    const signature = (0,certs_signature/* signatureAlgorithm */.w)(cert);
    if (signature.weak) {
        out.push((0,certs_findings/* finding */.gk)('WEAK_SIGNATURE', 'error', `${what} is signed with ${signature.name}; clients reject MD5 and SHA-1 signatures.`, 'Have it re-issued with a SHA-256 (or stronger) signature.', { subject }));
    }
    return out;
}
//# sourceMappingURL=strength.js.map
;// CONCATENATED MODULE: ./build/certs/validate.js











const DEFAULT_WARN_DAYS = 30;
const DEFAULT_FAIL_DAYS = 7;
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
    for (const source of input.sources) {
        const decoded = (0,decode/* decodeSource */.E)(source, {
            keyPassphrase: input.keyPassphrase,
            pkcs12Password: input.pkcs12Password,
            words,
        });
        certs.push(...decoded.certs);
        keys.push(...decoded.keys);
        findings.push(...decoded.findings);
    }
    const orderFound = certs.map((c) => (0,inspect/* oneLineName */.S1)(c.cert.subject));
    const unreadable = findings.some((f) => KEY_READ_CODES.has(f.code) || PKCS12_CODES.has(f.code));
    if (certs.length === 0) {
        if (!findings.some((f) => f.level === 'error')) {
            findings.push((0,certs_findings/* finding */.gk)('NO_CERTIFICATE', 'error', 'No certificate was found in the inputs.', `Pass the certificate (PEM, e.g. fullchain.pem) ${words.via(constants/* Inputs */.G0.Certificate)}, or a PKCS#12 file.`));
        }
        return { ok: false, chain: [], orderFound, findings };
    }
    const choice = chooseLeaf(certs, keys, (options.requireKey ?? true) && !unreadable, words);
    findings.push(...choice.findings);
    const leafItem = choice.leaf;
    const leaf = leafItem.cert;
    const leafFacts = (0,inspect/* inspectCertificate */.ow)(leaf, now);
    if (leaf.ca) {
        findings.push((0,certs_findings/* finding */.gk)('LEAF_IS_CA', 'error', `The ${choice.key ? 'certificate the private key belongs to' : 'leaf certificate'}, "${leafFacts.subject}", is a CA certificate, not a server certificate.`, 'Use the server certificate your CA issued for your domains, with its own private key.', { subject: leafFacts.subject, origin: leafItem.origin }));
    }
    const others = certs.filter((c) => c !== leafItem).map((c) => c.cert);
    const analysis = orderChain(leaf, others, options.trustedRoots);
    findings.push(...chainFindings(analysis, certs.map((c) => c.cert), repair, !certs.some((c) => c.fromPkcs7), words));
    const window = {
        now,
        warnDays: options.warnDays ?? DEFAULT_WARN_DAYS,
        failDays: options.failDays ?? DEFAULT_FAIL_DAYS,
    };
    const served = analysis.served;
    served.forEach((cert, i) => {
        const role = i === 0 ? 'leaf' : 'intermediate';
        findings.push(...expiryFindings(cert, role, window), ...strengthFindings(cert, role));
    });
    findings.push(...nameFindings(leafFacts, options.domains ?? [], words));
    const chain = analysis.path.map((cert, i) => chainEntry(cert, i, analysis.path.length, analysis.endsAtRoot));
    const result = { ok: !(0,certs_findings/* hasErrors */.Cs)(findings), leaf: leafFacts, chain, orderFound, findings };
    if (result.ok && choice.key) {
        result.upload = uploadTexts(served, choice.key.export({ type: 'pkcs8', format: 'pem' }).toString());
        options.onSecret?.(result.upload.privateKey);
    }
    return result;
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
        if (!covers(names, domain)) {
            out.push((0,certs_findings/* finding */.gk)('HOSTNAME_NOT_COVERED', 'error', `The certificate does not cover "${normaliseHostname(domain)}"; it covers ${covered}.`, `Issue the certificate for every name asked for (a wildcard *.example.com covers one label: a.example.com, not example.com or a.b.example.com), or fix the list given ${words.via(constants/* Inputs */.G0.Domains)}.`, { subject: leaf.subject }));
        }
    }
    return out;
}
//# sourceMappingURL=validate.js.map

/***/ }),

/***/ 1299:
/***/ ((__unused_webpack___webpack_module__, __unused_webpack___webpack_exports__, __webpack_require__) => {


// EXTERNAL MODULE: ./build/errors.js
var errors = __webpack_require__(9473);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
// EXTERNAL MODULE: ./build/constants.js
var constants = __webpack_require__(2757);
// EXTERNAL MODULE: ./build/plural.js
var build_plural = __webpack_require__(3412);
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
/**
 * Scrubs secrets out of text that did not come from us (a provider's error message may echo a
 * request): every registered secret, line and body as `maskSecret` splits them, longest first.
 */
class Redactor {
    parts = new Set();
    add(value) {
        maskSecret(value, (part) => {
            this.parts.add(part);
            // As it appears inside JSON text (quotes, backslashes and line breaks escaped).
            this.parts.add(JSON.stringify(part).slice(1, -1));
        });
    }
    redact(text) {
        let out = text;
        for (const part of [...this.parts].sort((a, b) => b.length - a.length))
            out = out.split(part).join('***');
        return out;
    }
}
/**
 * Whether text given where a short value belongs (a path, an option) looks like secret material:
 * several lines, a PEM marker, or a long run of base64. Such text is never quoted back: a key
 * pasted into private-key-file would otherwise be printed whole in the "no such file" error.
 */
function looksSecret(text) {
    return /[\r\n]|-----BEGIN|-----END/.test(text) || /[A-Za-z0-9+/=_-]{48,}/.test(text) || text.length > 400;
}
/** Text to quote in a message: as given, or a description when it looks like secret material. */
function quotable(text) {
    return looksSecret(text)
        ? `<${(0,build_plural/* plural */.L)(text.length, 'character')} that look like a key or certificate, not shown>`
        : text;
}
//# sourceMappingURL=secrets.js.map
// EXTERNAL MODULE: ./build/settings.js
var settings = __webpack_require__(1423);
;// CONCATENATED MODULE: ./build/cli/flags.js
/**
 * The command's flags: which input each sets, which subcommands take it, and its help line. The
 * parser, the help texts and the words messages use for settings (`--key`, CERT_ROTATE_…) are all
 * made from this one table, so they cannot disagree.
 */

const ALL = constants/* MODES */.FN;
const ROTATE = ['plan', 'apply'];
const FLAGS = [
    {
        name: 'cert',
        value: 'FILE',
        input: constants/* Inputs */.G0.CertificateFile,
        commands: ALL,
        help: 'Certificate (PEM or DER); may hold the chain and the key too',
    },
    { name: 'bundle', value: 'FILE', input: constants/* Inputs */.G0.CertificateFile, commands: ALL, help: 'The same as --cert' },
    {
        name: 'key',
        value: 'FILE',
        input: constants/* Inputs */.G0.PrivateKeyFile,
        commands: ALL,
        help: 'Private key (PEM: PKCS#1, PKCS#8, SEC1, encrypted; or DER)',
    },
    {
        name: 'chain',
        value: 'FILE',
        input: constants/* Inputs */.G0.CertificateChainFile,
        commands: ALL,
        help: 'Intermediate certificates, when not in --cert',
    },
    {
        name: 'pkcs12',
        value: 'FILE',
        input: constants/* Inputs */.G0.Pkcs12File,
        commands: ALL,
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
        commands: ALL,
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
        commands: ALL,
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
    { name: 'json', commands: ALL, help: 'Print the report as JSON' },
    { name: 'help', commands: ALL, help: 'Show this help' },
];
/** Secrets the command reads from the environment only, with what each holds (for the help). */
const SECRET_VARIABLES = [
    { input: constants/* Inputs */.G0.KeyPassphrase, help: 'Passphrase of an encrypted key', commands: ALL },
    { input: constants/* Inputs */.G0.Pkcs12Password, help: 'Password of the PKCS#12 file', commands: ALL },
    {
        input: constants/* Inputs */.G0.ApiToken,
        help: "The provider's API token (DigitalOcean) or key (Dokploy)",
        commands: ROTATE,
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
    apply: 'Check, then upload, rebind and remove superseded versions on the provider.',
};
/** In the order a user meets them. */
const COMMANDS = ['validate', 'plan', 'apply'];
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
                return usage(`unexpected argument '${quotable(token.value)}'`);
            if (command === undefined) {
                const near = nearest(token.value, constants/* MODES */.FN);
                return usage(`unknown command '${quotable(token.value)}'${near ? ` (did you mean ${near}?)` : ''}; expected ${constants/* MODES */.FN.join(', ')}`);
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
    for (const [input, values] of lists)
        raw[input] = values.join(',');
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
    const shown = quotable(token.rawName);
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
// EXTERNAL MODULE: ./build/certs/keys.js
var keys = __webpack_require__(8918);
// EXTERNAL MODULE: ./build/certs/inspect.js
var inspect = __webpack_require__(9620);
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
            outcome: lineage?.status ?? status,
            chain: bundle.chain,
            orderFound: bundle.orderFound,
            findings: bundle.findings,
        };
        if (certificate.name !== undefined)
            report.name = certificate.name;
        if (bundle.leaf)
            report.leaf = bundle.leaf;
        return report;
    });
    const all = certificates.flatMap((c) => c.findings);
    const count = (level) => all.filter((f) => f.level === level).length;
    const report = {
        mode: settings.mode,
        ok: certificates.every((c) => c.status === 'valid') && (rotation === undefined || rotationOk(rotation)),
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
    }
    return report;
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
    const outcomes = new Set(report.certificates.map((c) => c.outcome));
    const worst = PRIORITY.find((status) => outcomes.has(status));
    if (worst !== undefined)
        return worst;
    return report.skipped.length > 0 ? 'skipped' : 'none';
}
function report_verdict(report) {
    const { errors, warnings } = report.counts;
    const tally = `(${[(0,build_plural/* plural */.L)(errors, 'error'), (0,build_plural/* plural */.L)(warnings, 'warning')].join(', ')})`;
    const settleFailed = report.rotation?.settle?.status === 'failed' ? ', settle failed' : '';
    const { certificates } = report;
    if (certificates.length === 1)
        return `${certificates[0]?.outcome}${settleFailed} ${tally}`;
    if (certificates.length === 0) {
        if (report.inventory)
            return `inventory of ${(0,build_plural/* plural */.L)(report_held(report.inventory).length, 'certificate')}`;
        return report.skipped.length > 0 ? 'skipped: nothing could be checked' : 'no certificates';
    }
    const tallies = new Map();
    for (const c of certificates)
        tallies.set(c.outcome, (tallies.get(c.outcome) ?? 0) + 1);
    const parts = PRIORITY.filter((s) => tallies.has(s)).map((s) => `${tallies.get(s)} ${s}`);
    return `${(0,build_plural/* plural */.L)(certificates.length, 'certificate')}: ${parts.join(', ')}${settleFailed} ${tally}`;
}
/** What the provider still holds: the inventory without what this run removed. */
function report_held(inventory) {
    return inventory.filter((entry) => entry.change !== 'removed');
}
/** Everything inside warn-days (or expired): what an expiry issue lists, soonest first. */
function expiringSoon(report) {
    const out = [];
    for (const c of report.certificates) {
        if (c.leaf && c.leaf.daysRemaining <= report.warnDays) {
            out.push({
                what: c.label,
                notAfter: c.leaf.notAfter,
                daysRemaining: c.leaf.daysRemaining,
                source: 'checked',
            });
        }
    }
    for (const entry of report_held(report.inventory ?? [])) {
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
    return out.sort((a, b) => a.daysRemaining - b.daysRemaining);
}
//# sourceMappingURL=report.js.map
// EXTERNAL MODULE: ./build/rotation/plan.js
var rotation_plan = __webpack_require__(8352);
;// CONCATENATED MODULE: ./build/report/gantt.js
/**
 * A Mermaid gantt chart of expiry: one bar per certificate, from today to its not-after, so the
 * soonest to expire stand out at a glance. GitHub renders ```mermaid blocks in job summaries,
 * comments and issues. Inside the block HTML entities are not decoded, so names are reduced to
 * characters Mermaid reads literally instead of being escaped.
 *
 * The window. Mermaid fits its axis to the bars, so one certificate that expired years ago (a
 * forgotten one in the provider's inventory) or one valid for ten years (a private CA's) would
 * stretch the axis over years and squeeze the bars that matter, the coming weeks, into slivers.
 * So the chart reaches:
 * - behind: GANTT_DAYS_BEHIND days before today. A certificate that expired within that time is a
 *   red milestone on its expiry day (a recent expiry is the likely cause of an outage); one that
 *   expired earlier is not drawn, but listed under the chart (name, expired on, days ago);
 * - ahead: to the last expiry, but no further than GANTT_DAYS_AHEAD days or twice warn-days,
 *   whichever is longer (a Let's Encrypt certificate's whole life fits, and the warning window
 *   never takes more than half the width). A bar that goes further is cut at that edge; its label
 *   keeps the true count of days, and a line under the chart says how many were cut.
 */



/** Mermaid draws hundreds of bars slowly and unreadably: the soonest this many are shown. */
const GANTT_MAX_BARS = 40;
/** Expired longer ago than this: listed under the chart, not drawn. */
const GANTT_DAYS_BEHIND = 30;
/** The chart reaches at most this many days ahead (or twice warn-days, if longer). */
const GANTT_DAYS_AHEAD = 90;
/** Rows of the list of long-expired certificates; the rest are counted. */
const GANTT_MAX_LISTED = 20;
const DAY_MS = 86_400_000;
function gantt_renderGantt(report) {
    const bars = barsOf(report).sort((a, b) => a.daysRemaining - b.daysRemaining);
    if (bars.length === 0)
        return [];
    const longExpired = bars.filter((bar) => bar.daysRemaining < -GANTT_DAYS_BEHIND);
    const drawable = bars.filter((bar) => bar.daysRemaining >= -GANTT_DAYS_BEHIND);
    const shown = drawable.slice(0, GANTT_MAX_BARS);
    const out = [];
    if (shown.length > 0)
        out.push(...chart(shown, report));
    if (drawable.length > shown.length) {
        out.push('', `The chart shows the ${shown.length} soonest of ${plural(drawable.length, 'certificate')}.`);
    }
    if (longExpired.length > 0)
        out.push(...(out.length > 0 ? [''] : []), ...expiredList(longExpired));
    return out;
}
function barsOf(report) {
    const bars = [];
    for (const c of report.certificates) {
        if (c.leaf)
            bars.push({
                section: 'Checked',
                name: c.label,
                notAfter: c.leaf.notAfter,
                daysRemaining: c.leaf.daysRemaining,
            });
    }
    // What this run removed is gone: it expires nowhere.
    for (const entry of held(report.inventory ?? [])) {
        if (entry.notAfter !== undefined && entry.daysRemaining !== undefined) {
            bars.push({
                section: 'Provider inventory',
                name: entry.name,
                notAfter: entry.notAfter,
                daysRemaining: entry.daysRemaining,
            });
        }
    }
    return bars;
}
function chart(shown, report) {
    const todayMs = Date.parse(report.generatedAt);
    const today = report.generatedAt.slice(0, 10);
    const ahead = Math.max(GANTT_DAYS_AHEAD, 2 * report.warnDays);
    const edge = new Date(todayMs + ahead * DAY_MS).toISOString().slice(0, 10);
    const out = [
        '```mermaid',
        'gantt',
        '  title Certificate expiry',
        '  dateFormat YYYY-MM-DD',
        '  axisFormat %Y-%m-%d',
    ];
    for (const section of ['Checked', 'Provider inventory']) {
        const rows = shown.filter((bar) => bar.section === section);
        if (rows.length === 0)
            continue;
        out.push(`  section ${section}`);
        for (const bar of rows) {
            const days = bar.daysRemaining;
            const label = `${safe(bar.name)} (${days < 0 ? `expired ${-days} d ago` : `${days} d`})`;
            if (days < 0)
                out.push(`  ${label} :crit, milestone, ${bar.notAfter.slice(0, 10)}, 0d`);
            else
                out.push(`  ${label} :${tag(days, report)}${today}, ${days > ahead ? edge : bar.notAfter.slice(0, 10)}`);
        }
    }
    out.push('```');
    const cut = shown.filter((bar) => bar.daysRemaining > ahead).length;
    if (cut > 0) {
        out.push('', `Bars stop at ${edge}, ${plural(ahead, 'day')} ahead: ${plural(cut, 'certificate')} ${cut === 1 ? 'expires' : 'expire'} later (the label gives the days left).`);
    }
    return out;
}
/** Expired before the chart's window: name, expiry day and how long ago, longest ago last. */
function expiredList(bars) {
    const rows = bars
        .slice(-GANTT_MAX_LISTED)
        .reverse()
        .map((bar) => `| ${escapeHtml(bar.name)} | ${bar.notAfter.slice(0, 10)} | ${-bar.daysRemaining} |`);
    const rest = bars.length - rows.length;
    return [
        `Expired more than ${plural(GANTT_DAYS_BEHIND, 'day')} ago, so not in the chart:`,
        '',
        '| Certificate | Expired on | Days ago |',
        '| --- | --- | --- |',
        ...rows,
        ...(rest > 0 ? ['', `… and ${plural(rest, 'more certificate')} expired longer ago.`] : []),
    ];
}
function tag(days, report) {
    if (days <= report.failDays)
        return 'crit, ';
    if (days <= report.warnDays)
        return 'active, ';
    return '';
}
/**
 * Letters, digits and a few marks; anything else (`:` `;` `#` quotes, brackets, line breaks)
 * becomes a space. A wildcard's `*` is shown as `∗`, which no Markdown reader takes for emphasis.
 */
function safe(name) {
    const cleaned = name
        .replace(/\*/g, '∗')
        .replace(/[^A-Za-z0-9 ._∗@+-]/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
    return (cleaned || 'unnamed').slice(0, 60);
}
//# sourceMappingURL=gantt.js.map
;// CONCATENATED MODULE: ./build/report/summary.js
/**
 * The report as Markdown: the job summary, and the body of the PR comment and the expiry issue.
 * Every piece of user-influenced text (subjects, names, messages) is HTML-escaped: a
 * certificate's subject is attacker-controllable text.
 */





function summary_escapeHtml(text) {
    return text.replace(/[&<>"'`|\\[\]*_]/g, (c) => `&#${c.charCodeAt(0)};`);
}
function dayMarker(days, warnDays, failDays) {
    if (days <= failDays)
        return '🔴';
    if (days <= warnDays)
        return '🟠';
    return '🟢';
}
function renderSummary(report) {
    const icon = report.ok ? '✅' : '❌';
    const out = [`## ${icon} cert-rotate ${report.mode}: ${summary_escapeHtml(verdict(report))}`, ''];
    if (report.skipped.length > 0) {
        out.push('**Skipped**', '', ...report.skipped.map((s) => `- ⏭️ ${summary_escapeHtml(s)}`), '');
    }
    if (report.certificates.length > 0)
        out.push(...certificateTable(report), '');
    for (const cert of report.certificates)
        out.push(...details(cert, report.certificates.length > 1));
    out.push(...findings(report));
    if (report.rotation)
        out.push(...rotationMarkdown(report.rotation));
    // No heading right under another: with nothing above it (an inventory-only run), the verdict
    // heading already names the inventory, so it goes without its own.
    if (report.inventory)
        out.push(...inventorySection(report, out.length > 2), '');
    const gantt = renderGantt(report);
    if (gantt.length > 0)
        out.push('### Expiry', '', ...gantt, '');
    return `${out
        .join('\n')
        .replace(/\n{3,}/g, '\n\n')
        .trimEnd()}\n`;
}
function days(value, report) {
    return `${dayMarker(value, report.warnDays, report.failDays)} ${value < 0 ? `expired ${-value} d ago` : value}`;
}
function certificateTable(report) {
    const rows = report.certificates.map((cert) => {
        const leaf = cert.leaf;
        const cells = leaf
            ? [
                [...leaf.dnsNames, ...leaf.ipAddresses].map(summary_escapeHtml).join(', ') || '—',
                summary_escapeHtml(leaf.issuerCommonName ?? leaf.issuer),
                summary_escapeHtml(keyLabel(leaf.key)),
                leaf.notAfter.slice(0, 10),
                days(leaf.daysRemaining, report),
            ]
            : ['—', '—', '—', '—', '—'];
        return `| ${summary_escapeHtml(cert.label)} | ${cells.join(' | ')} | ${cert.outcome} |`;
    });
    return [
        '| Certificate | Domains | Issuer | Key | Not after | Days left | Result |',
        '| --- | --- | --- | --- | --- | --- | --- |',
        ...rows,
    ];
}
/** Fingerprints and chain: folded away when there are several certificates. */
function details(cert, fold) {
    const lines = [];
    const leaf = cert.leaf;
    if (leaf) {
        lines.push(`Subject ${summary_escapeHtml(leaf.subject)}<br>SHA-1 \`${leaf.sha1}\` · SHA-256 \`${leaf.sha256}\``, '');
    }
    if (cert.chain.length > 1) {
        const chain = cert.chain
            .map((e) => summary_escapeHtml(e.subject) + (e.role === 'root' ? ' (root, not uploaded)' : ''))
            .join(' → ');
        lines.push(`Chain, as served: ${chain}`, '');
    }
    if (lines.length === 0)
        return [];
    if (!fold)
        return lines;
    return [
        `<details><summary>${summary_escapeHtml(cert.label)}: fingerprints and chain</summary>`,
        '',
        ...lines,
        '</details>',
        '',
    ];
}
function findings(report) {
    const many = report.certificates.length > 1;
    const items = report.certificates.flatMap((cert) => cert.findings.map((f) => {
        const mark = f.level === 'error' ? '❌' : f.level === 'warning' ? '⚠️' : 'ℹ️';
        const whose = many ? `${summary_escapeHtml(cert.label)}: ` : '';
        return `- ${mark} ${whose}**${f.code}**: ${summary_escapeHtml(f.message)}<br>Fix: ${summary_escapeHtml(f.fix)}`;
    }));
    return items.length === 0 ? [] : ['### Findings', '', ...items, ''];
}
/**
 * What the provider holds when the run ends, soonest to expire first; in apply mode what this
 * run uploaded is marked, and what it removed is listed last, marked removed, with no days left
 * to count (it expires nowhere now).
 */
function inventorySection(report, withHeading) {
    const entries = report.inventory ?? [];
    const applied = report.mode === 'apply';
    const kept = held(entries);
    const removed = entries.length - kept.length;
    const added = kept.filter((e) => e.change === 'added').length;
    const byExpiry = (list) => [...list].sort((a, b) => (a.daysRemaining ?? Infinity) - (b.daysRemaining ?? Infinity));
    const sorted = [...byExpiry(kept), ...byExpiry(entries.filter((e) => e.change === 'removed'))];
    const rows = sorted.map((e) => {
        const left = e.change === 'removed' || e.daysRemaining === undefined ? '—' : days(e.daysRemaining, report);
        const cells = [
            summary_escapeHtml(e.name),
            summary_escapeHtml(e.id),
            e.dnsNames.map(summary_escapeHtml).join(', ') || '—',
            e.notAfter?.slice(0, 10) ?? '—',
            left,
            e.lineage ? summary_escapeHtml(e.lineage) : 'not managed',
        ];
        if (applied)
            cells.push(e.change === 'added' ? '➕ uploaded' : e.change === 'removed' ? '➖ removed' : '');
        return `| ${cells.join(' | ')} |`;
    });
    const caption = applied
        ? `After this run the provider holds ${plural(kept.length, 'certificate')} (${added} uploaded by this run); ${removed} removed.`
        : `The provider holds ${plural(kept.length, 'certificate')}.`;
    const columns = [
        'Name',
        'Id',
        'Domains',
        'Not after',
        'Days left',
        'Lineage',
        ...(applied ? ['This run'] : []),
    ];
    return [
        ...(withHeading ? ['### Provider inventory', ''] : []),
        caption,
        '',
        `| ${columns.join(' | ')} |`,
        `| ${columns.map(() => '---').join(' | ')} |`,
        ...rows,
    ];
}
//# sourceMappingURL=summary.js.map
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
        lines.push(paint('bold', printable(heading(plan))));
        if (plan.blocked !== undefined) {
            lines.push(`  ${paint('red', '! blocked')}   ${printable(plan.blocked)}`);
        }
        for (const step of plan.steps) {
            const { mark, colour } = MARKS[step.op];
            const { certificate, use } = target(step, plan, same, same);
            const what = printable(use === undefined
                ? certificate
                : step.op === 'rebind'
                    ? `${use}: ${certificate}`
                    : `${certificate} ${use}`);
            lines.push(`  ${paint(colour, `${mark} ${step.op.padEnd(9)}`)} ${what}  ${paint('dim', `# ${printable(step.reason)}`)}`);
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
    const out = [`${escapeHtml(heading(plan))}${tally}.`, ''];
    if (plan.blocked !== undefined)
        out.push(`> ⛔ **Blocked**: ${escapeHtml(plan.blocked)}`, '');
    if (plan.steps.length === 0)
        return out;
    const code = (name) => `<code>${escapeHtml(name)}</code>`;
    out.push('| | Step | Certificate | Use | Why |', '| --- | --- | --- | --- | --- |');
    for (const step of plan.steps) {
        const { certificate, use = '' } = target(step, plan, code, escapeHtml);
        out.push(`| \`${MARKS[step.op].mark}\` | ${step.op} | ${certificate} | ${use} | ${escapeHtml(step.reason)} |`);
    }
    out.push('');
    return out;
}
const same = (text) => text;
function heading(plan) {
    const { lineage, sha1, notAfter } = plan.desired;
    return `${lineage} (SHA-1 ${sha1}, not after ${notAfter.slice(0, 10)})`;
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
/** Control characters (escape sequences included) from remote names, made visible and harmless. */
function printable(text) {
    return text.replace(/\p{Cc}/gu, '\uFFFD');
}
//# sourceMappingURL=plan.js.map
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
        lines.push('', `Rotation of ${lineage.lineage}: ${lineage.status}`);
        if (!lineage.steps) {
            lines.push(...renderPlanText([lineage.plan], style)
                .trimEnd()
                .split('\n')
                .map((l) => `  ${l}`));
        }
        else {
            if (lineage.steps.length === 0 && lineage.plan.blocked !== undefined)
                lines.push(`  blocked: ${lineage.plan.blocked}`);
            for (const step of lineage.steps)
                lines.push(`  ${step.op.padEnd(16)} ${subject(step)}: ${outcomeText(step.outcome)}`);
        }
        for (const note of lineage.attention)
            lines.push(`  attention: ${note}`);
    }
    if (rotation.settle) {
        const settle = rotation.settle;
        lines.push(`Settle: ${settle.status === 'failed' ? outcomeText(settle) : settle.status === 'not-needed' ? `not needed (${settle.why})` : 'done'}`);
    }
    lines.push(`${(0,build_plural/* plural */.L)(rotation.requests, 'request')} to the provider.`);
    return lines;
}
/** Under each lineage's heading: its plan (plan mode), or why it was blocked, or the steps carried out. */
function rotation_rotationMarkdown(rotation) {
    const out = [];
    for (const lineage of rotation.lineages) {
        out.push(`### Rotation of ${escapeHtml(lineage.lineage)}: ${lineage.status}`, '');
        if (!lineage.steps)
            out.push(...renderPlanMarkdown(lineage.plan));
        else if (lineage.steps.length === 0 && lineage.plan.blocked !== undefined)
            out.push(`> ⛔ **Blocked**: ${escapeHtml(lineage.plan.blocked)}`, '');
        else
            out.push(...stepsTable(lineage), '');
        for (const note of lineage.attention)
            out.push(`> ⚠️ ${escapeHtml(note)}`, '');
    }
    if (rotation.settle?.status === 'failed')
        out.push(`> ❌ ${escapeHtml(outcomeText(rotation.settle))}`, '');
    return out;
}
function stepsTable(lineage) {
    const rows = (lineage.steps ?? []).map((step) => `| ${step.op} | ${escapeHtml(subject(step))} | ${escapeHtml(outcomeText(step.outcome))} |`);
    return ['| Step | What | Outcome |', '| --- | --- | --- |', ...rows];
}
//# sourceMappingURL=rotation.js.map
;// CONCATENATED MODULE: ./build/report/text.js
/** The report as a person reads it in a terminal, with colour when the terminal has it. */




const text_CODES = { red: 31, yellow: 33, green: 32, dim: 2, bold: 1 };
function renderText(report, style) {
    const paint = (name, text) => style.color ? `\u001b[${text_CODES[name]}m${text}\u001b[0m` : text;
    const lines = [
        paint('bold', `cert-rotate ${report.mode}: `) + paint(report.ok ? 'green' : 'red', report_verdict(report)),
    ];
    for (const note of report.skipped)
        lines.push(paint('yellow', `skipped: ${note}`));
    const many = report.certificates.length > 1;
    for (const cert of report.certificates) {
        lines.push('');
        if (many)
            lines.push(paint('bold', `== ${cert.label}: ${cert.outcome}`));
        lines.push(...certificateLines(cert, paint));
    }
    if (report.rotation)
        lines.push(...rotationText(report.rotation, style));
    if (report.inventory)
        lines.push('', ...inventoryLines(report, paint));
    return `${lines.join('\n')}\n`;
}
/** As the summary has it (summary.ts): held when the run ends, soonest first, then what it removed. */
function inventoryLines(report, paint) {
    const all = report.inventory ?? [];
    const byExpiry = (list) => [...list].sort((a, b) => (a.daysRemaining ?? Infinity) - (b.daysRemaining ?? Infinity));
    const kept = report_held(all);
    const gone = all.filter((e) => e.change === 'removed');
    const lines = [
        report.mode === 'apply'
            ? `Provider inventory after this run: ${(0,build_plural/* plural */.L)(kept.length, 'certificate')} held, ${gone.length} removed`
            : `Provider inventory: ${(0,build_plural/* plural */.L)(kept.length, 'certificate')}`,
    ];
    for (const e of [...byExpiry(kept), ...byExpiry(gone)]) {
        const left = e.change === 'removed'
            ? paint('dim', 'removed by this run')
            : e.daysRemaining === undefined
                ? 'expiry unknown'
                : e.daysRemaining < 0
                    ? paint('red', `expired ${(0,build_plural/* plural */.L)(-e.daysRemaining, 'day')} ago`)
                    : paint(e.daysRemaining <= report.failDays
                        ? 'red'
                        : e.daysRemaining <= report.warnDays
                            ? 'yellow'
                            : 'green', `${(0,build_plural/* plural */.L)(e.daysRemaining, 'day')} left`);
        const names = e.dnsNames.length > 0 ? ` ${e.dnsNames.join(', ')}` : '';
        const added = e.change === 'added' ? paint('green', ' [uploaded by this run]') : '';
        lines.push(`  ${e.name} (${e.id})${names}: ${left}${added}${e.lineage ? '' : paint('dim', ' [not managed]')}`);
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
        const left = days < 0 ? `expired ${(0,build_plural/* plural */.L)(-days, 'day')} ago` : `${(0,build_plural/* plural */.L)(days, 'day')} left`;
        const dayColour = expiryColour(cert);
        const names = [...leaf.dnsNames, ...leaf.ipAddresses].join(', ') || '(no subjectAltName)';
        lines.push(`Certificate  ${leaf.subject}`, `  Issuer     ${leaf.issuer}`, `  Names      ${names}`, `  Key        ${(0,keys/* keyLabel */.w8)(leaf.key)}, signed ${leaf.signatureAlgorithm}`, `  Valid      ${leaf.notBefore} → ${leaf.notAfter} (${paint(dayColour, left)})`, `  Serial     ${leaf.serial}`, `  SHA-1      ${leaf.sha1}`, `  SHA-256    ${leaf.sha256}`);
    }
    if (cert.chain.length > 0) {
        lines.push('Chain, as served');
        cert.chain.forEach((entry, i) => {
            const note = entry.role === 'root' ? paint('dim', ' (root: not uploaded)') : '';
            lines.push(`  ${i + 1}. ${entry.role.padEnd(12)} ${entry.subject}  expires ${entry.notAfter}${note}`);
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
            const where = f.origin?.line !== undefined ? ` [${f.origin.source}:${f.origin.line}]` : '';
            lines.push(`  ${mark} ${f.code}${where}: ${f.message}`, `             ${paint('dim', `fix: ${f.fix}`)}`);
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
// EXTERNAL MODULE: ./build/certs/validate.js + 6 modules
var validate = __webpack_require__(5400);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./build/certs/pem.js
var pem = __webpack_require__(4954);
// EXTERNAL MODULE: ./build/vocabulary.js
var vocabulary = __webpack_require__(6914);
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
async function loadCertificates(settings, given) {
    const source = settings.certificates;
    const words = settings.words ?? vocabulary/* ACTION_WORDS */.d;
    const options = { ...given, words };
    if (source.kind === 'none')
        return { certificates: [], skipped: [] };
    if (source.kind === 'inputs') {
        return { certificates: [await loadEntry(source.entry, 'certificate', options)], skipped: [] };
    }
    const path = (0,external_node_path_.resolve)(options.cwd, source.path);
    const text = fileText(await readPart(path, source.path, words.name(constants/* Inputs */.G0.Manifest), words));
    const shown = display(options.cwd, path, source.path);
    // The YAML parser loads only for manifest runs.
    const { parseManifest } = await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(683)]).then(__webpack_require__.bind(__webpack_require__, 2064));
    const entries = parseManifest(text, shown, { requireNames: settings.mode !== 'validate' });
    const missing = [];
    const skipped = [];
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
    return { certificates, skipped };
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
            if (secret)
                maskSecret(source.text, options.mask);
            sources.push({ role: part.role, name: source.label, data: source.text });
            continue;
        }
        const path = (0,external_node_path_.resolve)(options.cwd, source.path);
        const data = await readPart(path, source.path, source.label, options.words);
        if (secret) {
            // As the engine will read it (UTF-16 decoded), and as the bytes would print.
            maskSecret(fileText(data), options.mask);
            maskBytes(data, options.mask);
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
    const text = source.kind === 'value'
        ? source.text
        : fileText(await readPart((0,external_node_path_.resolve)(options.cwd, source.path), source.path, source.label, options.words)).replace(/\r?\n$/, '');
    maskSecret(text, options.mask);
    return text;
}
/** A text file's text: UTF-8 or, with a byte-order mark, UTF-16 (Windows PowerShell 5.1 writes it). */
function fileText(data) {
    return (0,pem/* textOf */.b6)(data) ?? data.toString('utf8');
}
async function readPart(path, given, label, words) {
    let size;
    try {
        const handle = await (0,promises_.open)(path, 'r');
        try {
            size = (await handle.stat()).size;
            if (size <= MAX_FILE_BYTES) {
                const data = await handle.readFile();
                // Grown since the size was read: the same bound.
                if (data.length <= MAX_FILE_BYTES)
                    return data;
                size = data.length;
            }
        }
        finally {
            await handle.close();
        }
    }
    catch (thrown) {
        const code = thrown.code;
        if (looksSecret(given)) {
            // A key (or certificate) pasted where its path belongs: say so, never quote it.
            throw new errors/* InputError */.dz(`${label}: the value is not a file path: it looks like the key or certificate itself (${(0,build_plural/* plural */.L)(given.length, 'character')}, not shown).`, `Pass the contents where a value goes (e.g. ${words.name(constants/* Inputs */.G0.PrivateKey)} instead of ${words.name(constants/* Inputs */.G0.PrivateKeyFile)}), or a path to a file here.`);
        }
        throw new errors/* InputError */.dz(code === 'ENOENT'
            ? `${label}: the file '${given}' does not exist (looked for ${path}).`
            : `${label}: the file '${given}' could not be read (${code ?? 'error'}).`, `Check the path; relative paths start at ${words.folder}, and at the manifest's folder for files a manifest names.`);
    }
    throw new errors/* InputError */.dz(`${label}: the file '${given}' is ${size} bytes; at most ${MAX_FILE_BYTES} are read (certificates, keys and manifests are a few kilobytes).`, 'Check the path: it names some other file than the certificate, key or manifest.');
}
/** A path as the user would recognise it: workspace-relative when inside, else as given. */
function display(cwd, path, given) {
    const inside = (0,external_node_path_.relative)(cwd, path);
    return inside.startsWith('..') || (0,external_node_path_.isAbsolute)(inside) ? given : inside;
}
//# sourceMappingURL=load-certificates.js.map
;// CONCATENATED MODULE: ./build/run.js






async function run(settings, deps) {
    const now = deps.now ?? new Date();
    const loaded = await loadCertificates(settings, {
        cwd: deps.cwd,
        mask: deps.mask,
        env: deps.env ?? process.env,
    });
    if (loaded.certificates.some((c) => c.sources.some(decode/* mayHoldPkcs12 */.N)))
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
            repairChain: settings.repairChain,
            domains: certificate.domains,
            requireKey: certificate.requireKey,
            onSecret: deps.mask,
            words: settings.words,
        }),
    }));
    const report = (rotation) => buildReport({
        settings,
        checked,
        skipped: [...settings.skipped, ...loaded.skipped],
        now,
        ...(rotation === undefined ? {} : { rotation }),
    });
    const rotation = settings.rotation;
    // Nothing is sent anywhere for a certificate that failed its checks; the others go ahead, so
    // one broken entry in a manifest does not hold back the renewal of the rest.
    const ready = checked.filter((c) => c.bundle.ok && c.certificate.name !== undefined);
    if (settings.mode === 'validate' || rotation === undefined || (ready.length === 0 && !settings.inventory)) {
        return { report: report(), checked };
    }
    // The network and rotation code loads only for runs that use it: a validate run starts faster.
    const [{ createProvider }, { rotate }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(752), __webpack_require__.e(32)]).then(__webpack_require__.bind(__webpack_require__, 1032)),
        __webpack_require__.e(/* import() */ 429).then(__webpack_require__.bind(__webpack_require__, 8429)),
    ]);
    const redactor = new Redactor();
    for (const { bundle } of checked)
        redactor.add(bundle.upload?.privateKey);
    const ms = rotation.timeoutSeconds * 1000;
    const provider = createProvider(rotation.provider, redactor, {
        timeouts: { connectMs: ms, headersMs: ms, bodyMs: ms },
        ...deps.transport,
    });
    const result = await rotate(provider, ready.map((c) => ({ lineage: c.certificate.name, bundle: c.bundle })), {
        mode: settings.mode,
        template: rotation.template,
        plan: rotation.plan,
        concurrency: rotation.concurrency,
    });
    return { report: report(result), checked };
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
        process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else
        process.stdout.write(renderText(report, { color: useColor() }));
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
    process.stderr.write(`cert-rotate: ${(0,errors/* messageWithFix */.vW)(thrown, '\n')}\n`);
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
/* harmony export */   WH: () => (/* binding */ DEFAULT_CONCURRENCY),
/* harmony export */   pH: () => (/* binding */ SECRET_INPUTS),
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
    ReloadTraefik: 'reload-traefik',
    Concurrency: 'concurrency',
    TimeoutSeconds: 'timeout-seconds',
    Manifest: 'manifest',
    Inventory: 'inventory',
    GitHubToken: 'github-token',
    CommentOnPr: 'comment-on-pr',
    ExpiryIssue: 'expiry-issue',
};
/** Inputs whose values are secrets: masked the moment they are read. */
const SECRET_INPUTS = [
    Inputs.PrivateKey,
    Inputs.Pkcs12,
    Inputs.Pkcs12Password,
    Inputs.KeyPassphrase,
    Inputs.ApiToken,
    Inputs.GitHubToken,
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
};
const MODES = ['apply', 'plan', 'validate'];
const PROVIDERS = ['digitalocean', 'dokploy'];
/**
 * Lineages rotated at once. High enough that a typical manifest runs in one wave (each lineage
 * waits on its own round trips, not on the others); the rate limiter keeps the total under the
 * provider's limit whatever this is.
 */
const DEFAULT_CONCURRENCY = 32;
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
/* harmony export */   d: () => (/* binding */ keyFix)
/* harmony export */ });
function keyFix(help) {
    const permissions = help.access === 'read' ? 'read' : 'read, create, delete';
    return ('Create an API key in Dokploy (Profile → API/CLI) as a member of the organization that owns the ' +
        `certificates, with the certificate permissions (${permissions}) or the owner/admin role, and pass ` +
        `it ${help.via}. On Dokploy Cloud a certificate also needs a server id.`);
}
//# sourceMappingURL=permissions.js.map

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
    if (!LINEAGE.test(name)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`Invalid ${label} '${name}'. Expected 1-63 letters, digits, '.', '_' or '-', starting with a letter or digit.`, 'Use a short identifier for the certificate, e.g. example-com.');
    }
    return name;
}
/** Check a template: it must name the lineage and carry a fingerprint (at least 8 hex digits). */
function checkTemplate(template, label = 'name-template') {
    const parts = [...template.matchAll(PLACEHOLDER)];
    const unknown = template.replace(PLACEHOLDER, '').match(/\{[^}]*\}/);
    if (unknown) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`Invalid ${label} '${template}': unknown placeholder ${unknown[0]}.`, 'Use {name}, {sha1}, {sha1:N}, {sha256}, {sha256:N} or {not-after}.');
    }
    if (!parts.some((p) => p[1] === 'name')) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`Invalid ${label} '${template}': it has no {name}.`, 'Include {name}, e.g. {name}-{sha1:12}.');
    }
    // Every fingerprint, not only the one read back: a longer one renders short and never matches.
    for (const [placeholder, key, digits] of parts) {
        const length = key === 'sha1' ? 40 : key === 'sha256' ? 64 : undefined;
        if (length !== undefined && digits !== undefined && Number(digits) > length) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`Invalid ${label} '${template}': ${placeholder} asks for more hex digits than ${key} has (${length}).`, `Use at most {${key}:${length}}, or {${key}} for the whole fingerprint.`);
        }
    }
    const fingerprint = parts.find((p) => p[1] === 'sha1' || p[1] === 'sha256');
    const digits = fingerprint ? Number(fingerprint[2] ?? (fingerprint[1] === 'sha1' ? 40 : 64)) : 0;
    if (!fingerprint || digits < 8) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz(`Invalid ${label} '${template}': it needs a fingerprint of at least 8 hex digits ({sha1:N} or {sha256:N}).`, 'Each version needs a name of its own (DigitalOcean refuses duplicates) that says which content it holds: e.g. {name}-{sha1:12}.');
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
    let fingerprintGroup;
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
            const length = digits ?? (key === 'sha1' ? '40' : '64');
            // The first fingerprint is the one read back; any other must still be hex of its length.
            if (!fingerprintGroup) {
                fingerprintGroup = { kind: key };
                source += `([0-9a-f]{${length}})`;
            }
            else
                source += `[0-9a-f]{${length}}`;
        }
        last = match.index + match[0].length;
    }
    source += escapeRegExp(template.slice(last));
    const pattern = new RegExp(`^${source}$`);
    return {
        belongs: (name) => name === lineage || pattern.test(name),
        fingerprintOf: (name) => {
            const found = pattern.exec(name)?.[1];
            return found && fingerprintGroup ? { kind: fingerprintGroup.kind, prefix: found } : undefined;
        },
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

/***/ 8352:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   pt: () => (/* binding */ describeUse),
/* harmony export */   v9: () => (/* binding */ holds),
/* harmony export */   zu: () => (/* binding */ planLineage)
/* harmony export */ });
/* unused harmony export DEFAULT_PLAN_OPTIONS */
const DEFAULT_PLAN_OPTIONS = { removeSuperseded: true, keepSuperseded: 0, rebind: true };
function planLineage(input) {
    const { desired, matcher, inventory, uses, options } = input;
    const members = input.members ?? inventory.filter((remote) => matcher.belongs(remote.name));
    const foreign = inventory.length - members.length;
    const isDesired = (remote) => holds(remote, desired, matcher);
    const present = members
        .filter(isDesired)
        .sort((a, b) => Number(b.name === desired.name) - Number(a.name === desired.name))[0];
    // The desired name fits the lineage's template, so a certificate holding it is a member.
    const clash = !present && members.find((remote) => remote.name === desired.name);
    if (clash) {
        return {
            desired,
            current: { kind: 'create', name: desired.name },
            steps: [],
            foreign,
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
    for (const old of superseded) {
        const users = (uses ?? []).filter((use) => use.certificateIds.includes(old.id));
        const stuck = users.filter((use) => !options.rebind || use.managedBy !== undefined);
        for (const use of users) {
            if (stuck.includes(use))
                continue;
            rebinds.push({ op: 'rebind', use, from: old, reason: `it uses ${old.name}, which is superseded` });
        }
        if (stuck.length > 0) {
            keeps.push({ op: 'keep', certificate: old, reason: stuckReason(stuck, options.rebind) });
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
    steps.push(...rebinds, ...removals, ...keeps);
    return { desired, current, steps, foreign };
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

/***/ 1423:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J4: () => (/* binding */ parseDomains),
/* harmony export */   P$: () => (/* binding */ parseSettings)
/* harmony export */ });
/* unused harmony export parseBoolean */
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7030);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3136);
/* harmony import */ var _certs_validate_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5400);
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2757);
/* harmony import */ var _providers_digitalocean_scopes_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(6355);
/* harmony import */ var _providers_dokploy_permissions_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(3280);
/* harmony import */ var _rotation_names_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8087);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9473);
/* harmony import */ var _vocabulary_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6914);
/**
 * Every input, read and validated in one place into one typed object. The action and the
 * terminal command collect raw strings differently (`core.getInput` / flags and environment)
 * and both hand them to `parseSettings`, so the rules and the error messages are the same.
 */









const PARTS = [
    { role: 'certificate', value: _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.Certificate, file: _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.CertificateFile },
    { role: 'chain', value: _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.CertificateChain, file: _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.CertificateChainFile },
    { role: 'private-key', value: _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.PrivateKey, file: _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.PrivateKeyFile },
    { role: 'pkcs12', value: _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.Pkcs12, file: _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.Pkcs12File },
];
/** Inputs about the one certificate: with a manifest, each entry says these for itself. */
const SINGLE_INPUTS = [
    ...PARTS.flatMap((p) => [p.value, p.file]),
    _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.KeyPassphrase,
    _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.Pkcs12Password,
    _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.Name,
    _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.Domains,
];
function parseSettings(raw, place = {}) {
    const get = (name) => {
        const value = raw[name];
        return value === undefined || value.trim() === '' ? undefined : value;
    };
    const skipped = [];
    const secretsOptional = place.pullRequest === true;
    const words = place.words ?? _vocabulary_js__WEBPACK_IMPORTED_MODULE_6__/* .ACTION_WORDS */ .d;
    const { name: named } = words;
    let mode = (get(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.Mode) ?? 'apply').trim().toLowerCase();
    if (!_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .MODES */ .FN.includes(mode)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz(`Invalid mode '${mode}'. Expected one of: ${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .MODES */ .FN.join(', ')}.`);
    }
    if (place.pullRequest && mode === 'apply') {
        // A pull request is a proposal: its certificates are checked and planned, never uploaded.
        mode = 'plan';
        skipped.push('apply: a pull request only plans; the rotation is applied after merge (push or schedule).');
    }
    if (secretsOptional && mode === 'plan' && get(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.ApiToken) === undefined) {
        mode = 'validate';
        skipped.push(`plan: ${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.ApiToken} is empty, as secrets are not passed to pull requests from forks (or Dependabot); the certificate was only validated.`);
    }
    const warnDays = parseDays(get(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.WarnDays), named(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.WarnDays), _certs_validate_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_WARN_DAYS */ .XM);
    const failDays = parseDays(get(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.FailDays), named(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.FailDays), _certs_validate_js__WEBPACK_IMPORTED_MODULE_2__/* .DEFAULT_FAIL_DAYS */ .xp);
    if (failDays > warnDays) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz(`${named(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.FailDays)} (${failDays}) is larger than ${named(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.WarnDays)} (${warnDays}).`, `Set ${named(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.FailDays)} to at most ${named(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.WarnDays)}: a certificate fails after it has been warned about.`);
    }
    const inventory = parseBoolean(get(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.Inventory), named(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.Inventory), false);
    if (inventory && mode === 'validate' && !secretsOptional) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz(`${named(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.Inventory)} lists what the provider holds, which validate mode never contacts.`, `Use ${words.mode('plan')} (read-only) to report the inventory.`);
    }
    const certificates = readCertificates(get, raw, {
        inventory,
        mode: mode,
        secretsOptional,
        skipped,
        words,
    });
    const rotation = mode === 'validate' ? undefined : parseRotation(get, raw, mode, words);
    if (rotation && certificates.kind === 'inputs' && certificates.entry.name === undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz(`${named(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.Name)} is required for ${words.mode(mode)}.`, 'Give the certificate a short name, e.g. example-com: every uploaded version is named after it.');
    }
    return {
        mode: mode,
        certificates,
        rotation,
        inventory: inventory && mode !== 'validate',
        warnDays,
        failDays,
        repairChain: parseBoolean(get(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.RepairChain), named(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.RepairChain), true),
        github: {
            token: raw[_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.GitHubToken]?.trim() || undefined,
            commentOnPr: parseBoolean(get(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.CommentOnPr), named(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.CommentOnPr), true),
            expiryIssue: parseBoolean(get(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.ExpiryIssue), named(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.ExpiryIssue), false),
        },
        secretsOptional,
        skipped,
        words,
    };
}
function readCertificates(get, raw, context) {
    const { name: named } = context.words;
    const manifest = get(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.Manifest)?.trim();
    if (manifest !== undefined) {
        const clash = SINGLE_INPUTS.find((name) => get(name) !== undefined);
        if (clash !== undefined) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz(`Both ${named(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.Manifest)} and ${named(clash)} are set.`, `With a manifest, every certificate's parts, name and domains are in its entry: remove ${named(clash)}, or remove ${named(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.Manifest)} to rotate one certificate from the other settings.`);
        }
        return { kind: 'manifest', path: manifest };
    }
    const parts = [];
    for (const part of PARTS) {
        const value = get(part.value);
        const file = get(part.file)?.trim();
        if (value !== undefined && file !== undefined) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz(`Both ${named(part.value)} and ${named(part.file)} are set. Give the value or the file, not both.`);
        }
        if (value !== undefined)
            parts.push({ role: part.role, source: { kind: 'value', label: named(part.value), text: value } });
        if (file !== undefined)
            parts.push({ role: part.role, source: { kind: 'file', label: named(part.file), path: file } });
    }
    const name = get(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.Name)?.trim();
    if (!parts.some((p) => p.role === 'certificate' || p.role === 'pkcs12')) {
        if (context.secretsOptional) {
            context.skipped.push('validation: no certificate was given (it comes from a secret this pull request cannot see).');
            return { kind: 'none' };
        }
        if (context.inventory && context.mode !== 'validate' && parts.length === 0 && name === undefined) {
            return { kind: 'none' };
        }
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz('No certificate was given.', `Give the certificate: ${named(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.CertificateFile)} (a PEM file) or ${named(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.Certificate)} (the PEM itself); or a PKCS#12 file: ${named(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.Pkcs12File)} or ${named(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.Pkcs12)}; or a list of certificates: ${named(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.Manifest)}. ${context.words.missing}`);
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
            name: name === undefined ? undefined : (0,_rotation_names_js__WEBPACK_IMPORTED_MODULE_4__/* .checkLineageName */ .D0)(name, named(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.Name)),
            parts,
            keyPassphrase: secret(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.KeyPassphrase),
            // An empty PKCS#12 password is a real one (some exports use it): only absent means none.
            pkcs12Password: secret(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.Pkcs12Password, true),
            domains: parseDomains(get(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.Domains), named(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.Domains)),
            requireKey: hasKey || !context.secretsOptional,
        },
    };
}
function parseRotation(get, raw, mode, words) {
    const { name: named } = words;
    const kind = get(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.Provider)?.trim().toLowerCase();
    if (kind === undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz(`${named(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.Provider)} is required for ${words.mode(mode)}.`, `Set ${named(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.Provider)} to ${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .PROVIDERS */ .xq.join(' or ')}, or use ${words.mode('validate')} to only check the certificate.`);
    }
    if (!_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .PROVIDERS */ .xq.includes(kind)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz(`Invalid ${named(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.Provider)} '${kind}'. Expected one of: ${_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .PROVIDERS */ .xq.join(', ')}.`);
    }
    // Plan only reads: a token for it needs (and a refusal asks for) the read permissions alone.
    const tokenHelp = {
        access: mode === 'plan' ? 'read' : 'write',
        via: words.via(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.ApiToken),
    };
    const token = raw[_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.ApiToken]?.trim();
    if (!token) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz(`${named(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.ApiToken)} is required for ${words.mode(mode)}.`, kind === 'digitalocean' ? (0,_providers_digitalocean_scopes_js__WEBPACK_IMPORTED_MODULE_7__/* .tokenFix */ .z5)(tokenHelp) : (0,_providers_dokploy_permissions_js__WEBPACK_IMPORTED_MODULE_8__/* .keyFix */ .d)(tokenHelp));
    }
    const apiUrl = get(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.ApiUrl)?.trim();
    if (kind === 'dokploy' && apiUrl === undefined) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz(`${named(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.ApiUrl)} is required for Dokploy.`, 'Set it to the dashboard address, e.g. https://dokploy.example.com.');
    }
    const serverId = get(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.ServerId)?.trim();
    const reloadTraefik = parseBoolean(get(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.ReloadTraefik), named(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.ReloadTraefik), false);
    if (kind !== 'dokploy' && (serverId !== undefined || reloadTraefik)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz(`${named(serverId !== undefined ? _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.ServerId : _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.ReloadTraefik)} applies to Dokploy only.`, `Remove it, or set ${named(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.Provider)} to dokploy.`);
    }
    return {
        provider: {
            kind: kind,
            token,
            apiUrl,
            serverId,
            reloadTraefik,
            tokenHelp,
        },
        template: (0,_rotation_names_js__WEBPACK_IMPORTED_MODULE_4__/* .checkTemplate */ .BU)(get(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.NameTemplate)?.trim() ?? _rotation_names_js__WEBPACK_IMPORTED_MODULE_4__/* .DEFAULT_NAME_TEMPLATE */ .no, named(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.NameTemplate)),
        plan: {
            removeSuperseded: parseBoolean(get(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.RemoveSuperseded), named(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.RemoveSuperseded), true),
            keepSuperseded: parseInteger(get(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.KeepSuperseded), named(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.KeepSuperseded), {
                fallback: 0,
                min: 0,
                max: 100,
            }),
            rebind: parseBoolean(get(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.Rebind), named(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.Rebind), true),
        },
        concurrency: parseInteger(get(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.Concurrency), named(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.Concurrency), {
            fallback: _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .DEFAULT_CONCURRENCY */ .WH,
            min: 1,
            max: 100,
        }),
        timeoutSeconds: parseInteger(get(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.TimeoutSeconds), named(_constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.TimeoutSeconds), {
            fallback: 30,
            min: 1,
            max: 600,
        }),
    };
}
function parseInteger(value, name, bounds) {
    if (value === undefined)
        return bounds.fallback;
    const text = value.trim();
    const number = Number(text);
    if (!/^\d{1,6}$/.test(text) || number < bounds.min || number > bounds.max) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz(`Invalid ${name} '${text}'. Expected a whole number from ${bounds.min} to ${bounds.max}.`);
    }
    return number;
}
function parseDays(value, name, fallback) {
    if (value === undefined)
        return fallback;
    const text = value.trim();
    if (!/^\d{1,5}$/.test(text)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz(`Invalid ${name} '${text}'. Expected a whole number of days, e.g. ${fallback}.`);
    }
    return Number(text);
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
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz(`Invalid ${name} '${text}'. Expected true or false.`);
}
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
/** `name` is how the message names the list: the input (or flag), or a manifest entry's key. */
function parseDomains(value, name = _constants_js__WEBPACK_IMPORTED_MODULE_3__/* .Inputs */ .G0.Domains) {
    if (value === undefined)
        return [];
    const out = [];
    for (const item of value.split(/[\s,]+/)) {
        const domain = item.trim().replace(/\.$/, '').toLowerCase();
        if (domain === '')
            continue;
        if (/^[a-z][a-z0-9+.-]*:\/\//.test(domain) || domain.includes('/')) {
            const bare = domain.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').split('/')[0];
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz(`Invalid domain '${item}' in ${name}: it is a URL. Give the host name '${bare}'.`);
        }
        const host = domain.startsWith('*.') ? domain.slice(2) : domain;
        const ascii = (0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(host) === 0 ? (0,node_url__WEBPACK_IMPORTED_MODULE_1__.domainToASCII)(host) : '';
        const valid = ((0,node_net__WEBPACK_IMPORTED_MODULE_0__.isIP)(host) !== 0 && host === domain) ||
            (ascii !== '' && ascii.split('.').every((label) => LABEL.test(label)));
        if (!valid) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .InputError */ .dz(`Invalid domain '${item}' in ${name}. Expected host names such as example.com or *.example.com, or IP addresses.`);
        }
        if (!out.includes(domain))
            out.push(domain);
    }
    return out;
}
//# sourceMappingURL=settings.js.map

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

//# sourceMappingURL=299.index.js.map