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
 * Writes the handbook of every translated SOP in every edition, with the handbook engine run on
 * the project in that language (its glossary, roles and parameter labels; right to left for
 * Arabic). An SOP without a translation has only the source's PDF, which its pages link to.
 * @param project The loaded project.
 * @param o Editions, paper and output folder (`handbooks/`).
 */
export async function writeTranslatedHandbooks(project: Project, o: { editions: readonly Edition[]; paper: Paper; outDir: string }): Promise<WrittenPdf[]> {
  const out: WrittenPdf[] = [];
  for (const lang of Object.keys(project.translations)) {
    const view = projectIn(project, lang);
    for (const sop of project.sops) {
      if (!translatedSop(project, lang, sop.id)) continue;
      for (const edition of o.editions) out.push(save(o.outDir, translatedHandbookFileName(sop.id, edition, lang), await renderSopHandbook(view, sop.id, { edition, paper: o.paper })));
    }
  }
  return out;
}
