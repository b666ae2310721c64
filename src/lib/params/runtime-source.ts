// Node's source of parameter values for machines: the project's content/parameters.yaml. In the
// browser bundle this module is replaced by the values themselves (vite-plugin.ts), so nothing
// here reaches a phone.
import { runtimePayloadFor } from './payload.ts';
import type { RuntimeParameters } from './runtime.ts';

/** The values of the project in SOPKIT_ROOT (set by the build) or the working directory. */
export function initialParameters(): RuntimeParameters {
  return runtimePayloadFor(process.env.SOPKIT_ROOT ?? process.cwd());
}
