// Helpers for the assessment browser tests: answer a test page the way a participant would.
import { writeFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { instructionsFirst } from '../lib/assessment/instructions-workbook.ts';

export const QUIZ = 'birth-registration';

/**
 * A device whose storage is full for some keys: from the next page load, writing a key that ends
 * with `suffix` throws QuotaExceededError (other keys, drafts among them, are written), until the
 * page sets `window.storageFull = false`.
 */
export async function fillStorage(target: BrowserContext | Page, suffix: string): Promise<void> {
  await target.addInitScript((end) => {
    const setItem = Storage.prototype.setItem;
    const w = window as unknown as { storageFull: boolean };
    w.storageFull = true;
    Storage.prototype.setItem = function (key: string, value: string) {
      if (key.endsWith(end) && w.storageFull) throw new DOMException('full', 'QuotaExceededError');
      return setItem.call(this, key, value);
    };
  }, suffix);
}

/** Item ids and types of the test page, in order. */
export async function itemsOf(page: Page): Promise<{ id: string; type: string }[]> {
  return page.$$eval('[data-item]', (els) => els.map((el) => ({ id: (el as HTMLElement).dataset.item ?? '', type: (el as HTMLElement).dataset.type ?? '' })));
}

/**
 * Answers every question, differently for each `who` (0, 1, 2...), through the controls: radios
 * and checkboxes by clicking their labels, order items by the Up buttons (keyboard users' path).
 * Leaves question 3 unanswered for who = 1, so blanks travel through the export too.
 */
export async function answerAll(page: Page, who: number): Promise<void> {
  const items = await itemsOf(page);
  for (const [n, item] of items.entries()) {
    if (who === 1 && n === 2) continue;
    const root = page.locator(`[data-item="${item.id}"]`);
    if (item.type === 'order') {
      for (let k = 0; k <= who; k++) await root.locator('[data-move="-1"]').last().click();
      continue;
    }
    const options = root.locator('label');
    const count = await options.count();
    if (item.type === 'multiple') {
      for (let k = 0; k < Math.min(count, 1 + ((who + n) % 2)); k++) await options.nth(k).click();
    } else {
      await options.nth((who + n) % count).click();
    }
  }
}

/** The trainer PIN the tests set on a kiosk. */
export const PIN = '2468';

/** Sets up a shared tablet on first use: the trainer PIN twice (and the idle minutes, if given). */
export async function setUpKiosk(page: Page, pin = PIN, idleMinutes?: number): Promise<void> {
  await page.locator('[data-kiosk-setup]').waitFor();
  await page.fill('#assess-pin-new', pin);
  await page.fill('#assess-pin-again', pin);
  if (idleMinutes !== undefined) await page.fill('#assess-idle', String(idleMinutes));
  await page.click('[data-setup] button[type="submit"]');
  await page.locator('[data-form]').waitFor();
}

/** Opens the trainer view of a kiosk with a PIN; resolves when it is open or the PIN was refused. */
export async function openTrainerView(page: Page, pin = PIN): Promise<void> {
  const details = page.locator('[data-trainer] details');
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await page.click('[data-trainer] summary');
  await page.fill('#assess-pin', pin);
  // A status left by an earlier try would end the wait below before this try is answered.
  await page.evaluate(() => {
    const status = document.querySelector('[data-unlock-status]');
    if (status) status.textContent = '';
  });
  await page.click('[data-unlock] button[type="submit"]');
  await page.waitForFunction(() => !document.querySelector('[data-trainer-view]')?.hasAttribute('hidden') || document.querySelector('[data-unlock-status]')?.textContent !== '');
}

/**
 * Paths where two JSON values differ: numbers may differ by 1e-12 (relative), as Node and the
 * browser may round a library's exp or log differently; anything else must be equal.
 */
export function differences(a: unknown, b: unknown, path = '$'): string[] {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(a)) ? [] : [`${path}: ${a} vs ${b}`];
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return [`${path}: length ${a.length} vs ${b.length}`];
    return a.flatMap((x, i) => differences(x, b[i], `${path}[${i}]`));
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    return keys.flatMap((k) => differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`));
  }
  return a === b ? [] : [`${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`];
}

/**
 * A trainer's workbook that opens on a sheet of instructions, with a CSV file's rows on the second
 * sheet (`instructionsFirst`), written to `out`.
 * @returns `out`.
 */
export async function instructionsFirstFile(csvPath: string, out: string): Promise<string> {
  writeFileSync(out, await instructionsFirst(csvPath));
  return out;
}
