// A whole pre/post cycle as a trainer runs it: both tests taken in kiosk mode on one shared
// tablet, downloaded by the trainer with the PIN, scored by `sopkit score` and by the scoring
// page (trainer edition), with the same numbers.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { main } from '../../src/cli/main.ts';
import type { ScoreReport } from '../../src/lib/assessment/types.ts';
import { answerAll, differences, openTrainerView, QUIZ, setUpKiosk } from './assessment-helpers.ts';
import { axeViolations } from './harness.ts';
import { useBuiltSite } from './use-site.ts';

let tablet: BrowserContext;
const dir = mkdtempSync(join(tmpdir(), 'sopkit-cycle-'));
const files: Record<string, string> = {};

const site = useBuiltSite('trainer');
beforeAll(async () => {
  tablet = await site.browser.newContext({ viewport: { width: 800, height: 1100 } });
});

const people = [
  { id: 'T01', name: 'Achol Deng' },
  { id: 'T02', name: 'Joseph Lado' },
  { id: 'T03', name: 'Mary Okello' },
];

async function runKiosk(form: 'pre' | 'post', who: typeof people, offset: number): Promise<string> {
  const page = await tablet.newPage();
  page.on('dialog', (d) => void d.accept());
  await page.goto(`${site.url}/assessments/${QUIZ}/${form}/?kiosk`);
  // The PIN is set once per tablet, on the first test opened in kiosk mode.
  if (form === 'pre') await setUpKiosk(page);
  for (const [i, person] of who.entries()) {
    await page.fill('input[name="participant"]', person.id);
    await page.fill('input[name="name"]', person.name);
    await answerAll(page, i + offset);
    await page.click('[data-form] button[type="submit"]');
    await expect(page.locator('[data-done-kiosk]').isVisible()).resolves.toBe(true);
    // A shared tablet never shows answers or a score.
    expect(await page.locator('[data-score]:visible, [data-feedback]:visible').count()).toBe(0);
    await page.click('[data-next]');
    expect(await page.inputValue('input[name="participant"]')).toBe('');
  }
  await expect(page.locator('[data-kiosk-banner]').textContent()).resolves.toMatch(`finished on this tablet: ${who.length}`);
  // The same id twice on one tablet is refused.
  await page.fill('input[name="participant"]', who[0]!.id);
  await page.click('[data-form] button[type="submit"]');
  await expect(page.locator('[data-status]').textContent()).resolves.toMatch(/already taken this test/);
  // The trainer opens the trainer view with the PIN and downloads the responses.
  await openTrainerView(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-get="responses"]')]);
  const path = join(dir, `${form}.csv`);
  writeFileSync(path, readFileSync((await download.path())!));
  await page.close();
  return path;
}

describe('a pre/post cycle on a shared tablet', () => {
  it('runs the pre-test and the post-test in kiosk mode and downloads one CSV each', async () => {
    files.pre = await runKiosk('pre', people, 0);
    // T03 missed the pre-test... and T04 only came to the post-test.
    files.post = await runKiosk('post', [people[0]!, people[1]!, { id: 'T04', name: 'Grace Ajak' }], 1);
    const pre = readFileSync(files.pre, 'utf8').trim().split('\r\n');
    expect(pre[0]).toMatch(/^participant,name,form,br-/);
    expect(pre.slice(1).map((l) => l.split(',').slice(0, 3).join(','))).toEqual(['T01,Achol Deng,pre', 'T02,Joseph Lado,pre', 'T03,Mary Okello,pre']);
  });

  let cli: ScoreReport;
  it('sopkit score reads the downloads and lists the unmatched participants', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['score', '--quiz', QUIZ, '--pre', files.pre!, '--post', files.post!, '--json'], { out: (t) => out.push(t), err: (t) => err.push(t) });
    expect(code).toBe(0);
    cli = JSON.parse(out.join('')) as ScoreReport;
    expect(cli.forms.pre?.n).toBe(3);
    expect(cli.prepost?.unmatched).toEqual({ pre: ['T03'], post: ['T04'] });
    expect(err.join('\n')).toMatch(/only in the pre-test \(not compared\): T03/);
  });

  it('the scoring page gives the same numbers, makes no network request, and is accessible', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.url}/scoring/`);
    await page.waitForLoadState('networkidle');
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.selectOption('[data-quiz]', QUIZ);
    await page.setInputFiles('[data-files]', [files.pre!, files.post!]);
    // File names say which form each file holds.
    expect(await page.$$eval('[data-list] select', (s) => s.map((x) => (x as HTMLSelectElement).value))).toEqual(['pre', 'post']);
    await page.click('[data-scoring-form] button[type="submit"]');
    await page.waitForFunction(() => document.querySelector('[data-status]')?.textContent !== '');
    await expect(page.locator('[data-status]').textContent()).resolves.toMatch(/Scored/);
    const [json] = await Promise.all([page.waitForEvent('download'), page.click('[data-get="scores.json"]')]);
    expect(differences(JSON.parse(readFileSync((await json.path())!, 'utf8')), cli)).toEqual([]);
    await expect(page.locator('.sopkit-report').textContent()).resolves.toMatch(/pre-test only: T03/);
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('[data-get="scores.csv"]')]);
    // With the byte order mark: Excel shows the names as written, not "AÃ¯cha".
    expect(readFileSync((await csv.path())!, 'utf8').split('\r\n')[0]).toBe('\uFEFFparticipant,name,pre_score,pre_percent,pre_passed,post_score,post_percent,post_passed,gain');
    // The page's icon is fetched by the browser on its own schedule (after networkidle on a busy
    // machine); what must not happen is a request of the scoring's.
    expect(requests.filter((u) => !u.startsWith('blob:') && new URL(u).pathname !== '/favicon.svg')).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    // On a phone the report's tables scroll inside their own box, never the page.
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('the scoring page names the file, row and column of a bad input', async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.url}/scoring/`);
    const bad = join(dir, 'pre-typo.csv');
    writeFileSync(bad, readFileSync(files.pre!, 'utf8').replace(/^(T02,Joseph Lado,pre,)[a-z]*/m, '$1zz'));
    await page.selectOption('[data-quiz]', QUIZ);
    await page.setInputFiles('[data-files]', [bad]);
    await page.click('[data-scoring-form] button[type="submit"]');
    await page.waitForFunction(() => document.querySelector('[data-status]')?.textContent !== '');
    await expect(page.locator('[data-status]').textContent()).resolves.toMatch(/pre-typo.csv row 3, column D \(br-\d+\): "zz" is not an option/);
    expect(await page.locator('[data-out]').isVisible()).toBe(false);
    await page.close();
  });
});
