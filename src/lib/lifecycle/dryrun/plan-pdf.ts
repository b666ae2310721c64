import { formatDate, t, type UiKey } from '../../../i18n/index.ts';
import type { Block } from '../../handbook/blocks.ts';
import { run } from '../../handbook/inline.ts';
import { dryRunFileNames, siteName, type DryRunModel } from './model.ts';
import { cell, codeLabel, exampleBanner, factsTable, own, renderDryRunDoc, stepAction } from './print.ts';

const heading = (text: string, anchor: string): Block => ({ kind: 'heading', level: 1, inlines: [run(text)], anchor, toc: true });
const list = (items: string[]): Block => ({ kind: 'list', ordered: false, items: items.map((text) => [{ kind: 'paragraph', inlines: [run(text)], spaceBefore: 0 }]) });
const numbered = (items: string[]): Block => ({ kind: 'list', ordered: true, items: items.map((text) => [{ kind: 'paragraph', inlines: [run(text)], spaceBefore: 0 }]) });

/** Who plays each role: the record's `roles`, else every role the cases need, to be named. */
function rolesTable(model: DryRunModel, lang: string): Block {
  const named = model.data.roles.map((r) => [cell(model.roleTitle(r.role), 'bold'), cell(r.who)]);
  const needed = [...new Set(model.cases.flatMap((c) => c.steps.map((s) => s.role ?? '')))].filter((r) => r && !model.data.roles.some((x) => x.role === r));
  const rows = [...named, ...needed.map((r) => [cell(model.roleTitle(r), 'bold'), cell(t('dryrun.toBeNamed', lang))])];
  return { kind: 'table', header: [[cell(t('dryrun.role', lang)), cell(t('dryrun.who', lang))]], rows, widths: [1.2, 3] };
}

function casesBlocks(model: DryRunModel, lang: string): Block[] {
  const out: Block[] = [heading(t('dryrun.cases', lang), 'plan:cases'), { kind: 'paragraph', inlines: [run(t('dryrun.cases.lead', lang))] }];
  model.cases.forEach((c, i) => {
    out.push({ kind: 'heading', level: 2, inlines: [run(t('dryrun.case', lang, { n: i + 1, title: own(c.title, lang) }))], anchor: `plan:case:${c.id}`, toc: true });
    out.push({ kind: 'paragraph', inlines: [run(`${codeLabel(c.id, lang)} · `, 'bold'), run(c.description, 'italic')], size: 9.5, keepWithNext: true });
    out.push({
      kind: 'table',
      header: [[cell(t('dryrun.step', lang)), cell(t('dryrun.who', lang)), cell(t('dryrun.action', lang)), cell(t('dryrun.limit', lang))]],
      rows: c.steps.map((s) => [cell(s.step, 'bold'), cell(model.roleTitle(s.role)), { inlines: stepAction(s, lang) }, cell(s.sla ?? '–')]),
      widths: [0.5, 1.3, 3, 1.5],
      size: 8.5,
    });
    out.push({ kind: 'paragraph', inlines: [run(t('dryrun.outcome', lang, { outcome: c.outcome }), 'italic')], size: 9 });
  });
  return out;
}

/**
 * The test plan of a dry run (`<id>-test-plan.pdf`): what is tried out and why, where and when,
 * who plays each role, the observers, every case with its steps, what observers do, how results
 * are recorded, and the debrief agenda.
 * @param model The dry run.
 */
export async function renderTestPlan(model: DryRunModel): Promise<Uint8Array> {
  const lang = model.sop.data.language;
  const d = model.data;
  const title = t('dryrun.plan.title', lang, { title: d.title });
  const observers = d.observers.map((o) => [cell(o.name), cell(o.organisation ?? ''), cell(o.site ? own(siteName(model, o.site), lang) : t('dryrun.allSites', lang))]);
  const agenda = d.debrief?.agenda ?? [1, 2, 3, 4, 5, 6].map((n) => t(`dryrun.debrief.${n}` as UiKey, lang));
  // The date as the facts table writes the dry run's dates ("5 février 2025"), not in ISO form.
  const when = [d.debrief?.date && formatDate(d.debrief.date, lang), d.debrief?.place && own(d.debrief.place, lang)].filter((w): w is string => !!w).join(t('list.separator', lang));
  const blocks: Block[] = [
    ...(model.organisation ? [{ kind: 'paragraph', inlines: [run(model.organisation.toUpperCase(), 'bold')], size: 9 } as Block] : []),
    { kind: 'heading', level: 1, inlines: [run(t('dryrun.plan.title', lang, { title: own(d.title, lang) }))], anchor: 'plan:title', toc: true },
    ...exampleBanner(model, lang),
    factsTable(model, lang),
    heading(t('dryrun.objectives', lang), 'plan:objectives'),
    list(d.objectives),
    heading(t('dryrun.sites', lang), 'plan:sites'),
    { kind: 'table', header: [[cell(t('dryrun.site', lang)), cell(t('dryrun.siteType', lang)), cell(t('dryrun.code', lang))]], rows: d.sites.map((s) => [cell(s.name, 'bold'), cell(s.type), cell(s.id)]), widths: [2.4, 2, 1.2] },
    heading(t('dryrun.roles', lang), 'plan:roles'),
    rolesTable(model, lang),
    ...(observers.length ? [heading(t('dryrun.observers', lang), 'plan:observers'), { kind: 'table', header: [[cell(t('dryrun.observer', lang)), cell(t('dryrun.organisation', lang)), cell(t('dryrun.site', lang))]], rows: observers, widths: [2, 2, 1.6] } as Block] : []),
    heading(t('dryrun.observe', lang), 'plan:observe'),
    numbered([1, 2, 3, 4, 5, 6].map((n) => t(`dryrun.observe.${n}` as UiKey, lang))),
    heading(t('dryrun.recording', lang), 'plan:recording'),
    // Before the dry run has a results file, both templates: the .xlsx keeps 6.10 as typed where a spreadsheet reads the CSV's as 6.1.
    { kind: 'paragraph', inlines: [run(t('dryrun.recording.text', lang, { file: d.results ?? `${dryRunFileNames(model.id).template}${t('list.or', lang)}${dryRunFileNames(model.id).templateXlsx}` }))] },
    heading(t('dryrun.debrief', lang), 'plan:debrief'),
    ...(when ? [{ kind: 'paragraph', inlines: [run(t('dryrun.debrief.when', lang, { when }), 'bold')] } as Block] : []),
    numbered(agenda),
    ...casesBlocks(model, lang),
  ];
  return renderDryRunDoc(model, blocks, title, t('dryrun.plan.short', lang), lang);
}
