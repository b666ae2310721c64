import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../../src/lib/content/project.ts';
import { componentWords } from '../../../src/lib/content/component-words.ts';
import { sopText } from '../../../src/lib/lifecycle/diff/sop-text.ts';

const project = loadProject(join(import.meta.dirname, '../../..'));

describe('how a comparison reads components', () => {
  const sop = project.sops.find((s) => s.id === 'death-registration')!;
  const read = (words?: Parameters<typeof sopText>[5]) => sopText(sop.id, sop.file, sop.absPath, sop.source, 'participant', words).sections.flatMap((s) => s.blocks).join('\n');

  it('in the words of the page: parameter values, role titles, terms and references, not ids', () => {
    const text = read(componentWords(project, 'en', sop.id));
    expect(text).not.toMatch(/\{param:/);
    expect(text).toContain('within 30 days');
    expect(text).toContain('An unnatural death is reported to the police or coroner');
    // A step's attributes name the role by its title and the time limit by its value.
    const step = text.split('\n').find((b) => b.startsWith('[Step:'));
    expect(step).toBeDefined();
    expect(step).not.toMatch(/\{param:|role [a-z]+-[a-z-]+,/);
    // A callout by its title.
    expect(text).toContain('[The registrar does not change the cause]');
  });

  it('by ids without a project (two files compared outside one)', () => {
    const text = read();
    expect(text).toContain('appeal-period');
    expect(text).toContain('[Callout warning]');
  });
});
