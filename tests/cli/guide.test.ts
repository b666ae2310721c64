import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { run } from './run.ts';

// `sopkit guide` and `sopkit evaluation-form`: the trainer's guide of a course and the paper
// session evaluation form, which only the site build used to print.
const base = join(import.meta.dirname, '../fixtures/training/base');
const model = join(import.meta.dirname, '../..');
const temp = mkdtempSync(join(tmpdir(), 'sopkit-guide-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const text = (path: string) => execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
const qpdfCheck = (path: string) => execFileSync('qpdf', ['--check', path], { encoding: 'utf8' });
const course = parse(readFileSync(join(base, 'content/courses/basics.yaml'), 'utf8')) as { id: string; title: string; evaluation: string; venue: string };
const form = parse(readFileSync(join(base, `quizzes/evaluations/${course.evaluation}.yaml`), 'utf8')) as { id: string; title: string; items: { text: string }[] };

describe('sopkit guide', () => {
  it("writes the course's trainer's guide, trainer edition by default, under the build's file name", async () => {
    const out = join(temp, 'guide');
    const r = await run('guide', course.id, '--root', base, '--out', out);
    expect(r.code, r.err).toBe(0);
    const pdf = join(out, `${course.id}-guide.pdf`);
    expect(r.out).toContain(pdf);
    expect(qpdfCheck(pdf)).toMatch(/No syntax or stream encoding errors/);
    const words = text(pdf);
    expect(words).toContain(course.title);
    expect(words).toContain(course.venue);
    expect(words).toContain('Trainer edition');
    // The print pack names the course's evaluation form by its file.
    expect(words).toContain(`${form.id}-evaluation-form.pdf`);
  }, 120_000);

  it('prints the participant edition when asked', async () => {
    const out = join(temp, 'guide-participant');
    const r = await run('guide', course.id, '--edition', 'participant', '--root', base, '--out', out);
    expect(r.code, r.err).toBe(0);
    const words = text(join(out, `${course.id}-guide.pdf`));
    expect(words).toContain('Participant edition');
    expect(words).not.toContain('Trainer edition');
  }, 120_000);

  it('refuses an unknown course, naming the known ones, before any work', async () => {
    const r = await run('guide', 'basic', '--root', base, '--out', join(temp, 'none'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/no course "basic" in content\/courses\/ \(did you mean "basics"\?\); known: basics/);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(existsSync(join(temp, 'none'))).toBe(false);
    const m = await run('guide', 'intro', '--root', base);
    expect(m.code).toBe(1);
    expect(m.err).toContain('"intro" is a module');
  });

  it('run outside a project, says so and what to do', async () => {
    const empty = join(temp, 'empty');
    mkdirSync(empty, { recursive: true });
    for (const argv of [['guide', '--all'], ['evaluation-form', '--all'], ['evaluation-form', 'x']]) {
      const r = await run(...argv, '--root', empty);
      expect(r.code).toBe(1);
      expect(r.err).toContain(`${empty} is not a SOPKit project`);
      expect(r.err).not.toMatch(/add one|start one/);
    }
  });

  it('refuses a course whose file has check errors, listing them', async () => {
    const root = join(temp, 'broken');
    cpSync(base, root, { recursive: true });
    const file = join(root, 'content/courses/basics.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('modules: [intro]', 'modules: [intro, no-such-module]'));
    const r = await run('guide', course.id, '--root', root, '--out', join(root, 'out'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/content\/courses\/basics\.yaml:\d+:\d+ +error/);
    expect(existsSync(join(root, 'out', `${course.id}-guide.pdf`))).toBe(false);
  }, 120_000);
});

describe('sopkit evaluation-form', () => {
  it('writes the paper form with its questions, the course named in its footer', async () => {
    const out = join(temp, 'form');
    const r = await run('evaluation-form', form.id, '--root', base, '--out', out);
    expect(r.code, r.err).toBe(0);
    const pdf = join(out, `${form.id}-evaluation-form.pdf`);
    expect(qpdfCheck(pdf)).toMatch(/No syntax or stream encoding errors/);
    const words = text(pdf);
    expect(words).toContain(form.title);
    for (const item of form.items) expect(words).toContain(item.text.replace(/\s+/g, ' '));
    expect(words).toContain(course.title);
  }, 120_000);

  it('refuses an unknown form, naming the known ones', async () => {
    const r = await run('evaluation-form', 'basics', '--root', base);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`no evaluation form "basics" in quizzes/evaluations/; known: ${form.id}`);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('refuses a --lang that is not a language of the pack, naming them', async () => {
    const r = await run('evaluation-form', 'registry-officers', '--lang', 'xx', '--root', model);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/--lang xx: not a language of this pack/);
  });
});

describe('in a language of the model pack', () => {
  it('writes the French guide and the Arabic form as the build names them, in their words', async () => {
    const out = join(temp, 'lang');
    const g = await run('guide', 'registry-officers', '--lang', 'fr', '--root', model, '--out', out);
    expect(g.code, g.err).toBe(0);
    const fr = parse(readFileSync(join(model, 'content/fr/courses/registry-officers.yaml'), 'utf8')) as { title: string };
    // pdftotext writes the no-break space before ":" as a space.
    expect(text(join(out, 'registry-officers-guide.fr.pdf'))).toContain(fr.title.replace(/\s+/g, ' '));
    const f = await run('evaluation-form', 'registry-officers', '--lang', 'ar', '--root', model, '--out', out);
    expect(f.code, f.err).toBe(0);
    const ar = parse(readFileSync(join(model, 'quizzes/ar/evaluations/registry-officers.yaml'), 'utf8')) as { title: string };
    const pdf = join(out, 'registry-officers-evaluation-form.ar.pdf');
    expect(qpdfCheck(pdf)).toMatch(/No syntax or stream encoding errors/);
    // pdftotext gives the Arabic words in logical order (ARCHITECTURE.md, Printing right-to-left text).
    for (const word of ar.title.split(/\s+/)) expect(text(pdf)).toContain(word);
  }, 300_000);

  it("sets the Arabic guide's web addresses left to right, on the left, each whole", async () => {
    // Page 2's module links were English addresses in right-to-left lines, aligned right, one
    // broken after "https://" and one after "data-".
    const out = join(temp, 'lang-ar');
    const g = await run('guide', 'registry-officers', '--lang', 'ar', '--root', model, '--out', out);
    expect(g.code, g.err).toBe(0);
    const pdf = join(out, 'registry-officers-guide.ar.pdf');
    const bbox = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
    const width = Number(/<page width="([\d.]+)"/.exec(bbox)?.[1]);
    const words = [...bbox.matchAll(/<word xMin="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map((m) => ({ x: Number(m[1]), text: m[2]! }));
    const course = parse(readFileSync(join(model, 'content/courses/registry-officers.yaml'), 'utf8')) as { modules: string[] };
    const site = (parse(readFileSync(join(model, 'content/site.yaml'), 'utf8')) as { url: string }).url.replace(/\/$/, '');
    for (const id of course.modules) {
      // The Arabic site's page of the module (every module has one under /ar/, translated or not).
      const address = `${site}/ar/modules/${id}/`;
      const found = words.filter((w) => w.text === address);
      expect(found.length, address).toBeGreaterThan(0);
      // Starts at the left margin: the line runs left to right.
      for (const w of found) expect(w.x, address).toBeLessThan(width / 4);
    }
    // No address anywhere in the guide is cut after its scheme.
    expect(words.filter((w) => /^https?:\/\/$/.test(w.text))).toEqual([]);
  }, 300_000);
});
