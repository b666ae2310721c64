import { layout, relPath, type Project, type SopDoc } from '../content/project.ts';
import type { ComponentUse } from '../content/mdx.ts';
import { readSource } from '../content/read-source.ts';
import { diagnostic, type Diagnostic } from '../diagnostics.ts';
import { loadDryRuns } from '../lifecycle/dryrun/load.ts';
import type { ModuleDoc } from '../training/modules.ts';
import { graphOf } from '../workflow/graph.ts';
import { loadWorkflowFileInRun, workflowFiles } from '../workflow/load.ts';
import type { CheckContext } from './context.ts';

/** The strings of a list in parsed YAML (`roles:`, `audience:`), whatever else the file got wrong. */
function stringsOf(data: unknown, key: string): string[] {
  const list = (data as Record<string, unknown> | null | undefined)?.[key];
  return Array.isArray(list) ? list.filter((v): v is string => typeof v === 'string') : [];
}

/** The roles a body names: `<Role id>` and `<Step role>`. */
function bodyRoles(uses: readonly ComponentUse[]): string[] {
  return uses.flatMap((u) => (u.name === 'Role' ? [u.attributes.id] : u.name === 'Step' ? [u.attributes.role] : [])).filter((id): id is string => !!id);
}

/**
 * The ids of `content/roles.yaml` that something names: an SOP (its `roles:` and its text, source
 * or translation), a workflow state's `meta.role`, a module (its `audience` and its text), a
 * course's `audience` or a dry run's `roles`. A file whose text did not parse, and a workflow that
 * did not load, each have an error of their own; a role whose id is written anywhere in one counts
 * as used, so that the warning never advises removing a role such a file still names.
 */
async function usedRoles(project: Project): Promise<{ used: Set<string>; unread: string[] }> {
  const used = new Set<string>();
  const unread: string[] = [];
  const add = (ids: Iterable<string>) => {
    for (const id of ids) used.add(id);
  };
  const translated = Object.values(project.translations);
  const sops: SopDoc[] = [...project.sops, ...translated.flatMap((t) => t.sops)];
  for (const sop of sops) {
    add(sop.data?.roles ?? stringsOf(sop.yaml.data, 'roles'));
    if (sop.tree) add(bodyRoles(sop.uses));
    else unread.push(sop.source ?? '');
  }
  const modules: ModuleDoc[] = [...project.modules, ...translated.flatMap((t) => t.modules)];
  for (const m of modules) {
    add(m.data?.audience ?? stringsOf(m.yaml.data, 'audience'));
    if (m.tree) add(bodyRoles(m.uses));
    else unread.push(m.source);
  }
  for (const c of project.courses) add(c.data?.audience ?? stringsOf(c.yaml.data, 'audience'));
  for (const d of loadDryRuns(project.root)) {
    const roles = (d.yaml.data as { roles?: unknown } | undefined)?.roles;
    if (Array.isArray(roles)) add(roles.map((r) => (r as { role?: unknown } | null)?.role).filter((id): id is string => typeof id === 'string'));
  }
  for (const abs of workflowFiles(project.root)) {
    try {
      // Loaded once per run: the workflow checks have loaded it already.
      const loaded = await loadWorkflowFileInRun(project, project.root, abs);
      add(graphOf(loaded).states.flatMap((s) => (typeof s.meta?.role === 'string' ? [s.meta.role] : [])));
    } catch {
      unread.push(readSource(abs, relPath(project.root, abs)).text ?? '');
    }
  }
  return { used, unread };
}

/** Whether an id is written in a text as a whole id (`registrar` is not in `registrar-general`). */
function mentions(text: string, id: string): boolean {
  const at = (i: number) => text[i] ?? ' ';
  for (let i = text.indexOf(id); i >= 0; i = text.indexOf(id, i + 1)) {
    if (!/[a-z0-9-]/i.test(at(i - 1)) && !/[a-z0-9-]/i.test(at(i + id.length))) return true;
  }
  return false;
}

/**
 * `role/unused`: a role of `content/roles.yaml` that no SOP, workflow, module, course or dry run
 * names. It prints nowhere (no roles table, no step, no audience), yet a translator translates it
 * and a country reads it as one of its posts; it is either a post a procedure forgot, or one left
 * from an earlier version of the pack.
 */
export async function checkUnusedRoles(ctx: CheckContext): Promise<Diagnostic[]> {
  const { project } = ctx;
  if (!project.roles.length) return [];
  const { used, unread } = await usedRoles(project);
  const raw = (Array.isArray(project.yaml.roles?.data) ? project.yaml.roles.data : []) as { id?: unknown }[];
  return project.roles.flatMap((role) => {
    if (used.has(role.id) || unread.some((text) => mentions(text, role.id))) return [];
    const at = project.yaml.roles?.positionOf([raw.findIndex((e) => e?.id === role.id), 'id']);
    return [
      diagnostic(
        'warning',
        'role/unused',
        layout.roles,
        `role "${role.id}" (${role.title}) is used by no SOP, workflow, module or course: name it where it acts (roles: and <Role id="${role.id}" /> or <Step role="${role.id}"> in an SOP, meta.role in a workflow, audience: in a module or course), or, if no procedure needs it, remove it from ${layout.roles} and its translations`,
        at,
      ),
    ];
  });
}
