import { z } from 'zod';
import { isoDate, kebabId, semver } from './common.ts';

/** One office where the procedure is tried out. */
export const dryRunSiteSchema = z
  .object({
    /** Short id used in the results file's `site` column, e.g. `district-office`. */
    id: kebabId,
    /** Name as people know it, e.g. "[District] civil registration office". */
    name: z.string().min(2),
    /** What kind of office it is, e.g. "district civil registration office", "hospital registration point". */
    type: z.string().min(2),
  })
  .strict();

/** Someone who watches the cases and fills in the observation sheets. */
export const dryRunObserverSchema = z
  .object({
    /** Name, or a placeholder such as "[Name]". */
    name: z.string().min(1),
    /** Organisation or unit they come from. */
    organisation: z.string().min(1).optional(),
    /** Site id where they observe; absent when they move between sites. */
    site: kebabId.optional(),
  })
  .strict();

/** Who plays a role of the procedure during the dry run. */
export const dryRunRoleSchema = z
  .object({
    /** Role id from `content/roles.yaml`. */
    role: kebabId,
    /** Who plays it: a post or a placeholder name, e.g. "[Name], registrar of the district office". */
    who: z.string().min(1),
  })
  .strict();

/** The debrief meeting after the dry run. */
export const dryRunDebriefSchema = z
  .object({
    /** Date of the debrief (YYYY-MM-DD). */
    date: isoDate.optional(),
    /** Where it is held. */
    place: z.string().min(1).optional(),
    /** Agenda items; a standard agenda is printed when absent. */
    agenda: z.array(z.string().min(1)).min(1).optional(),
  })
  .strict();

/** Frontmatter of `content/dryruns/<id>.yaml`: one trial of an SOP version in real offices (ARCHITECTURE.md, Formats: dry run). */
export const dryRunSchema = z
  .object({
    /** SOP id (from `content/sops/`) being tried out. */
    sop: kebabId,
    /** The SOP version tried out; it must be in the SOP's revision history. */
    version: semver,
    /** Title of the dry run, e.g. "Dry run of the birth registration SOP in two offices". */
    title: z.string().min(3),
    /** What the dry run is meant to find out, one sentence each. */
    objectives: z.array(z.string().min(3)).min(1, 'at least one objective: what the dry run should find out'),
    /** Offices where the cases are run; their ids are the results file's `site` values. */
    sites: z.array(dryRunSiteSchema).min(1, 'at least one site'),
    /** First and last day of the dry run. */
    dates: z
      .object({
        /** First day (YYYY-MM-DD). */
        start: isoDate,
        /** Last day (YYYY-MM-DD), on or after the first. */
        end: isoDate,
      })
      .strict()
      .refine((d) => d.end >= d.start, { message: 'dates.end on or after dates.start', path: ['end'] }),
    /** People who watch and fill in the observation sheets. */
    observers: z.array(dryRunObserverSchema).default([]),
    /** Who plays each role; when absent, the test plan lists the roles the cases need. */
    roles: z.array(dryRunRoleSchema).default([]),
    /** Scenario ids of the SOP's workflow to run as cases; absent: every scenario. */
    cases: z.array(kebabId).min(1).optional(),
    /** Results CSV (`case,site,step,done,minutes,deviation,issue,proposal`), relative to this file. */
    results: z.string().regex(/\.(csv|xlsx)$/i, 'a path to a .csv or .xlsx file, relative to this file').optional(),
    /** The debrief meeting. */
    debrief: dryRunDebriefSchema.optional(),
    /** Office minutes in a working day: time limits in days are compared with minutes at this rate. */
    workingDay: z.number().int().min(60, 'at least 60 minutes').max(1440, 'at most 1440 minutes (24 hours)').default(480),
    /** True for a model record shipped with the pack: every output carries a "model example" banner. */
    example: z.boolean().default(false),
  })
  .strict();

export type DryRun = z.output<typeof dryRunSchema>;
export type DryRunSite = z.output<typeof dryRunSiteSchema>;

/** Values of the results file's `done` column. */
export const doneValues = ['yes', 'partly', 'no', 'skipped'] as const;
export type Done = (typeof doneValues)[number];

/** Columns of the results file, in the order the template writes them. */
export const resultColumns = ['case', 'site', 'step', 'done', 'minutes', 'deviation', 'issue', 'proposal'] as const;
export type ResultColumn = (typeof resultColumns)[number];
