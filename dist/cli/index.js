#!/usr/bin/env node
import './sourcemap-register.cjs';var __webpack_exports__ = {};
console.log('placeholder');

//# sourceMappingURL=cli.js.map

//# sourceMappingURL=index.js.map