import { compareVersions } from '../lifecycle/comments.ts';
import { renumberedMessage, renumberedSince } from '../lifecycle/section-renumbered.ts';
import { movedHint } from '../lifecycle/section-moved.ts';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { isComment, isLiteral, oneLine } from '../content/mdx-literals.ts';
import { layout, type SopDoc } from '../content/project.ts';
import { componentSpecs, type ComponentSpec } from '../content/components.ts';
import { checkComponentUse } from './component-use.ts';
import { findSection, sectionAt } from '../content/sections.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { didYouMean } from '../did-you-mean.ts';
import type { CheckContext } from './context.ts';

/** Titles every SOP body is expected to have (ARCHITECTURE.md, Formats: SOP); a missing one is a warning. */
export const standardSections = [
  'Purpose',
  'Scope',
  'Legal basis',
  'Roles and responsibilities',
  'Definitions',
  'Procedure',
  'Records and retention',
  'Data protection',
  'Fraud risks and controls',
  'Forms annex',
  'References',
] as const;

/** Splits `sop-id#6.2` / `#6.2` / `sop-id` into its parts. */
export function parseRefTarget(to: string, currentSop: string): { sop: string; section: string | undefined } {
  const hash = to.indexOf('#');
  if (hash === -1) return { sop: to, section: undefined };
  return { sop: hash === 0 ? currentSop : to.slice(0, hash), section: to.slice(hash + 1) || undefined };
}

/** True when a file of the project could not be read: its own error says so, and rules that need its ids stay quiet. */
function unreadable(ctx: CheckContext, file: string): boolean {
  return ctx.project.diagnostics.some((d) => d.file === file && d.severity === 'error');
}

function componentRules(ctx: CheckContext, sop: SopDoc): Diagnostic[] {
  const out: Diagnostic[] = [];
  const { project } = ctx;
  const terms = new Set(project.glossary.map((t) => t.id));
  const formIds = new Set(sop.data?.forms.map((f) => f.id) ?? []);
  const declaredRoles = new Set(sop.data?.roles ?? []);
  const knownRoles = new Set(project.roles.map((r) => r.id));
  // The parts of a module nested in one already reported (a <Slide> in a <Session>).
  const within = new Set<object>();
  for (const use of sop.uses) {
    out.push(...checkComponentUse(sop.file, use, unreadable(ctx, layout.glossary) ? undefined : terms));
    if (/^[a-z]/.test(use.name) || !componentSpecs[use.name]) continue;
    // A part of a training module (`places: ['module']` in the registry) printed in an SOP as a
    // stray heading, box or new page in the middle of a section, or "the job aid is on the web
    // page", with 0 errors from the check.
    const spec = componentSpecs[use.name]!;
    if (spec.places && !spec.places.includes('sop') && !within.has(use.node)) {
      out.push(moduleOnlyRule(ctx, sop, use, spec));
      visit(use.node, (node) => {
        if (node !== use.node) within.add(node);
      });
    }
    const { id, to, role } = use.attributes;
    // Forms and roles are declared in the frontmatter: when it is invalid, its own error says so.
    if (!sop.data) {
      if (use.name === 'Ref' && to !== undefined) out.push(...refRule(ctx, sop, to, use.at));
      continue;
    }
    if (use.name === 'Form' && id !== undefined && !formIds.has(id)) {
      out.push(diagnostic('error', 'form/unknown', sop.file, `<Form id="${id}">: not among this SOP's forms (${[...formIds].join(', ') || 'none'}); declare it under forms: in the frontmatter`, use.at));
    }
    if (use.name === 'Step' && use.attributes.forms) {
      for (const f of use.attributes.forms.split(/[\s,]+/).filter(Boolean)) {
        if (!formIds.has(f)) out.push(diagnostic('error', 'form/unknown', sop.file, `<Step forms="${f}">: not among this SOP's forms; declare it under forms: in the frontmatter`, use.at));
      }
    }
    const usedRole = use.name === 'Role' ? id : use.name === 'Step' ? role : undefined;
    if (usedRole !== undefined && !declaredRoles.has(usedRole)) {
      const written = use.name === 'Role' ? `<Role id="${usedRole}">` : `<Step role="${usedRole}">`;
      // A mistyped id is not in roles.yaml either: declaring it, as the old advice said, only
      // moved the error to the frontmatter. Name the nearest role, this SOP's first.
      if (!unreadable(ctx, layout.roles) && !knownRoles.has(usedRole)) {
        const near = didYouMean(usedRole, declaredRoles) || didYouMean(usedRole, knownRoles);
        const lang = sop.data.translationOf ? sop.file.split('/')[1] : undefined;
        const advice = lang
          ? `role ids are not translated: write the source's id (${[...declaredRoles].join(', ') || 'see its roles:'}); the page prints the role's title from content/${lang}/roles.yaml`
          : 'fix the id, or add the role to content/roles.yaml and to roles: in the frontmatter';
        out.push(diagnostic('error', 'role/unknown', sop.file, `${written}: no role "${usedRole}" in content/roles.yaml${near}; ${advice}`, use.at));
      } else {
        out.push(diagnostic('error', 'role/undeclared', sop.file, `${written}: role "${usedRole}" is used but not declared; add it to roles: in the frontmatter`, use.at));
      }
    }
    if (use.name === 'Ref' && to !== undefined) out.push(...refRule(ctx, sop, to, use.at));
  }
  return out;
}

/**
 * A part of a training module written in an SOP: an error (`sop/<name>`, `sop/job-aid` for
 * <JobAid>) saying what it is, what it did in the SOP and what to write instead, with the
 * `<Ref>` to the section it stands in for the module to link, and the modules that teach the SOP.
 * One error for the outermost part: a <Slide> in a <Session> goes with it.
 */
function moduleOnlyRule(ctx: CheckContext, sop: SopDoc, use: SopDoc['uses'][number], spec: ComponentSpec): Diagnostic {
  const code = `sop/${use.name.replace(/(?<=[a-z])(?=[A-Z])/g, '-').toLowerCase()}`;
  const first = spec.required[0];
  const written = first !== undefined && use.attributes[first] !== undefined ? `<${use.name} ${first}="${use.attributes[first]}">` : `<${use.name}>`;
  const section = sectionAt(sop.sections, use.at.line);
  const link = section ? `<Ref to="${sop.id}#${section.anchor}" /> (§${section.number} ${section.title})` : `<Ref to="${sop.id}" />`;
  const teaching = ctx.project.modules.filter((m) => m.data?.sops.includes(sop.id)).map((m) => m.file);
  const modules = teaching.length ? `; ${teaching.join(', ')} ${teaching.length === 1 ? 'teaches' : 'teach'} ${sop.id}` : `; no module teaches ${sop.id} yet: \`sopkit new module <id>\` starts one (list ${sop.id} under its sops:)`;
  const { shows, instead } = spec.elsewhere ?? { shows: 'is part of a training module', instead: 'move it into a training module that teaches this SOP, and link this section from there with' };
  return diagnostic('error', code, sop.file, `${written} ${shows}; ${instead} ${link}${modules}`, use.at);
}

/** `<Ref to>` points at an SOP, and a section of it, that exist. */
export function refRule(ctx: CheckContext, sop: Pick<SopDoc, 'id' | 'file'>, to: string, at: { line: number; column: number }): Diagnostic[] {
  const target = parseRefTarget(to, sop.id);
  const targetSop = ctx.project.sops.find((s) => s.id === target.sop);
  if (!targetSop) {
    const known = ctx.project.sops.map((s) => s.id).join(', ');
    return [diagnostic('error', 'ref/unknown-sop', sop.file, `<Ref to="${to}">: no SOP "${target.sop}"; known: ${known}`, at)];
  }
  // A target that does not parse has its own mdx/syntax error; its sections are unknown.
  if (target.section && targetSop.tree && !findSection(targetSop.sections, target.section)) {
    const moved = movedHint(ctx.project.root, targetSop, target.section, (key) => `<Ref to="${to.startsWith('#') ? '' : target.sop}#${key}">`);
    const count = targetSop.sections.filter((s) => s.level === 1).length;
    return [diagnostic('error', 'ref/unknown-section', sop.file, `<Ref to="${to}">: ${target.sop} has no section "${target.section}" (${count ? `sections run 1 to ${count}` : 'it has no sections yet'})${moved}`, at)];
  }
  // A reference into another SOP written before that SOP renumbered its sections (its own
  // references are edited with it: the file is the SOP).
  const renumbered = target.section && targetSop.file !== sop.file ? renumberedSince(ctx.project, sop.file, targetSop, target.section) : undefined;
  if (renumbered) {
    return [diagnostic('warning', 'ref/renumbered', sop.file, `<Ref to="${to}">: ${renumberedMessage(target.sop, renumbered, (key) => `<Ref to="${target.sop}#${key}">`)}`, at)];
  }
  return [];
}

function frontmatterRules(ctx: CheckContext, sop: SopDoc): Diagnostic[] {
  const out: Diagnostic[] = [];
  const data = sop.data;
  if (!data) return out;
  const at = (path: (string | number)[]) => sop.yaml.positionOf(path);
  if (data.status === 'approved' && !data.approval) {
    out.push(diagnostic('error', 'sop/approval-missing', sop.file, 'status is "approved" but there is no approval: add approval: { by, title, date } or change the status', at(['status'])));
  }
  if (data.reviewDue < ctx.today && data.status !== 'superseded') {
    out.push(diagnostic('warning', 'sop/review-overdue', sop.file, `reviewDue ${data.reviewDue} has passed (today is ${ctx.today}); review the SOP and set a new date`, at(['reviewDue'])));
  }
  if (data.reviewDue <= data.effective) {
    out.push(diagnostic('error', 'sop/review-before-effective', sop.file, `reviewDue ${data.reviewDue} is not after effective ${data.effective}`, at(['reviewDue'])));
  }
  const newest = data.history[0];
  if (newest && newest.version !== data.version) {
    out.push(diagnostic('error', 'sop/history-version', sop.file, `history[0].version is ${newest.version} but version is ${data.version}; the newest history entry comes first and matches version`, at(['history', 0])));
  }
  // Newest first, and dated so: the dates say which version an approval covers, and a history
  // out of order (0.2.1 above 0.3.0) passed.
  data.history.forEach((h, i) => {
    const before = data.history[i - 1];
    if (!before) return;
    if (compareVersions(before.version, h.version) <= 0) {
      out.push(diagnostic('error', 'sop/history-order', sop.file, `history[${i}].version ${h.version} is not older than history[${i - 1}].version ${before.version} above it; list the versions newest first, each once`, at(['history', i, 'version'])));
    } else if (before.date < h.date) {
      out.push(diagnostic('warning', 'sop/history-order', sop.file, `history[${i}] (${h.version}) is dated ${h.date}, after ${before.version} above it (${before.date}); the dates decide what an approval covers: correct one of them`, at(['history', i, 'date'])));
    }
  });
  const knownRoles = new Set(ctx.project.roles.map((r) => r.id));
  const rolesRead = !unreadable(ctx, layout.roles);
  data.roles.forEach((role, i) => {
    if (rolesRead && !knownRoles.has(role)) out.push(diagnostic('error', 'role/unknown', sop.file, `roles[${i}]: "${role}" is not in content/roles.yaml; add it there or fix the id`, at(['roles', i])));
  });
  return out;
}

/**
 * An SOP body is text and components, not code: its page is made from the parsed tree
 * (`src/lib/content/sop-body.ts`), which runs nothing. So an `import` or `export`, or a
 * JavaScript expression (`{1 + 1}`, an attribute such as `to={x}`), would do nothing, or stop the
 * page; each is an error naming its line. A `{/* comment *\/}` is fine, and so is an attribute
 * written as a literal (`simulate={false}`). An image path relative to the file would find
 * nothing on the page (it is not bundled as MDX would): images come from `public/`.
 * A training module is the same: its PDFs (workbook, manual, slides) are printed from the tree,
 * where an expression's text was silently lost, and its page would run the code at build time
 * (`{process.exit(0)}` or an endless loop in a slide stopped or hung the build, with 0 errors
 * from the check). The image rule is the SOP's only.
 * @param file Path of the MDX file, relative to the project root.
 * @param tree Its parsed body.
 * @param kind What the file is: an SOP (the default) or a training module.
 */
export function bodyCodeRule(file: string, tree: Root | undefined, kind: 'sop' | 'module' = 'sop'): Diagnostic[] {
  const out: Diagnostic[] = [];
  const notCode = kind === 'sop' ? 'an SOP body is not run as code' : "a module's text may hold no code (its PDFs print the text without running it; its page would run it while the site builds)";
  const at = (node: { position?: { start: { line: number; column: number } } }) => ({ line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 });
  if (!tree) return out;
  visit(tree, (node) => {
    if (kind === 'sop' && node.type === 'image' && !/^(?:\/|[a-z][a-z0-9+.-]*:)/i.test(node.url)) {
      out.push(diagnostic('error', 'mdx/image-path', file, `image "${node.url}": an SOP page is not beside its file, so a path relative to it finds nothing; put the image in public/ and write its path from the site root (/images/...)`, at(node)));
    } else if (node.type === 'mdxjsEsm') {
      const keyword = /^\s*(import|export)\b/.exec(node.value)?.[1] ?? 'import/export';
      out.push(diagnostic('error', 'mdx/esm', file, `${keyword} statement: ${notCode}${kind === 'sop' ? ', so it would do nothing' : ''}; remove it (components need no import; data goes in the frontmatter)`, at(node)));
    } else if ((node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') && !isComment(node.value)) {
      out.push(diagnostic('error', 'mdx/expression', file, `{${oneLine(node.value)}} is a JavaScript expression, and ${notCode}; write the text, or use a component such as <Param id="...">`, at(node)));
    } else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      for (const a of node.attributes) {
        if (a.type === 'mdxJsxExpressionAttribute') {
          out.push(diagnostic('error', 'mdx/expression', file, `<${node.name ?? ''} {${oneLine(a.value)}}>: ${notCode}; write each attribute as name="value"`, at(node)));
        } else if (a.value && typeof a.value === 'object' && !isLiteral(a.value.value)) {
          out.push(diagnostic('error', 'mdx/expression', file, `<${node.name ?? ''} ${a.name}={${oneLine(a.value.value)}}>: ${notCode}; write ${a.name}="..." or a literal such as {false}`, at(node)));
        }
      }
    }
  });
  return out;
}

/** HTML elements that run code, load another page or change the whole page when written in a body. */
const activeElements = new Set(['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'meta', 'link', 'style', 'form']);
/**
 * SVG elements that change another element's attributes while the page runs: `<animate
 * attributeName="href" values="javascript:...">` inside an `<a>` makes a link that runs code when
 * clicked, and none of the attribute checks sees it (the address is in `values`, not `href`).
 */
const animationElements = new Set(['animate', 'set', 'animatemotion', 'animatetransform', 'discard', 'handler', 'listener']);
/** A style that loads or runs something (`url(javascript:...)`, IE's `expression(...)`). */
const activeStyle = /javascript\s*:|vbscript\s*:|expression\s*\(|url\s*\(\s*['"]?\s*data\s*:\s*text\/html/i;

/**
 * HTML written as JSX in a body (`<div>`, `<br />`) is put in the page as it is, so a `<script>`,
 * an `onclick="..."` or a `javascript:` link would run in every reader's browser, in the offline
 * copy too, where a trainee's stored answers are; an `<iframe>` or `<object>` would load another
 * site into the page. None is needed (components do what a page needs), and a trainer cannot
 * review code hidden in procedure text: each is an error at its line.
 * @param file Path of the MDX file, relative to the project root.
 * @param tree Its parsed body.
 */
export function activeContentRule(file: string, tree: Root | undefined): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (!tree) return out;
  const at = (node: { position?: { start: { line: number; column: number } } }) => ({ line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 });
  const runs = (url: string) => /^[\s\u0000-\u001f]*(?:(?:javascript|vbscript)\s*:|data\s*:\s*text\/html)/i.test(url.replace(/[\t\n\r]/g, ''));
  visit(tree, (node) => {
    if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && runs(node.url)) {
      out.push(diagnostic('error', 'mdx/active-content', file, `the address "${oneLine(node.url)}" runs code when a reader opens it; link to a page, an SOP (<Ref to="...">) or a file`, at(node)));
    } else if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name && /^[a-z]/.test(node.name)) {
      if (animationElements.has(node.name.toLowerCase())) {
        out.push(diagnostic('error', 'mdx/active-content', file, `<${node.name}> changes the page's attributes while it runs (a link's address among them), so it can run code in every reader's browser; an SOPKit page holds text and components only: remove it`, at(node)));
      }
      if (activeElements.has(node.name.toLowerCase())) {
        out.push(diagnostic('error', 'mdx/active-content', file, `<${node.name}> would ${node.name === 'script' ? 'run its code' : node.name === 'style' || node.name === 'link' || node.name === 'base' || node.name === 'meta' ? 'change the whole page' : node.name === 'form' ? 'send what a reader types to another address' : 'load another page'} in every reader's browser; an SOPKit page holds text and components only: remove it`, at(node)));
      }
      for (const a of node.attributes) {
        if (a.type !== 'mdxJsxAttribute') continue;
        const value = typeof a.value === 'string' ? a.value : '';
        if (/^on/i.test(a.name) || a.name.toLowerCase() === 'srcdoc' || (/^(?:href|src|action|formaction|xlink:href|data)$/i.test(a.name) && runs(value))) {
          out.push(diagnostic('error', 'mdx/active-content', file, `<${node.name} ${a.name}="...">: the attribute runs code in every reader's browser; remove it`, at(node)));
        } else if (a.name.toLowerCase() === 'style' && activeStyle.test(value.replace(/\\/g, ''))) {
          out.push(diagnostic('error', 'mdx/active-content', file, `<${node.name} style="...">: the style loads an address that runs code; keep to colours and sizes, or remove it`, at(node)));
        } else if (node.name.toLowerCase() === 'use' && /^(?:href|xlink:href)$/i.test(a.name) && !value.trim().startsWith('#')) {
          out.push(diagnostic('error', 'mdx/active-content', file, `<use ${a.name}="${oneLine(value).slice(0, 40)}">: a <use> may only show a drawing of this page (href="#id"); one from another address or a data: URL can carry code: draw it here, or use an image (![text](file.svg))`, at(node)));
        }
      }
    }
  });
  return out;
}

/**
 * A Markdown table whose header row has an empty cell (`| | New | Old |`): on the page a column
 * header without a name, which a screen reader announces as nothing (axe empty-table-header), and
 * the table's scrolling box is named by its header cells. A warning at the table: write what the
 * column holds ("Detail", "Step").
 * @param file Path of the MDX file, relative to the project root.
 * @param tree Its parsed body.
 */
export function tableHeaderRule(file: string, tree: Root | undefined): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (!tree) return out;
  visit(tree, 'table', (table) => {
    const head = table.children[0];
    const empty = head?.children.flatMap((cell, i) => (toString(cell).trim() === '' ? [i + 1] : [])) ?? [];
    if (!empty.length) return;
    const which = empty.length === 1 ? `the header of column ${empty[0]} of this table is empty` : `the headers of columns ${empty.join(', ')} of this table are empty`;
    out.push(diagnostic('warning', 'mdx/empty-table-header', file, `${which}: a screen reader announces that column without a name; write what the column holds (like "Detail" over row labels)`, { line: table.position?.start.line ?? 1, column: table.position?.start.column ?? 1 }));
  });
  return out;
}

function structureRules(sop: SopDoc): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (!sop.tree || !sop.data) return out;
  for (const node of sop.tree.children) {
    if (node.type === 'heading' && node.depth === 1) {
      out.push(diagnostic('error', 'sop/h1', sop.file, 'the title comes from the frontmatter; start sections at ## (level 2)', { line: node.position?.start.line ?? 1, column: 1 }));
    }
  }
  // A component in a heading: the contents, the section's anchor and the printed heading take its
  // words only, so "Approve a late registration (see <Ref to="#6.4" />)" read "(see )" and its
  // anchor ended in "-see-".
  visit(sop.tree, 'heading', (heading) => {
    visit(heading, (node) => {
      if (node.type !== 'mdxJsxTextElement') return;
      const name = (node as { name?: string | null }).name ?? '';
      out.push(diagnostic('warning', 'sop/component-in-heading', sop.file, `<${name}> in a heading: the contents, the section's link and the printed heading take the heading's words only, and leave a gap where it is; write the words in the heading, and the <${name}> in the text under it`, { line: node.position?.start.line ?? heading.position?.start.line ?? 1, column: node.position?.start.column ?? 1 }));
    });
  });
  const titles = new Set(sop.sections.filter((s) => s.level === 1).map((s) => s.title.toLowerCase()));
  for (const title of standardSections) {
    if (!titles.has(title.toLowerCase())) {
      out.push(diagnostic('warning', 'sop/missing-section', sop.file, `no "## ${title}" section; every SOP has the standard parts (see the authoring guide)`));
    }
  }
  return out;
}

function duplicateRules(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Map<string, string>();
  for (const sop of ctx.project.sops) {
    const data = sop.data;
    if (!data) continue;
    const keys: [string, string, (string | number)[]][] = [[`code:${data.code}`, `code ${data.code}`, ['code']]];
    data.forms.forEach((f, i) => keys.push([`form:${f.id}`, `form ${f.id}`, ['forms', i, 'id']]));
    for (const [key, label, path] of keys) {
      const first = seen.get(key);
      if (first) out.push(diagnostic('error', 'duplicate-id', sop.file, `${label} is already used by ${first}; ids must be unique across the pack`, sop.yaml.positionOf(path)));
      else seen.set(key, sop.file);
    }
  }
  for (const [list, file, yaml] of [
    [ctx.project.glossary, 'content/glossary.yaml', ctx.project.yaml.glossary],
    [ctx.project.roles, 'content/roles.yaml', ctx.project.yaml.roles],
  ] as const) {
    const first = new Map<string, number>();
    list.forEach((entry, i) => {
      const earlier = first.get(entry.id);
      if (earlier === undefined) first.set(entry.id, i);
      else {
        const line = yaml?.positionOf([earlier, 'id']).line ?? 1;
        out.push(diagnostic('error', 'duplicate-id', file, `id "${entry.id}" is already used on line ${line}; give each entry its own id`, yaml?.positionOf([i, 'id'])));
      }
    });
  }
  return out;
}

/** A glossary entry's `related` ids name entries of the glossary: the page links each one. */
function glossaryRules(ctx: CheckContext): Diagnostic[] {
  const { glossary, yaml } = ctx.project;
  const ids = new Set(glossary.map((t) => t.id));
  return glossary.flatMap((entry, i) =>
    entry.related.flatMap((id, j) =>
      ids.has(id) ? [] : [diagnostic('error', 'glossary/unknown-related', layout.glossary, `related[${j}] of "${entry.id}": no term "${id}" in this glossary${didYouMean(id, ids)}; fix the id or add the term`, yaml.glossary?.positionOf([i, 'related', j]))],
    ),
  );
}

/** Every SOP-level rule of `sopkit check` (issue: SOP authoring). */
export function checkSops(ctx: CheckContext): Diagnostic[] {
  const out: Diagnostic[] = [...duplicateRules(ctx), ...glossaryRules(ctx)];
  for (const sop of ctx.project.sops) {
    out.push(...frontmatterRules(ctx, sop), ...componentRules(ctx, sop), ...structureRules(sop), ...bodyCodeRule(sop.file, sop.tree), ...activeContentRule(sop.file, sop.tree), ...tableHeaderRule(sop.file, sop.tree));
  }
  // A translated SOP's body is a page and a PDF like its source's: the same components, the same
  // rules. Before, a French SOP with {1 + 1}, <Term id="nope">, <Ref to="zeta#1"> or an unknown
  // component passed the check clean (its language, source and structure are translation rules).
  for (const doc of Object.values(ctx.project.translations).flatMap((t) => t.sops)) {
    out.push(...componentRules(ctx, doc), ...bodyCodeRule(doc.file, doc.tree), ...activeContentRule(doc.file, doc.tree), ...tableHeaderRule(doc.file, doc.tree));
  }
  return out;
}
