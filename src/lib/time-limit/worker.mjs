// The worker of `runInWorker` (run-in-worker.ts). Plain JavaScript so that Node starts it
// without a loader; it reports content code to the parent, runs the task and posts its value or
// its error. Run from the TypeScript sources it registers tsx (loader hooks are per thread); in
// the compiled CLI (bin/compiled-cli.mjs) the names below read `.js` and the task is JavaScript,
// so it does not (workflow files load through tsx's `tsImport` either way).
import { parentPort, workerData } from 'node:worker_threads';

const post = (message) => parentPort.postMessage(message);
const { module, name, payload, refused } = workerData;
const contentCodeUrl = new URL('./content-code.ts', import.meta.url);
if (/\.m?ts$/.test(contentCodeUrl.pathname) || /\.m?ts$/.test(new URL(module).pathname)) (await import('tsx/esm/api')).register();
const contentCode = await import(contentCodeUrl.href);
const { isUserError } = await import(new URL('../errors.ts', import.meta.url).href);
contentCode.onContentCode(post);
contentCode.refuseContentCode(refused);
const lines = { out: (text) => post({ type: 'out', text }), err: (text) => post({ type: 'err', text }) };
// What content code printed reaches the parent on another channel; a write's callback runs once
// the parent has taken everything before it, so nothing is lost when the parent ends the worker.
const flush = () => Promise.all([process.stdout, process.stderr].map((stream) => new Promise((done) => stream.write('', done))));
let result;
try {
  const task = (await import(module))[name];
  if (typeof task !== 'function') throw new Error(`${module} exports no function ${name}`);
  result = { type: 'done', value: await task(payload, lines) };
} catch (error) {
  const user = isUserError(error);
  // A file-system refusal keeps its errno code and path across (EACCES at --out): the CLI says it
  // in one line ("cannot use DIR/x.pdf: permission denied") instead of calling it a bug.
  const fsCode = !user && typeof error?.code === 'string' && typeof error?.path === 'string' ? { errno: error.code, path: error.path } : {};
  result = { type: 'fail', user, code: user ? error.code : 'internal', message: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined, ...fsCode };
}
await flush();
post(result);
