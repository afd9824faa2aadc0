/**
 * The runner's protocol (inputs, workflow commands, the output and summary files): the only module
 * of the action that imports @actions/core. From the package's index, so that @github/local-action,
 * which replaces that index with its own, captures the outputs and the summary and keeps registered
 * secrets to itself.
 *
 * The built action does not load this module: scripts/build.ts puts runner-slim.ts in its place
 * (the same functions without the OIDC client and HTTP stack the index loads, which would take
 * the action's cold start past its target). So each function is typed as runner-slim.ts's: a
 * caller can use nothing that only the package's own function accepts (an Error as a message, say).
 */
import * as core from '@actions/core';
import type * as Slim from './runner-slim.ts';

export type { AnnotationProperties } from './runner-slim.ts';
export const getInput: typeof Slim.getInput = core.getInput;
export const setSecret: typeof Slim.setSecret = core.setSecret;
export const setOutput: typeof Slim.setOutput = core.setOutput;
export const info: typeof Slim.info = core.info;
export const notice: typeof Slim.notice = core.notice;
export const warning: typeof Slim.warning = core.warning;
export const error: typeof Slim.error = core.error;
export const startGroup: typeof Slim.startGroup = core.startGroup;
export const endGroup: typeof Slim.endGroup = core.endGroup;
export const setFailed: typeof Slim.setFailed = core.setFailed;
export const summary: typeof Slim.summary = core.summary;
