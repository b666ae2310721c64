import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../../src/lib/content/project.ts';
import type { Project } from '../../../src/lib/content/project.ts';
import type { WrittenPdf } from '../../../src/lib/handbook/write.ts';
import { writeSopTranslations } from '../../../src/lib/translation/handbooks.ts';
import { decodeQr } from '../handbook/pdf-tools.ts';

const fixture = join(import.meta.dirname, '../../fixtures/translation/pack');
const root = mkdtempSync(join(tmpdir(), 'translated-pdf-'));
cpSync(join(fixture, 'content'), join(root, 'content'), { recursive: true });
cpSync(join(fixture, 'versions/late-registration-1.0.0.mdx'), join(root, 'content/sops/late-registration.mdx'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Every SOP's translated handbooks, as the build's SOP jobs write them. */
async function writeTranslatedHandbooks(project: Project, o: { outDir: string }): Promise<WrittenPdf[]> {
  const out: WrittenPdf[] = [];
  for (const sop of project.sops) out.push(...(await writeSopTranslations(project, sop.id, { editions: ['participant'], paper: 'a4', outDir: o.outDir })));
  return out;
}

describe('handbooks of translated SOPs', () => {
  it('writes <id>.<lang>.pdf beside the source, in the translation language', async () => {
    const outDir = join(root, 'out');
    const written = await writeTranslatedHandbooks(loadProject(root), { outDir });
    expect(written.map((w) => w.file).sort()).toEqual(['late-registration.ar.pdf', 'late-registration.fr.pdf']);
    expect(existsSync(join(outDir, 'late-registration.pdf'))).toBe(false);
    const text = (lang: string) => execFileSync('pdftotext', [join(outDir, `late-registration.${lang}.pdf`), '-'], { encoding: 'utf8' });
    expect(text('fr')).toContain('Enregistrement tardif');
    // The French glossary's term.
    expect(text('fr')).toContain('déclaration tardive');
    expect(text('ar')).toContain('التسجيل المتأخر');
    // The cover's QR code opens the page in the handbook's language.
    expect(decodeQr(join(outDir, 'late-registration.fr.pdf'), 1, outDir)).toBe('https://fixture.example.org/fr/sops/late-registration/');
    expect(decodeQr(join(outDir, 'late-registration.ar.pdf'), 1, outDir)).toBe('https://fixture.example.org/ar/sops/late-registration/');
    // Up to date: no notice.
    expect(text('fr')).not.toContain('Cette traduction porte sur la version');
  });

  it('a translation behind its source says so before its signatures, as its page does', async () => {
    const behind = mkdtempSync(join(tmpdir(), 'translated-pdf-behind-'));
    try {
      cpSync(join(fixture, 'content'), join(behind, 'content'), { recursive: true });
      cpSync(join(fixture, 'versions/late-registration-1.1.0.mdx'), join(behind, 'content/sops/late-registration.mdx'));
      const outDir = join(behind, 'out');
      await writeTranslatedHandbooks(loadProject(behind), { outDir });
      const page = (lang: string, n: number) => execFileSync('pdftotext', ['-f', String(n), '-l', String(n), join(outDir, `late-registration.${lang}.pdf`), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      // Page 2: the first page after the cover, above the signatures.
      expect(page('fr', 2)).toContain('Cette traduction porte sur la version 1.0.0 ; la source en est à la version 1.1.0.');
      expect(page('ar', 2)).toMatch(/1\.0\.0/);
      expect(page('ar', 2)).toContain('المصدر');
    } finally {
      rmSync(behind, { recursive: true, force: true });
    }
  });
});
