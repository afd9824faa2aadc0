export const id = 777;
export const ids = [777];
export const modules = {

/***/ 777:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RateLimiter: () => (/* binding */ RateLimiter),
/* harmony export */   headerNumber: () => (/* binding */ headerNumber)
/* harmony export */ });
class RateLimiter {
    sent = [];
    remaining;
    resetAt;
    queue = Promise.resolve();
    options;
    clock;
    /** Total time spent waiting, for the report and the benchmarks. */
    waitedMs = 0;
    constructor(clock, options = {}) {
        this.clock = clock;
        this.options = { requests: 240, windowMs: 60_000, lowWater: 25, ...options };
    }
    /** Wait until one more request may go. Calls are served in order. */
    acquire() {
        const turn = this.queue.then(() => this.waitForSlot());
        this.queue = turn.catch(() => { });
        return turn;
    }
    /** Learn from a reply's headers (names in any case, values as the provider sends them). */
    observe(headers) {
        let remaining;
        let reset;
        for (const [name, value] of Object.entries(headers)) {
            const lower = name.toLowerCase();
            // A refusal with retry-after is the per-minute limit: its remaining/reset (which may say 0
            // and an hour away) are not the hourly budget, and taken as such would stall the run.
            if (lower === 'retry-after')
                return;
            if (lower === 'ratelimit-remaining')
                remaining = headerNumber(value);
            else if (lower === 'ratelimit-reset')
                reset = headerNumber(value);
        }
        if (remaining !== undefined)
            this.remaining = remaining;
        if (reset !== undefined && reset > 0)
            this.resetAt = reset * 1000;
    }
    async waitForSlot() {
        let now = this.clock.now();
        while (this.sent.length > 0 && this.sent[0] <= now - this.options.windowMs)
            this.sent.shift();
        let wait = 0;
        if (this.sent.length >= this.options.requests)
            wait = this.sent[0] + this.options.windowMs - now;
        if (this.remaining !== undefined &&
            this.resetAt !== undefined &&
            this.remaining <= this.options.lowWater) {
            const untilReset = this.resetAt - now;
            if (untilReset > 0)
                wait = Math.max(wait, untilReset / Math.max(this.remaining, 1));
        }
        if (wait > 0) {
            this.waitedMs += wait;
            await this.clock.sleep(wait);
            now = this.clock.now();
        }
        this.sent.push(now);
        if (this.remaining !== undefined)
            this.remaining = Math.max(0, this.remaining - 1);
    }
}
/** A header's numeric value; undefined when absent, blank (`Number('')` is 0) or not a number. */
function headerNumber(value) {
    if (value === undefined || value.trim() === '')
        return undefined;
    const n = Number(value);
    return Number.isFinite(n) ? n : undefined;
}
//# sourceMappingURL=rate-limit.js.map

/***/ })

};

//# sourceMappingURL=777.index.js.map