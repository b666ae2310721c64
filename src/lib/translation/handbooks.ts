import type { Project } from '../content/project.ts';
import type { Edition } from '../handbook/editions.ts';
import { renderSopHandbook } from '../handbook/handbook.ts';
import type { Paper } from '../handbook/theme.ts';
import { handbookFileName, save, type WrittenPdf } from '../handbook/write.ts';
import { projectIn, translatedSop } from './localize.ts';

/**
 * File name of a translated SOP's handbook, beside the source's: `birth-registration.fr.pdf`,
 * `birth-registration-trainer.ar.pdf`.
 */
export function translatedHandbookFileName(id: string, edition: Edition, lang: string): string {
  return handbookFileName(id, edition).replace(/\.pdf$/, `.${lang}.pdf`);
}

/**
 * Writes the handbooks of one SOP's translations, each language in turn (the build's job for that
 * SOP, beside its source's handbooks), with the handbook engine run on the project in that
 * language (its glossary, roles and parameter labels; right to left for Arabic). An SOP without a
 * translation has only the source's PDF, which its pages link to.
 * @param project The loaded project.
 * @param id The SOP's id.
 */
export async function writeSopTranslations(project: Project, id: string, o: { editions: readonly Edition[]; paper: Paper; outDir: string }): Promise<WrittenPdf[]> {
  const out: WrittenPdf[] = [];
  for (const lang of Object.keys(project.translations)) {
    if (translatedSop(project, lang, id)) out.push(...(await writeTranslatedSop(projectIn(project, lang), id, lang, o)));
  }
  return out;
}

/**
 * Writes one translated SOP's handbook in some editions (the build, for each translation, and
 * `sopkit handbook <id> --lang <lang>`).
 * @param view The project in that language (`projectIn`).
 */
export async function writeTranslatedSop(view: Project, id: string, lang: string, o: { editions: readonly Edition[]; paper: Paper; outDir: string }): Promise<WrittenPdf[]> {
  const out: WrittenPdf[] = [];
  for (const edition of o.editions) out.push(save(o.outDir, translatedHandbookFileName(id, edition, lang), await renderSopHandbook(view, id, { edition, paper: o.paper })));
  return out;
}
