import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { layout, listFiles, relPath } from '../content/project.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { fileCommits, readAtCommits } from '../lifecycle/diff/git.ts';
import type { CheckContext } from './context.ts';
import { escapeRegExp } from '../escape-regexp.ts';

/** How far back the titles of `roles.yaml` are read: a rename is mended soon after. */
const HISTORY = 30;

/** An earlier title of a role, from the newest commit that still had it. */
interface OldTitle {
  id: string;
  title: string;
  now: string;
  commit: string;
  date: string;
}

/** The titles each role had in the git history of `roles.yaml` and has no longer; none without git. */
function oldTitles(root: string, current: ReadonlyMap<string, string>): OldTitle[] {
  let commits;
  let texts: (string | undefined)[];
  try {
    commits = fileCommits(root, layout.roles).slice(0, HISTORY);
    texts = readAtCommits(root, commits.map((c) => `${c.commit}:./${layout.roles}`));
  } catch {
    return [];
  }
  const out = new Map<string, OldTitle>();
  commits.forEach((c, i) => {
    let data: unknown;
    try {
      data = parse(texts[i] ?? '');
    } catch {
      return;
    }
    for (const entry of Array.isArray(data) ? data : []) {
      const { id, title } = (entry ?? {}) as { id?: unknown; title?: unknown };
      if (typeof id !== 'string' || typeof title !== 'string') continue;
      const now = current.get(id);
      const key = `${id}\0${title}`;
      // Newest commit first: the first seen is the last that had the title.
      if (now !== undefined && title.trim() !== now.trim() && title.trim().length >= 4 && !out.has(key)) out.set(key, { id, title: title.trim(), now, commit: c.commit, date: c.date });
    }
  });
  return [...out.values()];
}

/**
 * A role's title written out in a source after `roles.yaml` renamed the role: a country that
 * calls its Registrar General "Chief Registrar" got the new title wherever `<Role>` prints it, and
 * the old one in step titles, diagrams and sentences that wrote it out ("Registrar General
 * decides the appeal"), side by side in the same table. The old titles come from the git history
 * of `roles.yaml`; an occurrence inside a current title ("Registrar" in "Registrar General") is not
 * one. One warning per file and old title, at the first, with the lines.
 */
export function checkOldRoleTitles(ctx: CheckContext): Diagnostic[] {
  const { project } = ctx;
  const current = new Map(project.roles.map((r) => [r.id, r.title]));
  const old = oldTitles(project.root, current);
  if (!old.length) return [];
  const titlesNow = [...current.values()];
  const files = [
    ...project.sops.map((s) => ({ file: s.file, text: s.source })),
    ...project.modules.map((m) => ({ file: m.file, text: m.source })),
    ...[layout.workflows, layout.quizzes].flatMap((dir) =>
      listFiles(join(project.root, dir), dir === layout.quizzes ? '.yaml' : '.ts').map((abs) => ({ file: relPath(project.root, abs), text: readFileSync(abs, 'utf8') })),
    ),
  ];
  const out: Diagnostic[] = [];
  for (const { file, text } of files) {
    // Where the current titles are written, so that a shorter old title inside one is not counted.
    const covered: [number, number][] = titlesNow.flatMap((t) => [...text.matchAll(new RegExp(`\\b${escapeRegExp(t)}\\b`, 'g'))].map((m) => [m.index, m.index + t.length] as [number, number]));
    for (const o of old) {
      const at = [...text.matchAll(new RegExp(`\\b${escapeRegExp(o.title)}\\b`, 'g'))].map((m) => m.index).filter((i) => !covered.some(([a, b]) => i >= a && i + o.title.length <= b));
      if (!at.length) continue;
      const lineOf = (i: number) => text.slice(0, i).split('\n').length;
      const lines = [...new Set(at.map(lineOf))];
      const first = at[0]!;
      const column = first - text.lastIndexOf('\n', first - 1);
      const where = file.endsWith('.mdx') ? `<Role id="${o.id}" /> (it prints the title) or "${o.now}"` : `"${o.now}"`;
      out.push(diagnostic('warning', 'role/old-title', file, `"${o.title}" was the title of role ${o.id} until ${layout.roles} renamed it "${o.now}" (after commit ${o.commit.slice(0, 7)}, ${o.date}); this file still writes it (line${lines.length === 1 ? '' : 's'} ${lines.slice(0, 12).join(', ')}${lines.length > 12 ? ', ...' : ''}): write ${where}`, { line: lineOf(first), column }));
    }
  }
  return out;
}
