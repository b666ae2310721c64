// The sentences around a count that prints its own noun (ARCHITECTURE.md, Formats: parameters)
// read right whatever number a country sets: the repeat-copy alert, the replacement limit, the
// verification retries, the audit's returns of corrections and the requests for evidence, set to
// 1 and to 11, in the SOPs, the modules (trainer's edition), the quizzes and the simulator's help;
// and their nouns in French and Arabic take the form each count asks for.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadQuizzes } from '../../../src/lib/assessment/quiz-load.ts';
import { loadProject, type Project } from '../../../src/lib/content/project.ts';
import { toBlocks } from '../../../src/lib/handbook/from-mdast.ts';
import { printContext, sopBodyBlocks } from '../../../src/lib/handbook/sop-body.ts';
import { formatParameter } from '../../../src/lib/params/format.ts';
import { runtimePayloadFor } from '../../../src/lib/params/payload.ts';
import { countryProfile } from '../../../src/lib/params/profile.ts';
import { moduleAsDoc } from '../../../src/lib/training/module-prints.ts';
import { projectIn } from '../../../src/lib/translation/localize.ts';
import { loadWorkflowFile } from '../../../src/lib/workflow/load.ts';
import { copyModelPack, setParameter, tempFolder, textOf } from '../../params/project.ts';

const parent = tempFolder('count-sentences-');
afterAll(() => rmSync(parent, { recursive: true, force: true }));

const ids = ['copy-repeat-alert', 'replacement-limit', 'verification-retries', 'audit-correction-returns', 'correction-evidence-requests'] as const;
type Id = (typeof ids)[number];

// What a reader reads for each count, in each language: the noun in the form the count takes
// (Arabic says one and two by the noun alone, 3–10 take the plural, 11–99 the accusative
// singular, 100 and over the genitive singular).
const reads: Record<string, Record<number, Record<Id, string>>> = {
  en: {
    1: { 'copy-repeat-alert': '1 document', 'replacement-limit': '1 previous replacement', 'verification-retries': '1 retry', 'audit-correction-returns': '1 return', 'correction-evidence-requests': '1 request for evidence' },
    2: { 'copy-repeat-alert': '2 documents', 'replacement-limit': '2 previous replacements', 'verification-retries': '2 retries', 'audit-correction-returns': '2 returns', 'correction-evidence-requests': '2 requests for evidence' },
    3: { 'copy-repeat-alert': '3 documents', 'replacement-limit': '3 previous replacements', 'verification-retries': '3 retries', 'audit-correction-returns': '3 returns', 'correction-evidence-requests': '3 requests for evidence' },
    11: { 'copy-repeat-alert': '11 documents', 'replacement-limit': '11 previous replacements', 'verification-retries': '11 retries', 'audit-correction-returns': '11 returns', 'correction-evidence-requests': '11 requests for evidence' },
    100: { 'copy-repeat-alert': '100 documents', 'replacement-limit': '100 previous replacements', 'verification-retries': '100 retries', 'audit-correction-returns': '100 returns', 'correction-evidence-requests': '100 requests for evidence' },
  },
  fr: {
    1: { 'copy-repeat-alert': '1 document', 'replacement-limit': '1 remplacement antérieur', 'verification-retries': '1 nouvelle tentative', 'audit-correction-returns': '1 renvoi', 'correction-evidence-requests': '1 demande de justificatifs' },
    2: { 'copy-repeat-alert': '2 documents', 'replacement-limit': '2 remplacements antérieurs', 'verification-retries': '2 nouvelles tentatives', 'audit-correction-returns': '2 renvois', 'correction-evidence-requests': '2 demandes de justificatifs' },
    3: { 'copy-repeat-alert': '3 documents', 'replacement-limit': '3 remplacements antérieurs', 'verification-retries': '3 nouvelles tentatives', 'audit-correction-returns': '3 renvois', 'correction-evidence-requests': '3 demandes de justificatifs' },
    11: { 'copy-repeat-alert': '11 documents', 'replacement-limit': '11 remplacements antérieurs', 'verification-retries': '11 nouvelles tentatives', 'audit-correction-returns': '11 renvois', 'correction-evidence-requests': '11 demandes de justificatifs' },
    100: { 'copy-repeat-alert': '100 documents', 'replacement-limit': '100 remplacements antérieurs', 'verification-retries': '100 nouvelles tentatives', 'audit-correction-returns': '100 renvois', 'correction-evidence-requests': '100 demandes de justificatifs' },
  },
  ar: {
    1: { 'copy-repeat-alert': 'وثيقة واحدة', 'replacement-limit': 'استبدال سابق واحد', 'verification-retries': 'محاولة إضافية واحدة', 'audit-correction-returns': 'إعادة واحدة', 'correction-evidence-requests': 'طلب أدلة واحد' },
    2: { 'copy-repeat-alert': 'وثيقتان', 'replacement-limit': 'استبدالان سابقان', 'verification-retries': 'محاولتان إضافيتان', 'audit-correction-returns': 'إعادتان', 'correction-evidence-requests': 'طلبا أدلة' },
    3: { 'copy-repeat-alert': '3 وثائق', 'replacement-limit': '3 استبدالات سابقة', 'verification-retries': '3 محاولات إضافية', 'audit-correction-returns': '3 إعادات', 'correction-evidence-requests': '3 طلبات أدلة' },
    11: { 'copy-repeat-alert': '11 وثيقة', 'replacement-limit': '11 استبدالًا سابقًا', 'verification-retries': '11 محاولة إضافية', 'audit-correction-returns': '11 إعادة', 'correction-evidence-requests': '11 طلب أدلة' },
    100: { 'copy-repeat-alert': '100 وثيقة', 'replacement-limit': '100 استبدال سابق', 'verification-retries': '100 محاولة إضافية', 'audit-correction-returns': '100 إعادة', 'correction-evidence-requests': '100 طلب أدلة' },
  },
};

// The English sentences that name each count, as a reader reads them with the count in place of
// {copy}, {replacements}, {retries}, {returns}, {requests}.
const sentences = [
  'if it shows at least {copy} issued from this entry in the last',
  'repeat alert at {copy} in',
  'The register of issued copies shows {copy} issued from one birth entry',
  'at which a supervisor must review the case: {replacements}.',
  'the holder already had at least {replacements} in',
  'To the supervisor: at least {replacements} in',
  'At least {replacements}; defaced; any alert',
  'He already has {replacements} in',
  'a supervisor decides after {replacements} in',
  'The history shows {replacements} in the last',
  '(the replacement limit is {replacements})',
  'At {replacements} in',
  'He has already had {replacements} in the last',
  'make up to {retries} with the same finger (cleaned, moistened)',
  'with up to {retries} of the same finger.',
  'Below: up to {retries} of the same finger, then two other fingers',
  'Otherwise up to {retries} of the same finger, two other fingers',
  'make up to {retries} with it',
  'escalation to the supervisor after {returns}.',
  'The audit makes at most {returns} of incomplete corrections to the office;',
  'the audit makes at most {returns}.',
  'The audit makes at most {returns} of incomplete corrections; then the supervisor steps in.',
  'After {returns} the audit is escalated to the supervisor.',
  'counts towards the limit of {requests}',
  'The applicant is sent at most {requests}; after that',
  'towards the limit of {requests} in',
  'After {requests} the request is decided',
  'After {requests} the registrar decides on the evidence on file.',
];
const slot: Record<string, Id> = { copy: 'copy-repeat-alert', replacements: 'replacement-limit', retries: 'verification-retries', returns: 'audit-correction-returns', requests: 'correction-evidence-requests' };

const sops = ['certified-copies', 'document-replacement', 'data-quality-audit', 'civil-status-correction'];
const modules = ['national-id-enrolment-module', 'data-quality-fraud-protection', 'civil-registration-births-deaths'];
const machines = ['data-quality-audit', 'civil-status-correction'];

/** Every string in data, in order. */
function stringsOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(stringsOf).join(' ');
  return value && typeof value === 'object' ? Object.values(value).map(stringsOf).join(' ') : '';
}

/** The English texts that name the five counts: SOP handbooks, modules as the trainer's manual prints them, quizzes, and the simulators' case fields. */
async function englishText(root: string, project: Project): Promise<string> {
  const parts: string[] = [];
  const options = { project, edition: 'trainer' as const, inPdf: new Set<string>(), workflows: new Map(), terms: new Set<string>(), figures: { n: 0 } };
  for (const id of sops) {
    const sop = project.sops.find((s) => s.id === id && (!s.data?.language || s.data.language === 'en'))!;
    parts.push(textOf(sopBodyBlocks(sop, { ...options, inPdf: new Set([sop.id]) })));
  }
  for (const id of modules) {
    const m = project.modules.find((x) => x.id === id)!;
    const pctx = printContext(moduleAsDoc(m), options);
    pctx.lang = 'en';
    parts.push(textOf(toBlocks(m.tree!.children, pctx)));
  }
  parts.push(...loadQuizzes(root).map((q) => stringsOf(q.quiz)));
  for (const id of machines) parts.push(stringsOf((await loadWorkflowFile(root, join(root, `workflows/${id}.machine.ts`))).module.caseFields));
  // Runs of one line (a value's, a bold one) are joined with spaces, and a paragraph's lines by one.
  return parts.join(' ').replace(/\s+/g, ' ').replace(/ ([.,;:)])/g, '$1');
}

describe('the counts whose sentences now take the noun from the parameter', () => {
  for (const n of [1, 11]) {
    it(`read right at ${n}, in every English sentence that names them, and as a value in French and Arabic`, async () => {
      const root = copyModelPack(join(parent, `pack-${n}`));
      for (const id of ids) setParameter(root, id, n);
      const project = loadProject(root);
      const text = await englishText(root, project);
      for (const sentence of sentences) {
        const expected = sentence.replace(/\{(\w+)\}/g, (_, name: string) => reads.en![n]![slot[name]!]!);
        expect(text.includes(expected), `"${expected}"`).toBe(true);
      }
      // The noun said once: never the count's noun typed again after it ("1 document documents").
      for (const id of ids) {
        const printed = reads.en![n]![id]!;
        for (const again of [' documents', ' replacements', ' retries', ' returns', ' times', ' requests']) expect(text.includes(`${printed}${again}`), `"${printed}${again}"`).toBe(false);
      }
      const payload = runtimePayloadFor(root);
      for (const lang of ['en', 'fr', 'ar']) {
        const profile = (await countryProfile(projectIn(project, lang), lang)).flatMap((g) => g.entries);
        for (const id of ids) {
          expect(profile.find((e) => e.parameter.id === id)?.value, `${lang} profile, ${id}`).toBe(reads[lang]![n]![id]);
          expect(payload.values[id]?.text[lang], `${lang} simulator, ${id}`).toBe(reads[lang]![n]![id]);
        }
      }
    }, 180_000);
  }

  it('print their nouns in the form 2, 3 and 100 take, in English, French and Arabic', () => {
    const project = loadProject(copyModelPack(join(parent, 'forms')));
    for (const id of ids) {
      const p = project.parameters.get(id)!;
      for (const n of [2, 3, 100]) {
        for (const lang of ['en', 'fr', 'ar']) expect(formatParameter({ ...p, value: n }, lang), `${lang} ${id} ${n}`).toBe(reads[lang]![n]![id]);
      }
    }
  }, 120_000);
});
