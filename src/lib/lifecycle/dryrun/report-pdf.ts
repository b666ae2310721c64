import { formatNumber, t, tn, type UiKey } from '../../../i18n/index.ts';
import type { Block, Cell } from '../../handbook/blocks.ts';
import { run } from '../../handbook/inline.ts';
import { colors } from '../../handbook/theme.ts';
import { minutesChart } from './chart-pdf.ts';
import { caseTitle, siteName, type DryRunModel } from './model.ts';
import { cell, exampleBanner, factsTable, own, renderDryRunDoc } from './print.ts';
import { casesMissingText, completionText, linesMissingText, limitText, minuteSummary, otherObservations, overText, pct, reportLead, sectionAnchor, sectionTitle } from './report-data.ts';
import type { DryRunStats, Remark } from './stats.ts';
import { localePath } from '../../translation/routes.ts';

const heading = (text: string, anchor: string): Block => ({ kind: 'heading', level: 1, inlines: [run(text)], anchor, toc: true });
const num = (text: string): Cell => cell(text);

function sitesTable(model: DryRunModel, stats: DryRunStats, lang: string): Block {
  return {
    kind: 'table',
    header: [[cell(t('dryrun.site', lang)), cell(t('dryrun.report.casesSeen', lang)), cell(t('dryrun.report.observations', lang)), cell(t('dryrun.report.completion', lang)), cell(t('dryrun.report.over', lang))]],
    rows: stats.sites.map((s) => [cell(own(siteName(model, s.site), lang), 'bold'), num(formatNumber(s.cases, lang)), num(formatNumber(s.n, lang)), num(completionText(s, lang)), num(overText(s, lang))]),
    widths: [2.6, 0.7, 0.9, 1, 1],
    align: ['left', 'right', 'right', 'right', 'right'],
  };
}

function stepsTable(model: DryRunModel, stats: DryRunStats, lang: string): Block {
  const done = (['yes', 'partly', 'no', 'skipped'] as const).map((d) => cell(t(`dryrun.done.${d}` as UiKey, lang)));
  return {
    kind: 'table',
    header: [[cell(t('dryrun.step', lang)), cell('n'), ...done, cell(t('dryrun.report.completion', lang)), cell(t('dryrun.report.minutes', lang)), cell(t('dryrun.report.limitMinutes', lang, { limit: t('dryrun.limit', lang) })), cell(t('dryrun.report.over', lang))]],
    rows: stats.steps.map((s) => [
      { inlines: [run(`${s.step} `, 'bold'), run(sectionTitle(model, s.step))] },
      num(formatNumber(s.n, lang)),
      num(formatNumber(s.done.yes, lang)),
      num(formatNumber(s.done.partly, lang)),
      num(formatNumber(s.done.no, lang)),
      num(formatNumber(s.done.skipped, lang)),
      num(pct(s.completion, lang)),
      num(minuteSummary(s.minutes, lang)),
      num(limitText(s, lang)),
      num(overText(s.minutes, lang)),
    ]),
    // The limit column holds a range of two four-digit limits (4,800–7,200) on one line.
    widths: [1.8, 0.35, 0.6, 0.7, 0.7, 0.8, 0.85, 1.25, 1.05, 0.7],
    align: ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
    size: 7.5,
  };
}

function remarks(model: DryRunModel, title: string, anchor: string, list: readonly Remark[], lang: string, link = false): Block[] {
  const out: Block[] = [heading(title, anchor)];
  if (!list.length) return [...out, { kind: 'paragraph', inlines: [run(t('dryrun.report.none', lang))] }];
  // The SOP's page in the report's language, as the site links it (a French report went to the English page).
  const sopUrl = `${model.siteUrl}${localePath(`/sops/${model.sop.id}/`, lang, model.locales)}`;
  out.push({
    kind: 'table',
    header: [[cell(t('dryrun.step', lang)), cell(t('dryrun.report.remark', lang)), cell(t('dryrun.report.where', lang))]],
    rows: list.map((r) => {
      const a = sectionAnchor(model, r.step);
      const step = link && a ? run(`${r.step} ${sectionTitle(model, r.step)}`, 'bold', { link: { uri: `${sopUrl}#${a}` } }) : run(`${r.step} ${sectionTitle(model, r.step)}`, 'bold');
      // The case's title, and under it the site's name (the record's ids are for the results file).
      return [{ inlines: [step] }, cell(r.text), { inlines: [run(own(caseTitle(model, r.case), lang)), run('\n'), run(own(siteName(model, r.site), lang), 'regular', { color: colors.muted })] }];
    }),
    widths: [1.3, 3, 1.7],
    size: 8.5,
  });
  return out;
}

/** The sheets' "Other observations", site by site (none: no section). */
function otherBlocks(model: DryRunModel, lang: string): Block[] {
  const list = otherObservations(model);
  if (!list.length) return [];
  return [
    heading(t('dryrun.sheet.other', lang), 'report:other'),
    { kind: 'paragraph', inlines: [run(t('dryrun.report.otherLead', lang), 'italic')], size: 9, keepWithNext: true },
    {
      kind: 'table',
      header: [[cell(t('dryrun.site', lang)), cell(t('dryrun.report.remark', lang)), cell(t('dryrun.report.otherCase', lang))]],
      rows: list.map((o) => [{ inlines: [run(own(siteName(model, o.site), lang), 'bold')] }, cell(o.text), cell(o.case ? own(caseTitle(model, o.case), lang) : '–')]),
      widths: [1.3, 3, 1.7],
      size: 8.5,
    },
  ];
}

/** Every block of the report, for the PDF. */
export function reportBlocks(model: DryRunModel, lang: string): Block[] {
  const title = t('dryrun.report.title', lang, { title: own(model.data.title, lang) });
  const head: Block[] = [
    ...(model.organisation ? [{ kind: 'paragraph', inlines: [run(model.organisation.toUpperCase(), 'bold')], size: 9 } as Block] : []),
    { kind: 'heading', level: 1, inlines: [run(title)], anchor: 'report:title', toc: true },
    ...exampleBanner(model, lang),
    factsTable(model, lang),
  ];
  const stats = model.stats;
  if (!stats) return [...head, { kind: 'paragraph', inlines: [run(t('dryrun.report.noResults', lang), 'italic')] }, ...otherBlocks(model, lang)];
  const unfilled = model.results?.unfilled ?? 0;
  const missing = casesMissingText(model, lang, (x) => own(x, lang));
  const linesMissing = linesMissingText(model, lang, (x) => own(x, lang));
  return [
    ...head,
    heading(t('dryrun.report.summary', lang), 'report:summary'),
    { kind: 'paragraph', inlines: [run(reportLead(model, stats, lang))] },
    ...(unfilled ? [{ kind: 'paragraph', inlines: [run(tn('dryrun.report.unfilled', unfilled, lang, { n: formatNumber(unfilled, lang) }), 'italic')], size: 9 } as Block] : []),
    ...(missing ? [{ kind: 'paragraph', inlines: [run(missing, 'bold')] } as Block] : []),
    ...(linesMissing ? [{ kind: 'paragraph', inlines: [run(linesMissing)], size: 9 } as Block] : []),
    heading(t('dryrun.report.bySite', lang), 'report:sites'),
    sitesTable(model, stats, lang),
    heading(t('dryrun.report.steps', lang), 'report:steps'),
    stepsTable(model, stats, lang),
    heading(t('dryrun.report.chart', lang), 'report:chart'),
    { kind: 'paragraph', inlines: [run(t('dryrun.report.chart.lead', lang), 'italic')], size: 9, keepWithNext: true },
    ...minutesChart(model, { noLimit: t('dryrun.report.noLimit', lang), limit: t('dryrun.limit', lang), lang }),
    ...remarks(model, t('dryrun.report.deviations', lang), 'report:deviations', stats.deviations, lang),
    ...remarks(model, t('dryrun.report.issues', lang), 'report:issues', stats.issues, lang),
    ...remarks(model, t('dryrun.report.proposals', lang), 'report:proposals', stats.proposals, lang, true),
    ...otherBlocks(model, lang),
    heading(t('dryrun.report.method', lang), 'report:method'),
    { kind: 'paragraph', inlines: [run(t('dryrun.report.method.text', lang, { day: formatNumber(model.data.workingDay, lang) }))], size: 9 },
  ];
}

/**
 * The dry-run report (`<id>-dry-run-report.pdf`): summary, figures by site and step by step
 * (completion, outcomes, minutes against the time limit), a chart of minutes against the limit,
 * deviations, issues, and the proposed changes linked to their SOP sections on the site.
 * @param model The dry run, with its results.
 */
export async function renderDryRunReport(model: DryRunModel): Promise<Uint8Array> {
  // The report's language is its SOP's: `dryRunIn` gives the model in another language.
  const lang = model.sop.data.language;
  return renderDryRunDoc(model, reportBlocks(model, lang), t('dryrun.report.title', lang, { title: model.data.title }), t('dryrun.report.short', lang), lang);
}
