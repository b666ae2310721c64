// Images in an SOP's PDF: a PNG or JPEG from public/ is printed; any other file (missing, SVG,
// not an image, cut short) prints its description in brackets, and none stops the PDF. Before,
// a text file named `.png` threw pdf-lib's "The input is not a PNG file!" out of the PDF stage,
// and a PNG cut short printed a garbled picture. `sopkit check` names each (mdx/image-*).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imageFormat, imageSize, readImage } from '../../../src/lib/content/images.ts';
import { parseMdx } from '../../../src/lib/content/mdx.ts';
import { loadProject } from '../../../src/lib/content/project.ts';
import { imageRules } from '../../../src/lib/check/image-rules.ts';
import { runChecks } from '../../../src/lib/check/index.ts';
import { renderSopHandbook } from '../../../src/lib/handbook/handbook.ts';
import { pdfText, qpdfCheck, saveTo, tempDir } from './pdf-tools.ts';

const fixture = resolve('tests/fixtures/check/rules/image-files');
const images = join(fixture, 'public/images');
let dir: string;
let pdf: string;

beforeAll(async () => {
  dir = tempDir();
  const root = join(dir, 'pack');
  cpSync(resolve('tests/fixtures/check/base'), root, { recursive: true });
  cpSync(fixture, root, { recursive: true });
  pdf = saveTo(dir, 'beta.pdf', await renderSopHandbook(loadProject(root), 'beta', { edition: 'participant', paper: 'a4' }));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('images in an SOP handbook', () => {
  it('embeds the PNG and the JPEG at their pixel size, and the PDF is sound', () => {
    expect(qpdfCheck(pdf).ok).toBe(true);
    // pdfimages -list: page num type width height color comp bpc enc ...
    const rows = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean).map((l) => l.trim().split(/\s+/));
    const seen = rows.map((r) => `${r[3]}x${r[4]} ${r[8]}`).sort();
    // form.png twice (with and without a description), office.jpg once; nothing else.
    expect(seen).toEqual(['83x117 image', '83x117 image', '83x117 jpeg']);
  });

  it('prints the description, in brackets, of each image it cannot show', () => {
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    for (const alt of ['The death declaration form', 'The declaration flow', 'The scanned form', 'The birth declaration form', 'The ministry logo']) {
      expect(text).toContain(`[${alt}]`);
    }
    expect(text).not.toContain('[The declaration form, front page]');
    expect(text).not.toContain('[A registration office counter]');
  });
});

describe('reading an image file', () => {
  it('knows a format by its bytes, not its name', () => {
    expect(imageFormat(readFileSync(join(images, 'form.png')))).toBe('png');
    expect(imageFormat(readFileSync(join(images, 'office.jpg')))).toBe('jpg');
    expect(imageFormat(readFileSync(join(images, 'flow.svg')))).toBe('svg');
    expect(imageFormat(readFileSync(join(images, 'notes.png')))).toBeUndefined();
  });

  it('reads the size of a whole PNG and JPEG (as `file` reports them: 83 x 117) and refuses a PNG cut short', () => {
    expect(imageSize(readFileSync(join(images, 'form.png')), 'png')).toEqual({ width: 83, height: 117 });
    expect(imageSize(readFileSync(join(images, 'office.jpg')), 'jpg')).toEqual({ width: 83, height: 117 });
    expect(readImage(join(images, 'cut.png'))).toMatchObject({ ok: false, problem: 'unreadable' });
    expect(readImage(join(images, 'none.png'))).toMatchObject({ ok: false, problem: 'missing' });
    // A JPEG whose segments break off before its frame header.
    expect(imageSize(readFileSync(join(images, 'office.jpg')).subarray(0, 40), 'jpg')).toBeUndefined();
  });
});

describe('an image of too many pixels', () => {
  // A 20,000 × 20,000 PNG of 1.1 MB took 4.6 GB of memory to print one SOP. This one is a PNG's
  // header alone (IHDR, an empty IDAT, IEND): its size is read, its pixels never decoded.
  const png = (width: number, height: number) => {
    const chunk = (type: string, data: Buffer) => {
      const head = Buffer.alloc(8);
      head.writeUInt32BE(data.length, 0);
      head.write(type, 4, 'latin1');
      return Buffer.concat([head, data, Buffer.alloc(4)]);
    };
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(width, 0);
    ihdr.writeUInt32BE(height, 4);
    ihdr.set([8, 2, 0, 0, 0], 8);
    return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', Buffer.alloc(0)), chunk('IEND', Buffer.alloc(0))]);
  };

  it('is refused by the check, naming its size, and never decoded for print; 40 million pixels pass', () => {
    const at = join(dir, 'huge');
    mkdirSync(join(at, 'public/images'), { recursive: true });
    writeFileSync(join(at, 'public/images/huge.png'), png(20_000, 20_000));
    writeFileSync(join(at, 'public/images/large.png'), png(8_000, 5_000));
    expect(readImage(join(at, 'public/images/huge.png'))).toMatchObject({ ok: false, problem: 'too-large', width: 20_000, height: 20_000 });
    expect(readImage(join(at, 'public/images/large.png'))).toMatchObject({ ok: true, width: 8_000, height: 5_000 });
    const parsed = parseMdx('![The form as filled in](/images/huge.png)\n\n![The office](/images/large.png)\n');
    if (!('tree' in parsed)) throw new Error('fixture does not parse');
    const found = imageRules(at, { file: 'content/sops/x.mdx', absPath: join(at, 'content/sops/x.mdx'), tree: parsed.tree }, 'sop');
    expect(found.map((d) => `${d.line} ${d.severity} ${d.code} ${d.message}`)).toEqual([
      '1 error mdx/image-too-large image "/images/huge.png": public/images/huge.png is 20,000 × 20,000 pixels (400 million), more than 40 million: printing it takes gigabytes of memory and a phone cannot show it; scale it down (4,000 pixels on its longer side is plenty for a full A4 page)',
    ]);
  });
});

describe('the image rule for a training module and a translation', () => {
  it("looks a module's relative path up beside the module (its page bundles it from there)", () => {
    const parsed = parseMdx('![The form](./images/form.png)\n\n![The form](./form.png)\n');
    if (!('tree' in parsed)) throw new Error('fixture does not parse');
    const doc = { file: 'public/m1.mdx', absPath: join(fixture, 'public/m1.mdx'), tree: parsed.tree };
    const found = imageRules(fixture, doc, 'module');
    expect(found.map((d) => `${d.line} ${d.code} ${d.message}`)).toEqual(['3 mdx/image-missing image "./form.png": no file public/form.png; put the image there or correct the path']);
  });

  it("checks a translated SOP's images as its source's", async () => {
    const root = join(dir, 'translated');
    cpSync(resolve('tests/fixtures/check/base'), root, { recursive: true });
    mkdirSync(join(root, 'content/fr/sops'), { recursive: true });
    const site = join(root, 'content/site.yaml');
    writeFileSync(site, `${readFileSync(site, 'utf8')}locales:\n  - { code: en, label: English, default: true }\n  - { code: fr, label: Français, title: Ensemble, organisation: "[Autorité]" }\n`);
    const beta = readFileSync(join(root, 'content/sops/beta.mdx'), 'utf8');
    writeFileSync(join(root, 'content/fr/sops/beta.mdx'), beta.replace('language: en', 'language: fr').replace('None beyond the glossary.', '![Le formulaire](/images/formulaire.png)'));
    const { diagnostics } = await runChecks(root, { today: '2026-06-01' });
    expect(diagnostics.filter((d) => d.code.startsWith('mdx/image')).map((d) => `${d.file} ${d.code}`)).toEqual(['content/fr/sops/beta.mdx mdx/image-missing']);
  });
});
