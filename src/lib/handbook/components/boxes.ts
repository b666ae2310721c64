import { t, type UiKey } from '../../../i18n/index.ts';
import type { Block } from '../blocks.ts';
import { run } from '../inline.ts';
import type { PrintRenderer } from './types.ts';

/** `<Callout type title>`: a tinted box with a coloured bar, labelled by its type. */
export const Callout: PrintRenderer = {
  block({ type = 'note', title }, node, ctx) {
    const tone = (['note', 'warning', 'data-protection', 'fraud-risk'] as const).find((k) => k === type) ?? 'note';
    return [{ kind: 'box', tone, label: t(`callout.${tone}` as UiKey, ctx.lang), title: title ? [run(title)] : undefined, children: ctx.blocks(node.children) }];
  },
};

/** `<TrainerNote>`: trainer edition only (components.ts says so; the edition filter applies it). */
export const TrainerNote: PrintRenderer = {
  block({ title }, node, ctx) {
    return [{ kind: 'box', tone: 'trainer', label: t('trainer.note', ctx.lang), title: title ? [run(title)] : undefined, children: ctx.blocks(node.children) }];
  },
};

/** `<CaseStudy title>`: a grey box with the case and its discussion question. */
export const CaseStudy: PrintRenderer = {
  block({ title }, node, ctx) {
    return [{ kind: 'box', tone: 'case', label: t('case.label', ctx.lang), title: title ? [run(title)] : undefined, children: ctx.blocks(node.children) }];
  },
};

function withBoxes(blocks: Block[]): Block[] {
  return blocks.map((b) => (b.kind === 'list' ? { ...b, checkboxes: true, items: b.items.map(withBoxes) } : b));
}

/** `<Checklist title>`: its list printed with tick boxes. */
export const Checklist: PrintRenderer = {
  block({ title }, node, ctx) {
    const body = withBoxes(ctx.blocks(node.children));
    const head: Block[] = title ? [{ kind: 'paragraph', inlines: [run(title, 'bold')], keepWithNext: true }] : [];
    return [...head, ...body];
  },
};
