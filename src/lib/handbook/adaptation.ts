import { t } from '../../i18n/index.ts';
import type { Project } from '../content/project.ts';
import { packConcordance, type SopConcordance } from '../legal/pack.ts';
import { countryProfile, printedLang, workingDocumentFile, type ProfileGroup } from '../params/profile.ts';
import { parameterAnchor } from '../params/anchor.ts';
import { translatedLocales } from '../translation/locales.ts';
import { projectIn } from '../translation/localize.ts';
import { localePath } from '../translation/routes.ts';
import type { Block, Cell } from './blocks.ts';
import { layoutContext, renderParts } from './document.ts';
import { run, type Inline } from './inline.ts';
import { layoutBlocks } from './layout.ts';
import { paginate } from './paginate.ts';
import { siteUrl } from './sop-body.ts';
import { stampPage, type StampInfo } from './stamps.ts';
import type { Paper } from './theme.ts';
import { save, type WrittenPdf } from './write.ts';

const cell = (text: string, style: Inline['style'] = 'regular', extra: Partial<Inline> = {}): Cell => ({ inlines: [run(text, style, extra)] });

async function render(project: Project, blocks: Block[], paper: Paper, title: string, lang: string): Promise<Uint8Array> {
  const ctx = layoutContext(paper, lang);
  const pages = paginate(layoutBlocks(blocks, ctx), { portrait: ctx.height, landscape: ctx.landscape.height });
  const stamp: StampInfo = { code: project.site?.title ?? 'SOPKit', title, lang };
  return renderParts([{ pages, numbering: 'decimal', stamp: (w, info) => stampPage(w, info, stamp) }], paper, { title, author: project.site?.organisation ?? '', subject: title, language: lang }, ctx);
}

function head(project: Project, title: string, lead: string): Block[] {
  return [
    { kind: 'paragraph', inlines: [run((project.site?.organisation ?? '').toUpperCase(), 'bold')], size: 9 },
    { kind: 'heading', level: 1, inlines: [run(title)], toc: false },
    { kind: 'paragraph', inlines: [run(lead, 'italic')] },
  ];
}

/** The country profile as blocks: per group, per parameter, its facts and where it is used. */
export function profileBlocks(project: Project, groups: readonly ProfileGroup[], lang: string): Block[] {
  const url = siteUrl(project);
  const blocks = head(project, t('profile.title', lang), t('profile.lead', lang));
  for (const g of groups) {
    blocks.push({ kind: 'heading', level: 1, inlines: [run(g.title)], anchor: `profile:${g.title}`, toc: true });
    for (const e of g.entries) {
      const p = e.parameter;
      const uses: Inline[] = e.uses.length
        ? e.uses.flatMap((u, i): Inline[] => [...(i ? [run('\n')] : []), run(u.label, 'regular', u.path ? { link: { uri: `${url}${u.path}` } } : {})])
        : [run(t('profile.unused', lang), 'italic')];
      blocks.push({
        kind: 'table',
        caption: [run(p.label, 'bold', { link: { uri: `${url}${localePath('/country-profile/', lang, project.locales)}#${parameterAnchor(p.id)}` } })],
        header: [],
        rows: [
          [cell(t('profile.value', lang), 'bold'), { inlines: [run(e.value, 'bold'), ...(e.changed ? [run(` (${t('profile.changed', lang)})`)] : [])] }],
          [cell(t('profile.model', lang), 'bold'), cell(e.model)],
          [cell(t('profile.why', lang), 'bold'), cell(p.model.why)],
          [cell(t('profile.source', lang), 'bold'), cell(p.source)],
          [cell(t('profile.id', lang), 'bold'), { inlines: [run(p.id, 'regular', { code: true })] }],
          [cell(t('profile.usedIn', lang), 'bold'), { inlines: uses }],
        ],
        widths: [1, 3.4],
        size: 9,
        keepTogether: true,
      });
    }
  }
  return blocks;
}

/** The concordance as blocks: per SOP, each step and provision, with two columns to write in. */
export function concordanceBlocks(project: Project, pack: readonly SopConcordance[], lang: string): Block[] {
  const url = siteUrl(project);
  const blocks = head(project, t('concordance.title', lang), t('concordance.lead', lang));
  const write = (): Cell => ({ inlines: [], minHeight: 22 });
  for (const { sop, rows } of pack) {
    blocks.push({ kind: 'heading', level: 1, inlines: [run(`${sop.data.code} ${sop.data.title}`)], anchor: `concordance:${sop.id}`, toc: true });
    blocks.push({
      kind: 'table',
      header: [[cell(t('legal.step', lang)), cell(t('legal.instrument', lang)), cell(t('legal.provision', lang)), cell(t('legal.national', lang)), cell(t('legal.notes', lang))]],
      rows: rows.map((r) => [
        r.step ? cell(`${r.step} ${r.stepTitle}`, 'regular', { link: { uri: `${url}${localePath(`/sops/${sop.id}/`, lang, project.locales)}#${r.anchor}` } }) : cell(t('legal.general', lang), 'italic'),
        cell(r.instrument),
        cell(r.provision),
        write(),
        write(),
      ]),
      widths: [1.3, 1.4, 1.9, 1.6, 1.1],
      size: 8,
    });
  }
  return blocks;
}

/**
 * The two working documents of a country adaptation, beside the handbooks: `country-profile.pdf`
 * (every parameter, its value, model value and why, legal source and uses) and `concordance.pdf`
 * (every step and provision, with columns for the national provision and notes). In a translated
 * locale (`country-profile.<lang>.pdf`, `concordance.<lang>.pdf`) they read as
 * `/<lang>/country-profile/` and `/<lang>/concordance/` do: the profile's translated labels, group
 * names and reasons, each use named and linked as that language's pages name it; the
 * concordance's steps by the translated SOPs' section titles and their legal basis as the
 * translations word it. What is not translated yet keeps the source's words.
 * @param project The loaded project (the source's, not a view).
 * @param o Paper and output folder.
 * @param lang The language: the site's (the source's) when absent.
 */
export async function writeAdaptationPdfs(project: Project, o: { paper: Paper; outDir: string }, lang: string = project.site?.language ?? 'en'): Promise<WrittenPdf[]> {
  const view = projectIn(project, lang);
  const sourceLang = project.locales[0]?.code ?? 'en';
  const profile = profileBlocks(view, await countryProfile(view, lang), lang);
  const concordance = concordanceBlocks(view, await packConcordance(view), lang);
  return [
    save(o.outDir, workingDocumentFile('country-profile', lang, sourceLang), await render(view, profile, o.paper, t('profile.title', lang), lang)),
    save(o.outDir, workingDocumentFile('concordance', lang, sourceLang), await render(view, concordance, o.paper, t('concordance.title', lang), lang)),
  ];
}

/**
 * The working documents in every translated locale of the site that has translations
 * (`country-profile.<lang>.pdf`, `concordance.<lang>.pdf`), as the build prints them.
 */
export async function writeTranslatedAdaptations(project: Project, o: { paper: Paper; outDir: string }): Promise<WrittenPdf[]> {
  const out: WrittenPdf[] = [];
  for (const { code } of translatedLocales(project.site)) if (printedLang(project, code) === code) out.push(...(await writeAdaptationPdfs(project, o, code)));
  return out;
}
