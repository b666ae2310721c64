// One line instead of Node's stack trace when a checkout's dependencies were never installed
// (`git clone` then `npx sopkit` or `npm run build` without `npm ci`): names the package that is
// missing and the command that installs it. Any other error is returned as it is.
import { relative } from 'node:path';

/**
 * The message for an error that says a package could not be found (an ES import:
 * ERR_MODULE_NOT_FOUND "Cannot find package 'x'"; require.resolve: MODULE_NOT_FOUND
 * "Cannot find module 'x/package.json'"), or undefined for any other error.
 * @param {unknown} error
 * @param {string} root the folder of SOPKit's package.json
 * @param {string} who the program's name, first on the line
 */
export function missingPackageMessage(error, root, who) {
  if (!(error instanceof Error)) return undefined;
  const code = /** @type {{ code?: string }} */ (error).code;
  if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND') return undefined;
  const name = /Cannot find (?:package|module) '((?:@[^/']+\/)?[^/'.][^/']*)/.exec(error.message)?.[1];
  if (name === undefined) return undefined;
  const where = relative(process.cwd(), root) || '.';
  return `${who}: the package "${name}" is not installed: run \`npm ci\` in ${where === '.' ? 'this folder' : where} (SOPKit's folder), then run the command again.`;
}
