export const id = 805;
export const ids = [805];
export const modules = {

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

/***/ }),

/***/ 7805:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  rotate: () => (/* binding */ rotate)
});

// EXTERNAL MODULE: ./build/certs/inspect.js
var inspect = __webpack_require__(9620);
// EXTERNAL MODULE: ./build/constants.js
var constants = __webpack_require__(2757);
// EXTERNAL MODULE: ./build/errors.js
var errors = __webpack_require__(9473);
// EXTERNAL MODULE: ./build/providers/errors.js
var providers_errors = __webpack_require__(8570);
// EXTERNAL MODULE: ./build/rotation/plan.js + 1 modules
var rotation_plan = __webpack_require__(5061);
// EXTERNAL MODULE: ./build/rotation/results.js
var rotation_results = __webpack_require__(9513);
;// CONCATENATED MODULE: ./build/rotation/create.js
/**
 * The first half of a lineage's apply: upload the new version and make sure it is there before
 * anything is moved to it. The create is the provider's checked one (never resent blindly); then
 * the listing must show the certificate with the fingerprint it should have (by name where the
 * listing has none) and, on DigitalOcean, verified.
 *
 * Two runs at once: a create refused as NAME_TAKEN (DigitalOcean) means the other run uploaded
 * first; its certificate is adopted when it holds the same fingerprint. Where names are not
 * unique (Dokploy) both uploads land; the confirm step keeps the one with the lowest id, the
 * choice either run makes, and removes the other, so the two runs agree without talking.
 */



/**
 * `arrived` collects the certificates the provider now holds because of this upload (the one
 * created or adopted, and the copy kept): the inventory after the run adds them.
 */
async function createAndConfirm(ctx, work, steps, arrived) {
    const { upload, matcher } = work;
    const name = upload.name;
    let created;
    let adopted;
    try {
        created = await ctx.provider.create(upload);
    }
    catch (thrown) {
        if (!(0,providers_errors/* isProviderError */.E)(thrown, 'NAME_TAKEN')) {
            steps.push({ op: 'create', name, outcome: (0,rotation_results/* failure */.V2)(thrown) });
            return { missing: 'the create failed' };
        }
        const taken = await adopt(ctx.provider, work);
        if ('failed' in taken) {
            steps.push({ op: 'create', name, outcome: taken.failed });
            return { missing: 'the create failed' };
        }
        created = taken.certificate;
        adopted = `another run uploaded ${name} first (${created.id}), with the same fingerprint: it is used`;
    }
    if (created.name !== name && !matcher.belongs(created.name)) {
        // The same content under a name outside the lineage (made by hand, or another tool's): not ours to bind.
        steps.push({
            op: 'create',
            name,
            certificate: (0,rotation_results/* certRef */.KW)(created),
            outcome: (0,rotation_results/* stepFailure */.nK)('NOT_IN_LINEAGE', `${ctx.provider.label} answered the upload of ${name} with ${created.name} (${created.id}), which is not part of lineage ${work.plan.desired.lineage}; it is left alone.`, 'Run again: the next run uploads the certificate under its own name.'),
        });
        return { missing: 'the create failed' };
    }
    steps.push({
        op: 'create',
        name,
        certificate: (0,rotation_results/* certRef */.KW)(created),
        outcome: adopted ? { status: 'adopted', why: adopted } : { status: 'done' },
    });
    arrived.push(created);
    return create_confirm(ctx, work, created, steps, arrived);
}
/** After NAME_TAKEN: the certificate of that name, if it holds what we uploaded. */
async function adopt(provider, work) {
    const { name } = work.upload;
    let listing;
    try {
        listing = await provider.list();
    }
    catch (thrown) {
        const failed = (0,rotation_results/* failure */.V2)(thrown);
        return {
            failed: { ...failed, message: `${name} was taken, and looking for it failed: ${failed.message}` },
        };
    }
    const named = listing.filter((remote) => remote.name === name);
    const same = named.find((remote) => (0,rotation_plan/* holds */.v9)(remote, work.plan.desired, work.matcher));
    if (same)
        return { certificate: same };
    const holder = named[0];
    const what = holder
        ? `a certificate named ${name} (${holder.id}) holds fingerprint ${holder.sha1 ?? 'unknown'}, not ${work.upload.sha1}`
        : `${provider.label} said the name ${name} is taken, but no certificate of that name is listed`;
    return {
        failed: (0,rotation_results/* stepFailure */.nK)('NAME_TAKEN', `${what}: it is not this upload, and it is left alone.`, 'Remove or rename that certificate if it is not wanted, or change the name template; then run again.'),
    };
}
/**
 * After a create: the certificate is there, holds the fingerprint, is usable. Read back by id where
 * names are unique, else from a fresh listing (which also shows a same-named twin from a run at once).
 */
async function create_confirm(ctx, work, created, steps, arrived) {
    let listing;
    try {
        const { readBack } = ctx.provider;
        if (readBack) {
            const found = await readBack.call(ctx.provider, created.id);
            listing = found === undefined ? [] : [found];
        }
        else
            listing = await ctx.provider.list();
    }
    catch (thrown) {
        steps.push({ op: 'confirm', certificate: (0,rotation_results/* certRef */.KW)(created), outcome: unconfirmed(work, created, thrown) });
        return { missing: 'the new certificate could not be confirmed' };
    }
    const twins = listing
        .filter((remote) => remote.name === created.name && (0,rotation_plan/* holds */.v9)(remote, work.plan.desired, work.matcher))
        .sort((a, b) => a.id.localeCompare(b.id));
    const keeper = twins[0];
    if (!keeper) {
        const seen = listing.find((remote) => remote.id === created.id);
        const message = seen
            ? `${created.name} (${created.id}) is listed with fingerprint ${seen.sha1 ?? 'unknown'}, not ${work.upload.sha1}.`
            : `${created.name} (${created.id}) is not in ${ctx.provider.label}'s listing after its upload.`;
        steps.push({
            op: 'confirm',
            certificate: (0,rotation_results/* certRef */.KW)(created),
            outcome: (0,rotation_results/* stepFailure */.nK)('NOT_CONFIRMED', message, 'Run again: the next run looks afresh.'),
        });
        return { missing: 'the new certificate could not be confirmed' };
    }
    // As the listing (or read-back) shows it now: fresher than the create's answer.
    arrived.push(keeper);
    const unusable = notVerified(keeper);
    const note = keeper.id === created.id
        ? undefined
        : `another upload of the same content (${keeper.id}) is kept; ${created.id} is a duplicate`;
    steps.push({
        op: 'confirm',
        certificate: (0,rotation_results/* certRef */.KW)(keeper),
        outcome: unusable ?? (note ? { status: 'done', note } : { status: 'done' }),
    });
    if (unusable)
        return { missing: `${keeper.name} is not verified` };
    const used = new Set((ctx.uses ?? []).flatMap((use) => use.certificateIds));
    for (const twin of twins.slice(1)) {
        if (used.has(twin.id))
            continue;
        try {
            const result = await ctx.provider.remove(twin.id);
            steps.push({ op: 'remove-duplicate', certificate: (0,rotation_results/* certRef */.KW)(twin), result, outcome: { status: 'done' } });
        }
        catch (thrown) {
            steps.push({ op: 'remove-duplicate', certificate: (0,rotation_results/* certRef */.KW)(twin), outcome: (0,rotation_results/* failure */.V2)(thrown) });
        }
    }
    return { current: keeper };
}
/**
 * The upload landed but reading it back failed (Dokploy: a rate-limited key refused after the
 * create): say exactly where that leaves things, since "failed" alone reads as nothing done.
 */
function unconfirmed(work, created, thrown) {
    const failed = (0,rotation_results/* failure */.V2)(thrown);
    const olds = work.plan.steps.flatMap((step) => step.op === 'remove' ? [`${step.certificate.name} (${step.certificate.id})`] : []);
    const kept = olds.length === 0
        ? 'Nothing else was changed.'
        : `Nothing was moved or removed: ${olds.join(', ')} ${olds.length === 1 ? 'is' : 'are'} kept and still served.`;
    return {
        ...failed,
        message: `${created.name} (${created.id}) was uploaded but not confirmed: ${failed.message} ${kept}`,
        fix: `${failed.fix === undefined ? '' : `${failed.fix} `}A re-run finishes the job: it finds ${created.name} uploaded, confirms it and goes on from there.`,
    };
}
/**
 * DigitalOcean binds only a `verified` certificate: `pending` and `error` are its states that are
 * not (other providers' states, such as the Dokploy docs dialect's `active`/`expired`, say nothing
 * about whether it can be served).
 */
const UNVERIFIED = new Set(['pending', 'error']);
function notVerified(certificate) {
    if (certificate.state === undefined || !UNVERIFIED.has(certificate.state))
        return undefined;
    return (0,rotation_results/* stepFailure */.nK)('NOT_VERIFIED', `${certificate.name} (${certificate.id}) is '${certificate.state}', not verified: nothing can be bound to it yet.`, certificate.state === 'error'
        ? 'Delete it in the control panel and run again.'
        : 'Run again once the provider has verified it.');
}
//# sourceMappingURL=create.js.map
;// CONCATENATED MODULE: ./build/rotation/apply.js



/** The whole plan at once: place, then retire. (rotate.ts verifies in between when asked.) */
async function applyPlan(ctx, work) {
    return retire(ctx, work, await place(ctx, work));
}
/** create → confirm → rebind: the new certificate in place and in use; nothing removed yet. */
async function place(ctx, work) {
    const steps = [];
    const arrived = [];
    const { plan } = work;
    let current;
    let missing = '';
    if (plan.current.kind === 'present') {
        const present = plan.current.certificate;
        const unusable = notVerified(present);
        steps.push({ op: 'unchanged', certificate: (0,rotation_results/* certRef */.KW)(present), outcome: unusable ?? { status: 'done' } });
        if (unusable)
            missing = `${present.name} is not verified`;
        else
            current = present;
    }
    else {
        const made = await createAndConfirm(ctx, work, steps, arrived);
        if ('missing' in made)
            missing = made.missing;
        else
            current = made.current;
    }
    const moved = new Set();
    const unmoved = new Map();
    const rebound = [];
    for (const step of plan.steps) {
        if (step.op !== 'rebind')
            continue;
        const base = { op: 'rebind', use: (0,rotation_results/* useRef */.li)(step.use), from: (0,rotation_results/* certRef */.KW)(step.from) };
        const found = await rebind(ctx, step.use, step.from, current, missing);
        const unchecked = (plan.unchecked ?? []).some((u) => u.use.id === step.use.id && u.from.id === step.from.id);
        const outcome = found.status === 'done' && unchecked
            ? { status: 'done', note: `names not compared: ${step.from.name} ${rotation_plan/* UNCHECKED */.X}` }
            : found;
        const key = `${step.use.id}/${step.from.id}`;
        if (outcome.status === 'done') {
            moved.add(key);
            rebound.push({ use: step.use, from: step.from });
        }
        else
            unmoved.set(key, `the rebind of ${(0,rotation_plan/* describeUse */.pt)(step.use)} ${past(outcome)}`);
        steps.push(outcome.status === 'done' && current
            ? { ...base, to: (0,rotation_results/* certRef */.KW)(current), outcome }
            : { ...base, outcome });
    }
    // A refused move is a step not taken: the report shows it, and the lineage is not done.
    for (const refusal of plan.refused ?? []) {
        steps.push({
            op: 'rebind',
            use: (0,rotation_results/* useRef */.li)(refusal.use),
            from: (0,rotation_results/* certRef */.KW)(refusal.from),
            outcome: { status: 'skipped', why: refusal.why, refused: true },
        });
    }
    return { steps, current, missing, moved, unmoved, rebound, arrived };
}
/**
 * Keep what stays, remove what is superseded. `hold`: why nothing may be removed now (the new
 * certificate is not yet seen served): every removal is skipped with it.
 */
async function retire(ctx, work, placed, hold) {
    const { current, missing, moved, unmoved, arrived } = placed;
    const steps = [...placed.steps];
    for (const step of work.plan.steps) {
        if (step.op === 'keep') {
            const certificate = (0,rotation_results/* certRef */.KW)(step.certificate);
            steps.push({ op: 'keep', certificate, reason: step.reason, outcome: { status: 'done' } });
        }
        if (step.op !== 'remove')
            continue;
        const certificate = (0,rotation_results/* certRef */.KW)(step.certificate);
        const blocker = current === undefined ? missing : (hold ?? removeBlocker(step, current, moved, unmoved));
        if (blocker !== undefined) {
            steps.push({ op: 'remove', certificate, outcome: { status: 'skipped', why: blocker } });
            continue;
        }
        try {
            const result = await ctx.provider.remove(step.certificate.id);
            steps.push({ op: 'remove', certificate, result, outcome: { status: 'done' } });
        }
        catch (thrown) {
            steps.push({ op: 'remove', certificate, outcome: (0,rotation_results/* failure */.V2)(thrown) });
        }
    }
    return current ? { steps, current: (0,rotation_results/* certRef */.KW)(current), arrived } : { steps, arrived };
}
/**
 * After a failed verification: every use this run moved goes back to the version it was on,
 * which is still there (nothing is removed before verification). Each move back is a step.
 */
async function rollback(ctx, placed) {
    const { current } = placed;
    if (current === undefined)
        return [];
    const steps = [];
    for (const { use, from } of placed.rebound) {
        const base = { op: 'rollback', use: (0,rotation_results/* useRef */.li)(use), from: (0,rotation_results/* certRef */.KW)(current), to: (0,rotation_results/* certRef */.KW)(from) };
        const move = ctx.provider.rebind?.bind(ctx.provider);
        if (!move)
            continue;
        try {
            // The use now holds the current certificate in place of `from`: swap them back.
            const swap = (id) => (id === from.id ? current.id : id);
            const now = {
                ...use,
                certificateIds: use.certificateIds.map(swap),
                ...(use.hostnames === undefined
                    ? {}
                    : { hostnames: use.hostnames.map((h) => ({ ...h, certificateId: swap(h.certificateId) })) }),
            };
            await ctx.useLock.run(`${use.kind}:${use.id}`, () => move(now, current.id, from.id));
            steps.push({ ...base, outcome: { status: 'done' } });
        }
        catch (thrown) {
            steps.push({ ...base, outcome: (0,rotation_results/* failure */.V2)(thrown) });
        }
    }
    return steps;
}
async function rebind(ctx, use, from, current, missing) {
    if (current === undefined)
        return { status: 'skipped', why: missing };
    const move = ctx.provider.rebind?.bind(ctx.provider);
    if (!move) {
        return (0,rotation_results/* stepFailure */.nK)('UNSUPPORTED', `${ctx.provider.label} cannot move ${(0,rotation_plan/* describeUse */.pt)(use)} to another certificate.`);
    }
    try {
        await ctx.useLock.run(`${use.kind}:${use.id}`, () => move(use, from.id, current.id));
        return { status: 'done' };
    }
    catch (thrown) {
        return (0,rotation_results/* failure */.V2)(thrown);
    }
}
/** Why a superseded certificate must stay for now, or undefined when it can go. */
function removeBlocker(step, current, moved, unmoved) {
    if (step.certificate.id === current.id)
        return 'it is the current certificate';
    for (const useId of step.after) {
        const key = `${useId}/${step.certificate.id}`;
        if (!moved.has(key))
            return unmoved.get(key) ?? `use ${useId} was not moved off it`;
    }
    return undefined;
}
function past(outcome) {
    return outcome.status === 'skipped' ? 'was skipped' : 'failed';
}
//# sourceMappingURL=apply.js.map
// EXTERNAL MODULE: ./build/rotation/concurrency.js
var concurrency = __webpack_require__(7900);
// EXTERNAL MODULE: ./build/rotation/names.js
var names = __webpack_require__(8087);
// EXTERNAL MODULE: ./build/verification/endpoints.js
var verification_endpoints = __webpack_require__(1284);
;// CONCATENATED MODULE: ./build/rotation/rotate.js









async function rotate(provider, lineages, options) {
    const template = (0,names/* checkTemplate */.BU)(options.template);
    const ready = prepare(lineages, template);
    const before = provider.requestCount();
    const inventory = await provider.list();
    // DigitalOcean renews its own Let's Encrypt certificates: never ours to replace or remove,
    // whatever their names.
    const ours = inventory.filter((certificate) => certificate.type !== 'lets_encrypt');
    // Each certificate's lineages, found once for all lineages (names.ts: lineageIndex).
    const owners = (0,names/* lineageIndex */.m$)(template, ready.map((item) => item.lineage));
    // Names that fit a lineage: its members, and lookalikes the planner sets apart and reports.
    const members = new Map(ready.map((item) => [item.lineage, []]));
    const matchers = new Map(ready.map((item) => [item.lineage, item.matcher]));
    const ownersOf = new Map();
    for (const remote of ours) {
        const found = owners(remote.name);
        // A lineage owns a certificate only if its listed fingerprint does not contradict its name.
        ownersOf.set(remote, found.filter((lineage) => matchers.get(lineage)?.contradiction(remote) === undefined));
        for (const lineage of found)
            members.get(lineage)?.push(remote);
    }
    // Where certificates are used matters only for superseded versions (to move their users, or
    // to keep them): a run with none (a re-run, a first upload) does not ask.
    const superseded = ready.some((item) => (members.get(item.lineage) ?? []).some((remote) => item.matcher.contradiction(remote) === undefined && !(0,rotation_plan/* holds */.v9)(remote, item.desired, item.matcher)));
    const uses = provider.uses === undefined ? undefined : superseded ? await provider.uses() : [];
    const plans = ready.map((item) => {
        const plan = (0,rotation_plan/* planLineage */.zu)({
            desired: item.desired,
            matcher: item.matcher,
            inventory: ours,
            members: members.get(item.lineage) ?? [],
            uses,
            covers: item.covers,
            options: options.plan,
        });
        return { item, plan };
    });
    const overlaps = overlapping(ready, ours, owners);
    for (const entry of plans) {
        const overlap = overlaps.get(entry.item.lineage);
        if (overlap !== undefined && entry.plan.blocked === undefined) {
            entry.plan = { ...entry.plan, steps: [], blocked: overlap };
        }
    }
    const listed = inventory.map((certificate) => {
        const owner = ownersOf.get(certificate)?.[0];
        return owner === undefined ? { certificate } : { certificate, lineage: owner };
    });
    if (options.mode === 'plan') {
        const results = plans.map(({ item, plan }) => ({
            lineage: item.lineage,
            status: (0,rotation_results/* planStatus */.wf)(plan),
            plan,
            attention: attention(plan, uses),
            ...(options.verify === undefined ? {} : { endpoints: planned(options.verify, item.lineage) }),
        }));
        return { mode: 'plan', lineages: results, requests: provider.requestCount() - before, inventory: listed };
    }
    const context = { provider, useLock: new concurrency/* KeyedLock */.s(), uses };
    const placed = await (0,concurrency/* mapLimit */.$)(plans, options.concurrency ?? constants/* DEFAULT_CONCURRENCY */.WH, async ({ item, plan }) => {
        const own = members.get(item.lineage) ?? [];
        if (plan.blocked !== undefined)
            return { item, plan, members: own };
        const upload = { name: item.desired.name, sha1: item.desired.sha1, ...item.upload };
        const work = { plan, matcher: item.matcher, upload };
        return { item, plan, members: own, work, placed: await place(context, work) };
    });
    const changedByPlacing = placed.some((p) => (p.placed?.steps ?? []).some(rotation_results/* wrote */.CX));
    const inPlace = placed.every((p) => p.placed !== undefined && p.placed.current !== undefined);
    const verify = options.verify;
    // With a live check, settle (Dokploy: reload Traefik) as soon as everything is in place, so
    // the check sees what clients will be served. Without one, once at the end, as before.
    let settle = verify ? await settleAfter(provider, changedByPlacing, inPlace) : undefined;
    const checked = verify ? await verifyPlaced(provider, placed, verify) : undefined;
    const done = await (0,concurrency/* mapLimit */.$)(placed, options.concurrency ?? constants/* DEFAULT_CONCURRENCY */.WH, async (p) => {
        const base = { lineage: p.item.lineage, plan: p.plan, attention: attention(p.plan, uses) };
        if (p.work === undefined || p.placed === undefined) {
            return { result: { ...base, status: 'blocked', steps: [] }, arrived: [] };
        }
        // A lineage with nothing to check (no domains, no endpoints) shows no check at all, unless
        // that fails it (verify: require, or a check that could not be made).
        const found = checked?.verifications.get(p.item.lineage);
        const shown = found?.status !== 'skipped' || found.endpoints.length > 0 || found.skippedDomains.length > 0;
        const verification = found && shown ? found : undefined;
        const handover = checked?.handover.has(p.item.lineage) === true;
        const failed = verification?.status === 'failed' && !handover;
        const undone = failed && verify?.onFailure === 'rollback' ? await rollback(context, p.placed) : [];
        // A check with endpoints that reached none still shows, as done with nothing verified.
        const checks = handover || verification === undefined ? [] : [verifyStep(verification, checked?.fixes)];
        const hold = failed
            ? `the new certificate is not served everywhere yet, so the superseded versions stay${undone.length > 0 ? ' (and what was moved was moved back)' : ''}`
            : undefined;
        const withChecks = { ...p.placed, steps: [...p.placed.steps, ...checks, ...undone] };
        const { arrived, ...applied } = await retire(context, p.work, withChecks, hold);
        const result = { ...base, status: (0,rotation_results/* applyStatus */.Th)(applied.steps), ...applied };
        if (verification !== undefined)
            result.verification = verification;
        return { result, arrived };
    });
    const results = done.map((d) => d.result);
    if (!verify) {
        const changed = results.some((result) => (result.steps ?? []).some(rotation_results/* wrote */.CX));
        const finished = results.every((r) => r.status === 'created' || r.status === 'rotated' || r.status === 'unchanged');
        settle = await settleAfter(provider, changed, finished);
    }
    const handedOver = checked && verify ? await finishHandover(provider, results, checked, verify) : undefined;
    const reload = checked?.reload;
    return {
        mode: 'apply',
        lineages: results,
        ...(settle === undefined ? {} : { settle }),
        ...(reload === undefined ? {} : { reload }),
        ...(handedOver === undefined ? {} : { handoverReload: handedOver }),
        requests: provider.requestCount() - before,
        inventory: inventoryAfter(listed, done),
    };
}
function verifyStep(verification, fixes) {
    return {
        op: 'verify',
        endpoints: verification.endpoints.length,
        outcome: verification.status === 'failed'
            ? (0,rotation_results/* stepFailure */.nK)('NOT_SERVED', verification.summary, fixes?.get(verification.lineage))
            : verification.status === 'skipped'
                ? { status: 'done', note: `nothing verified: ${verification.summary}` }
                : { status: 'done', note: verification.summary },
    };
}
/**
 * Dokploy's handover (verifyPlaced): the superseded versions of these lineages were removed
 * because Traefik kept serving them over the new one; now Traefik is reloaded without them, and
 * what it serves is checked again. The lineage's result gets the check as its last step.
 */
async function finishHandover(provider, results, checked, verify) {
    if (checked.handover.size === 0)
        return undefined;
    const reload = await settleAfter(provider, true, true);
    const items = checked.items.filter((item) => checked.handover.has(item.lineage));
    const again = reload?.status === 'requested' ? await checkSafely(verify, items) : [];
    for (const result of results) {
        if (!checked.handover.has(result.lineage))
            continue;
        const found = again.find((v) => v.lineage === result.lineage);
        const verification = found ?? {
            ...checked.verifications.get(result.lineage),
            status: 'failed',
            summary: 'Traefik was not reloaded after the superseded versions were removed, so what it serves could not be checked again',
        };
        const note = `Traefik kept serving a superseded version while both were there (it picks among certificates for the same names by their folder's name, which Dokploy draws at random), so the superseded versions were removed first; then ${verification.summary}`;
        const step = verifyStep({ ...verification, summary: note }, new Map([[result.lineage, verify.fixFor(verification, reload)]]));
        result.steps = [...(result.steps ?? []), step];
        result.status = (0,rotation_results/* applyStatus */.Th)(result.steps);
        result.verification = verification;
    }
    return reload;
}
/**
 * The certificates are in place by the time anything is checked: a check that cannot be made (too
 * many addresses after DNS, a bug) fails the lineages it was for, and so holds their removals,
 * rather than ending the run with no report of what was done.
 */
async function checkSafely(verify, list) {
    try {
        return await verify.run(list);
    }
    catch (thrown) {
        const { message, fix } = (0,rotation_results/* failure */.V2)(thrown);
        return list.map((item) => ({
            lineage: item.lineage,
            status: 'failed',
            summary: `the check could not be made: ${message}${fix ? ` ${fix}` : ''}`,
            endpoints: [],
            skippedDomains: [...item.skippedDomains],
        }));
    }
}
/** Plan: the endpoints apply would check, and the wildcards it would pass over (and why). */
function planned(verify, lineage) {
    const { endpoints, skipped } = verify.endpointsOf(lineage);
    return [...endpoints.map(verification_endpoints/* formatEndpoint */.T0), ...skipped.map((s) => `${s.domain} (not checked: ${s.reason})`)];
}
/**
 * The live check of every lineage that has a current certificate. On Dokploy, when an endpoint
 * still serves an old version or Traefik's default certificate and reloads are allowed: one
 * reload and one more check of the lineages that failed (Dokploy issue 4503), then the handover
 * for those where Traefik still prefers a superseded version.
 */
async function verifyPlaced(provider, placed, verify) {
    const items = placed.flatMap((p) => {
        const current = p.placed?.current;
        if (current === undefined)
            return [];
        const where = verify.endpointsOf(p.item.lineage);
        const known = new Map();
        const named = [];
        for (const member of p.members) {
            // A lookalike (other content under a fitting name) is not a version: it stays "another certificate".
            if (p.item.matcher.contradiction(member) !== undefined || member.id === current.id)
                continue;
            if (member.sha1 !== undefined)
                known.set(member.sha1, member.name);
            else {
                const fingerprint = p.item.matcher.fingerprintOf(member.name);
                if (fingerprint)
                    named.push({ ...fingerprint, name: member.name });
            }
        }
        return [
            {
                lineage: p.item.lineage,
                expectedSha1: p.item.desired.sha1,
                endpoints: where.endpoints,
                skippedDomains: where.skipped,
                known,
                named,
            },
        ];
    });
    const verifications = new Map();
    const record = (list) => {
        for (const v of list)
            verifications.set(v.lineage, v);
    };
    record(await checkSafely(verify, items));
    let reload;
    const failing = (v) => v.endpoints.filter((row) => !row.matches && !(row.unreachable && verify.mode === 'auto'));
    const stale = (v) => v?.status === 'failed' &&
        failing(v).some((row) => row.serves === 'superseded' || row.serves === 'traefik-default');
    const healable = items.filter((item) => stale(verifications.get(item.lineage)));
    if (healable.length > 0 && verify.mayReload && provider.settle) {
        reload = await settleAfter(provider, true, true);
        if (reload?.status === 'requested')
            record(await checkSafely(verify, healable));
    }
    // After a reload, an endpoint that serves a superseded version (and nothing worse) shows that
    // Traefik loaded both and prefers the old one: that holds while both are there, so the
    // superseded versions go first and the check is made again after one more reload.
    const handover = new Set(reload?.status === 'requested'
        ? healable
            .map((item) => verifications.get(item.lineage))
            .filter((v) => v?.status === 'failed' && failing(v).every((row) => row.serves === 'superseded'))
            .map((v) => v.lineage)
        : []);
    const fixes = new Map();
    for (const [lineage, v] of verifications) {
        if (v.status === 'failed')
            fixes.set(lineage, verify.fixFor(v, reload));
    }
    return { items, verifications, fixes, handover, ...(reload === undefined ? {} : { reload }) };
}
/**
 * What the provider holds when the run ends, from the listing and the steps that were carried
 * out, never from the plan: a removal that failed or was skipped leaves its certificate as
 * listed; one that was done (or found it already gone) marks it removed, kept in the list so the
 * reader sees what went; a certificate the run uploaded or adopted is added, as the provider
 * showed it. Nothing is listed again for this: it costs no request.
 */
function inventoryAfter(listed, done) {
    const removed = new Set();
    for (const { result } of done) {
        for (const step of result.steps ?? []) {
            const removal = step.op === 'remove' || step.op === 'remove-duplicate';
            if (removal && step.outcome.status === 'done')
                removed.add(step.certificate.id);
        }
    }
    const after = listed.map((item) => (removed.has(item.certificate.id) ? { ...item, change: 'removed' } : item));
    const known = new Set(listed.map((item) => item.certificate.id));
    // By id, the last seen wins: the confirmed copy is fresher than the create's answer.
    const added = new Map();
    for (const { result, arrived } of done) {
        for (const certificate of arrived) {
            if (known.has(certificate.id) || removed.has(certificate.id))
                continue;
            added.set(certificate.id, { certificate, lineage: result.lineage, change: 'added' });
        }
    }
    return [...after, ...added.values()];
}
/** Every input checked before anything is sent: a run never half-starts on a bad one. */
function prepare(lineages, template) {
    const seen = new Set();
    return lineages.map(({ lineage, bundle }) => {
        (0,names/* checkLineageName */.D0)(lineage);
        if (seen.has(lineage)) {
            throw new errors/* InputError */.dz(`The name '${lineage}' is given twice.`, 'Give every certificate a name of its own.');
        }
        seen.add(lineage);
        const { leaf, upload } = bundle;
        if (!bundle.ok || leaf === undefined || upload === undefined) {
            throw new errors/* InputError */.dz(`The certificate for '${lineage}' cannot be uploaded: ${bundle.ok ? 'no private key was found' : 'it did not pass its checks'}.`, 'Fix the findings reported for it (and give its private key), then run again.');
        }
        return {
            lineage,
            desired: desiredOf(template, lineage, leaf, (0,inspect/* leafOfPem */._H)(upload.certificate)?.keySha256),
            matcher: (0,names/* lineageMatcher */.KO)(template, lineage),
            covers: { dns: leaf.dnsNames, ip: leaf.ipAddresses },
            upload,
        };
    });
}
function desiredOf(template, lineage, leaf, keySha256) {
    const version = { sha1: leaf.sha1, sha256: leaf.sha256, notAfter: leaf.notAfter };
    const key = keySha256 === undefined ? {} : { keySha256 };
    return { lineage, name: (0,names/* renderName */.gU)(template, lineage, version), ...version, ...key };
}
/**
 * Lineages whose names overlap cannot be rotated side by side: one would take the other's
 * versions for superseded ones of its own and remove them. Checked against what is there and
 * against the names this run would upload.
 */
function overlapping(ready, inventory, owners) {
    const blocked = new Map();
    const order = new Map(ready.map((r, i) => [r.lineage, i]));
    const names = [
        ...inventory.map((remote) => ({ name: remote.name, of: undefined })),
        ...ready.map((r) => ({ name: r.desired.name, of: r.lineage })),
    ];
    for (const { name, of } of names) {
        const claimants = [...new Set([...(of === undefined ? [] : [of]), ...owners(name)])].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
        if (claimants.length < 2)
            continue;
        for (const lineage of claimants) {
            blocked.set(lineage, `the certificate name ${name} fits lineages ${claimants.join(' and ')}: give them names that do not overlap.`);
        }
    }
    return blocked;
}
/**
 * What the reader must know about a lineage beyond its steps: superseded versions that stay
 * because something still serves them and could not be moved; certificates whose names fit the
 * lineage but which hold other content (left alone); and versions known by their names alone.
 * (A move whose names could not be compared says so on its own step.)
 */
function attention(plan, uses) {
    const moving = new Set(plan.steps.flatMap((s) => (s.op === 'rebind' ? [`${s.use.id}/${s.from.id}`] : [])));
    const stuck = plan.steps.flatMap((step) => {
        if (step.op !== 'keep')
            return [];
        const id = step.certificate.id;
        const served = (uses ?? []).some((use) => use.certificateIds.includes(id) && !moving.has(`${use.id}/${id}`));
        return served ? [`${step.certificate.name} (${id}) is still served: ${step.reason}`] : [];
    });
    const fixes = (plan.refused ?? []).map((r) => `To move ${(0,rotation_plan/* describeUse */.pt)(r.use)}: ${r.fix}`);
    const lookalikes = (plan.lookalikes ?? []).map(({ certificate, why }) => {
        const users = (uses ?? []).filter((use) => use.certificateIds.includes(certificate.id));
        const served = users.length > 0 ? `, used by ${users.map(rotation_plan/* describeUse */.pt).join(', ')}` : '';
        return `${certificate.name} (${certificate.id}) is not a version of ${plan.desired.lineage}: ${why}. It is another certificate${served}, and is left alone (never moved, never removed); rename it, or change name-template, so that its name no longer looks like a version.`;
    });
    const byName = plan.byNameAlone ?? [];
    const named = byName.length === 0
        ? []
        : [
            `Recognised as versions of ${plan.desired.lineage} by their names alone (the provider's listing carries no fingerprint to check a name against): ${byName.map((c) => `${c.name} (${c.id})`).join(', ')}.`,
        ];
    return [...stuck, ...fixes, ...lookalikes, ...named];
}
async function settleAfter(provider, changed, finished) {
    if (!provider.settle)
        return undefined;
    if (!changed)
        return { status: 'not-needed', why: 'nothing changed' };
    try {
        const settled = await provider.settle();
        return settled.status === 'requested'
            ? { status: 'requested', what: settled.what, note: settled.note }
            : { status: 'not-needed', why: 'the provider has nothing to do (Traefik reload off)' };
    }
    catch (thrown) {
        // When every lineage is done, a re-run finds nothing to change and will not settle: say so,
        // and what to do instead. The provider's own fix (a key that may reload, say) comes first.
        const failed = (0,rotation_results/* failure */.V2)(thrown);
        const then = finished
            ? 'The certificates are in place, but the provider did not settle (Dokploy: Traefik was not reloaded, so it may still serve the old certificate). A re-run will not retry this, as nothing is left to change: reload Traefik in Dokploy (Settings, Web Server, Reload Traefik), or fix the cause shown above and reload then.'
            : 'The provider did not settle (Dokploy: Traefik was not reloaded). A re-run settles only if it changes something: if it reports nothing to change, reload Traefik in Dokploy (Settings, Web Server, Reload Traefik).';
        return { ...failed, fix: failed.fix === undefined ? then : `${failed.fix} ${then}` };
    }
}
//# sourceMappingURL=rotate.js.map

/***/ })

};

//# sourceMappingURL=805.index.js.map