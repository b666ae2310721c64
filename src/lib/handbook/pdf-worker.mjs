// A worker of `PdfPool` (pdf-pool.ts). Plain JavaScript so that Node starts it without a loader;
// run from the sources it registers tsx (loader hooks are per thread). It reports content code to
// the parent's watchdog, then makes jobs one at a time with the module's job function and posts
// what it wrote. The pool sends every waiting job to every worker; a worker takes a job by
// writing its thread id into the job's shared claim word, skipping jobs another worker took, so
// it never waits for the parent thread to hand out work. Whatever the module loads (the project,
// fonts, glyph caches) stays loaded for the worker's next job.
import { parentPort, threadId, workerData } from 'node:worker_threads';

const { module, name, root, prepare } = workerData;
// Started from the compiled copy of src/ (bin/compiled-cli.mjs), the names below read `.js` and
// the job module is JavaScript: no loader is needed (workflow files load through tsx's tsImport).
const contentCodeUrl = new URL('../time-limit/content-code.ts', import.meta.url);
if (/\.m?ts$/.test(contentCodeUrl.pathname) || /\.m?ts$/.test(new URL(module).pathname)) (await import('tsx/esm/api')).register();
// What content code prints goes to stderr, never into the build's stdout. (Done here, not by
// reading the worker's stdout in the parent: a stream read there keeps the process alive even
// when the worker is unref'd, and a warmed pool's idle workers must not.)
process.stdout.write = process.stderr.write.bind(process.stderr);
const post = (message) => parentPort.postMessage(message);
// Loaders that read the project root from the environment (the parse cache) find it here too.
process.env.SOPKIT_ROOT = root;
const contentCode = await import(contentCodeUrl.href);
const { isUserError } = await import(new URL('../errors.ts', import.meta.url).href);
contentCode.onContentCode(post);
const taskModule = await import(module);
const task = taskModule[name];
post({ type: 'loaded' });
// Work that only prepares the jobs (parsing ahead of the build's check): a job that arrives
// meanwhile waits in the port; what it throws is left for the jobs to meet themselves.
if (prepare && typeof taskModule[prepare] === 'function') {
  try {
    await taskModule[prepare](root);
  } catch {
    // Nothing prepared: the jobs do it.
  }
}

const queue = [];
let working = false;

async function work() {
  working = true;
  while (queue.length) {
    const { id, payload, claim } = queue.shift();
    if (Atomics.compareExchange(claim, 0, 0, threadId) !== 0) continue;
    post({ type: 'start', id });
    try {
      if (typeof task !== 'function') throw new Error(`${module} exports no function ${name}`);
      post({ type: 'done', id, value: await task(payload) });
    } catch (error) {
      const user = isUserError(error);
      post({ type: 'fail', id, user, code: user ? error.code : 'internal', message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined });
    }
  }
  working = false;
}

parentPort.on('message', (job) => {
  queue.push(job);
  if (!working) void work();
});
