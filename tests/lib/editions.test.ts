import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/lib/content/project.ts';
import { componentSpecs } from '../../src/lib/content/components.ts';
import { editionOutDir, inEdition, siteEdition } from '../../src/lib/edition.ts';
import { searchDocuments } from '../../src/lib/search/documents.ts';

const project = loadProject(join(import.meta.dirname, '../fixtures/editions'));
const allText = (edition: 'participant' | 'trainer') => searchDocuments(project, edition).map((d) => d.text).join(' ');

describe('site edition', () => {
  it('is the participant edition unless SOPKIT_EDITION says trainer', () => {
    expect(siteEdition({})).toBe('participant');
    expect(siteEdition({ SOPKIT_EDITION: 'Trainer ' })).toBe('participant');
    expect(siteEdition({ SOPKIT_EDITION: 'trainer' })).toBe('trainer');
    expect(editionOutDir('participant')).toBe('dist');
    expect(editionOutDir('trainer')).toBe('dist-trainer');
  });

  it('takes the editions of a component from its spec, so a trainer-only component needs nothing else', () => {
    for (const [name, spec] of Object.entries(componentSpecs)) {
      expect(inEdition(name, 'trainer')).toBe(spec.editions.includes('trainer'));
      expect(inEdition(name, 'participant')).toBe(spec.editions.includes('participant'));
    }
    expect(inEdition('TrainerNote', 'participant')).toBe(false);
    expect(inEdition('div', 'participant')).toBe(true);
  });
});

describe('search index by edition', () => {
  it('leaves trainer notes, also nested ones, out of the participant index', () => {
    expect(allText('participant')).toContain('records each declaration');
    expect(allText('participant')).toContain('Declarations come in person');
    expect(allText('participant')).not.toMatch(/papers a hospital sends|queue management poster/);
  });

  it('indexes them in the trainer edition, and leaves the loaded project unchanged', () => {
    expect(allText('trainer')).toContain('papers a hospital sends');
    expect(allText('trainer')).toContain('queue management poster');
    expect(allText('participant')).not.toContain('papers a hospital sends');
  });
});
