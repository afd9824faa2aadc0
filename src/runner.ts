/**
 * The runner's protocol (inputs, workflow commands, the output and summary files): the only module
 * of the action that imports @actions/core. From the package's index, so that @github/local-action,
 * which replaces that index with its own, captures the outputs and the summary and keeps registered
 * secrets to itself.
 *
 * The built action does not load this module: scripts/build.ts puts runner-slim.ts in its place
 * (the same functions without the OIDC client and HTTP stack the index loads, which would more
 * than double the action's cold start).
 */
export {
  type AnnotationProperties,
  endGroup,
  error,
  getInput,
  info,
  notice,
  setFailed,
  setOutput,
  setSecret,
  startGroup,
  summary,
  warning,
} from '@actions/core';
