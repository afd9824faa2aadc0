export const id = 827;
export const ids = [827];
export const modules = {

/***/ 5827:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  parseManifestDocument: () => (/* binding */ parseManifestDocument)
});

// UNUSED EXPORTS: MAX_ENTRIES, ManifestError, PART_KEYS, parseManifest

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./build/errors.js
var errors = __webpack_require__(9473);
// EXTERNAL MODULE: ./build/secrets.js + 1 modules
var secrets = __webpack_require__(6410);
;// CONCATENATED MODULE: ./build/manifest/nodes.js
/**
 * What every part of the manifest parser shares: how a problem is reported (with its line), the
 * keys a mapping may hold with the one a typo most likely meant, and a value's problem as the
 * rules shared with the inputs word it.
 */



function checkKeys(map, allowed, where, report) {
    for (const pair of map.items) {
        if ((0,dist/* isAlias */.Vj)(pair.value) || (0,dist/* isAlias */.Vj)(pair.key)) {
            report(pair.key, where, 'anchors and aliases (&, *) are not supported: write each value out.');
            continue;
        }
        const key = (0,dist/* isScalar */.jn)(pair.key) ? String(pair.key.value) : undefined;
        if (key !== undefined && allowed.includes(key))
            continue;
        const near = key === undefined ? undefined : closest(key, allowed);
        report(pair.key, where, `unknown key ${(0,secrets/* quoteValue */.cl)(key ?? '?')}${near ? ` (did you mean '${near}'?)` : ''}. Expected: ${allowed.join(', ')}.`);
    }
}
/** The allowed word a typo most likely meant: within two edits, or one written with _ for -. */
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
    if (thrown instanceof errors/* CertRotateError */.iV)
        return (0,errors/* messageWithFix */.vW)(thrown);
    throw thrown;
}
//# sourceMappingURL=nodes.js.map
;// CONCATENATED MODULE: ./build/manifest/sources.js
/**
 * Where a manifest reads a value: `{ env: NAME }` (an environment variable, usually filled from a
 * secret in the step's env: block) or `{ file: PATH }`. A value written in the manifest itself is
 * refused: secrets belong in secrets. A target's api-token takes `env` alone (a token in a file in
 * the repository would be a token committed).
 */



const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const ENV_SHAPE = 'expected { env: NAME } (an environment variable, e.g. from a secret)';
/**
 * The `{ env: … }` / `{ file: … }` mapping under `key`, its keys checked; undefined (said, unless
 * the key is absent) when it is not a mapping: a value written in the manifest itself is refused.
 */
function sourceMap(map, key, at, shape, report) {
    const node = map.get(key, true);
    if (node === undefined)
        return undefined;
    if (!(0,dist/* isMap */.jh)(node)) {
        report(node, at, (0,dist/* isScalar */.jn)(node) && typeof node.value === 'string'
            ? `a value in the manifest itself is not read: ${shape}`
            : shape);
        return undefined;
    }
    checkKeys(node, ['env', 'file'], at, report);
    return node;
}
function readSource(map, key, where, report, lineOf) {
    const at = `${where}.${key}`;
    const shape = `${ENV_SHAPE} or { file: PATH }.`;
    const node = sourceMap(map, key, at, shape, report);
    if (node === undefined)
        return undefined;
    const env = node.get('env', true);
    const file = node.get('file', true);
    const line = lineOf(node) ?? 0;
    if (env !== undefined && file !== undefined) {
        report(node, at, 'has both env and file: give one.');
        return undefined;
    }
    if (env !== undefined)
        return readEnv(env, at, line, report);
    if (file !== undefined) {
        if (!(0,dist/* isScalar */.jn)(file) || typeof file.value !== 'string' || file.value.trim() === '') {
            report(file, `${at}.file`, 'expected a path, relative to the workspace.');
            return undefined;
        }
        return { kind: 'file', path: file.value.trim(), line };
    }
    report(node, at, shape);
    return undefined;
}
/** A token: from an environment variable only. */
function readEnvSource(map, key, where, report, lineOf) {
    const at = `${where}.${key}`;
    const shape = `${ENV_SHAPE}; a token is read from the environment only.`;
    const node = sourceMap(map, key, at, shape, report);
    if (node === undefined)
        return undefined;
    const env = node.get('env', true);
    if (node.has('file') || env === undefined) {
        report(node, at, shape);
        return undefined;
    }
    return readEnv(env, at, lineOf(node) ?? 0, report);
}
function readEnv(env, at, line, report) {
    // A token is a valid variable name: refused too, or "not set" would print it.
    if (!(0,dist/* isScalar */.jn)(env) ||
        typeof env.value !== 'string' ||
        !ENV_NAME.test(env.value) ||
        (0,secrets/* looksLikeToken */.NM)(env.value)) {
        report(env, `${at}.env`, 'expected an environment variable name (letters, digits and _, not starting with a digit).');
        return undefined;
    }
    return { kind: 'env', variable: env.value, line };
}
//# sourceMappingURL=sources.js.map
// EXTERNAL MODULE: ./build/constants.js
var constants = __webpack_require__(2757);
// EXTERNAL MODULE: ./build/targets/rules.js
var rules = __webpack_require__(7270);
// EXTERNAL MODULE: ./build/targets/pairs.js
var pairs = __webpack_require__(7632);
;// CONCATENATED MODULE: ./build/manifest/targets.js
/**
 * A manifest's targets: `targets:` at the top names provider settings (the keys of the action's
 * provider inputs, read by the same rules, targets/rules.ts), and each certificate's `targets:`
 * says where it goes. An entry without one goes to `default`: the run's own provider settings.
 * Tokens are named here (`{ env: NAME }`), never written; they are read where the environment is
 * (load-certificates.ts).
 */








/** Each target has its own client and listing, all at once: more is a mistake, or many jobs' work. */
const MAX_TARGETS = 50;
/** Names appear in shards (`target/i/n`) and concurrency groups: no '/', no spaces, no dots. */
const TARGET_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,62}$/;
/** A target's keys, in the order the README lists them. */
const TARGET_KEYS = [
    constants/* Inputs */.G0.Provider,
    constants/* Inputs */.G0.ApiUrl,
    constants/* Inputs */.G0.ApiToken,
    ...rules/* TARGET_SETTINGS */.sz.filter((s) => s !== constants/* Inputs */.G0.Provider && s !== constants/* Inputs */.G0.ApiUrl),
];
const EXAMPLE = '{ provider: digitalocean, api-token: { env: DO_PROD_TOKEN } }';
function readTargets(node, defaultTarget, words, report, lineOf) {
    const context = {
        targets: [],
        defined: new Map(),
        known: [],
        suggested: new Set(),
        unreadable: false,
        defaultTarget,
        words,
    };
    const withDefault = () => {
        if (defaultTarget !== 'absent')
            context.known.push(pairs/* DEFAULT_TARGET */.Kv);
        return context;
    };
    if (node === undefined)
        return withDefault();
    if (!(0,dist/* isMap */.jh)(node) || node.items.length === 0) {
        report(node, 'targets', `expected a mapping of target names to their settings, e.g. do-prod: ${EXAMPLE}.`);
        context.unreadable = true;
        return withDefault();
    }
    if (node.items.length > MAX_TARGETS) {
        report(node, 'targets', `${node.items.length} targets; at most ${MAX_TARGETS} in one manifest.`);
        context.unreadable = true;
        return withDefault();
    }
    const tokens = new Map();
    for (const pair of node.items) {
        if ((0,dist/* isAlias */.Vj)(pair.key) || (0,dist/* isAlias */.Vj)(pair.value)) {
            report(pair, 'targets', 'anchors and aliases (&, *) are not supported: write each value out.');
            continue;
        }
        const name = (0,dist/* isScalar */.jn)(pair.key) ? pair.key.value : undefined;
        if (typeof name === 'string')
            context.defined.set(name, pair);
        if (name === pairs/* DEFAULT_TARGET */.Kv) {
            report(pair, 'targets', `'${pairs/* DEFAULT_TARGET */.Kv}' is the name of the target the run's own provider settings give (${words.name(constants/* Inputs */.G0.Provider)}, ${words.name(constants/* Inputs */.G0.ApiToken)} …): call this one otherwise, e.g. do-prod.`);
            continue;
        }
        if (typeof name !== 'string' || !TARGET_NAME.test(name) || (0,secrets/* looksLikeToken */.NM)(name)) {
            // Its settings are not read: its name, which every message about them would carry, comes first.
            report(pair, 'targets', `${(0,secrets/* quoteValue */.cl)(String(name ?? '?'))} is not a plain name for a target: use letters, digits, '-' and '_' (at most 63, starting with a letter), e.g. do-prod.`);
            continue;
        }
        context.known.push(name);
        const { target, token } = readTarget(pair, name, report, lineOf);
        if (token !== undefined) {
            const first = tokens.get(token.variable);
            if (first !== undefined) {
                report(pair.value.get(constants/* Inputs */.G0.ApiToken, true), `targets.${name}.${constants/* Inputs */.G0.ApiToken}`, `${token.variable} is already the ${constants/* Inputs */.G0.ApiToken} of target ${first.name} (line ${first.line}): give each target its own token, as each has its own rate limit and its own listing.`);
                continue;
            }
            tokens.set(token.variable, { name, line: lineOf(pair) ?? 0 });
        }
        if (target !== undefined)
            context.targets.push(target);
    }
    return withDefault();
}
/** A target's settings; its token named even when something else in it is refused, to compare it with the others'. */
function readTarget(pair, name, report, lineOf) {
    const where = `targets.${name}`;
    const map = pair.value;
    if (!(0,dist/* isMap */.jh)(map)) {
        report(pair, where, `expected the target's settings, e.g. ${EXAMPLE}.`);
        return {};
    }
    checkKeys(map, TARGET_KEYS, where, report);
    let refused = false;
    const refuse = (node, at, message) => {
        refused = true;
        report(node, at, message);
    };
    const nodeOf = (key) => map.get(key, true);
    const values = new Map();
    const unreadable = new Set();
    for (const setting of rules/* TARGET_SETTINGS */.sz) {
        const node = nodeOf(setting);
        if (node === undefined)
            continue;
        const value = (0,dist/* isScalar */.jn)(node) ? node.value : undefined;
        if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
            // Blank is left out, as an empty input is.
            if (String(value).trim() !== '')
                values.set(setting, String(value));
        }
        else if (!((0,dist/* isScalar */.jn)(node) && value === null)) {
            unreadable.add(setting);
            refuse(node, `${where}.${setting}`, 'expected a value (a text, a number, true or false).');
        }
    }
    let kind;
    const provider = values.get(constants/* Inputs */.G0.Provider);
    if (provider === undefined) {
        if (!unreadable.has(constants/* Inputs */.G0.Provider))
            refuse(pair, where, 'has no provider: set provider: digitalocean or dokploy.');
    }
    else {
        try {
            kind = (0,rules/* readProviderKind */.iJ)(provider, constants/* Inputs */.G0.Provider);
        }
        catch (thrown) {
            refuse(nodeOf(constants/* Inputs */.G0.Provider) ?? pair, `${where}.${constants/* Inputs */.G0.Provider}`, messageOf(thrown));
        }
    }
    const token = readEnvSource(map, constants/* Inputs */.G0.ApiToken, where, report, lineOf);
    if (!map.has(constants/* Inputs */.G0.ApiToken)) {
        refuse(pair, where, `has no ${constants/* Inputs */.G0.ApiToken}: give ${constants/* Inputs */.G0.ApiToken}: { env: NAME }, the environment variable that holds the token (from a secret).`);
    }
    // A manifest names each setting by its key; the rules word it as they word the inputs.
    const fields = (0,rules/* readTargetFields */.N0)(kind, (setting) => values.get(setting), (setting) => setting, (setting, error) => refuse(nodeOf(setting) ?? pair, `${where}.${setting}`, messageOf(error)));
    if (refused || kind === undefined || token === undefined)
        return token === undefined ? {} : { token };
    return { target: { name, line: lineOf(pair) ?? 0, kind, token, ...fields }, token };
}
/** An entry's `targets:`; without one, the default target. */
function readEntryTargets(map, where, context, report) {
    const { name: named } = context.words;
    const provider = named(constants/* Inputs */.G0.Provider);
    const token = named(constants/* Inputs */.G0.ApiToken);
    const node = map.get('targets', true);
    if (node === undefined) {
        // Without any targets: it is said once for the manifest (checkTargetsUsed), not for each entry.
        if (context.defaultTarget === 'absent' && context.defined.size > 0) {
            const example = context.known.find((n) => n !== pairs/* DEFAULT_TARGET */.Kv) ?? 'do-prod';
            report(map, where, `has no targets:, so it goes to the default target, and ${provider} is not set: name its targets (e.g. targets: [${example}]), or set ${provider} and ${token}.`);
        }
        return [pairs/* DEFAULT_TARGET */.Kv];
    }
    const at = `${where}.targets`;
    const items = (0,dist/* isSeq */.oP)(node) ? node.items : undefined;
    const names = items?.map((item) => (0,dist/* isScalar */.jn)(item) && typeof item.value === 'string' ? item.value : undefined);
    if (items === undefined || names === undefined || names.some((n) => n === undefined)) {
        report(node, at, 'expected a list of target names, e.g. targets: [do-prod, do-staging].');
        return undefined;
    }
    if (names.length === 0) {
        report(node, at, 'an empty list sends the certificate nowhere: name at least one target, or leave targets: out for the default target.');
        return undefined;
    }
    if (names.length > MAX_TARGETS) {
        report(node, at, `${names.length} targets; at most ${MAX_TARGETS}.`);
        return undefined;
    }
    const seen = new Set();
    names.forEach((name, i) => {
        const item = items[i];
        if (name === undefined)
            return;
        if (seen.has(name)) {
            report(item, at, `names ${(0,secrets/* quoteValue */.cl)(name)} twice.`);
            return;
        }
        seen.add(name);
        if (name === pairs/* DEFAULT_TARGET */.Kv) {
            if (context.defaultTarget === 'absent') {
                report(item, at, `'${pairs/* DEFAULT_TARGET */.Kv}' is the target of the run's own provider settings, and ${provider} is not set: set ${provider} and ${token}, or name a target from targets:.`);
            }
            return;
        }
        if (context.defined.has(name) || context.unreadable)
            return;
        const near = closest(name, context.known);
        if (near !== undefined)
            context.suggested.add(near);
        report(item, at, `unknown target ${(0,secrets/* quoteValue */.cl)(name)}${near ? ` (did you mean '${near}'?)` : ''}. ${context.known.length > 0
            ? `Expected: ${context.known.join(', ')}.`
            : 'The manifest has no targets: (name them under targets: at the top).'}`);
    });
    return names;
}
/**
 * Every target is used: one nothing goes to is a mistake (a typo in an entry, or a leftover), and
 * so are provider settings of the run that no entry goes to. `lists` holds each entry's targets,
 * undefined where its list could not be read (then nothing is called unused).
 */
function checkTargetsUsed(context, lists, report) {
    const { name: named } = context.words;
    if (context.defaultTarget === 'absent' && context.defined.size === 0 && !context.unreadable) {
        if (lists.some((l) => l?.includes(pairs/* DEFAULT_TARGET */.Kv) && l.length === 1)) {
            report(undefined, '', `${named(constants/* Inputs */.G0.Provider)} is not set, and the manifest has no targets:, so its certificates have nowhere to go: set ${named(constants/* Inputs */.G0.Provider)} and ${named(constants/* Inputs */.G0.ApiToken)}, or add targets: (see the README, Targets).`);
        }
        return;
    }
    if (lists.length === 0 || lists.some((l) => l === undefined))
        return;
    const used = new Set(lists.flat());
    for (const [name, pair] of context.defined) {
        if (!context.known.includes(name) ||
            name === pairs/* DEFAULT_TARGET */.Kv ||
            used.has(name) ||
            context.suggested.has(name))
            continue;
        report(pair, `targets.${name}`, 'no certificate names it in its targets: name it there, or remove the target.');
    }
    if (context.defaultTarget === 'given' && !used.has(pairs/* DEFAULT_TARGET */.Kv)) {
        report(undefined, '', `${named(constants/* Inputs */.G0.Provider)} is set, which makes the default target, but no certificate goes to it (each names its targets): remove ${named(constants/* Inputs */.G0.Provider)} and ${named(constants/* Inputs */.G0.ApiToken)}, or add default to a certificate’s targets.`);
    }
}
//# sourceMappingURL=targets.js.map
// EXTERNAL MODULE: ./build/rotation/names.js
var names = __webpack_require__(8087);
// EXTERNAL MODULE: ./build/settings.js + 3 modules
var settings = __webpack_require__(3818);
// EXTERNAL MODULE: ./build/vocabulary.js
var vocabulary = __webpack_require__(6914);
// EXTERNAL MODULE: ./build/verification/endpoints.js
var verification_endpoints = __webpack_require__(1284);
;// CONCATENATED MODULE: ./build/manifest.js
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
const ENTRY_KEYS = ['name', 'targets', 'domains', 'endpoints', ...Object.keys(PART_KEYS), ...PASSWORD_KEYS];
const TOP_KEYS = ['version', 'targets', 'certificates'];
/** More would be a mistake (and a very long run): a manifest is a list someone maintains by hand. */
const MAX_ENTRIES = 500;
class ManifestError extends errors/* InputError */.dz {
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
/** The certificates alone, where targets do not matter (check mode, and callers before targets). */
function parseManifest(text, file, options) {
    return parseManifestDocument(text, file, options).entries;
}
function parseManifestDocument(text, file, options) {
    const counter = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter: counter, uniqueKeys: true, prettyErrors: false });
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
    if (!(0,dist/* isMap */.jh)(root)) {
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
    if (version !== undefined && !((0,dist/* isScalar */.jn)(version) && version.value === 1)) {
        report(version, 'version', 'expected 1, the only version there is (or leave it out).');
    }
    const targets = readTargets(root.get('targets', true), options.defaultTarget, options.words ?? vocabulary/* ACTION_WORDS */.d, report, lineOf);
    const list = root.get('certificates', true);
    const entries = [];
    const lists = [];
    if (list === undefined) {
        report(root, '', 'there is no certificates: list.');
    }
    else if (!(0,dist/* isSeq */.oP)(list) || list.items.length === 0) {
        report(list, 'certificates', 'expected a list of certificates, each starting with "- name:".');
    }
    else if (list.items.length > MAX_ENTRIES) {
        report(list, 'certificates', `${list.items.length} certificates; at most ${MAX_ENTRIES} in one manifest.`);
    }
    else {
        const names = new Map();
        list.items.forEach((item, index) => {
            const where = `certificates[${index}]`;
            if (!(0,dist/* isMap */.jh)(item)) {
                report(item, where, 'expected a mapping (name:, certificate:, private-key: …).');
                return;
            }
            const entry = readEntry(item, index, where, options, report, lineOf);
            const named = readEntryTargets(item, where, targets, report);
            entry.targets = named ?? [];
            lists.push(named);
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
    checkTargetsUsed(targets, lists, report);
    if (problems.length > 0)
        throw new ManifestError(file, byLine(problems));
    return { entries, targets: targets.targets };
}
function readEntry(map, index, where, options, report, lineOf) {
    checkKeys(map, ENTRY_KEYS, where, report);
    const entry = {
        name: undefined,
        targets: [],
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
    else if (!(0,dist/* isScalar */.jn)(nameNode) || typeof nameNode.value !== 'string') {
        report(nameNode, `${where}.name`, 'expected a text name, e.g. example-com.');
    }
    else {
        try {
            entry.name = (0,names/* checkLineageName */.D0)(nameNode.value);
        }
        catch (thrown) {
            report(nameNode, `${where}.name`, messageOf(thrown));
        }
    }
    const domains = map.get('domains', true);
    if (domains !== undefined) {
        const texts = (0,dist/* isSeq */.oP)(domains)
            ? domains.items.map((d) => ((0,dist/* isScalar */.jn)(d) && typeof d.value === 'string' ? d.value : undefined))
            : [(0,dist/* isScalar */.jn)(domains) && typeof domains.value === 'string' ? domains.value : undefined];
        if (texts.some((t) => t === undefined)) {
            report(domains, `${where}.domains`, 'expected host names: a list, or one text separated by commas.');
        }
        else {
            try {
                entry.domains = (0,settings/* parseDomains */.J4)(texts.join(','));
            }
            catch (thrown) {
                report(domains, `${where}.domains`, messageOf(thrown));
            }
        }
    }
    const endpoints = map.get('endpoints', true);
    if (endpoints !== undefined) {
        const texts = (0,dist/* isSeq */.oP)(endpoints)
            ? endpoints.items.map((e) => ((0,dist/* isScalar */.jn)(e) && typeof e.value === 'string' ? e.value : undefined))
            : [(0,dist/* isScalar */.jn)(endpoints) && typeof endpoints.value === 'string' ? endpoints.value : undefined];
        if (texts.some((t) => t === undefined)) {
            report(endpoints, `${where}.endpoints`, 'expected host or host:port entries: a list, or one text separated by commas.');
        }
        else {
            try {
                entry.endpoints = (0,verification_endpoints/* parseEndpoints */.aL)(texts.flatMap((t) => t.split(/[\s,]+/)));
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
/** In the order a reader goes through the file; problems without a line last. */
function byLine(problems) {
    return [...problems].sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity));
}
//# sourceMappingURL=manifest.js.map

/***/ })

};

//# sourceMappingURL=827.index.js.map