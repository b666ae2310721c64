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
