import { createRequire } from 'node:module';
import { deflateSync } from 'node:zlib';

type Deflate = (data: Uint8Array, options?: unknown) => Uint8Array;

/** Whether pako's `deflate` was pointed at zlib in this thread. */
let done = false;

/**
 * pdf-lib 1.17 compresses every content stream, font and object stream with pako, zlib ported to
 * JavaScript: a fifth of a PDF worker's time at library scale went to pako's `deflate`. Node
 * carries zlib itself; this points pako's `deflate` (the one copy pdf-lib loads) at it, for calls
 * with default options, which are the only ones pdf-lib makes. The streams stay standard
 * FlateDecode; their bytes are those of Node's zlib, the same for the same input on one Node.
 * Idempotent; after the first call it costs one test of a flag (it runs for every document).
 */
export function useNativeDeflate(): void {
  if (done) return;
  done = true;
  const require = createRequire(pdfLibEntry());
  const pako = require('pako') as { deflate: Deflate & { __sopkitNative?: true } };
  if (pako.deflate.__sopkitNative) return;
  const js = pako.deflate;
  const native: Deflate & { __sopkitNative?: true } = (data, options) => {
    if (options !== undefined) return js(data, options);
    const out = deflateSync(data);
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  };
  native.__sopkitNative = true;
  pako.deflate = native;
}

/** pdf-lib's own location, so the pako found is the one pdf-lib requires. */
function pdfLibEntry(): string {
  return createRequire(import.meta.url).resolve('pdf-lib');
}
