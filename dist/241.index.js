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

/***/ })

};

//# sourceMappingURL=241.index.js.map