export const id = 683;
export const ids = [683];
export const modules = {

/***/ 2064:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parseManifest: () => (/* binding */ parseManifest)
/* harmony export */ });
/* unused harmony exports PART_KEYS, MAX_ENTRIES, ManifestError */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9473);
/* harmony import */ var _rotation_names_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8087);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6410);
/* harmony import */ var _settings_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8096);
/* harmony import */ var _verification_endpoints_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1284);
/**
 * The manifest: one YAML file listing many certificates, each naming where its parts come from
 * (an environment variable, usually filled from a secret, or a file). Parsing is pure: text in,
 * entries out, and every problem found at once with its line, so a user fixes the file in one go.
 * `manifest.schema.json` describes the same format for editors; a test keeps the two in step.
 *
 * ```yaml
 * version: 1
 * certificates:
 *   - name: example-com
 *     domains: [example.com, www.example.com]
 *     certificate: { file: certs/example.com/fullchain.pem }
 *     private-key: { env: EXAMPLE_COM_KEY }
 *     endpoints: [lb.example.com:8443]   # optional: checked live besides each domain on 443
 * ```
 */






const PART_KEYS = {
    certificate: 'certificate',
    'certificate-chain': 'chain',
    'private-key': 'private-key',
    pkcs12: 'pkcs12',
};
const PASSWORD_KEYS = ['key-passphrase', 'pkcs12-password'];
const ENTRY_KEYS = ['name', 'domains', 'endpoints', ...Object.keys(PART_KEYS), ...PASSWORD_KEYS];
const TOP_KEYS = ['version', 'certificates'];
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** More would be a mistake (and a very long run): a manifest is a list someone maintains by hand. */
const MAX_ENTRIES = 500;
class ManifestError extends _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz {
    problems;
    constructor(file, problems) {
        const shown = problems.slice(0, 20).map((p) => {
            const at = p.line === undefined ? file : `${file}:${p.line}`;
            return `  ${at}${p.where ? ` ${p.where}` : ''}: ${p.message}`;
        });
        if (problems.length > shown.length)
            shown.push(`  … and ${problems.length - shown.length} more.`);
        super(`The manifest ${file} has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}:\n${shown.join('\n')}`, 'Fix the lines named above. The format is in the README (Manifest) and in manifest.schema.json.');
        this.name = 'ManifestError';
        this.problems = problems;
    }
}
function parseManifest(text, file, options) {
    const counter = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(text, { lineCounter: counter, uniqueKeys: true, prettyErrors: false });
    const problems = [];
    // Nodes carry their offsets; a pair is placed by its key.
    const lineOf = (node) => {
        const located = isNodeLike(node)
            ? node
            : isNodeLike(node?.key)
                ? node.key
                : undefined;
        const start = located?.range?.[0];
        return start === undefined ? undefined : counter.linePos(start).line;
    };
    const report = (node, where, message) => problems.push({ line: lineOf(node), where, message });
    for (const error of doc.errors) {
        problems.push({
            line: counter.linePos(error.pos[0]).line,
            where: '',
            message: `not valid YAML (${error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '')}).`,
        });
    }
    if (problems.length > 0)
        throw new ManifestError(file, problems);
    const root = doc.contents;
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(root)) {
        throw new ManifestError(file, [
            {
                line: lineOf(root) ?? 1,
                where: '',
                message: 'expected a mapping with a certificates: list at the top.',
            },
        ]);
    }
    checkKeys(root, TOP_KEYS, '', report);
    const version = root.get('version', true);
    if (version !== undefined && !((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(version) && version.value === 1)) {
        report(version, 'version', 'expected 1, the only version there is (or leave it out).');
    }
    const list = root.get('certificates', true);
    const entries = [];
    if (list === undefined) {
        report(root, '', 'there is no certificates: list.');
    }
    else if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(list) || list.items.length === 0) {
        report(list, 'certificates', 'expected a list of certificates, each starting with "- name:".');
    }
    else if (list.items.length > MAX_ENTRIES) {
        report(list, 'certificates', `${list.items.length} certificates; at most ${MAX_ENTRIES} in one manifest.`);
    }
    else {
        const names = new Map();
        list.items.forEach((item, index) => {
            const where = `certificates[${index}]`;
            if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(item)) {
                report(item, where, 'expected a mapping (name:, certificate:, private-key: …).');
                return;
            }
            const entry = readEntry(item, index, where, options, report, lineOf);
            if (entry.name !== undefined) {
                const first = names.get(entry.name);
                if (names.has(entry.name)) {
                    report(item.get('name', true), `${where}.name`, `'${entry.name}' is already the name of the certificate on line ${first}: give each its own.`);
                }
                names.set(entry.name, entry.line);
            }
            entries.push(entry);
        });
    }
    if (problems.length > 0)
        throw new ManifestError(file, byLine(problems));
    return entries;
}
function readEntry(map, index, where, options, report, lineOf) {
    checkKeys(map, ENTRY_KEYS, where, report);
    const entry = {
        name: undefined,
        index,
        line: lineOf(map) ?? 0,
        domains: [],
        endpoints: [],
        parts: [],
        keyPassphrase: undefined,
        pkcs12Password: undefined,
    };
    const nameNode = map.get('name', true);
    if (nameNode === undefined) {
        if (options.requireNames) {
            report(map, where, 'has no name: plan and apply name every uploaded version after it (e.g. name: example-com).');
        }
    }
    else if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(nameNode) || typeof nameNode.value !== 'string') {
        report(nameNode, `${where}.name`, 'expected a text name, e.g. example-com.');
    }
    else {
        try {
            entry.name = (0,_rotation_names_js__WEBPACK_IMPORTED_MODULE_2__/* .checkLineageName */ .D0)(nameNode.value);
        }
        catch (thrown) {
            report(nameNode, `${where}.name`, messageOf(thrown));
        }
    }
    const domains = map.get('domains', true);
    if (domains !== undefined) {
        const texts = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(domains)
            ? domains.items.map((d) => ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(d) && typeof d.value === 'string' ? d.value : undefined))
            : [(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(domains) && typeof domains.value === 'string' ? domains.value : undefined];
        if (texts.some((t) => t === undefined)) {
            report(domains, `${where}.domains`, 'expected host names: a list, or one text separated by commas.');
        }
        else {
            try {
                entry.domains = (0,_settings_js__WEBPACK_IMPORTED_MODULE_4__/* .parseDomains */ .J4)(texts.join(','));
            }
            catch (thrown) {
                report(domains, `${where}.domains`, messageOf(thrown));
            }
        }
    }
    const endpoints = map.get('endpoints', true);
    if (endpoints !== undefined) {
        const texts = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(endpoints)
            ? endpoints.items.map((e) => ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(e) && typeof e.value === 'string' ? e.value : undefined))
            : [(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(endpoints) && typeof endpoints.value === 'string' ? endpoints.value : undefined];
        if (texts.some((t) => t === undefined)) {
            report(endpoints, `${where}.endpoints`, 'expected host or host:port entries: a list, or one text separated by commas.');
        }
        else {
            try {
                entry.endpoints = (0,_verification_endpoints_js__WEBPACK_IMPORTED_MODULE_5__/* .parseEndpoints */ .aL)(texts.flatMap((t) => t.split(/[\s,]+/)));
            }
            catch (thrown) {
                report(endpoints, `${where}.endpoints`, messageOf(thrown));
            }
        }
    }
    for (const [key, role] of Object.entries(PART_KEYS)) {
        const ref = readSource(map, key, where, report, lineOf);
        if (ref)
            entry.parts.push({ role, key, ref });
    }
    entry.keyPassphrase = readSource(map, 'key-passphrase', where, report, lineOf);
    entry.pkcs12Password = readSource(map, 'pkcs12-password', where, report, lineOf);
    // Said only when neither is there at all: a broken one has its own problem already.
    if (!map.has('certificate') && !map.has('pkcs12')) {
        report(map, where, 'has no certificate: give certificate: (PEM) or pkcs12:, each as { env: NAME } or { file: PATH }.');
    }
    return entry;
}
function readSource(map, key, where, report, lineOf) {
    const node = map.get(key, true);
    if (node === undefined)
        return undefined;
    const at = `${where}.${key}`;
    const shape = `expected { env: NAME } (an environment variable, e.g. from a secret) or { file: PATH }.`;
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node)) {
        report(node, at, (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(node) && typeof node.value === 'string'
            ? `a value in the manifest itself is not read: ${shape}`
            : shape);
        return undefined;
    }
    checkKeys(node, ['env', 'file'], at, report);
    const env = node.get('env', true);
    const file = node.get('file', true);
    const line = lineOf(node) ?? 0;
    if (env !== undefined && file !== undefined) {
        report(node, at, 'has both env and file: give one.');
        return undefined;
    }
    if (env !== undefined) {
        // A token is a valid variable name: refused too, or "not set" would print it.
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(env) ||
            typeof env.value !== 'string' ||
            !ENV_NAME.test(env.value) ||
            (0,_secrets_js__WEBPACK_IMPORTED_MODULE_3__/* .looksLikeToken */ .NM)(env.value)) {
            report(env, `${at}.env`, 'expected an environment variable name (letters, digits and _, not starting with a digit).');
            return undefined;
        }
        return { kind: 'env', variable: env.value, line };
    }
    if (file !== undefined) {
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(file) || typeof file.value !== 'string' || file.value.trim() === '') {
            report(file, `${at}.file`, 'expected a path, relative to the workspace.');
            return undefined;
        }
        return { kind: 'file', path: file.value.trim(), line };
    }
    report(node, at, shape);
    return undefined;
}
function checkKeys(map, allowed, where, report) {
    for (const pair of map.items) {
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isAlias */ .Vj)(pair.value) || (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isAlias */ .Vj)(pair.key)) {
            report(pair.key, where, 'anchors and aliases (&, *) are not supported: write each value out.');
            continue;
        }
        const key = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pair.key) ? String(pair.key.value) : undefined;
        if (key !== undefined && allowed.includes(key))
            continue;
        const near = key === undefined ? undefined : closest(key, allowed);
        report(pair.key, where, `unknown key ${(0,_secrets_js__WEBPACK_IMPORTED_MODULE_3__/* .quoteValue */ .cl)(key ?? '?')}${near ? ` (did you mean '${near}'?)` : ''}. Expected: ${allowed.join(', ')}.`);
    }
}
/** The allowed key a typo most likely meant: within two edits, or one written with _ for -. */
function closest(key, allowed) {
    const normal = key.toLowerCase().replace(/_/g, '-');
    let best;
    for (const word of allowed) {
        const distance = word === normal ? 0 : editDistance(normal, word);
        if (distance <= 2 && (best === undefined || distance < best.distance))
            best = { word, distance };
    }
    return best?.word;
}
function editDistance(a, b) {
    let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        previous = current;
    }
    return previous[b.length] ?? 0;
}
function isNodeLike(value) {
    return typeof value === 'object' && value !== null && 'range' in value;
}
/** A value's problem, as the checks shared with the inputs word it; anything else is a bug. */
function messageOf(thrown) {
    if (thrown instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CertRotateError */ .iV)
        return (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .messageWithFix */ .vW)(thrown);
    throw thrown;
}
/** In the order a reader goes through the file; problems without a line last. */
function byLine(problems) {
    return [...problems].sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
}
//# sourceMappingURL=manifest.js.map

/***/ })

};

//# sourceMappingURL=683.index.js.map