import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { arabicCaseFaults, checkArabicCases } from '../../../src/lib/check/arabic-cases.ts';
import { runChecks } from '../../../src/lib/check/index.ts';
import { loadProject } from '../../../src/lib/content/project.ts';
import { copyModelPack, repo, tempFolder, replaceIn } from '../../params/project.ts';

const parent = tempFolder('arabic-case-check-');
afterAll(() => rmSync(parent, { recursive: true, force: true }));

const ctx = (root: string) => ({ project: loadProject(root), today: '2026-06-01' });
const found = (text: string, kind: 'mdx' | 'yaml' = 'yaml') => arabicCaseFaults(text, kind).map((f) => `${f.line}:${f.column} ${f.word} ${f.id}`);

describe('a value after خلال, بعد, كل or a preposition taking the genitive, with no case (arabicCaseFaults)', () => {
  it('finds <Param> and {param:id} right after the word, with و, ف or ل before it, marks on it, or a no-break space after it', () => {
    expect(found('خلال <Param id="a" /> من الولادة')).toEqual(['1:6 خلال a']);
    const second = 'وبعد {param:c}، فخلال <Param id="d"/> ولكل {param:e}';
    const column = (ref: string) => second.indexOf(ref) + 1;
    expect(found(`مهلة تنتهي بعد {param:b} من الولادة\n${second}`)).toEqual(['1:16 بعد b', '2:6 وبعد c', `2:${column('<Param')} فخلال d`, `2:${column('{param:e}')} ولكل e`]);
    expect(found('كلَّ {param:f}')).toEqual(['1:6 كل f']);
    expect(found('خلال\u00a0{param:g}')).toEqual(['1:6 خلال g']);
  });

  it('finds a value after a preposition or adverb that takes the genitive: من, منذ, حتى, مع, عن, على, إلى, في, قبل, دون', () => {
    // "حتى {param:x}" with x = 2 printed "حتى محاولتان", where Arabic writes "حتى محاولتين".
    const text = 'أكثر من {param:a} ومنذ {param:b} حتى <Param id="c" /> مع {param:d} عن {param:e} قبل {param:f} ودون {param:g}';
    expect(found(text).map((f) => f.split(' ').slice(1).join(' '))).toEqual(['من a', 'ومنذ b', 'حتى c', 'مع d', 'عن e', 'قبل f', 'ودون g']);
    expect(found('على {param:a} وإلى {param:b} في <Param id="c" />').map((f) => f.split(' ').slice(1).join(' '))).toEqual(['على a', 'وإلى b', 'في c']);
    // Not inside another word (ضمن, معدل, عنوان), nor with a case written.
    expect(found('ضمن {param:a} معدل {param:b} عنوان {param:c} من {param:d|genitive} حتى <Param id="e" case="genitive" />')).toEqual([]);
  });

  it('is quiet where a case is written, after other words, inside another word, and in code and comments', () => {
    expect(found('خلال <Param id="a" case="genitive" /> وبعد {param:b|genitive} وكل {param:c|nominative}')).toEqual([]);
    expect(found('مهلة قدرها <Param id="a" /> وهي {param:b} والبالغة {param:c}')).toEqual([]);
    expect(found('تخلال {param:a} مابعد {param:b}')).toEqual([]);
    expect(found('# خلال {param:a}')).toEqual([]);
    expect(found('اكتب `خلال <Param id="a" />` هكذا\n```\nخلال <Param id="b" />\n```\nخلال <Param id="c" />', 'mdx')).toEqual(['5:6 خلال c']);
  });
});

describe('sopkit check: an Arabic value after خلال, بعد or كل with no case', () => {
  it('warns in the SOP, its step attributes, the glossary, the quiz and the workflow words, at the reference, saying what to write', async () => {
    const root = copyModelPack(join(parent, 'uncased'));
    const edit = (file: string, from: string, to: string) => replaceIn(root, file, from, to);
    const sop = 'content/ar/sops/birth-registration.mdx';
    const component = edit(sop, 'خلال <Param id="birth-notification-period" case="genitive" />', 'خلال <Param id="birth-notification-period" />');
    const attribute = edit(sop, 'خلال {param:birth-notification-period|genitive}', 'خلال {param:birth-notification-period}');
    const glossary = edit('content/ar/glossary.yaml', 'وبعد {param:death-grace-period|genitive}', 'وبعد {param:death-grace-period}');
    const quiz = edit('quizzes/ar/birth-registration.yaml', 'بعد {param:resubmission-period|genitive}', 'بعد {param:resubmission-period}');
    const workflow = edit('workflows/ar/birth-registration.yaml', 'خلال {param:birth-notification-period|genitive}', 'خلال {param:birth-notification-period}');
    const warnings = checkArabicCases(ctx(root));
    expect(warnings.map((d) => `${d.file}:${d.line} ${d.severity} ${d.code}`)).toEqual([
      `${sop}:${component} warning params/case`,
      `${sop}:${attribute} warning params/case`,
      `content/ar/glossary.yaml:${glossary} warning params/case`,
      `workflows/ar/birth-registration.yaml:${workflow} warning params/case`,
      `quizzes/ar/birth-registration.yaml:${quiz} warning params/case`,
    ]);
    expect(warnings[0]!.message).toBe(
      '<Param id="birth-notification-period" /> after "خلال" names no case, so it prints the nominative (خلال يومان, كل سنتان): the value is genitive there, write <Param id="birth-notification-period" case="genitive" />; if the sentence gives it another case, write that case',
    );
    expect(warnings[1]!.message).toMatch(/^\{param:birth-notification-period\} after "خلال" names no case, .* write \{param:birth-notification-period\|genitive\};/);
    expect(warnings[2]!.message).toMatch(/^\{param:death-grace-period\} after "وبعد" names no case/);
    const { diagnostics } = await runChecks(root, { today: '2026-06-01' });
    expect(diagnostics.filter((d) => d.code === 'params/case')).toHaveLength(5);
  }, 300_000);

  it('finds nothing in the model pack, which marks every such case', () => {
    expect(checkArabicCases(ctx(repo))).toEqual([]);
  });
});
