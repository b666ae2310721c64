// How long a `sopkit` command takes as a user runs it (`node bin/sopkit.mjs <args>` in a pack),
// cold (no .sopkit-cache: the compiled CLI and the parse cache made again) and warm (after a
// first run), median of --runs runs each, wall and CPU seconds (every thread and process it
// ran). With --reference it prints the change against a saved run; --save keeps this one.
//
//   node bench/cli-start.mjs --root /tmp/pack300 [--copy .] [--runs 5] [--args "check"]
//                            [--save bench/results/<name>.json] [--reference <saved>.json]
//
// --copy DIR first copies DIR/src and DIR/bin into the pack (the code being measured). Make the
// pack once: `makeSopkit(dir, 300)` from bench/build/projects.mjs, then build it once.
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { run } from './build/measure.mjs';

const { values } = parseArgs({
  options: {
    root: { type: 'string' },
    copy: { type: 'string' },
    runs: { type: 'string', default: '5' },
    args: { type: 'string', default: 'check' },
    modes: { type: 'string', default: 'cold,warm' },
    save: { type: 'string' },
    reference: { type: 'string' },
    label: { type: 'string', default: '' },
  },
});
if (!values.root || !existsSync(join(values.root, 'bin/sopkit.mjs'))) {
  console.error('bench/cli-start.mjs: give --root, a SOPKit pack with bin/sopkit.mjs (bench/build/projects.mjs makeSopkit)');
  process.exit(1);
}
const root = resolve(values.root);
const runs = Number(values.runs);
const args = values.args.split(' ').filter(Boolean);
if (values.copy) {
  for (const folder of ['src', 'bin']) {
    rmSync(join(root, folder), { recursive: true, force: true });
    cpSync(join(resolve(values.copy), folder), join(root, folder), { recursive: true });
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

async function once() {
  const r = await run(process.execPath, ['bin/sopkit.mjs', ...args], { cwd: root });
  // `check` exits 1 on errors in the pack; anything else (2: a bug, a signal) spoils the run.
  if (r.code !== 0 && r.code !== 1) throw new Error(`sopkit ${args.join(' ')} exited ${r.code}:\n${r.lines.map((l) => l.text).join('\n')}`);
  return { seconds: r.seconds, cpu: r.cpu };
}

const result = { date: new Date().toISOString(), label: values.label, args: values.args, runs, node: process.version, modes: {} };
for (const mode of values.modes.split(',')) {
  const samples = [];
  if (mode === 'warm') await once();
  for (let i = 0; i < runs; i++) {
    if (mode === 'cold') rmSync(join(root, '.sopkit-cache'), { recursive: true, force: true });
    samples.push(await once());
  }
  result.modes[mode] = { seconds: median(samples.map((s) => s.seconds)), cpu: median(samples.map((s) => s.cpu)), samples };
}

const reference = values.reference ? JSON.parse(readFileSync(values.reference, 'utf8')) : undefined;
const f = (x) => (Number.isFinite(x) ? x.toFixed(2) : '?');
console.log(`sopkit ${values.args} in ${root}, median of ${runs}${reference ? `, against ${values.reference} (${reference.label || reference.date})` : ''}`);
console.log('| mode | wall s | CPU s |' + (reference ? ' reference wall s | reference CPU s | wall ratio | CPU ratio |' : ''));
console.log('|---|---|---|' + (reference ? '---|---|---|---|' : ''));
for (const [mode, m] of Object.entries(result.modes)) {
  const ref = reference?.modes?.[mode];
  const cells = [mode, f(m.seconds), f(m.cpu)];
  if (reference) cells.push(f(ref?.seconds), f(ref?.cpu), f(m.seconds / ref?.seconds), f(m.cpu / ref?.cpu));
  console.log(`| ${cells.join(' | ')} |`);
}
if (values.save) writeFileSync(values.save, `${JSON.stringify(result, null, 1)}\n`);
