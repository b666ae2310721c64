/// <reference types="astro/client" />

// Lets plain `tsc` type-check .ts files that import components; `astro check` checks the
// components themselves.
declare module '*.astro' {
  import type { AstroComponentFactory } from 'astro/runtime/server/index.js';
  const Component: AstroComponentFactory;
  export default Component;
}
