import { t } from '../../../i18n/index.ts';
import type { SopDiff } from './compare.ts';
import type { FieldChange } from './frontmatter.ts';
import type { SectionChange, SectionRef } from './sections.ts';
import type { BlockChange, TextPart } from './text-diff.ts';
import type { WorkflowChange } from './workflow.ts';

/** How to mark insertions and deletions: ANSI colours with strike/underline on a terminal, `[-x-]{+y+}` otherwise. */
export interface Marks {
  del(text: string): string;
  ins(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

/** `[-deleted-]{+inserted+}`, as wdiff and `git diff --word-diff` write them: readable without colour. */
export const plainMarks: Marks = { del: (t) => `[-${t}-]`, ins: (t) => `{+${t}+}`, dim: (t) => t, bold: (t) => t };

/** Red struck-through deletions and blue underlined insertions (never colour alone). */
export const ansiMarks: Marks = {
  del: (t) => `\x1b[31;9m${t}\x1b[0m`,
  ins: (t) => `\x1b[34;4m${t}\x1b[0m`,
  dim: (t) => `\x1b[2m${t}\x1b[0m`,
  bold: (t) => `\x1b[1m${t}\x1b[0m`,
};

/** Words of unchanged text kept on each side of a change in the terminal. */
const CONTEXT_WORDS = 8;

function trimSame(text: string, first: boolean, last: boolean): string {
  const words = text.split(/(\s+)/);
  const n = CONTEXT_WORDS * 2;
  if (words.length <= 2 * n + 1) return text;
  if (first) return `… ${words.slice(-n).join('')}`;
  if (last) return `${words.slice(0, n).join('')} …`;
  return `${words.slice(0, n).join('')} … ${words.slice(-n).join('')}`;
}

/** A block's words with the changes marked and long unchanged stretches shortened. */
export function markParts(parts: readonly TextPart[], m: Marks): string {
  return parts
    .map((p, i) => (p.kind === 'del' ? m.del(p.text) : p.kind === 'ins' ? m.ins(p.text) : trimSame(p.text, i === 0, i === parts.length - 1)))
    .join('');
}

const name = (s?: SectionRef) => (s ? `${s.number} ${s.title}` : '');

function sectionHead(s: SectionChange, m: Marks): string {
  switch (s.status) {
    case 'added':
      return `+ ${m.ins(name(s.to))} (added)`;
    case 'removed':
      return `- ${m.del(name(s.from))} (removed)`;
    case 'moved':
      return `> ${name(s.to)} (moved from ${s.from?.number}${s.title ? `, was "${s.from?.title}"` : ''})`;
    default:
      return `~ ${name(s.to)}${s.title ? ` (retitled, was "${s.from?.title}")` : ''}`;
  }
}

function blockLine(b: BlockChange, m: Marks): string {
  const text = markParts(b.parts, m);
  return b.kind === 'added' ? `+ ${text}` : b.kind === 'removed' ? `- ${text}` : `~ ${text}`;
}

function fieldLine(f: FieldChange, m: Marks): string {
  if (f.kind === 'added') return `${f.field}: + ${m.ins(f.to ?? '')}`;
  if (f.kind === 'removed') return `${f.field}: - ${m.del(f.from ?? '')}`;
  return `${f.field}: ${m.del(f.from ?? '')} → ${m.ins(f.to ?? '')}`;
}

/**
 * One workflow change in words: `transition removed: 4.2 Check the documents: documents returned »
 * 4.2 Returned for correction`, `time limit changed: 4.1 Receive the declaration: same day → 2 hours`.
 */
export function workflowLine(c: WorkflowChange): string {
  const what = c.what === 'time-limit' ? 'time limit' : c.what;
  const subject = c.field ? `${c.subject} (${c.field})` : c.subject;
  if (c.kind === 'changed') return `${what} changed: ${subject}: ${c.from ?? ''} → ${c.to ?? ''}`;
  return `${what} ${c.kind}: ${subject}${c.from ?? c.to ? ` (${c.from ?? c.to})` : ''}`;
}

/**
 * The section counts in one line, `Sections: 2 changed, 1 moved, 1 added, 0 removed, 20 unchanged.`:
 * the words of the redline PDF and the changes page (`diff.summary`), so the terminal does not say
 * "modified" where they say "changed". In English, as the rest of the terminal text.
 */
export function countsLine(diff: SopDiff): string {
  return t('diff.summary', 'en', { ...diff.counts });
}

/**
 * The comparison as terminal text: frontmatter, then each section that changed with its changed
 * paragraphs (words marked), then the workflow.
 * @param diff The comparison.
 * @param m How to mark changes (`ansiMarks` on a terminal, `plainMarks` otherwise).
 */
export function diffText(diff: SopDiff, m: Marks = plainMarks): string {
  const out: string[] = [m.bold(`${diff.code ? `${diff.code} ` : ''}${diff.title ?? diff.sop}: ${diff.from.label} → ${diff.to.label}`)];
  out.push('', m.bold('Frontmatter'));
  if (diff.frontmatterNote) out.push(`  ${diff.frontmatterNote}`);
  else if (!diff.frontmatter.length) out.push(m.dim('  no change'));
  for (const f of diff.frontmatter) out.push(`  ${fieldLine(f, m)}`);
  out.push('', m.bold(countsLine(diff)));
  for (const s of diff.sections) {
    if (s.status === 'unchanged') continue;
    out.push(`  ${sectionHead(s, m)}`);
    const shown = s.status === 'added' || s.status === 'removed' ? s.blocks.slice(0, 3) : s.blocks.filter((b) => b.kind !== 'same');
    for (const b of shown) out.push(`      ${blockLine(b, m)}`);
    if (shown.length < s.blocks.length && (s.status === 'added' || s.status === 'removed')) out.push(m.dim(`      … ${s.blocks.length - shown.length} more paragraphs`));
  }
  out.push('', m.bold('Workflow'));
  if (diff.workflow.note) out.push(`  ${diff.workflow.note}`);
  else if (diff.workflow.compared && !diff.workflow.changes.length) out.push(m.dim('  no change'));
  else if (!diff.workflow.compared) out.push(m.dim('  this SOP has no workflow'));
  for (const c of diff.workflow.changes) out.push(`  ${workflowLine(c)}`);
  return out.join('\n');
}
