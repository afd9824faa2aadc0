export const id = 241;
export const ids = [241];
export const modules = {

/***/ 4241:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   rotateTargets: () => (/* binding */ rotateTargets)
/* harmony export */ });
/* harmony import */ var _rotation_results_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9513);
/**
 * Many targets in one run (issue 13): each target (a provider account, a Dokploy server) gets its
 * own client, and so its own rate limiter, its own listing and its own plan; targets run side by
 * side, and one that cannot be rotated at all (a refused token, a listing that fails) is reported
 * as such while the others go on. The run still fails then: the report says which target did.
 */

/**
 * Every target at once. A target's own trouble is its outcome; only a bug in this function
 * itself would throw.
 */
async function rotateTargets(targets, rotateOne) {
    return Promise.all(targets.map(async (target) => {
        let label = target.rotation.provider.kind === 'dokploy' ? 'Dokploy' : 'DigitalOcean';
        const base = { name: target.name, lineages: target.lineages.map((c) => c.certificate.name ?? '') };
        try {
            const prepared = rotateOne(target);
            label = prepared.label;
            return { ...base, label, result: await prepared.rotate() };
        }
        catch (thrown) {
            const { code, message, fix } = (0,_rotation_results_js__WEBPACK_IMPORTED_MODULE_0__/* .failure */ .V2)(thrown);
            return { ...base, label, error: { code, message, ...(fix === undefined ? {} : { fix }) } };
        }
    }));
}
//# sourceMappingURL=run-targets.js.map

/***/ }),

/***/ 8570:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ isProviderError),
/* harmony export */   m: () => (/* binding */ ProviderError)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9473);
/**
 * What can go wrong talking to a provider, as classes with stable codes. The rotation decides
 * by code: NAME_TAKEN means another run won the race (adopt its certificate), NOT_FOUND on a
 * remove means it is already gone, IN_USE means "rebind first or keep it", AMBIGUOUS means a
 * write may or may not have landed (look before trying again).
 */

class ProviderError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CertRotateError */ .iV {
    providerCode;
    status;
    constructor(code, message, options = {}) {
        super(`PROVIDER_${code}`, message, options.fix, options.cause === undefined ? undefined : { cause: options.cause });
        this.name = 'ProviderError';
        this.providerCode = code;
        this.status = options.status;
    }
}
function isProviderError(thrown, code) {
    return thrown instanceof ProviderError && (code === undefined || thrown.providerCode === code);
}
//# sourceMappingURL=errors.js.map

/***/ }),

/***/ 9513:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CX: () => (/* binding */ wrote),
/* harmony export */   KW: () => (/* binding */ certRef),
/* harmony export */   Th: () => (/* binding */ applyStatus),
/* harmony export */   V2: () => (/* binding */ failure),
/* harmony export */   li: () => (/* binding */ useRef),
/* harmony export */   nK: () => (/* binding */ stepFailure),
/* harmony export */   wf: () => (/* binding */ planStatus)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9473);
/* harmony import */ var _providers_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8570);
/**
 * What a rotation reports: plain data (JSON as it is), public facts only. Upload texts and keys
 * never enter it; certificates and the things that use them appear by id and name. Every step of
 * an applied plan says what happened to it: `done`, `adopted` (another run had uploaded the same
 * content first), `skipped` (with the step it waited on) or `failed` (with the error's code).
 */


function certRef(remote) {
    return { id: remote.id, name: remote.name };
}
function useRef(use) {
    return { kind: use.kind, id: use.id, name: use.name };
}
/** Anything thrown, as a failed outcome: coded errors keep their code and fix. */
function failure(thrown) {
    const fix = thrown instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .CertRotateError */ .iV ? thrown.fix : undefined;
    const code = (0,_providers_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .isProviderError */ .E)(thrown) ? thrown.providerCode : 'INTERNAL';
    return { status: 'failed', code, message: (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .toError */ .iT)(thrown).message, ...(fix === undefined ? {} : { fix }) };
}
function stepFailure(code, message, fix) {
    return { status: 'failed', code, message, ...(fix === undefined ? {} : { fix }) };
}
const WRITES = new Set(['create', 'remove-duplicate', 'rebind', 'remove', 'rollback']);
/** Did the step change anything at the provider (or find it changed by another run)? */
function wrote(step) {
    return WRITES.has(step.op) && (step.outcome.status === 'done' || step.outcome.status === 'adopted');
}
function applyStatus(steps) {
    const current = steps.filter((s) => s.op === 'create' || s.op === 'confirm' || s.op === 'unchanged');
    if (current.some((s) => s.outcome.status === 'failed'))
        return 'failed';
    const troubled = steps.filter((s) => s.outcome.status === 'failed' || s.outcome.status === 'skipped');
    const uploaded = steps.some((s) => s.op === 'create' && wrote(s));
    const moved = steps.some((s) => s.op !== 'create' && wrote(s));
    if (troubled.length > 0) {
        if (uploaded || moved)
            return 'partial';
        const refusedOnly = troubled.every((s) => s.outcome.status === 'skipped' && s.outcome.refused);
        return refusedOnly ? 'blocked' : 'failed';
    }
    if (moved)
        return 'rotated';
    return uploaded ? 'created' : 'unchanged';
}
function planStatus(plan) {
    // A refused move leaves a use on an old version: apply cannot finish the rotation as it stands.
    if (plan.blocked !== undefined || (plan.refused ?? []).length > 0)
        return 'blocked';
    return plan.steps.some((s) => s.op === 'create' || s.op === 'rebind' || s.op === 'remove')
        ? 'planned'
        : 'unchanged';
}
//# sourceMappingURL=results.js.map

/***/ })

};

//# sourceMappingURL=241.index.js.map