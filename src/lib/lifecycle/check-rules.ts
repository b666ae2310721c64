import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CheckContext } from '../check/context.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { approvalScope } from './approval.ts';
import { editedSinceCommitted, sectionsAddedOrRemoved } from './section-moved.ts';
import { isOpen, rowRanges } from './comments.ts';
import { loadLifecycle, type LifecycleModel } from './model.ts';
import type { RegisterProblem } from './register-read.ts';

/** A register problem as a `path:row:col` diagnostic. */
export function registerDiagnostic(p: RegisterProblem): Diagnostic {
  return diagnostic(p.severity, p.code, p.file, p.message, { line: p.row, column: p.columnIndex ?? 1 });
}

/** Consultations: the SOP versions they discussed exist, their registers exist, their comments are on what they discussed. */
function consultationRules(ctx: CheckContext, model: LifecycleModel): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const doc of model.consultations) {
    const data = doc.data;
    if (!data) continue;
    data.sops.forEach((s, i) => {
      const sop = ctx.project.sops.find((x) => x.id === s.id);
      const at = doc.yaml.positionOf(['sops', i, 'version']);
      if (!sop) {
        out.push(diagnostic('error', 'consultation/unknown-sop', doc.file, `sops[${i}]: no SOP "${s.id}" in content/sops/; known: ${ctx.project.sops.map((x) => x.id).join(', ')}`, doc.yaml.positionOf(['sops', i, 'id'])));
        return;
      }
      const history = sop.data?.history ?? [];
      const entry = history.find((h) => h.version === s.version);
      if (sop.data && !entry) out.push(diagnostic('error', 'consultation/unknown-version', doc.file, `sops[${i}]: ${s.id} has no version ${s.version}; its history has ${history.map((h) => h.version).join(', ')}. Name the version that was discussed, or add it to the SOP's history`, at));
      else if (entry && entry.date > data.date) out.push(diagnostic('warning', 'consultation/version-after-date', doc.file, `sops[${i}]: ${s.id} ${s.version} is dated ${entry.date}, after this consultation (${data.date}); a meeting discusses a version that already exists`, at));
    });
    const discussed = new Set(data.sops.map((s) => `${s.id}@${s.version}`));
    const stray = new Map<string, number[]>();
    for (const c of model.comments.filter((x) => x.consultation === doc.id)) {
      const key = `${c.sop}@${c.version}`;
      if (discussed.has(key)) continue;
      const rows = stray.get(`${c.file}\0${key}`);
      if (rows) rows.push(c.row);
      else stray.set(`${c.file}\0${key}`, [c.row]);
    }
    for (const [key, rows] of stray) {
      const [file = '', sv = ''] = key.split('\0');
      out.push(diagnostic('warning', 'consultation/comment-not-discussed', doc.file, `${file} row${rows.length > 1 ? 's' : ''} ${rowRanges(rows)} ${rows.length > 1 ? 'comment' : 'comments'} on ${sv.replace('@', ' ')}, which this consultation does not list under sops; add it there or move the rows to the right register`, doc.yaml.positionOf(['sops'])));
    }
  }
  for (const m of model.missingRegisters) {
    out.push(diagnostic('error', 'consultation/missing-register', m.consultation.file, `comments[${m.index}]: no file ${m.path}; register paths are relative to content/consultations/`, m.consultation.yaml.positionOf(['comments', m.index])));
  }
  return out;
}

/** History lines name records that exist, and a consultation record is about that SOP. */
function historyRules(ctx: CheckContext, model: LifecycleModel): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const sop of ctx.project.sops) {
    sop.data?.history.forEach((h, i) => {
      if (!h.record) return;
      const at = sop.yaml.positionOf(['history', i, 'record']);
      if (!existsSync(join(ctx.project.root, 'content', `${h.record}.yaml`))) {
        out.push(diagnostic('error', 'history/record-missing', sop.file, `history[${i}].record: no file content/${h.record}.yaml; create the record or correct the name`, at));
        return;
      }
      const consultation = h.record.startsWith('consultations/') ? model.consultations.find((c) => `consultations/${c.id}` === h.record) : undefined;
      if (consultation?.data && !consultation.data.sops.some((s) => s.id === sop.id)) {
        out.push(diagnostic('warning', 'history/record-not-about-sop', sop.file, `history[${i}].record: ${consultation.file} does not list ${sop.id} under sops; name the consultation that discussed this SOP`, at));
      }
      // A dry run tries one SOP: another's record in this history was passed silently.
      const dryRun = h.record.startsWith('dryruns/') ? model.dryRuns.find((d) => `dryruns/${d.id}` === h.record) : undefined;
      if (dryRun?.sop && dryRun.sop !== sop.id) {
        out.push(diagnostic('warning', 'history/record-not-about-sop', sop.file, `history[${i}].record: ${dryRun.file} is the dry run of ${dryRun.sop}, not of ${sop.id}; name the dry run that tried this SOP`, at));
      }
    });
  }
  return out;
}

/**
 * The approval gate: an approved SOP has no open comment on any version it went through. An
 * open comment means the drafting team has not yet said what it did with it.
 */
function approvalGate(ctx: CheckContext, model: LifecycleModel): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const sop of ctx.project.sops) {
    const data = sop.data;
    if (data?.status !== 'approved') continue;
    const versions = new Set(data.history.map((h) => h.version));
    const open = model.comments.filter((c) => c.sop === sop.id && versions.has(c.version) && isOpen(c));
    if (!open.length) continue;
    const byFile = new Map<string, number[]>();
    for (const c of open) {
      const rows = byFile.get(c.file);
      if (rows) rows.push(c.row);
      else byFile.set(c.file, [c.row]);
    }
    const where = [...byFile].map(([file, rows]) => `${file} row${rows.length > 1 ? 's' : ''} ${rowRanges(rows)}`).join('; ');
    out.push(diagnostic('error', 'sop/open-comments', sop.file, `status is "approved" but ${open.length} comment${open.length > 1 ? 's are' : ' is'} still open (${where}); record a decision and response for each, or change the status`, sop.yaml.positionOf(['status'])));
  }
  return out;
}

/**
 * An approved SOP whose procedure changed after its approval (a version with a new major or minor
 * number since the version approved): its pages and handbook say "approved" over text no one
 * approved. A warning: the text may be on its way to approval; the page and cover say which
 * version was approved meanwhile.
 */
function approvalCurrency(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const sop of ctx.project.sops) {
    const data = sop.data;
    if (data?.status !== 'approved') continue;
    const scope = approvalScope(data);
    // An approval dated before the SOP's first version covers none of them: "approved" was
    // printed over text that did not exist when it was signed.
    const oldest = [...data.history].sort((a, b) => (a.date < b.date ? -1 : 1))[0];
    if (!scope && data.approval && oldest) {
      out.push(diagnostic('warning', 'sop/changed-since-approval', sop.file, `status is "approved", but the approval of ${data.approval.date} is older than every version in the history (the first, ${oldest.version}, is of ${oldest.date}), so it covers none of them; correct approval.date, or have version ${data.version} approved`, sop.yaml.positionOf(['approval', 'date'])));
      continue;
    }
    const first = scope?.changedSince[0];
    if (!scope || !first) continue;
    out.push(
      diagnostic(
        'warning',
        'sop/changed-since-approval',
        sop.file,
        `status is "approved", but the approval of ${data.approval!.date} covers version ${scope.approved.version}, and version ${first.version} (${first.date}) changed the procedure since; have version ${data.version} approved (a new approval.date) or set the status back to "consultation"`,
        sop.yaml.positionOf(['approval', 'date']),
      ),
    );
  }
  return out;
}

/**
 * A patch (1.3.1 after 1.3.0) is editorial by the pack's rule, so an approval of 1.3.0 goes on
 * covering it; a patch that adds or removes a section changed the procedure under that approval,
 * and check said nothing. Read from git: the text of the version before, aligned as `sopkit diff`
 * aligns sections. Only for SOPs at `approved`, whose approval the patch would ride on.
 */
function patchesThatChangeProcedure(ctx: CheckContext): Diagnostic[] {
  return ctx.project.sops.flatMap((sop) => {
    const data = sop.data;
    const [now, before] = data?.history ?? [];
    if (!data || data.status !== 'approved' || !now || !before || now.version !== data.version) return [];
    const [a, b] = [now.version.split('.'), before.version.split('.')];
    if (a[0] !== b[0] || a[1] !== b[1]) return [];
    const moved = sectionsAddedOrRemoved(ctx.project.root, sop, before.version);
    if (!moved?.length) return [];
    const list = moved.slice(0, 4).join(', ');
    const next = `${a[0]}.${Number(a[1]) + 1}.0`;
    return [diagnostic('warning', 'sop/patch-not-editorial', sop.file, `version ${now.version} is a patch, which the approval of ${before.version} goes on covering as editorial, but it ${list}${moved.length > 4 ? ', ...' : ''} since ${before.version}: a change of procedure takes a new minor version (${next}) and a new approval`, sop.yaml.positionOf(['version']))];
  });
}

/**
 * The current version of an SOP edited after it was committed, while comments on it are in a
 * register: they are checked against the text as it is now, and once the version moves on,
 * against its first commit, so a paragraph number that passed failed later, and the change was
 * in no version the diff compares. One warning at the version, naming the sections edited.
 */
function commentedVersionEdited(ctx: CheckContext, model: LifecycleModel): Diagnostic[] {
  return ctx.project.sops.flatMap((sop) => {
    const version = sop.data?.version;
    const comments = version ? model.comments.filter((c) => c.sop === sop.id && c.version === version) : [];
    if (!version || !comments.length) return [];
    const edited = editedSinceCommitted(ctx.project.root, sop, version);
    if (!edited) return [];
    const files = [...new Set(comments.map((c) => c.file))].join(', ');
    const n = comments.length;
    const [major, minor, patch] = version.split('.').map(Number);
    const list = `${edited.sections.slice(0, 4).join(', ')}${edited.sections.length > 4 ? ', ...' : ''}`;
    return [diagnostic('warning', 'sop/commented-version-edited', sop.file, `version ${version} has ${n} comment${n === 1 ? '' : 's'} (${files}), and its text changed after it was committed (commit ${edited.commit.slice(0, 7)}): ${list}; the comments were made on the text of that commit, so give the changed text a new version (${major}.${minor}.${(patch ?? 0) + 1}, or ${major}.${(minor ?? 0) + 1}.0 for a change of procedure) with its history line`, sop.yaml.positionOf(['version']))];
  });
}

/**
 * An approval dated after today: a typo (2027 for 2026), or an SOP printed as approved before
 * anyone signed it. A warning, at the date.
 */
function approvalInFuture(ctx: CheckContext): Diagnostic[] {
  return ctx.project.sops.flatMap((sop) => {
    const date = sop.data?.approval?.date;
    if (!date || date <= ctx.today) return [];
    return [diagnostic('warning', 'sop/approval-future', sop.file, `approval.date ${date} is after today (${ctx.today}): an SOP is approved on the day it is signed; write that date, or leave the approval out until it is signed`, sop.yaml.positionOf(['approval', 'date']))];
  });
}

/**
 * Records of what happened, dated after today: a history line (a version "released" next month)
 * and a consultation's action marked done on a day to come. Each reads as an event that took
 * place; the report printed "done 2027-01-10". A warning at the date (a typo, 2027 for 2026, or
 * written ahead of time).
 */
function recordsInFuture(ctx: CheckContext, model: LifecycleModel): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const sop of ctx.project.sops) {
    sop.data?.history.forEach((h, i) => {
      if (h.date > ctx.today) out.push(diagnostic('warning', 'history/future', sop.file, `history[${i}] (version ${h.version}) is dated ${h.date}, after today (${ctx.today}): a history line records a version that exists; write the day it was made, or add the line when it is`, sop.yaml.positionOf(['history', i, 'date'])));
    });
  }
  for (const c of model.consultations) {
    c.data?.actions.forEach((a, i) => {
      if (a.done && a.done > ctx.today) out.push(diagnostic('warning', 'consultation/done-future', c.file, `actions[${i}].done is ${a.done}, after today (${ctx.today}): the report would print it as done; write the day it was done, or leave done out until it is`, c.yaml.positionOf(['actions', i, 'done'])));
    });
  }
  return out;
}

/**
 * An SOP still in draft, consultation or pilot whose approval covers its current version: the
 * handbook's cover read "DRAFT" and, below it, "Approved by ... version 0.1.0", with the signature
 * table filled in. An approval of an earlier version (the SOP under revision) is fine.
 */
function approvedButNotInForce(ctx: CheckContext): Diagnostic[] {
  return ctx.project.sops.flatMap((sop) => {
    const d = sop.data;
    if (!d?.approval || d.status === 'approved' || d.status === 'superseded') return [];
    const scope = approvalScope(d);
    if (!scope || scope.approved.version !== d.version || scope.changedSince.length) return [];
    return [diagnostic('warning', 'sop/approval-status', sop.file, `status is "${d.status}", but the approval of ${d.approval.date} covers version ${d.version}, this version: the handbook prints both; set status: approved if it was signed, or leave the approval out until it is`, sop.yaml.positionOf(['status']))];
  });
}

/**
 * The model pack's example records of consultations and dry runs (`example: true`: no such
 * event took place) once the pack is the country's own (`model: false`): its handbooks would
 * still print them in the SOPs' histories, marked "Model example".
 */
function exampleRecords(ctx: CheckContext, model: LifecycleModel): Diagnostic[] {
  if (ctx.project.site?.model !== false) return [];
  const records = [
    ...model.consultations.filter((c) => c.data?.example).map((c) => ({ file: c.file, kind: 'consultation', at: c.yaml.positionOf(['example']) })),
    ...model.dryRuns.filter((d) => d.example).map((d) => ({ file: d.file, kind: 'dry run', at: lineOf(join(ctx.project.root, d.file), /^example:/m) })),
  ];
  return records.map(({ file, kind, at }) => diagnostic('warning', 'lifecycle/example-record', file, `example: true: this ${kind} is the model pack's example, which did not take place here, and the pack is no longer the model (model: false, content/site.yaml); its SOPs' histories print it as "Model example": replace it with the country's own record, or delete it and the history lines' record: that name it`, at));
}

/** The line and column where a pattern first matches in a file, for a record read without positions. */
function lineOf(abs: string, pattern: RegExp): { line: number; column: number } | undefined {
  let text: string;
  try {
    text = readFileSync(abs, 'utf8');
  } catch {
    return undefined;
  }
  const match = pattern.exec(text);
  return match ? { line: text.slice(0, match.index).split('\n').length, column: 1 } : undefined;
}

/**
 * Every life-cycle rule of `sopkit check`: consultation records, comment registers (row by row),
 * records named by history lines, and the approval gate.
 */
export async function checkLifecycle(ctx: CheckContext): Promise<Diagnostic[]> {
  const model = await loadLifecycle(ctx.project);
  return [...model.diagnostics, ...model.problems.map(registerDiagnostic), ...consultationRules(ctx, model), ...historyRules(ctx, model), ...approvalGate(ctx, model), ...approvalCurrency(ctx), ...approvalInFuture(ctx), ...approvedButNotInForce(ctx), ...recordsInFuture(ctx, model), ...exampleRecords(ctx, model), ...patchesThatChangeProcedure(ctx), ...commentedVersionEdited(ctx, model)];
}
