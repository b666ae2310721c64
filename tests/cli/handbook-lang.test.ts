// `sopkit handbook <id> --lang fr`: a translation's PDFs from the CLI, as the build names them
// (<id>.fr.pdf, <id>-slides.fr.pdf...). Before, --lang was an unknown option, and a trainer who
// translated a module could print its French workbook and slides only by building the whole site.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repo, runSopkit } from './spawn.ts';
import { contentText, tempDir } from '../lib/handbook/pdf-tools.ts';

const out = mkdtempSync(join(tmpdir(), 'handbook-lang-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('sopkit handbook --lang', () => {
  it("writes a translated module's and SOP's PDFs, in the translation's words", async () => {
    const result = await runSopkit(['handbook', 'legal-identity-foundations', 'birth-registration', '--lang', 'fr', '--out', out, '--root', repo]);
    expect(result.stderr).toMatch(/^5 PDFs, \d+ pages in /);
    expect(result.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      'birth-registration.fr.pdf',
      'legal-identity-foundations-handouts.fr.pdf',
      'legal-identity-foundations-job-aid-birth-registration.fr.pdf',
      'legal-identity-foundations-slides.fr.pdf',
      'legal-identity-foundations.fr.pdf',
    ]);
    const workbook = execFileSync('pdftotext', [join(out, 'legal-identity-foundations.fr.pdf'), '-'], { encoding: 'utf8' });
    expect(workbook).toContain("Pourquoi l'identité juridique est importante");
    expect(workbook).not.toContain('Why legal identity matters');
    // Links to SOPs outside the PDF go to the site's French pages, as the French pages' own links
    // do: they went to the English ones (https://…/sops/death-registration/).
    const uris = [...new Set([...contentText(join(out, 'birth-registration.fr.pdf'), tempDir()).matchAll(/\/URI \(([^)]*)\)/g)].map((m) => m[1]!))];
    const others = uris.filter((u) => /\/sops\/(?!birth-registration\/)/.test(u));
    expect(others.length).toBeGreaterThan(0);
    expect(others.filter((u) => !/\/fr\/sops\//.test(u))).toEqual([]);
  });

  it('refuses a language the site does not publish, and an id with no translation in it', async () => {
    const foreign = await runSopkit(['handbook', 'birth-registration', '--lang', 'de', '--out', out, '--root', repo]);
    expect(foreign.stderr.trim()).toBe("sopkit handbook: --lang de: not a language of the site; content/site.yaml's locales: en, fr, ar");
    expect(foreign.status).toBe(1);
    // Certified copies has no French translation (death registration, the example before, has one now).
    const none = await runSopkit(['handbook', 'certified-copies', '--lang', 'fr', '--out', out, '--root', repo]);
    expect(none.stderr.trim()).toBe('sopkit handbook: certified-copies: no translation in fr (content/fr/sops/certified-copies.mdx, with frontmatter and a body that reads); the source prints without --lang');
    expect(none.status).toBe(1);
  });
});
