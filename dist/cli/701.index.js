export const id = 701;
export const ids = [701];
export const modules = {

/***/ 5701:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   resolveTargets: () => (/* binding */ resolveTargets)
/* harmony export */ });
/* unused harmony export MAX_TOKEN_CHARS */
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2757);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9473);
/* harmony import */ var _plural_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3412);
/* harmony import */ var _secrets_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6410);
/* harmony import */ var _vocabulary_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6914);
/* harmony import */ var _pairs_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7632);
/**
 * A manifest's targets made ready for a run, where the environment is read: each token from its
 * variable, masked the moment it is read. A variable that is not set is listed with the parts'
 * (one list, each with its line); one token under two names is refused, naming the targets and
 * never the token. Nothing here sends anything.
 */






/** Tokens and API keys are well under a kilobyte; a longer value is something else in the variable. */
const MAX_TOKEN_CHARS = 4096;
function resolveTargets(written, place) {
    const words = place.words ?? _vocabulary_js__WEBPACK_IMPORTED_MODULE_3__/* .ACTION_WORDS */ .d;
    const resolved = { targets: [], missing: [], skipped: [] };
    /** Where each token came from, for the refusal of one token under two names. */
    const origins = [];
    if (place.defaultTarget !== undefined) {
        resolved.targets.push({ name: _pairs_js__WEBPACK_IMPORTED_MODULE_4__/* .DEFAULT_TARGET */ .Kv, ...place.defaultTarget });
        origins.push(`${_pairs_js__WEBPACK_IMPORTED_MODULE_4__/* .DEFAULT_TARGET */ .Kv} (${words.name(_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.ApiToken)})`);
    }
    for (const target of written) {
        const { variable, line } = target.token;
        const at = `${place.file}:${line}`;
        const raw = place.env[variable];
        // Masked before anything else is done with it, untrimmed and trimmed (maskSecret registers both).
        (0,_secrets_js__WEBPACK_IMPORTED_MODULE_2__/* .maskSecret */ .$l)(raw, place.mask);
        const token = raw?.trim();
        if (token === undefined || token === '') {
            if (place.optional) {
                resolved.skipped.push(`target ${target.name}: not planned, its ${_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.ApiToken} (${variable}) comes from a secret this pull request cannot see.`);
            }
            else {
                resolved.missing.push(`${variable} (${at}, target ${target.name} ${_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.ApiToken})`);
            }
            continue;
        }
        if (token.length > MAX_TOKEN_CHARS) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(`target ${target.name} ${_constants_js__WEBPACK_IMPORTED_MODULE_0__/* .Inputs */ .G0.ApiToken}: ${variable} holds ${(0,_plural_js__WEBPACK_IMPORTED_MODULE_5__/* .plural */ .L)(token.length, 'character')}, not shown; a token is at most ${MAX_TOKEN_CHARS} (${at}).`, `Check what fills ${variable}: it holds something else than the ${target.kind === 'dokploy' ? 'Dokploy API key' : 'DigitalOcean token'} (the secret may be the wrong one).`);
        }
        const { name, kind, apiUrl, serverId, reloadTraefik, template, plan, concurrency, timeoutSeconds } = target;
        resolved.targets.push({
            name,
            provider: {
                kind,
                token,
                apiUrl,
                serverId,
                reloadTraefik,
                tokenHelp: {
                    access: place.mode === 'plan' ? 'read' : 'write',
                    via: `in the environment variable ${variable} (target ${name}, ${at})`,
                },
            },
            template,
            plan: { ...plan, allowDroppedNames: place.allowDroppedNames },
            concurrency,
            timeoutSeconds,
        });
        origins.push(`${name} (${variable}, ${at})`);
    }
    if (resolved.missing.length === 0)
        refuseSharedTokens(resolved.targets, origins);
    return resolved;
}
/**
 * Two targets on one token are one account (or one Dokploy instance) with two rate limiters and
 * two listings: together over the limit, and each lineage planned twice. Compared in memory; the
 * message names the targets and their variables, never the token.
 */
function refuseSharedTokens(targets, origins) {
    const first = new Map();
    const shared = [];
    targets.forEach((target, i) => {
        const seen = first.get(target.provider.token);
        if (seen === undefined)
            first.set(target.provider.token, i);
        else
            shared.push(`The targets ${origins[seen]} and ${origins[i]} hold the same token (not shown).`);
    });
    if (shared.length === 0)
        return;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz(shared.join('\n'), 'Give each target its own token (DigitalOcean: one token per account; Dokploy: one API key per target): each target has its own rate limiter and its own listing, so two on one account would go over its rate limit and plan each certificate twice.');
}
//# sourceMappingURL=resolve.js.map

/***/ })

};

//# sourceMappingURL=701.index.js.map