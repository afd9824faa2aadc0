export const id = 22;
export const ids = [22];
export const modules = {

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

//# sourceMappingURL=22.index.js.map