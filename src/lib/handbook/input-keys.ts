import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { layout, listFiles } from '../content/project.ts';

/** The code that makes the printed outputs: the engine, its strings and schemas, and the locked dependencies. */
const CODE = ['src/lib', 'src/i18n', 'src/schemas', 'package-lock.json'];
/** What authors write; every printed output may read any of it except the SOP files, keyed one by one. */
const SOURCES = ['content', 'workflows', 'quizzes'];

function files(root: string, rel: string): string[] {
  const abs = join(root, rel);
  if (!existsSync(abs)) return [];
  if (statSync(abs).isFile()) return [rel];
  return readdirSync(abs)
    .sort()
    .flatMap((name) => files(root, join(rel, name)));
}

function digest(parts: Iterable<string | Buffer>): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex').slice(0, 20);
}

/**
 * What an SOP's text shows to other documents: its frontmatter (code, title, status), its
 * headings (numbers and anchors a `<Ref>` prints) and the references it makes. A change to the
 * body's prose leaves it unchanged, so the other SOPs' PDFs stay cached.
 */
function outline(source: string): string {
  const end = source.startsWith('---') ? source.indexOf('\n---', 3) : -1;
  const front = end > 0 ? source.slice(0, end) : '';
  const lines = source.split('\n').filter((l) => /^#{1,6}\s/.test(l));
  const refs = source.match(/<Ref\b[^>]*>/g) ?? [];
  return [front, ...lines, ...refs].join('\n');
}

/** The cache keys of one build's PDFs: one per SOP and one for everything printed from the whole pack. */
export interface PdfKeys {
  /** Key of each SOP's own PDFs (handbooks, review copy), by SOP id. */
  sops: Map<string, string>;
  /** Key of the PDFs made from the whole pack (pack handbook, training, quizzes, reports). */
  pack: string;
}

/**
 * The hash of exactly the inputs of each group of PDFs. An SOP's PDFs depend on the code of the
 * engine, its own file, every other source but the SOP files (glossary, roles, parameters, site,
 * workflows, quizzes, records), the outline of every other SOP (what a `<Ref>` prints), the edition
 * and the PDFs' own format version. The whole-pack PDFs depend on every file and on the date
 * (reports mark overdue actions against today). The engine is deterministic, so equal keys mean
 * byte-identical PDFs.
 * @param root Project root.
 * @param edition The site edition being built.
 * @param today The date reports are judged against (YYYY-MM-DD).
 */
export function pdfKeys(root: string, edition: string, today: string): PdfKeys {
  const read = (rel: string) => readFileSync(join(root, rel));
  const code = digest(CODE.flatMap((r) => files(root, r)).flatMap((rel) => [rel, read(rel)]));
  const sopDir = layout.sops;
  const others = SOURCES.flatMap((r) => files(root, r)).filter((rel) => !rel.startsWith(`${sopDir}/`) && !rel.startsWith(`${sopDir}\\`));
  const shared = digest(others.flatMap((rel) => [rel, read(rel)]));
  const sopFiles = listFiles(join(root, sopDir), '.mdx').map((abs) => ({ id: abs.slice(abs.replace(/\\/g, '/').lastIndexOf('/') + 1, -'.mdx'.length), text: readFileSync(abs, 'utf8') }));
  const outlines = digest(sopFiles.flatMap((s) => [s.id, outline(s.text)]));
  const sops = new Map(sopFiles.map((s) => [s.id, digest([code, shared, outlines, edition, s.id, s.text])]));
  const pack = digest([code, shared, edition, today, ...sopFiles.flatMap((s) => [s.id, s.text])]);
  return { sops, pack };
}
