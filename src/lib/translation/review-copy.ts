import type { Project, SopDoc } from '../content/project.ts';
import type { Paragraph } from '../content/paragraphs.ts';
import { SopkitError } from '../errors.ts';
import { freshnessOf, outlineMismatch } from './freshness.ts';
import { projectIn, translatedSop } from './localize.ts';
import { translationLayout } from './paths.ts';

type ValidSop = SopDoc & { data: NonNullable<SopDoc['data']> };

/** The paragraphs of each section, in order, by section number. */
function paragraphsBySection(doc: SopDoc): Map<string, Paragraph[]> {
  const out = new Map<string, Paragraph[]>();
  for (const p of doc.paragraphs) out.set(p.section, [...(out.get(p.section) ?? []), p]);
  return out;
}

const blockWord: Record<Paragraph['kind'], string> = { paragraph: 'a paragraph', item: 'a list item', table: 'a table', figure: 'a figure', code: 'a code block', quote: 'a quotation', component: 'a component block' };

/**
 * Where a translated SOP's numbering first differs from its source's: the sections (number and
 * level, in order), then each section's numbered paragraphs (how many, and of which kind, since a
 * register cites `table 1` and `figure 1` by kind). Undefined when `§6.2 ¶3` names the same
 * block in both, so comments on either text go into one register (ARCHITECTURE.md, Formats:
 * paragraph numbers).
 * @param source The source SOP.
 * @param tr Its translation.
 */
export function structureDifference(source: SopDoc, tr: SopDoc): string | undefined {
  const i = outlineMismatch(source.sections, tr.sections);
  if (i !== -1) {
    const [s, t] = [source.sections[i], tr.sections[i]];
    if (!t) return `the source has section §${s!.number} "${s!.title}" after the translation's last section`;
    if (!s) return `the translation has section §${t.number} "${t.title}" after the source's last section`;
    return `the translation's section §${t.number} "${t.title}" (level ${t.level}) stands where the source has §${s.number} "${s.title}" (level ${s.level})`;
  }
  const [mine, theirs] = [paragraphsBySection(tr), paragraphsBySection(source)];
  for (const section of source.sections) {
    const [a, b] = [mine.get(section.number) ?? [], theirs.get(section.number) ?? []];
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      const [p, q] = [a[i], b[i]];
      if (p && q && p.kind === q.kind) continue;
      if (!p || !q) return `section §${section.number} has ${a.length} numbered paragraph${a.length === 1 ? '' : 's'} in the translation and ${b.length} in the source`;
      return `§${section.number} ¶${p.n} is ${blockWord[p.kind]} in the translation (line ${p.at.line}) and ${blockWord[q.kind]} in the source (line ${q.at.line})`;
    }
  }
  return undefined;
}

/**
 * Refuses a review copy in a language the SOP has no translation in, naming the file expected and
 * how to start it (before the check of the pack, which takes seconds).
 */
export function refuseMissingTranslation(project: Project, id: string, lang: string): void {
  if (project.translations[lang]?.sops.some((s) => s.id === id)) return;
  throw new SopkitError('review/no-translation', `${id} has no translation in ${lang}: expected ${translationLayout(lang).sops}/${id}.mdx; start one with \`sopkit new translation ${id} --lang ${lang}\`, or make the review copy of the source without --lang`);
}

/**
 * The SOP whose review copy `sopkit review-copy <id> --lang <lang>` prints, and the project in that
 * language to print it with. Refused, with what to do: no translation in that language; a
 * translation of an older version than the source's (its review copy would be labelled with a
 * version whose text it is not, and French and English comments would cite two texts); a
 * translation whose sections or numbered paragraphs are not the source's (comments from every
 * language go into one register, checked against the source's numbering).
 * @param project The loaded project.
 * @param root Project root (the source's history in git names the sections changed).
 * @param id SOP id (the source exists and is valid).
 * @param lang A translation language of the pack.
 */
export function translationForReview(project: Project, root: string, id: string, lang: string): { view: Project; sop: ValidSop } {
  const source = project.sops.find((s) => s.id === id) as ValidSop;
  const expected = `${translationLayout(lang).sops}/${id}.mdx`;
  refuseMissingTranslation(project, id, lang);
  const tr = translatedSop(project, lang, id);
  if (!tr?.data) throw new SopkitError('review/invalid-sop', `${expected} has errors; run \`sopkit check\` and fix them first`);
  const fresh = freshnessOf(root, source, tr.data.translationOf?.version);
  if (fresh.status === 'outdated' || fresh.status === 'unknown-version') {
    const from = fresh.status === 'outdated' ? fresh.from : fresh.version;
    const changed = fresh.status === 'outdated' && fresh.sections?.length ? ` (sections changed since: ${fresh.sections.map((s) => `§${s.number}`).join(', ')})` : '';
    throw new SopkitError('review/outdated-translation', `${tr.file} translates ${id} ${from}, but the source under consultation is at ${source.data.version}${changed}: its review copy would carry comments on a text that is no longer the draft; bring the translation up to ${source.data.version} (its text and translationOf.version; \`sopkit check\` names the sections) and make the review copy again`);
  }
  const differs = structureDifference(source, tr);
  if (differs) {
    throw new SopkitError('review/translation-structure', `${tr.file} is not numbered as ${source.file}: ${differs}. Comments in every language go into one register, checked against the source's §section ¶paragraph numbers; keep the source's headings and blocks one for one (a paragraph for a paragraph, a list item for a list item) and make the review copy again`);
  }
  const view = projectIn(project, lang);
  return { view, sop: view.sops.find((s) => s.id === id) as ValidSop };
}
