#!/usr/bin/env node
// Scoring speed and page weight, against reference runs on the same machine (benchmarks
// compare, tests never time):
//   - sopkit's core (parse, score, item analysis, pre/post) against only parsing the same CSV with
//     papaparse (the floor), and against numpy/scipy computing the statistics from the marks
//     (when python3 with scipy is installed);
//   - the same core in Chromium on the scoring page against Node;
//   - the JavaScript each assessment page ships, gzipped.
//   node bench/score.mjs [--dist DIR] [--runs N] [--quiz ID]
// The scoring page is in the trainer edition only: --dist dist-trainer (npm run build:trainer).
import { register } from 'tsx/esm/api';

register();
const { parseArgs } = await import('node:util');
const { spawnSync } = await import('node:child_process');
const { mkdtempSync, readFileSync, readdirSync, writeFileSync } = await import('node:fs');
const { tmpdir } = await import('node:os');
const { join } = await import('node:path');
const { gzipSync } = await import('node:zlib');
const { values } = parseArgs({ options: { dist: { type: 'string' }, runs: { type: 'string', default: '5' }, quiz: { type: 'string', default: 'birth-registration' } } });
const runs = Math.max(1, Number(values.runs));
const Papa = (await import('papaparse')).default;
const { resolveQuiz } = await import('../src/lib/assessment/quiz-load.ts');
const { parseResponses, combineResponses } = await import('../src/lib/assessment/responses.ts');
const { buildReport } = await import('../src/lib/assessment/report.ts');
const { scoreForm } = await import('../src/lib/assessment/item-analysis.ts');
const { simulateClass } = await import('./assessment/simulate-class.ts');

const quiz = resolveQuiz(process.cwd(), values.quiz).quiz;
const dir = mkdtempSync(join(tmpdir(), 'sopkit-bench-score-'));
const sizes = [30, 300, 3000, 30000];

/** Median seconds of `runs` calls after one warm-up. */
function timed(fn) {
  fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push((performance.now() - t0) / 1000);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

const classes = sizes.map((n) => {
  const files = simulateClass(quiz, n, n);
  const pre = join(dir, `pre-${n}.csv`);
  const post = join(dir, `post-${n}.csv`);
  writeFileSync(pre, files.pre);
  writeFileSync(post, files.post);
  return { n, files, pre, post };
});

const scipy = spawnSync('python3', ['-c', 'import scipy, numpy'], { encoding: 'utf8' }).status === 0;
const pyScript = `
import sys, time, numpy as np
from scipy import stats
pre = np.loadtxt(sys.argv[1], delimiter=','); post = np.loadtxt(sys.argv[2], delimiter=',')
def run():
    for m in (pre, post):
        t = m.sum(1); p = m.shape[1]
        alpha = p / (p - 1) * (1 - m.var(0, ddof=1).sum() / t.var(ddof=1))
        rest = [np.corrcoef(m[:, j], t - m[:, j])[0, 1] for j in range(p)]
        stats.skew(t, bias=False); stats.kurtosis(t, bias=False)
    k = min(len(pre), len(post)); d = post[:k].sum(1) - pre[:k].sum(1)
    stats.ttest_rel(post[:k].sum(1), pre[:k].sum(1)); stats.wilcoxon(d, correction=True, method='approx')
run(); ts = []
for _ in range(${runs}):
    t0 = time.perf_counter(); run(); ts.append(time.perf_counter() - t0)
print(sorted(ts)[len(ts) // 2])
`;

const rows = [];
for (const c of classes) {
  const sopkit = timed(() => buildReport(quiz, combineResponses([parseResponses(c.files.pre, 'pre.csv', quiz, { form: 'pre' }), parseResponses(c.files.post, 'post.csv', quiz, { form: 'post' })])));
  const floor = timed(() => [Papa.parse(c.files.pre), Papa.parse(c.files.post)]);
  let numpy = NaN;
  if (scipy) {
    const responses = combineResponses([parseResponses(c.files.pre, 'pre.csv', quiz, { form: 'pre' }), parseResponses(c.files.post, 'post.csv', quiz, { form: 'post' })]);
    for (const form of ['pre', 'post']) writeFileSync(join(dir, `${form}-${c.n}.marks`), scoreForm(quiz, form, responses).marks.map((r) => r.join(',')).join('\n'));
    const r = spawnSync('python3', ['-c', pyScript, join(dir, `pre-${c.n}.marks`), join(dir, `post-${c.n}.marks`)], { encoding: 'utf8' });
    numpy = Number(r.stdout.trim());
  }
  rows.push({ participants: c.n, 'sopkit ms': (sopkit * 1000).toFixed(1), 'participants/s': Math.round(c.n / sopkit), 'papaparse only ms': (floor * 1000).toFixed(1), 'sopkit / parse': (sopkit / floor).toFixed(1), 'numpy+scipy stats ms': Number.isNaN(numpy) ? 'n/a' : (numpy * 1000).toFixed(1) });
}
console.log(`quiz ${quiz.id}: pre ${quiz.forms.pre.length} items, post ${quiz.forms.post.length} items; median of ${runs} warm runs`);
console.table(rows);

const dist = values.dist;
if (!dist) {
  console.log('browser and page weight: pass --dist DIR (a trainer-edition build: npm run build:trainer, then --dist dist-trainer) to measure them');
} else {
  const { launchBrowser, serveStatic } = await import('../tests/e2e/harness.ts');
  const site = await serveStatic(dist);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.goto(`${site.url}/scoring/`);
    await page.selectOption('[data-quiz]', quiz.id);
    const browserRows = [];
    for (const c of classes.filter((x) => x.n <= 3000)) {
      const times = [];
      for (let i = 0; i <= runs; i++) {
        await page.setInputFiles('[data-files]', [c.pre, c.post]);
        await page.evaluate(() => (document.querySelector('[data-status]').textContent = ''));
        const t0 = performance.now();
        await page.click('[data-scoring-form] button[type="submit"]');
        await page.waitForFunction(() => /Scored|Cannot/.test(document.querySelector('[data-status]')?.textContent ?? ''));
        if (i > 0) times.push((performance.now() - t0) / 1000);
      }
      const node = Number(rows.find((r) => r.participants === c.n)['sopkit ms']) / 1000;
      const median = times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
      browserRows.push({ participants: c.n, 'chromium page ms (incl. report render)': (median * 1000).toFixed(1), 'node core ms': (node * 1000).toFixed(1), 'chromium / node': (median / node).toFixed(1) });
    }
    console.table(browserRows);
  } finally {
    await browser.close();
    await site.close();
  }
  const scriptsOf = (html) => [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]);
  const weigh = (path) => {
    const html = readFileSync(join(dist, path, 'index.html'), 'utf8');
    const js = scriptsOf(html).map((src) => readFileSync(join(dist, src.replace(/^\//, ''))));
    const imports = new Set();
    for (const buf of js) for (const m of buf.toString().matchAll(/from"\.\/([^"]+\.js)"/g)) imports.add(m[1]);
    const chunks = [...js, ...[...imports].map((f) => readFileSync(join(dist, '_astro', f)))];
    return { page: path, 'html kB (gz)': (gzipSync(html).length / 1024).toFixed(1), 'js kB': (chunks.reduce((s, b) => s + b.length, 0) / 1024).toFixed(1), 'js kB (gz)': (chunks.reduce((s, b) => s + gzipSync(b).length, 0) / 1024).toFixed(1) };
  };
  const search = readdirSync(join(dist)).includes('search') ? [weigh('search/')] : [];
  console.table([weigh(`assessments/${quiz.id}/pre/`), weigh('scoring/'), ...search]);
}
