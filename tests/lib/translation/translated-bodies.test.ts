// A translated SOP or module is published as a page and printed as PDFs like its source, so its
// body is checked by the source's rules. Before, the check looked only at a translation's
// language, source, version and headings: code, unknown terms, parameters and components in a
// French module passed clean, and the build then stopped on them or printed them wrong.
// (The rules on a translated SOP: tests/fixtures/check/rules/translation-body.)
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runChecks } from '../../../src/lib/check/index.ts';
import { copyModelPack, tempFolder } from '../../params/project.ts';

const parent = tempFolder('translated-bodies-');
const root = copyModelPack(join(parent, 'pack'));
afterAll(() => rmSync(parent, { recursive: true, force: true }));

describe("a translated module's body", () => {
  it('is checked: an expression, an unknown term and an unknown parameter, each at its line', async () => {
    const file = 'content/fr/modules/legal-identity-foundations.mdx';
    const text = readFileSync(join(root, file), 'utf8');
    const at = text.lastIndexOf('</TrainerNote>');
    const added = 'Le délai est de {30 + 0} jours pour la <Term id="naissance-vivante" />, soit <Param id="delai-naissance" />.\n\n';
    writeFileSync(join(root, file), text.slice(0, at) + added + text.slice(at));
    const line = text.slice(0, at).split('\n').length;
    const { diagnostics } = await runChecks(root, { today: '2026-06-01' });
    const found = diagnostics.filter((d) => d.file === file && d.severity === 'error').map((d) => `${d.line} ${d.code}`);
    expect(found).toEqual([`${line} mdx/expression`, `${line} term/unknown`, `${line} params/unknown`]);
  });
});

describe("a translated module's sessions", () => {
  const copy = copyModelPack(join(parent, 'sessions'));
  const file = 'content/fr/modules/legal-identity-foundations.mdx';
  const text = readFileSync(join(copy, file), 'utf8');
  const lineOf = (needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

  it("must be the source's: a session left out is an error at the first session that no longer matches", async () => {
    // Session 6 (refugees, 45 minutes, a case study) left out of the French module.
    const from = text.indexOf('<Session title="Réfugiés et apatrides"');
    const to = text.indexOf('<Session title="Les obligations au guichet"');
    writeFileSync(join(copy, file), text.slice(0, from) + text.slice(to));
    const { diagnostics } = await runChecks(copy, { today: '2026-06-01' });
    const found = diagnostics.filter((d) => d.code === 'translation/structure').map((d) => `${d.severity} ${d.line} ${d.message}`);
    expect(found).toHaveLength(2);
    expect(found[0]).toMatch(/^error \d+ 7 sessions here, 8 in content\/modules\/legal-identity-foundations\.mdx; keep the source's sessions/);
    expect(found[1]).toMatch(new RegExp(`^error ${lineOf('<Session title="Réfugiés et apatrides"')} session 6 "Les obligations au guichet" does not match the source's session 6 "Refugees and stateless persons": 60 minutes here, 45 in the source; method "role-play" here, "case-study" in the source;`));
  });

  it('names a case study with no simulator case by its title', async () => {
    writeFileSync(join(copy, file), text.replace('<CaseStudy title="Une carte délivrée après le décès" workflow="death-registration" scenario="identity-used-after-death">', '<CaseStudy title="Une carte délivrée après le décès">'));
    const { diagnostics } = await runChecks(copy, { today: '2026-06-01' });
    const found = diagnostics.filter((d) => d.code === 'translation/structure').map((d) => d.message);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('case studies "Une carte délivrée après le décès" here, identity-used-after-death in the source');
    writeFileSync(join(copy, file), text);
  });

  it('names a changed duration, and is quiet for the model translation', async () => {
    writeFileSync(join(copy, file), text.replace('<Session title="Qui fait quoi au sein des services de l\'état civil" duration="45"', '<Session title="Qui fait quoi au sein des services de l\'état civil" duration="30"'));
    const { diagnostics } = await runChecks(copy, { today: '2026-06-01' });
    expect(diagnostics.filter((d) => d.code === 'translation/structure').map((d) => `${d.line} ${d.message.split(';')[0]}`)).toEqual([`${lineOf('<Session title="Qui fait quoi')} session 5 "Qui fait quoi au sein des services de l'état civil" does not match the source's session 5 "Who does what in the registry": 30 minutes here, 45 in the source`]);
    writeFileSync(join(copy, file), text);
    const clean = await runChecks(copy, { today: '2026-06-01' });
    expect(clean.diagnostics.filter((d) => d.code === 'translation/structure')).toEqual([]);
  });
});
