/** The action's version, for the User-Agent. A test keeps it equal to package.json's. */
export const VERSION = '0.1.0';
export const USER_AGENT = `cert-rotate-action/${VERSION} (node/${process.versions.node})`;
