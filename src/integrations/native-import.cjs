// Node's own `import()`, for modules that Vite's module runner loads (the Astro config and its
// integrations): the runner rewrites every `import()` in the modules it loads into a request to
// itself, and it is closed once the config is loaded. This file is loaded with `require`, which
// the runner leaves alone, so the `import()` below is Node's. A bare name resolves from here.
'use strict';

/** @param {string} specifier A file URL, or a package name. */
module.exports = (specifier) => import(specifier);
