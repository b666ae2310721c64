import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkFormWords, formWordFaults } from '../../../src/lib/check/form-word.ts';
import { loadProject } from '../../../src/lib/content/project.ts';
import { copyModelPack, repo, replaceIn, tempFolder } from '../../params/project.ts';

const parent = tempFolder('form-word-check-');
afterAll(() => rmSync(parent, { recursive: true, force: true }));

const found = (text: string, lang: string) => formWordFaults(text, lang).map((f) => `${f.line}:${f.column} ${f.word} ${f.id}`);

describe("the word for a form typed before a <Form> that prints it (formWordFaults)", () => {
  it('finds the word of the text\'s language in any case, Arabic with or without its article', () => {
    expect(found('Start form <Form id="RP-01" /> and tick.', 'en')).toEqual(['1:7 form RP-01']);
    expect(found('x\nGive Form <Form id="NI-01"/>', 'en')).toEqual(['2:6 Form NI-01']);
    expect(found('remplit le formulaire\u00a0<Form id="BR-01" />', 'fr')).toEqual(['1:12 formulaire BR-01']);
    const arabic = 'املأ الاستمارة <Form id="BR-02" /> ثم استمارة <Form id="BR-03" />';
    expect(found(arabic, 'ar')).toEqual(['1:6 الاستمارة BR-02', `1:${arabic.indexOf(' استمارة') + 2} استمارة BR-03`]);
  });

  it('is quiet after other words, inside a longer word, in another language\'s text, and in code', () => {
    expect(found('complete <Form id="AG-04" />; the notice of appeal <Form id="AG-01" />; reform <Form id="X" />', 'en')).toEqual([]);
    expect(found('complete form <Form id="AG-04" />', 'fr')).toEqual([]);
    expect(found('write `form <Form id="A" />`\n```\nform <Form id="B" />\n```\nform <Form id="C" />', 'en')).toEqual(['5:1 form C']);
  });
});

describe('sopkit check: content/form-word', () => {
  it('is quiet on the model pack', () => {
    expect(checkFormWords({ project: loadProject(repo), today: '2026-06-01' })).toEqual([]);
  });

  it('warns in an English SOP and a French translation, at the word, saying what <Form> prints', () => {
    const root = copyModelPack(join(parent, 'doubled'));
    const en = replaceIn(root, 'content/sops/document-replacement.mdx', 'Start <Form id="RP-01" />', 'Start form <Form id="RP-01" />');
    const fr = replaceIn(root, 'content/fr/sops/birth-registration.mdx', 'remplit le <Form id="BR-01" />', 'remplit le formulaire <Form id="BR-01" />');
    const warnings = checkFormWords({ project: loadProject(root), today: '2026-06-01' });
    expect(warnings.map((d) => `${d.file}:${d.line} ${d.severity} ${d.code}`).sort()).toEqual([
      `content/fr/sops/birth-registration.mdx:${fr} warning content/form-word`,
      `content/sops/document-replacement.mdx:${en} warning content/form-word`,
    ]);
    expect(warnings.find((d) => d.file.startsWith('content/fr'))!.message).toBe(
      '"formulaire <Form id="BR-01" />" prints the word twice: <Form> writes "Formulaire BR-01" and the form\'s title itself. Leave out "formulaire" before it',
    );
  }, 300_000);
});
