import { colon, minutes, t, type UiKey } from '../../../i18n/index.ts';
import { jobAidBlocks } from '../../training/job-aid-print.ts';
import { trainingAnchors } from '../../training/outline.ts';
import type { Block, Cell } from '../blocks.ts';
import { run } from '../inline.ts';
import { colors } from '../theme.ts';
import type { PrintRenderer } from './types.ts';

// Print renderers of the training-module components (ARCHITECTURE.md, Formats: module). The
// edition filter of the handbook leaves out SpeakerNotes and FacilitatorKey for participants.

const cell = (text: string, style: 'regular' | 'bold' = 'regular'): Cell => ({ inlines: [run(text, style)] });
const method = (m: string | undefined, lang: string) => (m ? t(`method.${m}` as UiKey, lang) : '');

/** `<Session>`: a numbered chapter heading, then its length and method, then its content. */
export const Session: PrintRenderer = {
  block({ title = '', duration = '', method: m, __n = '' }, node, ctx) {
    const n = Number(__n) || undefined;
    const meta = [duration ? minutes(duration, ctx.lang) : '', method(m, ctx.lang)].filter(Boolean).join(' · ');
    return [
      { kind: 'heading', level: 1, number: n ? String(n) : undefined, inlines: [run(title)], anchor: n ? `${ctx.sop.id}#${trainingAnchors.session(n)}` : undefined, toc: true, pageBreakBefore: true },
      { kind: 'paragraph', inlines: [run(meta, 'italic', { color: colors.muted })] },
      ...ctx.blocks(node.children),
    ];
  },
};

/** `<Slide>`: the slide as an outline: its title as a small heading, its points below. */
export const Slide: PrintRenderer = {
  block({ title = '', __n = '' }, node, ctx) {
    return [{ kind: 'heading', level: 3, number: __n ? __n.replace('-', '.') : undefined, inlines: [run(title)], toc: false }, ...ctx.blocks(node.children)];
  },
};

/** `<SpeakerNotes>`: trainer edition only; a green box under its slide. */
export const SpeakerNotes: PrintRenderer = {
  block(_attrs, node, ctx) {
    return [{ kind: 'box', tone: 'trainer', label: t('training.speakerNotes', ctx.lang), children: ctx.blocks(node.children) }];
  },
};

/** `<Activity>`: its facts as a small table, then the instructions, in a box. */
export const Activity: PrintRenderer = {
  block({ title = '', method: m, group, duration, materials, output }, node, ctx) {
    const rows: Cell[][] = [[cell(t('training.activity.method', ctx.lang), 'bold'), cell(method(m, ctx.lang))]];
    if (group) rows.push([cell(t('training.activity.group', ctx.lang), 'bold'), cell(group)]);
    if (duration) rows.push([cell(t('training.activity.duration', ctx.lang), 'bold'), cell(minutes(duration, ctx.lang))]);
    if (materials) rows.push([cell(t('training.activity.materials', ctx.lang), 'bold'), cell(materials)]);
    if (output) rows.push([cell(t('training.activity.output', ctx.lang), 'bold'), cell(output)]);
    const facts: Block = { kind: 'table', header: [], rows, widths: [1, 4], keepTogether: true, size: 8.5 };
    return [{ kind: 'box', tone: 'note', label: t('training.activity', ctx.lang), title: [run(title)], children: [facts, ...ctx.blocks(node.children)] }];
  },
};

/** `<Questions>`: a labelled numbered list inside a case study. */
export const Questions: PrintRenderer = {
  block(_attrs, node, ctx) {
    return [{ kind: 'paragraph', inlines: [run(t('training.questions', ctx.lang), 'bold')], keepWithNext: true }, ...ctx.blocks(node.children)];
  },
};

/** `<FacilitatorKey>`: trainer edition only. */
export const FacilitatorKey: PrintRenderer = {
  block(_attrs, node, ctx) {
    return [{ kind: 'box', tone: 'trainer', label: t('training.facilitatorKey', ctx.lang), children: ctx.blocks(node.children) }];
  },
};

/** `<Handout>`: starts a page, so it can be copied on its own. */
export const Handout: PrintRenderer = {
  block({ id = '', title = '' }, node, ctx) {
    return [
      { kind: 'heading', level: 2, inlines: [run(`${t('training.handout', ctx.lang)}${colon(ctx.lang)} ${title}`)], anchor: `${ctx.sop.id}#${trainingAnchors.handout(id)}`, toc: true, pageBreakBefore: true },
      ...ctx.blocks(node.children),
    ];
  },
};

/** `<JobAid workflow>`: the counter checklist, made from the machine before layout. */
export const JobAid: PrintRenderer = {
  block({ workflow = '' }, _node, ctx) {
    const wf = ctx.workflows.get(workflow);
    if (!wf?.jobAid) return [{ kind: 'paragraph', inlines: [run(t('training.jobAid.missing', ctx.lang, { id: workflow }), 'italic')] }];
    return jobAidBlocks(wf.jobAid, { title: wf.title, lang: ctx.lang, anchor: `${ctx.sop.id}#${trainingAnchors.jobAid(workflow)}`, pageBreakBefore: true });
  },
};
