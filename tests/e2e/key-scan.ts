// What counts as trainer material in a built site, and a scan of every file of a build for it:
// HTML, scripts, JSON, CSV, text, and the text of every PDF (pdftotext). Used on both editions:
// the participant build must have none of it, the trainer build all of it.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Parent, RootContent } from 'mdast';
import type {} from 'mdast-util-mdx-jsx';
import { toString } from 'mdast-util-to-string';
import { keyShips } from '../../src/lib/assessment/page-data.ts';
import { loadQuizFile, loadQuizzes } from '../../src/lib/assessment/quiz-load.ts';
import { loadProject } from '../../src/lib/content/project.ts';
import { searchDocuments } from '../../src/lib/search/documents.ts';
import { forEdition, inEdition } from '../../src/lib/edition.ts';
import { handbookFileName, packFileName, quizFileNames } from '../../src/lib/handbook/write.ts';
import type { Quiz } from '../../src/schemas/quiz.ts';

/** One piece of trainer material: text that must not appear, or a file that must not exist. */
export interface Needle {
  kind: 'explanation' | 'option feedback' | 'trainer note' | 'correct flag' | 'answer key PDF' | 'trainer PDF' | 'export with answers' | 'scoring page' | 'report page';
  /** Text to look for (normalised), or a file path relative to the site. */
  text?: string;
  file?: string;
  /** Where it comes from, for the failure message. */
  from: string;
}

const norm = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * The longest run of a text made of letters, digits, spaces and plain punctuation that is not
 * also public (an explanation may quote the procedure word for word; that sentence is no key).
 * Such a run reads the same in HTML (no entity), JSON (no escape) and PDF text, so a match is
 * never missed on quoting.
 */
function searchable(text: string, isPublic: (s: string) => boolean): string | undefined {
  return runsOf(text)
    .filter((s) => !isPublic(s))
    .sort((a, b) => b.length - a.length)[0];
}

/** The runs of a text that `searchable` chooses from. */
function runsOf(text: string): string[] {
  return norm(text)
    .split(/[^\p{L}\p{N} ,.;:()%-]+/u)
    .map((s) => s.trim())
    .filter((s) => s.length >= HEAD);
}

/**
 * The words a participant's page prints from components' attributes (a callout's or a slide's
 * `title`), which the tree's text leaves out: public wherever the component is in the edition.
 */
function shownAttributes(node: Parent, out: string[] = []): string[] {
  for (const child of node.children as RootContent[]) {
    if (child.type === 'mdxJsxFlowElement' || child.type === 'mdxJsxTextElement') {
      if (child.name && !inEdition(child.name, 'participant')) continue;
      for (const a of child.attributes) if (a.type === 'mdxJsxAttribute' && a.name === 'title' && typeof a.value === 'string') out.push(a.value);
    }
    if ('children' in child) shownAttributes(child as Parent, out);
  }
  return out;
}

/** Text of the components an edition leaves out, at any depth of an SOP. */
function leftOutTexts(node: Parent, out: string[] = []): string[] {
  for (const child of node.children as RootContent[]) {
    if ((child.type === 'mdxJsxFlowElement' || child.type === 'mdxJsxTextElement') && child.name && !inEdition(child.name, 'participant')) out.push(toString(child));
    else if ('children' in child) leftOutTexts(child as Parent, out);
  }
  return out;
}

/**
 * The text of each component an edition leaves out, its text nodes joined by a character that
 * `searchable` never keeps: a run never spans a `<Ref>`, emphasis or link, which the built page
 * renders with other words or markup in between (module notes are full of them).
 */
function leftOutTextRuns(node: Parent, out: string[] = []): string[] {
  for (const child of node.children as RootContent[]) {
    if ((child.type === 'mdxJsxFlowElement' || child.type === 'mdxJsxTextElement') && child.name && !inEdition(child.name, 'participant')) {
      const texts: string[] = [];
      const walk = (n: Parent) => {
        for (const c of n.children as RootContent[]) {
          if (c.type === 'text') texts.push(c.value);
          else if ('children' in c) walk(c as Parent);
        }
      };
      walk(child);
      out.push(texts.join('\u0000'));
    } else if ('children' in child) leftOutTextRuns(child as Parent, out);
  }
  return out;
}

/** Every piece of trainer material the sample pack has, from its sources. */
export function trainerMaterial(root: string): { needles: Needle[]; publicKeyFiles: Set<string> } {
  const quizzes = loadQuizzes(root).flatMap((d) => (d.quiz ? [d.quiz] : []));
  const project = loadProject(root);
  // Translated quizzes (quizzes/<lang>/<id>.yaml): their explanations and feedback are keys too.
  const translated = Object.entries(project.translations).flatMap(([lang, content]) =>
    content.quizzes.flatMap((abs) => {
      const quiz = loadQuizFile(root, abs).quiz;
      return quiz ? [{ lang, quiz }] : [];
    }),
  );
  const needles: Needle[] = [];
  // A translation's page ships its key when the source's does (the source decides feedback).
  const sourceOf = (quiz: Quiz) => quizzes.find((q) => q.id === quiz.id) ?? quiz;
  // A practice question's key is public on its practice page, in every language (the source decides).
  const practice = (quiz: Quiz, id: string) => sourceOf(quiz).items.some((i) => i.id === id && i.practice);
  // What a participant may read anyway: the procedures and the modules as their edition shows
  // them, the glossary, and the questions and options of the tests, in every language (a French
  // option's feedback that quotes the module's own sentence is no key).
  const publicText = norm(
    [
      ...[...project.sops, ...Object.values(project.translations).flatMap((c) => c.sops)].flatMap((sop) => (sop.tree ? [toString(forEdition(sop.tree, 'participant')), ...shownAttributes(sop.tree)] : [])),
      // The forms annex every SOP page prints from the frontmatter: title, purpose and fields (an
      // Arabic feedback that said what the refusal letter's purpose says was taken for a key).
      ...[...project.sops, ...Object.values(project.translations).flatMap((c) => c.sops)].flatMap((sop) => (sop.data?.forms ?? []).flatMap((f) => [f.title, f.purpose, ...f.fields])),
      // The procedures as their pages read, parameters in words ("conservé à titre permanent ;"):
      // an explanation that quotes such a sentence quotes the public page, not a key.
      ...project.locales.flatMap((l) => searchDocuments(project, 'participant', l.code).map((d) => `${d.title} ${d.text}`)),
      ...[...project.modules, ...Object.values(project.translations).flatMap((c) => c.modules)].flatMap((m) => (m.tree ? [toString(forEdition(m.tree, 'participant')), ...shownAttributes(m.tree)] : [])),
      ...[...project.glossary, ...Object.values(project.translations).flatMap((c) => c.glossary.entries)].map((g) => g.definition),
      ...[...quizzes, ...translated.map((t) => t.quiz)].flatMap((q) => q.items.flatMap((i) => [i.stem, ...i.options.map((o) => o.text)])),
      // A practice question's explanation and feedback, public on its practice page: another
      // test's feedback that says the same words (the Arabic death test's practice question
      // repeats a sentence of the birth test's) keeps them, and it is no key.
      ...[...quizzes, ...translated.map((t) => t.quiz)].flatMap((q) => q.items.filter((i) => practice(q, i.id)).flatMap((i) => [i.explanation ?? '', ...i.options.map((o) => o.feedback ?? '')])),
    ].join(' '),
  );
  // Each text's runs are found in the public text in one pass, once every text is known: the
  // needles are kept in the order they were added, before the files.
  const texts: { kind: Needle['kind']; text: string; from: string }[] = [];
  const add = (kind: Needle['kind'], text: string | undefined, from: string) => {
    if (text !== undefined) texts.push({ kind, text, from });
  };
  // A quiz with `feedback: immediate` ships its post-test key on purpose; its other material does not.
  const secret = (quiz: Quiz) => !keyShips(quiz, 'post', 'participant');
  const bank = [...quizzes.map((quiz) => ({ quiz, from: quiz.id })), ...translated.map((t) => ({ quiz: t.quiz, from: `${t.lang}/${t.quiz.id}` }))];
  for (const { quiz, from } of bank.filter((b) => secret(sourceOf(b.quiz)))) {
    for (const item of quiz.items.filter((i) => !practice(quiz, i.id))) {
      add('explanation', item.explanation, `${from}/${item.id}`);
      for (const option of item.options) add('option feedback', option.feedback, `${from}/${item.id}/${option.id}`);
    }
  }
  for (const quiz of quizzes) {
    for (const form of ['pre', 'post'] as const) needles.push({ kind: 'answer key PDF', file: `handbooks/quizzes/${quizFileNames(quiz.id, form).key}`, from: quiz.id });
    needles.push({ kind: 'export with answers', file: `assessments/${quiz.id}/gift.txt`, from: quiz.id }, { kind: 'export with answers', file: `assessments/${quiz.id}/moodle.xml`, from: quiz.id });
    // The bank for Moodle 4.3 and older, made for a quiz with order items only.
    if (quiz.items.some((item) => item.type === 'order')) needles.push({ kind: 'export with answers', file: `assessments/${quiz.id}/moodle-matching.xml`, from: quiz.id });
  }
  for (const sop of project.sops) {
    if (!sop.tree) continue;
    for (const text of leftOutTexts(sop.tree)) add('trainer note', text, sop.id);
    needles.push({ kind: 'trainer PDF', file: `handbooks/${handbookFileName(sop.id, 'trainer')}`, from: sop.id });
  }
  // Translated SOPs (`content/<lang>/sops/<id>.mdx`): their trainer notes are their own words, and
  // their trainer handbooks `<id>-trainer.<lang>.pdf`.
  for (const [lang, content] of Object.entries(project.translations)) {
    for (const sop of content.sops) {
      if (!sop.tree) continue;
      for (const text of leftOutTexts(sop.tree)) add('trainer note', text, `${lang}/${sop.id}`);
      needles.push({ kind: 'trainer PDF', file: `handbooks/${sop.id}-trainer.${lang}.pdf`, from: `${lang}/${sop.id}` });
    }
  }
  needles.push({ kind: 'trainer PDF', file: `handbooks/${packFileName('trainer')}`, from: 'pack' });
  // Training modules, source and translated: speaker notes, facilitator keys, trainer notes, and
  // the trainer manual and speaker notes PDFs (`<id>-trainer.pdf`, `<id>-trainer.fr.pdf`...).
  const modules = [...project.modules.map((m) => ({ m, suffix: '' })), ...Object.entries(project.translations).flatMap(([lang, tr]) => tr.modules.map((m) => ({ m, suffix: `.${lang}` })))];
  for (const { m, suffix } of modules) {
    if (!m.tree || !m.data) continue;
    for (const text of leftOutTextRuns(m.tree)) add('trainer note', text, m.file);
    for (const file of [`${m.id}-trainer${suffix}.pdf`, `${m.id}-speaker-notes${suffix}.pdf`]) needles.push({ kind: 'trainer PDF', file: `handbooks/${file}`, from: m.file });
  }
  const prefixes = ['', ...Object.keys(project.translations).map((lang) => `${lang}/`)];
  // The scoring page in every language (`/scoring/`, `/fr/scoring/`...).
  for (const p of prefixes) needles.push({ kind: 'scoring page', file: `${p}scoring/index.html`, from: `${p}scoring` });
  for (const course of project.courses) needles.push({ kind: 'report page', file: `courses/${course.id}/report/index.html`, from: course.id });
  const publicKeyFiles = new Set([
    ...quizzes.filter((q) => !secret(q)).flatMap((q) => prefixes.map((p) => `${p}assessments/${q.id}/post/index.html`)),
    ...quizzes.filter((q) => q.items.some((i) => i.practice)).flatMap((q) => prefixes.map((p) => `${p}assessments/${q.id}/practice/index.html`)),
  ]);
  const publicRuns = new TextFinder(texts.flatMap((t) => runsOf(t.text))).find(publicText);
  const found = texts.flatMap(({ kind, text, from }) => {
    const run = searchable(text, (s) => publicRuns.has(s));
    return run ? [{ kind, text: run, from }] : [];
  });
  return { needles: [...found, ...needles], publicKeyFiles };
}

/** Every file under a folder, as paths relative to it. */
function files(dir: string, base = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, base) : [relative(base, path)];
  });
}

/**
 * The text of each PDF read, by the hash of its bytes: the trainer edition publishes every PDF of
 * the participant's, byte for byte, and the scan of both builds read each of them twice.
 */
const pdfTexts = new Map<string, string>();

/** The text of a built file: PDFs through pdftotext (content order, so table cells stay whole). */
function textOf(dist: string, file: string): string {
  if (file.endsWith('.pdf')) {
    const hash = createHash('sha256').update(readFileSync(join(dist, file))).digest('hex');
    const known = pdfTexts.get(hash);
    if (known !== undefined) return known;
    const r = spawnSync('pdftotext', ['-raw', '-enc', 'UTF-8', join(dist, file), '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (r.status !== 0) throw new Error(`pdftotext ${file}: ${r.stderr}`);
    pdfTexts.set(hash, r.stdout);
    return r.stdout;
  }
  return readFileSync(join(dist, file), 'utf8');
}

/** The length of the start of a needle that the scan hashes: `searchable` keeps no shorter run. */
const HEAD = 24;

/**
 * Which of many texts (each at least HEAD characters long) occur in a text, in one pass over it,
 * whatever their number: a rolling hash of each window of HEAD characters is looked up among the
 * hashes of their first HEAD characters, and a match is confirmed by comparing the whole text
 * there. The scan looked for each of the model pack's 4,700 needles with `includes`, through every
 * file of both builds, and the needles' runs were each looked for in the public text the same way:
 * most of the time of the editions' tests (34, 41 and 14 s on the model pack; now 14, 10 and 3 s, the first mostly pdftotext).
 */
class TextFinder {
  private readonly byHead = new Map<number, string[]>();
  /** One byte per bucket of hash values: most windows are ruled out without the map. */
  private readonly seen = new Uint8Array(1 << 22);
  /** The base raised to the power HEAD - 1, modulo 2^32. */
  private readonly top: number;
  private static readonly BASE = 1_000_003;

  constructor(needles: Iterable<string>) {
    let top = 1;
    for (let i = 1; i < HEAD; i++) top = Math.imul(top, TextFinder.BASE);
    this.top = top;
    for (const text of new Set(needles)) {
      if (text.length < HEAD) throw new Error(`a text to find shorter than ${HEAD} characters: ${text}`);
      const h = TextFinder.hash(text);
      this.seen[h >>> 10] = 1;
      const list = this.byHead.get(h);
      if (list) list.push(text);
      else this.byHead.set(h, [text]);
    }
  }

  private static hash(text: string, at = 0): number {
    let h = 0;
    for (let i = at; i < at + HEAD; i++) h = (Math.imul(h, TextFinder.BASE) + text.charCodeAt(i)) | 0;
    return h;
  }

  /** The texts to find that the text contains, each once. */
  find(text: string): Set<string> {
    const found = new Set<string>();
    if (text.length < HEAD) return found;
    let h = TextFinder.hash(text);
    for (let i = 0; ; i++) {
      if (this.seen[h >>> 10]) for (const needle of this.byHead.get(h) ?? []) if (!found.has(needle) && text.startsWith(needle, i)) found.add(needle);
      if (i + HEAD >= text.length) return found;
      h = (Math.imul(h - Math.imul(text.charCodeAt(i), this.top), TextFinder.BASE) + text.charCodeAt(i + HEAD)) | 0;
    }
  }
}

const textFile = /\.(html|js|mjs|json|csv|txt|xml|svg|css|webmanifest|pdf)$/;
const correctFlag = /"correct"\s*:\s*(true|false)|\bcorrect\s*:\s*(true|false)/;

/** A piece of trainer material found in a build. */
export interface Hit {
  kind: Needle['kind'];
  file: string;
  from: string;
  /** The needle found (none for a correct flag). */
  needle?: Needle;
}

/**
 * Scans every file of a build for trainer material: the texts of the needles, serialised correct
 * flags, the trainer-only files, and links to them.
 * @param dist The built site.
 * @param material What `trainerMaterial` found in the sources.
 */
export function scanBuild(dist: string, material: ReturnType<typeof trainerMaterial>): { hits: Hit[]; scanned: number } {
  const hits: Hit[] = [];
  const all = files(dist);
  const present = new Set(all);
  const byText = new Map<string, Needle[]>();
  for (const n of material.needles) if (n.text) byText.set(n.text, [...(byText.get(n.text) ?? []), n]);
  const texts = new TextFinder(byText.keys());
  const fileNeedles = material.needles.filter((n) => n.file);
  for (const n of fileNeedles) if (present.has(n.file!)) hits.push({ kind: n.kind, file: n.file!, from: n.from, needle: n });
  let scanned = 0;
  for (const file of all.filter((f) => textFile.test(f))) {
    const text = norm(textOf(dist, file));
    scanned++;
    for (const found of texts.find(text)) for (const n of byText.get(found)!) hits.push({ kind: n.kind, file, from: n.from, needle: n });
    if (!material.publicKeyFiles.has(file) && correctFlag.test(text)) hits.push({ kind: 'correct flag', file, from: correctFlag.exec(text)?.[0] ?? '' });
    if (file.endsWith('.html')) {
      for (const n of fileNeedles) {
        const target = n.file!.replace(/index\.html$/, '');
        if (text.includes(`/${target}"`)) hits.push({ kind: n.kind, file, from: `link to ${target}` });
      }
    }
  }
  return { hits, scanned };
}
