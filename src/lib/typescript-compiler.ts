import { createRequire } from 'node:module';
import type * as TS from 'typescript';

type Ts = typeof TS;

let loaded: Ts | undefined;

/**
 * The TypeScript compiler (to read workflow files without running them), loaded on first use and
 * with `require`: a pack without workflow files never loads its 9 MB (half of a warm
 * `sopkit check`'s start-up went to it), and Node's ESM import of a CommonJS file that size also
 * scans all of it for export names first. A dynamic `import()` fails inside Astro's config hooks,
 * where the checks run; `require` does not.
 * @throws when the `typescript` package is not installed.
 */
export function typescriptCompiler(): Ts {
  loaded ??= createRequire(import.meta.url)('typescript') as Ts;
  return loaded;
}
