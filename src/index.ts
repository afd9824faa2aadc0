/** The action's entry, as GitHub's runner starts it (built into dist/index.js): run once. */
import { run } from './main.ts';

await run();
