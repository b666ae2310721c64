import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { useBuiltSite } from './use-site.ts';

const site = useBuiltSite();

describe('Arabic pages (right to left) with English content not translated yet', () => {
  it("an English SOP's card on /ar/ and /ar/sops/ runs left to right, its Arabic labels and status right to left, each in its own language", async () => {
    const page = await site.browser.newPage({ viewport: { width: 360, height: 740 } });
    for (const [path, card, heading] of [['/ar/sops/', '.sop-row', 'h2'], ['/ar/', '.cards > li', 'h3']] as const) {
      await page.goto(`${site.url}${path}`);
      const english = page.locator(card).filter({ has: page.locator(`a[href="/ar/sops/civil-status-correction/"]`) });
      await expect(english.count(), path).resolves.toBe(1);
      // Each element's language (the nearest lang) and the direction its text runs in.
      const seen = (selector: string) =>
        english.locator(selector).first().evaluate((e) => ({ lang: e.closest('[lang]')?.getAttribute('lang'), dir: getComputedStyle(e).direction }));
      // The summary used to run right to left (its full stop at the start of its last line).
      await expect(seen(heading), path).resolves.toEqual({ lang: 'en', dir: 'ltr' });
      await expect(seen('p'), path).resolves.toEqual({ lang: 'en', dir: 'ltr' });
      await expect(seen('.badge'), path).resolves.toEqual({ lang: 'ar', dir: 'rtl' });
      await expect(english.evaluate((e) => e.getAttribute('lang')), path).resolves.toBeNull();
    }
    await page.goto(`${site.url}/ar/sops/`);
    const english = page.locator('.sop-row').filter({ has: page.locator('a[href="/ar/sops/civil-status-correction/"]') });
    // The labels (الوثيقة، الحالة، ...) are Arabic to a screen reader; the owner is English and
    // runs left to right (its brackets were scrambled: "Directorate of] ... [Identity Authority").
    const labels = await english.locator('dt').evaluateAll((dts) => dts.map((d) => `${d.closest('[lang]')?.getAttribute('lang')} ${getComputedStyle(d).direction}`));
    expect(labels).toEqual(Array(5).fill('ar rtl'));
    const owner = english.locator('dd').last();
    await expect(owner.evaluate((e) => ({ lang: e.closest('[lang]')?.getAttribute('lang'), dir: getComputedStyle(e).direction }))).resolves.toEqual({ lang: 'en', dir: 'ltr' });
    await expect(owner.textContent()).resolves.toMatch(/^\[Office of the Registrar General\]/);
    // The translated SOP's card has no language of its own: all of it is the page's.
    const translated = page.locator('.sop-row').filter({ has: page.locator('a[href="/ar/sops/birth-registration/"]') });
    await expect(translated.locator('[lang]').count()).resolves.toBe(0);
    await page.close();
  });

  it("a module's list of SOPs taught never breaks an SOP code at its hyphens on a phone ('SOP-' / 'ID-01')", async () => {
    const page = await site.browser.newPage({ viewport: { width: 360, height: 740 } });
    // (The materials' notes of a module shown in English are in untranslated-module.test.ts.)
    await page.goto(`${site.url}/ar/modules/data-quality-fraud-protection/`);
    const links = page.locator('p:has(> strong) > a[href*="/sops/"]');
    expect(await links.count()).toBeGreaterThan(2);
    // Lines each code's characters lie on (a Range over the code's text, before the title).
    const lines = await links.evaluateAll((as) =>
      as.map((a) => {
        const text = a.textContent ?? '';
        const code = /^\S+/.exec(text)![0];
        const walker = document.createTreeWalker(a, NodeFilter.SHOW_TEXT);
        const range = document.createRange();
        const first = walker.nextNode() as Text;
        range.setStart(first, 0);
        range.setEnd(first, code.length);
        return `${code} ${new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size}`;
      }),
    );
    expect(lines.filter((l) => !l.endsWith(' 1'))).toEqual([]);
    await page.close();
  });
});

/** Every HTML file under a folder of the build, as paths relative to the build. */
function pages(dist: string, dir: string): string[] {
  return readdirSync(join(dist, dir)).flatMap((name) => {
    const rel = join(dir, name);
    if (statSync(join(dist, rel)).isDirectory()) return pages(dist, rel);
    return name.endsWith('.html') ? [rel] : [];
  });
}

const decode = (s: string) => s.replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n))).replace(/&quot;/g, '"').replace(/&amp;/g, '&');

describe('punctuation of the words SOPKit puts together on Arabic pages', () => {
  it('joins Arabic words with the Arabic comma and semicolon (، ؛), never Latin ones: text and accessible names of every /ar/ page', () => {
    const dist = inject('distDir');
    // An Arabic letter (a closing bracket may follow), a Latin comma or semicolon, an Arabic letter (an opening bracket may come first).
    const latin = /[\u0600-\u06ff][\])»]?[,;] [[(«]?[\u0600-\u06ff]/g;
    const found: string[] = [];
    const all = pages(dist, 'ar');
    expect(all.length).toBeGreaterThan(20);
    for (const path of all) {
      const html = readFileSync(join(dist, path), 'utf8').replace(/<script[\s\S]*?<\/script>/g, '').replace(/<style[\s\S]*?<\/style>/g, '');
      const names = [...html.matchAll(/\s(?:aria-label|title|alt|data-label)="([^"]*)"/g)].map((m) => m[1]).join('\n');
      const text = html.replace(/<[^>]+>/g, '');
      for (const m of `${decode(text)}\n${decode(names)}`.matchAll(latin)) found.push(`${path}: …${m[0]}…`);
    }
    expect(found).toEqual([]);
  });

  it('birth registration in Arabic: approval, legal basis of a step, the steps as a list and a table region, each with Arabic punctuation', async () => {
    const page = await site.browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${site.url}/ar/sops/birth-registration/`);
    // The approver's name and title, then (the model's approval) its "model example" flag.
    await expect(page.locator('.approval td').first().locator('span').first().textContent()).resolves.toMatch(/^\[الاسم\]، المسجِّل العام$/);
    await expect(page.locator('.approval td [data-approval-example]').textContent()).resolves.toBe('مثال نموذجي');
    // A step resting on two provisions: "[instrument]، [provision]؛ [instrument]، [provision]".
    const legal = await page.locator('dl.step dd:has(a[href^="#legal-"])').allTextContents();
    expect(legal.some((l) => l.includes('؛ '))).toBe(true);
    expect(legal.filter((l) => /[,;] /.test(l))).toEqual([]);
    // The text alternative of the diagram: "(role؛ time limit)".
    const facts = await page.locator('.wf-text li[data-state-id]').evaluateAll((lis) => lis.map((li) => /\(([^)]*)\)/.exec(li.textContent ?? '')?.[1] ?? ''));
    expect(facts.length).toBeGreaterThanOrEqual(14);
    expect(facts.some((f) => f.includes('؛ '))).toBe(true);
    expect(facts.filter((f) => f.includes(';'))).toEqual([]);
    const regions = await page.locator('.table-wrap[aria-label]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    expect(regions).toContain('السجل، مكان الحفظ، مدة الحفظ');
    await page.goto(`${site.url}/ar/courses/registry-officers/guide/`);
    await expect(page.locator('#guide-prepare').textContent()).resolves.toBe('قبل أسبوعين، قبل أسبوع، في اليوم السابق');
    await page.close();
  });
});

describe('counts in words', () => {
  it("says a module's sessions in the plural form the number takes: 8 جلسات and 12 جلسة in Arabic, 8 séances in French", () => {
    const dist = inject('distDir');
    // The facts line under each module's card: "6 h · 8 sessions · Approved".
    const counts = (path: string) => [...readFileSync(join(dist, path), 'utf8').matchAll(/<p class="muted">[^<·]*·\s*([^<·]*?)\s*·/g)].map((m) => m[1]);
    const ar = counts('ar/modules/index.html');
    expect(ar.length).toBeGreaterThanOrEqual(4);
    for (const c of ar) expect(c).toMatch(/^(([3-9]|10) جلسات|(1[1-9]|[2-9]\d) جلسة|جلسة واحدة|جلستان)$/);
    expect(ar).toContain('8 جلسات');
    expect(ar).toContain('12 جلسة');
    expect(counts('fr/modules/index.html')).toContain('8 séances');
    expect(counts('modules/index.html')).toContain('8 sessions');
  });
});

describe('workflow captions', () => {
  it("name no machine id, in any language: the Arabic caption is Arabic only and does not break a Latin id across lines", async () => {
    const page = await site.browser.newPage({ viewport: { width: 360, height: 740 } });
    for (const path of ['/ar/sops/birth-registration/', '/fr/sops/birth-registration/', '/sops/birth-registration/', '/ar/sops/civil-status-correction/']) {
      await page.goto(`${site.url}${path}`);
      const captions = await page.locator('figure.workflow > figcaption, table[data-workflow] > caption').evaluateAll((els) =>
        els.map((e) => ({ text: e.textContent ?? '', id: e.closest('[data-workflow]')?.getAttribute('data-workflow') ?? '' })),
      );
      expect(captions.length, path).toBe(2);
      for (const c of captions) expect(c.text, path).not.toContain(c.id);
    }
    await page.goto(`${site.url}/ar/sops/birth-registration/`);
    await expect(page.locator('figure.workflow > figcaption').textContent()).resolves.toBe('الشكل: سير عمل هذا الإجراء.');
    await expect(page.locator('table[data-workflow] > caption').textContent()).resolves.toBe('جدول الإجراء، مولَّد من سير العمل: الخطوات نفسها الواردة في المخطط.');
    await page.close();
  });
});
