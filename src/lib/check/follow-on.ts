import { diagnostic, type Diagnostic } from '../diagnostics.ts';

/**
 * A shared list file and the errors that only say one of its ids is missing: when the file itself
 * has an error (it did not validate, is not UTF-8, is a folder…), its ids are partly or wholly
 * unknown, and every role, term or parameter the pack names comes out "unknown". One role without
 * a title gave 337 errors, the real one 66th; 35 "no parameter … (did you mean …)" followed one
 * bad value.
 */
const SOURCES = [
  { file: 'content/roles.yaml', codes: ['role/unknown'], what: 'a role' },
  { file: 'content/glossary.yaml', codes: ['term/unknown', 'glossary/unknown-related'], what: 'a glossary term' },
  { file: 'content/parameters.yaml', codes: ['params/unknown'], what: 'a parameter', says: /no parameter "[^"]*" in content\/parameters\.yaml|cannot be read, as content\/parameters\.yaml has an error/ },
] as const;

/**
 * Leaves out the errors that follow from a broken list file (roles, glossary, parameters): the
 * unknown-id errors of the rules that read it, a translation's "id … is not in <file>", and a
 * workflow that does not load for want of a parameter (with the quiz scenarios that run it). One
 * warning at the file says how many were left out and why.
 * @param found Every diagnostic of the check.
 */
export function withoutFollowOns(found: readonly Diagnostic[]): Diagnostic[] {
  let out = [...found];
  for (const source of SOURCES) {
    const follows = (d: Diagnostic) =>
      (source.codes as readonly string[]).includes(d.code) ||
      (d.code === 'translation/unknown-id' && d.message.includes(`is not in ${source.file}`)) ||
      // A workflow that stops loading on a parameter it cannot find, and the quiz scenarios that run it.
      ('says' in source && d.file !== source.file && source.says.test(d.message));
    const own = out.filter((d) => d.file === source.file && d.severity === 'error' && !follows(d));
    if (!own.length) continue;
    const dropped = out.filter((d) => d.severity === 'error' && follows(d));
    if (!dropped.length) continue;
    out = out.filter((d) => !dropped.includes(d));
    const n = dropped.length;
    out.push(
      diagnostic(
        'warning',
        'check/follow-on',
        source.file,
        `${n} more error${n === 1 ? '' : 's'} naming ${source.what} ${n === 1 ? 'is' : 'are'} not shown: ${n === 1 ? 'it follows' : 'they follow'} from the errors in this file (an entry with an error is left out, so what names it finds nothing); fix those and check again`,
        // Just after the file's last error of its own, so the note is read after it.
        own.map((d) => ({ line: d.line, column: d.column + 1 })).sort((a, b) => b.line - a.line || b.column - a.column)[0],
      ),
    );
  }
  // Two periods the wrong way round (params/relation): every workflow scenario at either end
  // fails, its states become unreachable and the dry-run results name steps no case reaches; 70
  // lines hid the one that says why. They are counted at the parameter; the check after the fix
  // shows any that remain.
  const relation = out.find((d) => d.code === 'params/relation' && d.severity === 'error');
  if (relation) {
    const consequence = (d: Diagnostic) => ['workflow/scenario-fails', 'workflow/unreachable', 'dryrun/step-not-in-case', 'dryrun/step-repeated'].includes(d.code) || d.code.startsWith('quiz/scenario');
    const dropped = out.filter(consequence);
    if (dropped.length) {
      out = out.filter((d) => !consequence(d));
      const n = dropped.length;
      out.push(diagnostic('warning', 'check/follow-on', relation.file, `${n} more problem${n === 1 ? '' : 's'} in workflow scenarios, unreachable states and dry-run results ${n === 1 ? 'is' : 'are'} not shown: values that contradict each other break the cases at their limits; fix the values and check again`, { line: relation.line, column: relation.column + 1 }));
    }
  }
  // An SOP file that could not be read at all (a folder, UTF-16, over the size limit): references to it are not
  // "unknown SOPs", and a workflow it may name is not "used by no SOP"; its own error says what is wrong.
  const unreadFiles = out.filter((d) => d.severity === 'error' && (d.code === 'file/unreadable' || d.code === 'file/encoding' || d.code === 'file/too-large'));
  const unread = new Set(unreadFiles.flatMap((d) => /^content\/(?:[^/]+\/)?sops\/([^/]+)\.mdx$/.exec(d.file)?.[1] ?? []));
  const sourceUnread = unreadFiles.some((d) => /^content\/sops\/[^/]+\.mdx$/.test(d.file));
  // A file read with the wrong encoding has characters it does not hold (Latin-1 "é »" reads as
  // U+983B in UTF-8): a "missing glyph" in it is the encoding error again, which names the byte.
  const misencoded = new Set(unreadFiles.filter((d) => d.code === 'file/encoding').map((d) => d.file));
  if (misencoded.size) out = out.filter((d) => !(d.code === 'print/missing-glyph' && misencoded.has(d.file)));
  if (unread.size) {
    out = out.filter((d) => !(d.code === 'ref/unknown-sop' && [...unread].some((id) => d.message.includes(`no SOP "${id}"`))) && !(sourceUnread && d.code === 'workflow/no-sop'));
  }
  // A translation under another file name than its source's (`content/ar/sops/national-id.mdx`):
  // its error says to rename it, and each `<Ref to="#6.3">` in it, read against that name, was
  // one more "no SOP national-id" after it.
  const misnamed = new Set(out.filter((d) => d.code === 'translation/id-mismatch' || d.code === 'translation/unknown-source').map((d) => d.file));
  if (misnamed.size) {
    out = out.filter((d) => !(d.code === 'ref/unknown-sop' && misnamed.has(d.file) && d.message.includes(`no SOP "${/([^/]+)\.mdx$/.exec(d.file)?.[1] ?? ''}"`)));
  }
  return out;
}
