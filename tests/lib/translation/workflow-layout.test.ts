// The diagram in the reader's language: laid out from the translated words, cached per machine
// and language, the source language's layout and cache file untouched.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { measureText } from '../../../src/lib/fonts/index.ts';
import { graphIn, layoutIn } from '../../../src/lib/translation/workflow-labels.ts';
import { metrics } from '../../../src/lib/workflow/boxes.ts';
import { forgetLayouts, layoutWorkflow } from '../../../src/lib/workflow/layout.ts';
import { loadWorkflowFile } from '../../../src/lib/workflow/load.ts';
import { renderSvg } from '../../../src/lib/workflow/svg.ts';
import { workflowLabelsSchema } from '../../../src/schemas/translation.ts';

const root = join(import.meta.dirname, '../../fixtures/workflows/project');
const loaded = await loadWorkflowFile(root, join(root, 'workflows/registration.machine.ts'));
const labelsFile = (name: string) => workflowLabelsSchema.parse(YAML.parse(readFileSync(join(import.meta.dirname, '../../fixtures/translation/workflow-labels', name), 'utf8')));
const fr = labelsFile('fr-registration.yaml');
const ar = labelsFile('ar-registration.yaml');
const roles: Record<string, string> = { registrar: 'Officier de l’état civil', 'registration-clerk': 'Agent d’accueil' };
const roleTitle = (r: string) => roles[r];
const cacheDir = mkdtempSync(join(tmpdir(), 'sopkit-layout-lang-'));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));
const files = () => readdirSync(cacheDir).sort();

describe('the diagram laid out in a language', () => {
  it('keeps the source layout and its cache file when a language has no labels file', async () => {
    forgetLayouts();
    const source = await layoutWorkflow(loaded, { root, cacheDir, roleTitle });
    const [sourceFile] = files();
    forgetLayouts();
    const untranslated = await layoutIn(loaded, undefined, 'fr', { root, cacheDir, roleTitle });
    expect(JSON.stringify(untranslated)).toBe(JSON.stringify(source));
    expect(files()).toEqual([sourceFile]);
  });

  it('sizes boxes around the translated titles, with their own cache entry', async () => {
    const before = files();
    const layout = await layoutIn(loaded, fr, 'fr', { root, cacheDir, roleTitle });
    expect(files()).toHaveLength(before.length + 1);
    const reception = layout.nodes.find((n) => n.id === 'reception')!;
    const title = reception.text.filter((t) => t.style === 'bold').map((t) => t.text).join(' ');
    expect(title).toBe(fr.states.reception);
    for (const line of reception.text) {
      expect(line.width).toBeCloseTo(measureText(line.text, line.size, line.style), 1);
      expect(line.x + line.width).toBeLessThanOrEqual(reception.x + reception.width - metrics.padX + 0.5);
    }
    // Event, condition and delay words of the labels file; the fixed words in French.
    const labels = layout.edges.map((e) => e.label);
    expect(labels).toContain('déclaration déposée');
    expect(labels).toContain('[déclarée hors délai]');
    expect(labels).toContain('[sinon]');
    expect(labels).toContain('après délai de correction écoulé');
    expect(labels).not.toContain('[otherwise]');
  });

  it('falls back to the machine’s words key by key', async () => {
    const layout = await layoutIn(loaded, fr, 'fr', { root, cacheDir, roleTitle });
    expect(layout.nodes.find((n) => n.id === 'returned')?.title).toBe('Returned for correction');
    expect(layout.edges.find((e) => e.id === 'registration:record.registered:0')?.label).toBe('record registered');
    expect(graphIn(loaded, fr, 'fr').states.find((s) => s.path === 'closed')?.meta?.title).toBe('Closed: not resubmitted');
  });

  it('lays out again when the labels file changes, and reuses the layout when it does not', async () => {
    const before = files();
    const changed = { ...fr, states: { ...fr.states, routing: 'Orienter le dossier selon la date de la déclaration' } };
    const layout = await layoutIn(loaded, changed, 'fr', { root, cacheDir, roleTitle });
    expect(files()).toHaveLength(before.length + 1);
    expect(layout.nodes.find((n) => n.id === 'routing')?.title).toBe(changed.states.routing);
    await layoutIn(loaded, fr, 'fr', { root, cacheDir, roleTitle });
    expect(files()).toHaveLength(before.length + 1);
  });

  it('writes Arabic lines right to left in the SVG, centred where they were measured; Latin lines as before', async () => {
    const layout = await layoutIn(loaded, ar, 'ar', { root, cacheDir, roleTitle });
    const svg = renderSvg(layout, { title: 't', desc: 'd' }, 'wf-ar');
    const routing = layout.nodes.find((n) => n.id === 'routing')!;
    const line = routing.text[0]!;
    expect(line.text).toBe('توجيه الملف وفق المادة 12');
    expect(svg).toContain(`<text x="${Math.round((line.x + line.width / 2) * 100) / 100}" y="${line.y}" text-anchor="middle" direction="rtl" unicode-bidi="embed"`);
    expect(svg).toMatch(/direction="rtl"[^>]*>قُدِّم البلاغ<\/text>/);
    // A Latin line (the machine's own title, not translated) has no direction of its own.
    expect(svg).toMatch(/<text x="[\d.]+" y="[\d.]+" font-size="15" font-weight="700" fill="#1b1f24" textLength="[\d.]+" lengthAdjust="spacingAndGlyphs">Returned for correction<\/text>/);
  });
});
