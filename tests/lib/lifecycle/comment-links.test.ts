// Where a comment in a resolution matrix links: the paragraph of the SOP page when the comment is
// on the version the page shows, the section when the paragraph is not given, nothing otherwise
// (an older version's numbers may no longer match the page).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../../src/lib/content/project.ts';
import { commentTarget } from '../../../src/lib/lifecycle/comment-links.ts';
import type { CommentRecord } from '../../../src/lib/lifecycle/comments.ts';

const project = loadProject(join(import.meta.dirname, '../../..'));
const sop = project.sops.find((s) => s.id === 'birth-registration')!;
const current = sop.data!.version;
const comment = (over: Partial<CommentRecord>): CommentRecord => ({
  file: 'r.csv', row: 2, commenter: '[Ministry]', sop: 'birth-registration', version: current, section: '6.2', paragraph: '1', line: '', type: 'technical', comment: 'x', proposal: '', decision: undefined, response: '', changedIn: '', ...over,
});

describe('commentTarget', () => {
  it('links a comment on the current version to its paragraph, with the anchor the page gives it', () => {
    const p = sop.paragraphs.find((x) => x.section === '6.2' && x.n === 1)!;
    expect(commentTarget(project, comment({ paragraph: '¶1' }))).toEqual({ sop: 'birth-registration', anchor: p.anchor });
    expect(p.anchor).toBe('p-6.2-1');
  });

  it('links to the section when no paragraph is named, or the paragraph does not exist', () => {
    const section = sop.sections.find((s) => s.number === '6.2')!;
    expect(commentTarget(project, comment({ paragraph: '' }))).toEqual({ sop: 'birth-registration', anchor: section.anchor });
    expect(commentTarget(project, comment({ paragraph: '999' }))).toEqual({ sop: 'birth-registration', anchor: section.anchor });
  });

  it('gives no link for an older version, an unknown section or an unknown SOP', () => {
    expect(commentTarget(project, comment({ version: '0.0.1' }))).toBeUndefined();
    expect(commentTarget(project, comment({ section: '42' }))).toBeUndefined();
    expect(commentTarget(project, comment({ sop: 'no-such-sop' }))).toBeUndefined();
  });
});
