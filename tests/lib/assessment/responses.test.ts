import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvText, decodeText, detectDelimiter, readCsv, writeCsv } from '../../../src/lib/assessment/csv.ts';
import { protectCell, responsesCsvFor, unprotectCell } from '../../../src/lib/assessment/csv-write.ts';
import { buildReport } from '../../../src/lib/assessment/report.ts';
import { resolveQuiz } from '../../../src/lib/assessment/quiz-load.ts';
import { combineResponses, parseAnswer, parseResponses, type ReadOptions } from '../../../src/lib/assessment/responses.ts';
import { SopkitError } from '../../../src/lib/errors.ts';

const fixtures = resolve('tests/fixtures/assessment');
const quiz = resolveQuiz(join(fixtures, 'project'), 'sample-registration').quiz;
const read = (path: string, options: ReadOptions = {}) =>
  parseResponses(decodeText(readFileSync(join(fixtures, path))), path.split('/').pop() ?? path, quiz, options);

describe('reading CSV', () => {
  it('detects comma, semicolon and tab from the header, ignoring delimiters in quotes', () => {
    expect(detectDelimiter('a,b;c,d\n')).toBe(',');
    expect(detectDelimiter('"a,b";"c,d";e\n')).toBe(';');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(detectDelimiter('participant\n')).toBe(',');
  });

  it('refuses empty rows above the header, naming them, not as cells "more than the header"', () => {
    expect(() => readCsv('\r\n \r\nparticipant,name\r\nP1,Grace\r\n', 'pre.csv')).toThrow(
      'pre.csv row 1: the row is empty, but the first row must be the header (the column names); delete the 2 empty rows above the header and save the file again',
    );
    expect(() => readCsv('\nparticipant;name\nP1;Grace\n', 'pre.csv')).toThrow(/^pre\.csv row 1: the row is empty.*delete the empty row above/);
    // Blank rows after the header are still skipped.
    expect(readCsv('participant,name\n\nP1,Grace\n', 'pre.csv')).toMatchObject({ rows: [['P1', 'Grace']], rowNumbers: [3] });
  });

  it('writes what it reads back', () => {
    const rows = [['participant', 'name'], ['P1', 'Okello, "Grace"'], ['P2', 'line\nbreak']];
    const table = readCsv(writeCsv(rows), 'x.csv');
    expect([table.header, ...table.rows]).toEqual(rows);
  });

  it('decodes UTF-8 with BOM, UTF-16 and Windows-1252', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toBe('a');
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0x61, 0, 0xe9, 0]))).toBe('aé');
    expect(decodeText(new Uint8Array([0x5a, 0x6f, 0xe9]))).toBe('Zoé');
  });

  it('decodes the Windows-1252 punctuation Excel writes (0x80–0x9F), not as invisible control characters', () => {
    // "The registrar’s role – unclear; costs €5. Add “school records”…" as Excel saves it on Windows.
    const bytes = new Uint8Array([...Buffer.from('registrar'), 0x92, 0x73, 0x20, 0x96, 0x20, 0x80, 0x35, 0x20, 0x93, 0x61, 0x94, 0x85, 0x20, 0x8a, 0x9a, 0x9f, 0xe9]);
    expect(decodeText(bytes)).toBe('registrar’s – €5 “a”… Ššŷé'.replace('ŷ', 'Ÿ'));
    // The five bytes the code page leaves undefined keep their code point (as browsers decode them).
    expect(decodeText(new Uint8Array([0x81, 0x8d, 0x8f, 0x90, 0x9d, 0xff]))).toBe('\u0081\u008d\u008f\u0090\u009dÿ');
    // A long file is decoded whole (the decoder works in chunks).
    const long = new Uint8Array(20000).fill(0x96);
    long[0] = 0xe9;
    expect(decodeText(long)).toBe(`é${'–'.repeat(19999)}`);
  });
});

describe('reading responses (ARCHITECTURE.md, Formats: responses)', () => {
  it('a Kobo export: BOM, ";", quotes, groups, meta columns, --form', () => {
    const set = read('responses/kobo-pre.csv', { form: 'pre' });
    expect(set.responses.map((r) => r.participant)).toEqual(['K01', 'K02', 'K03']);
    expect(set.responses[0]?.answers).toEqual({ 's-01': ['a'], 's-02': ['b'], 's-03': ['a', 'b'], 's-04': ['true'], 's-05': ['a', 'b', 'c', 'd'], 's-06': ['a'] });
    expect(set.responses[2]?.answers['s-01']).toEqual([]);
    expect(set.responses[1]?.name).toBe('Deng A.');
    expect(set.ignoredColumns).toContain('_uuid');
    expect(set.ignoredColumns).toContain('meta/instanceID');
  });

  it('a Kobo export with multiple answers as separate 0/1 columns', () => {
    const set = read('responses/kobo-separate-columns.csv');
    expect(set.responses.map((r) => r.answers['s-03'])).toEqual([['a', 'b'], ['a']]);
    expect(set.warnings).toEqual([]);
  });

  it('separate 0/1 columns with one option\'s column gone: refused, naming the option, not scored as if it were never ticked', () => {
    // K01 ticked a and b; with s-03/b's column deleted, "a" alone was read and scored, and nothing said so.
    const text = decodeText(readFileSync(join(fixtures, 'responses/kobo-separate-columns.csv'))).replace(/^(.*)$/gm, (line) => line.split(';').filter((_, i) => i !== 5).join(';'));
    expect(text.split('\n')[0]).toBe('participant;form;s-01;s-02;s-03/a;s-03/c;s-03/d;s-04;s-05;s-06');
    expect(() => parseResponses(text, 'kobo-split.csv', quiz)).toThrow(
      'kobo-split.csv row 1: item s-03 of the pre-test has one column per option but none for option b, so a tick there would be lost and the answer scored without it; add the column s-03/b with the export\'s ticks (empty if the option was not on the form), or export the item as one column',
    );
  });

  it("Kobo's \"both\" export: the item's own column is read, and a warning says so", () => {
    const set = read('responses/kobo-pre.csv', { form: 'pre' });
    expect(set.warnings).toEqual([
      'kobo-pre.csv row 1: item s-03 has its own column I (sop/s-03) and one column per option (columns J-M, sop/s-03/a ...); the answers are read from column I, the option columns are not read',
    ]);
  });

  it('KoBoCAT / Ona "True/False" split columns, empty when the question was not answered', () => {
    const set = read('responses/kobocat-true-false.csv');
    expect(set.responses.map((r) => r.answers['s-03'])).toEqual([['a', 'b'], ['a'], []]);
  });

  it('split columns holding the option label or id when ticked, empty when not', () => {
    const set = read('responses/kobocat-labels.csv');
    expect(set.responses.map((r) => r.answers['s-03'])).toEqual([['a', 'b'], ['a']]);
  });

  it('a French spreadsheet: oui/non in any case, X/Y/N, vrai/faux', () => {
    const set = read('responses/french-oui-non.csv');
    expect(set.responses.map((r) => r.answers['s-03'])).toEqual([['a', 'b'], ['b'], ['a', 'b']]);
    expect(set.responses.map((r) => r.answers['s-04'])).toEqual([['true'], ['false'], ['true']]);
  });

  it('ODK Central with "split select multiples": 1/0 columns beside the original, which is read', () => {
    const set = read('responses/odk-central-split.csv', { form: 'post' });
    expect(set.responses.map((r) => r.answers['s-08'])).toEqual([['a', 'b'], ['a']]);
    expect(set.warnings[0]).toMatch(/^odk-central-split.csv row 1: item s-08 has its own column D \(sop-s-08\) and one column per option \(columns E-G, sop-s-08\/a ...\)/);
  });

  it('an ODK Central export (group-field names, its meta columns)', () => {
    const set = read('responses/odk-central-post.csv', { form: 'post' });
    expect(set.responses[1]?.answers).toMatchObject({ 's-08': ['a'], 's-10': ['b', 'a', 'c'], 's-11': ['c'] });
  });

  it('a European spreadsheet: ";" with quoted names, upper-case ids and TRUE/FALSE', () => {
    const [p1, p2] = read('responses/semicolon-bom.csv').responses;
    expect(p1?.name).toBe('Okello; Grace');
    expect(p1?.answers['s-01']).toEqual(['a']);
    expect(p1?.answers['s-04']).toEqual(['true']);
    expect(p2?.name).toBe('Zoé "Z" N.');
    expect(p2?.answers['s-05']).toEqual([]);
  });

  it('Excel "Unicode text" (UTF-16, tabs) and a Windows-1252 CSV', () => {
    const [a] = read('responses/excel-unicode.txt', { form: 'pre' }).responses;
    expect(a).toMatchObject({ name: 'Zoé', answers: { 's-03': ['a', 'b'], 's-04': ['true'] } });
    expect(read('responses/windows-1252.csv').responses[0]?.name).toBe('Zoé Müller');
  });

  it('reads answers typed from paper without spaces ("AB", "DCBA") when option ids are single letters', () => {
    const item = (id: string) => quiz.items.find((i) => i.id === id)!;
    expect(parseAnswer('AB', item('s-03'), 'x')).toEqual(['a', 'b']);
    expect(parseAnswer('DCBA', item('s-05'), 'x')).toEqual(['d', 'c', 'b', 'a']);
    expect(() => parseAnswer('AE', item('s-03'), 'x')).toThrow(/"AE" is not an option of item s-03/);
    expect(() => parseAnswer('AB', item('s-01'), 'x')).toThrow(/gives 2 options but item s-01 takes one/);
    // Two ticks on a paper sheet score as wrong: the advice must not be to pick one of them.
    expect(() => parseAnswer('AB', item('s-01'), 'x')).toThrow(/two boxes ticked on a sheet: leave it empty \(scored as wrong\)$/);
  });

  it('options typed with a slash, plus, dash or arrow between them ("A/B", "C-A-D-B") are refused with the separators that are read, never guessed (A/B may be an unclear mark)', () => {
    const item = (id: string) => quiz.items.find((i) => i.id === id)!;
    for (const cell of ['A/B', 'a+b', 'A & B', 'a-b', 'a>b', 'C-A']) {
      // Quoted back as typed: "A/B", never "a/b", which the trainer would not find in the sheet.
      expect(() => parseAnswer(cell, item('s-03'), 'x'), cell).toThrow(cell.includes(' ') ? /"&" is not an option/ : `"${cell}" is not an option`);
      expect(() => parseAnswer(cell, item('s-03'), 'x'), cell).toThrow(/ is not an option of item s-03 \(options: a, b, c, d\); write several options with spaces or commas between them \(a b, or a,b\); a mark that is unclear on the sheet: leave the cell empty \(scored as wrong\)$/);
    }
    expect(() => parseAnswer('C-A-D-B', item('s-05'), 'x')).toThrow(/write several options with spaces or commas between them/);
    // An item that takes one option: two marks, never the advice to write them both.
    expect(() => parseAnswer('A/B', item('s-01'), 'x')).toThrow(/"A\/B" is not an option of item s-01 \(options: a, b, c, d\); item s-01 takes one option; two boxes ticked on a sheet, or a mark that is unclear: leave the cell empty \(scored as wrong\)$/);
    // A cell that is no options at all keeps the plain advice.
    expect(() => parseAnswer('AE', item('s-03'), 'x')).toThrow(/"AE" is not an option of item s-03 \(options: a, b, c, d\); correct the cell or leave it empty for no answer$/);
  });

  it('both forms in one file, blank lines skipped, rows numbered as a spreadsheet does', () => {
    const set = read('responses/both-forms.csv');
    expect(set.responses.map((r) => `${r.participant}/${r.form}/${r.source.row}`)).toEqual(['P01/pre/3', 'P01/post/4', 'P02/pre/6']);
    expect(set.responses[0]?.name).toBe('Grace\nOkello');
  });

  it('an Excel export (CRLF) with rows added in an editor that writes LF: every row read as its own', () => {
    const excel = 'participant,name,form,q1,q2\r\nP01,Amina Yusuf,pre,b,a c\r\nP02,"Banda, Joseph",pre,c,a\r\n';
    const added = '\nP03,Grace Mensah,pre,b,a c\nP04,Ibrahim Diallo,pre,,b\n';
    const table = readCsv(excel + added, 'pre.csv');
    expect(table.rows.map((r) => r[0])).toEqual(['P01', 'P02', 'P03', 'P04']);
    expect(table.rowNumbers).toEqual([2, 3, 5, 6]);
    expect(table.rows[1]![1]).toBe('Banda, Joseph');
  });

  it("reads the form column in the words the reports print: Pré-test, post test, الاختبار البعدي", () => {
    const text = readFileSync(join(fixtures, 'responses/class-pre.csv'), 'utf8');
    const lines = text.split(/\r?\n/);
    const rows = ['Pré-test', 'PRE_TEST', 'الاختبار القبلي'].map((word, i) => lines[i + 1]!.replace(',pre,', `,${word},`));
    const read = parseResponses([lines[0], ...rows].join('\n'), 'words.csv', quiz);
    expect(read.responses.map((r) => r.form)).toEqual(['pre', 'pre', 'pre']);
    const postLines = readFileSync(join(fixtures, 'responses/class-post.csv'), 'utf8').split(/\r?\n/);
    const post = ['post test', 'Post-test', 'الاختبار البعدي'].map((word, i) => postLines[i + 1]!.replace(',post,', `,${word},`));
    expect(parseResponses([postLines[0], ...post].join('\n'), 'words.csv', quiz).responses.map((r) => r.form)).toEqual(['post', 'post', 'post']);
  });

  it('refuses one participant typed twice with the id written another way (P01, p-1), in one file and across files', () => {
    const lines = readFileSync(join(fixtures, 'responses/class-pre.csv'), 'utf8').split(/\r?\n/);
    const first = lines[1]!.split(',')[0]!;
    const again = lines[1]!.replace(first, first.toLowerCase().replace(/(\d)/, '-$1'));
    expect(() => parseResponses([...lines.slice(0, 3), again].join('\n'), 'typed.csv', quiz)).toThrow(`typed.csv row 4: participant ${first.toLowerCase().replace(/(\d)/, '-$1')} already answered the pre-test in row 2 (written ${first} there: ids are compared without case, spaces, dashes or leading zeros); remove one of the rows or correct the id`);
    const a = read('responses/class-pre.csv');
    const other = parseResponses([lines[0], again].join('\n'), 'other.csv', quiz);
    expect(() => combineResponses([a, other])).toThrow(/^other\.csv row 2: participant \S+ already answered the pre-test in class-pre\.csv row 2 \(written \S+ there/);
  });

  it('takes the participant column headed as the booklet prints it ("Participant ID") and its variants; an item id wins; an unknown column is still refused', () => {
    const body = ['form,s-01,s-02,s-03,s-04,s-05,s-06', 'pre,a,b,a b,true,a b c d,a'];
    const withId = (head: string) => parseResponses([`${head},${body[0]}`, `P01,${body[1]}`].join('\n'), 'pre.csv', quiz);
    for (const head of ['Participant ID', 'participant id', 'ID', 'Participant No', 'Participant No.', 'Participant number', 'PARTICIPANT_ID', 'Identifiant', 'رقم المشارك', 'group/Participant ID']) {
      expect(withId(head).responses.map((r) => r.participant), head).toEqual(['P01']);
    }
    for (const head of ['trainee', 'Participant Idd', 'No', 'section-id']) {
      expect(() => withId(head), head).toThrow(/^pre\.csv row 1, column A \(.+\): not an item of quiz sample-registration/);
    }
    // A quiz with an item "id": the column is that item, not the participant ids.
    const withItem = { ...quiz, items: quiz.items.map((item, i) => (i === 0 ? { ...item, id: 'id' } : item)), forms: { pre: quiz.forms.pre.map((id) => (id === quiz.items[0]!.id ? 'id' : id)), post: quiz.forms.post.map((id) => (id === quiz.items[0]!.id ? 'id' : id)) } };
    const text = ['participant,form,ID,s-02,s-03,s-04,s-05,s-06', 'P01,pre,a,b,a b,true,a b c d,a'].join('\n');
    expect(parseResponses(text, 'pre.csv', withItem).responses[0]?.answers.id).toEqual(['a']);
  });

  it('a column headed by its question number on the answer sheet (Q1, 1, Question 1) says which item each number is, not only "not an item"', () => {
    const [pre, post] = [quiz.forms.pre, quiz.forms.post];
    for (const head of ['Q1', '1', 'Question 1', 'q01', 'No. 1', '#1']) {
      const text = [`participant,form,${head}`, 'P01,pre,a'].join('\n');
      expect(() => parseResponses(text, 'pre.csv', quiz), head).toThrow(`pre.csv row 1, column C (${head}): a question number; the columns are named by item id, not number: question 1 is ${pre[0]} on the pre-test and ${post[0]} on the post-test (the header of the pre-test: participant, name, form, ${pre.join(', ')}); start from the blank sheet: the test page's template.csv, or sopkit quiz export ${quiz.id} --format template --form pre`);
    }
    // A number past both forms is no question of the sheet: the usual message.
    const past = Math.max(pre.length, post.length) + 1;
    expect(() => parseResponses([`participant,form,Q${past}`, 'P01,pre,a'].join('\n'), 'pre.csv', quiz)).toThrow(`pre.csv row 1, column C (Q${past}): not an item of quiz ${quiz.id}`);
  });

  it('one file given twice says so, not that its first participant answered twice "in" itself', () => {
    const a = read('responses/class-pre.csv');
    const again = read('responses/class-pre.csv');
    const first = a.responses[0]!;
    expect(() => combineResponses([a, again])).toThrow(`class-pre.csv is given twice (its row ${first.source.row}, participant ${first.participant}, is in both); give each file once`);
  });

  it('refuses the same participant twice in one form across files', () => {
    const a = read('responses/class-pre.csv');
    const copy = parseResponses(readFileSync(join(fixtures, 'responses/class-pre.csv'), 'utf8'), 'copy.csv', quiz);
    expect(() => combineResponses([a, copy])).toThrow(/copy.csv row \d+: participant P\d+ already answered the pre-test in class-pre.csv row \d+/);
  });
});

// Every bad input of the issue (item 7) and then some: one clear line with file, row and column.
const bad: [string, ReadOptions, RegExp][] = [
  ['unknown-column.csv', {}, /^unknown-column.csv row 1, column E \(s-99\): not an item of quiz sample-registration/],
  ['duplicate-participant.csv', {}, /^duplicate-participant.csv row 4: participant P01 already answered the pre-test in row 2/],
  ['unknown-option.csv', {}, /^unknown-option.csv row 3, column D \(s-01\): "e" is not an option of item s-01 \(options: a, b, c, d\)/],
  ['empty.csv', {}, /^empty.csv: the file is empty/],
  ['blank-lines-only.csv', {}, /^blank-lines-only.csv: the file is empty/],
  ['header-only.csv', {}, /^header-only.csv: a header but no responses/],
  ['cell-count.csv', {}, /^cell-count.csv row 3: 10 cells but the header has 9 \(more\)/],
  ['unclosed-quote.csv', {}, /^unclosed-quote.csv row 3: a quoted cell is not closed/],
  ['bad-order.csv', {}, /^bad-order.csv row 3, column H \(s-05\): "a b c" must list each of a, b, c, d exactly once/],
  ['several-options.csv', {}, /^several-options.csv row 3, column D \(s-01\): "a c" gives 2 options but item s-01 takes one/],
  ['no-form.csv', {}, /^no-form.csv: no "form" column; add one \(pre or post\) or give --form pre\|post/],
  ['bad-form.csv', {}, /^bad-form.csv row 2, column C \(form\): form "middle" is neither pre nor post/],
  ['post-row-in-pre-file.csv', { form: 'pre' }, /^post-row-in-pre-file.csv row 3, column C \(form\): this row is a post-test but the file was given as the pre-test/],
  ['missing-item-column.csv', {}, /^missing-item-column.csv row 1: no column for item s-04 of the pre-test/],
  ['not-in-form.csv', {}, /^not-in-form.csv row 2, column I \(s-07\): item s-07 is not in the pre-test/],
  ['no-participant-column.csv', {}, /^no-participant-column.csv row 1, column A \(trainee\): not an item .*; the participant ids go in a column named "participant"/],
  ['empty-participant.csv', {}, /^empty-participant.csv row 3, column A \(participant\): empty; every row needs the participant's id/],
  ['value-without-header.csv', {}, /^value-without-header.csv row 3, column I \(no header\): "b" is in a column with no header/],
  ['duplicate-column.csv', {}, /^duplicate-column.csv row 1, column I \(sop\/s-02\): the same column as column D \(s-02\)/],
  ['tick-two.csv', {}, /^tick-two.csv row 2, column F \(s-03\/b\): "2" neither ticks nor leaves option b of item s-03; use 1 or 0 \(also read: true\/false, yes\/no, oui\/non, x, or the option's id or text\), or leave it empty$/],
  ['tick-selected.csv', {}, /^tick-selected.csv row 3, column E \(s-03\/a\): "selected" neither ticks nor leaves option a of item s-03/],
  // A photo pasted into a cell: named by its start.
  ['long-cell.csv', {}, /^long-cell.csv row 3, column D \(s-01\): "iVBORw0KGg[^"]{29}…" is not an option of item s-01 \(options: a, b, c, d\)/],
];

describe('a file that is not CSV text is named as what it is', () => {
  const pre = readFileSync(join(fixtures, 'project/quizzes/sample-registration.yaml'));
  it.each([
    ['an Excel workbook saved as .xlsx', Buffer.concat([Buffer.from('504b0304140006000800000021', 'hex'), pre]), 'an Excel workbook (.xlsx) or another ZIP archive'],
    ['an Excel 97 workbook', Buffer.from('d0cf11e0a1b11ae1000000000000', 'hex'), 'an old Excel workbook (.xls)'],
    ['a scanned answer sheet', Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'), 'a PDF'],
    ['a photo of the sheet', Buffer.from('ffd8ffe000104a464946', 'hex'), 'a JPEG image'],
    ['an unknown binary', Buffer.from('participant\0\0\x01', 'latin1'), 'a binary file, not text'],
  ])('%s', (_, bytes, kind) => {
    expect(() => csvText(bytes, 'pre.csv')).toThrow(`pre.csv is not a CSV file: it is ${kind}; give the CSV file (from a spreadsheet: File > Save As > CSV UTF-8)`);
  });

  it('text in any encoding a spreadsheet writes is read as before', () => {
    const text = 'participant,form,q1\r\nP01,pre,b\r\n';
    expect(csvText(Buffer.from(`\ufeff${text}`, 'utf8'), 'pre.csv')).toBe(text);
    expect(csvText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 'pre.csv')).toBe(text);
  });
});

describe('bad responses give one clear message', () => {
  it.each(bad)('%s', (name, options, message) => {
    let caught: unknown;
    try {
      read(`bad-responses/${name}`, options);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(SopkitError);
    const text = (caught as Error).message;
    expect(text).toMatch(message);
    expect(text).not.toContain('\n');
  });

  it('a cell of megabytes is named by its start, not echoed', () => {
    const huge = 'fraudulent '.repeat(400_000);
    const text = `participant,name,form,s-01,s-02,s-03,s-04,s-05,s-06\nP01,Grace,pre,"${huge}",b,a b,true,a b c d,a\n`;
    expect(() => parseResponses(text, 'huge.csv', quiz)).toThrow(/^huge.csv row 2, column D \(s-01\): "fraudulent" is not an option/);
    const several = `participant,name,form,s-01,s-02,s-03,s-04,s-05,s-06\nP01,Grace,pre,a b ${'c '.repeat(2_000_000)},b,a b,true,a b c d,a\n`;
    let message = '';
    try {
      parseResponses(several, 'huge.csv', quiz);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/^huge.csv row 2, column D \(s-01\): "a b c c c c c c c c c c c c c c c c c c…" gives 2000002 options/);
    expect(message.length).toBeLessThan(200);
  });

  it('a missing form column is fine when --form is given', () => {
    expect(read('bad-responses/no-form.csv', { form: 'pre' }).responses[0]?.form).toBe('pre');
  });
});

describe('spreadsheet formulas: protected on output only', () => {
  it('every leading =, +, -, @, tab and carriage return gets a quote, and reading takes it off', () => {
    for (const text of ['=SUM(A1)', '+233201234567', '-7', '@cmd', '\tx', '\rx']) {
      expect(protectCell(text)).toBe(`'${text}`);
      expect(unprotectCell(protectCell(text))).toBe(text);
    }
    expect(protectCell('P-01')).toBe('P-01');
    expect(unprotectCell("'quoted")).toBe("'quoted");
  });

  it('the test page writes exactly the protected file, and a paper CSV of the same ids matches it', () => {
    const page = responsesCsvFor(quiz.forms.pre, 'pre', [
      { participant: '+233201234567', name: 'Ama Owusu', answers: { 's-01': ['a'], 's-02': ['b'], 's-03': ['a', 'b'], 's-04': ['true'], 's-05': ['a', 'b', 'c', 'd'], 's-06': ['a'] } },
      { participant: '-7', name: '=1+1', answers: { 's-01': ['b'], 's-02': ['b'], 's-03': ['a'], 's-04': ['false'], 's-05': ['a', 'b', 'c', 'd'], 's-06': ['b'] } },
    ]);
    expect(page).toBe(readFileSync(join(fixtures, 'responses/test-page-formula-ids.csv'), 'utf8'));
    const pre = read('responses/test-page-formula-ids.csv');
    const post = read('responses/paper-formula-ids.csv');
    expect(pre.responses.map((r) => [r.participant, r.name])).toEqual([['+233201234567', 'Ama Owusu'], ['-7', '=1+1']]);
    const report = buildReport(quiz, combineResponses([pre, post]));
    expect(report.prepost?.matched).toBe(2);
    expect(report.prepost?.unmatched).toEqual({ pre: [], post: [] });
  });
});

describe('a cell with a character that prints as nothing', () => {
  it('names it where it is, so the trainer sees what to delete ("a<U+200B>", not a plain-looking "a")', () => {
    const lines = readFileSync(join(fixtures, 'responses/class-pre.csv'), 'utf8').split(/\r?\n/);
    const header = lines[0]!.split(',');
    const first = lines[1]!.split(',');
    const column = header.indexOf('s-01');
    first[column] = 'a\u200b';
    let message = '';
    try {
      parseResponses([lines[0], first.join(',')].join('\n'), 'typed.csv', quiz);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^typed\.csv row 2, column [A-Z]+ \(s-01\): "a<U\+200B>" \(the <U\+\.\.\.> is an invisible character in the cell: delete it\) is not an option of item s-01/);
  });
});
