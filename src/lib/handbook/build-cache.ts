import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { threadId } from 'node:worker_threads';
import type { WrittenPdf } from './write.ts';

/** After how long a job's staging folder is taken for the leftover of a build that was stopped. */
const STALE_MS = 60 * 60_000;

/** What a cached job wrote, kept beside its files. */
const MANIFEST = '.written.json';
/** The size and modification time of each file of a cached job when it was made. */
const STAMPS = '.stamps.json';

/** Every file under a folder, as paths relative to it, but the cache's own records. */
function filesUnder(dir: string, under = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(path, under);
    return entry.name === MANIFEST || entry.name === STAMPS ? [] : [relative(under, path)];
  });
}

/** `[size, mtimeMs]` of each file of a job's folder. */
function stampsOf(dir: string): Record<string, [number, number]> {
  return Object.fromEntries(
    filesUnder(dir).map((file) => {
      const stat = statSync(join(dir, file));
      return [file, [stat.size, stat.mtimeMs]];
    }),
  );
}

/**
 * Whether a cached job's files are as they were made. The output folder holds hard links to them
 * (`copyOut`), so a file changed in place there (a comment register opened and saved from
 * `dist/handbooks/`) changes the cached one too: such a job is made again rather than published.
 */
function intact(done: string): boolean {
  try {
    const stamps = JSON.parse(readFileSync(join(done, STAMPS), 'utf8')) as Record<string, [number, number]>;
    const now = stampsOf(done);
    const names = Object.keys(stamps);
    return names.length === Object.keys(now).length && names.every((name) => now[name]?.[0] === stamps[name]?.[0] && now[name]?.[1] === stamps[name]?.[1]);
  } catch {
    return false;
  }
}

/**
 * Puts a file at `to`: a hard link to `from` (no bytes copied: at 1,000 SOPs the build's thread
 * spent about 3 s copying 4,000 cached files into dist/ after the pages), or a copy where the two
 * folders cannot share a file (another disk, a file system without links).
 */
function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
    return;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      unlinkSync(to);
      return linkOrCopy(from, to);
    }
  }
  copyFileSync(from, to);
}

/**
 * A cache of printed outputs by job (`sop-<id>`, `pack`): each job's files are kept under the hash
 * of exactly its inputs (`pdfKeys`), so a build after editing one SOP reuses every other SOP's
 * PDFs and remakes only that SOP's and the whole-pack ones.
 */
export class PdfCache {
  /** Jobs run or reused in this build: anything else in the cache is dropped by `prune`. */
  private readonly used = new Set<string>();
  /** How many jobs were reused and remade. */
  readonly counts = { reused: 0, made: 0 };

  /**
   * @param dir The cache folder of one edition (`.sopkit-cache/pdf/<edition>`).
   * @param outDir Where `run` copies the PDFs (`dist/handbooks`); `copyOut` may name another.
   */
  constructor(
    private readonly dir: string,
    private readonly outDir: string = '',
  ) {}

  /**
   * Copies the files of a job from the cache when its key is there; else runs it into a fresh
   * folder, keeps that under the key (dropping the job's older keys) and copies it out.
   * @param job A name unique in the build (a file-name-safe id).
   * @param key The hash of the job's inputs.
   * @param make Writes the job's files into the folder it is given and says what it wrote.
   */
  async run(job: string, key: string, make: (outDir: string) => Promise<WrittenPdf[]>): Promise<WrittenPdf[]> {
    return this.copyOut(await this.prepare(job, key, make));
  }

  /**
   * Makes sure the cache holds a job's files under its key, running it into a fresh folder when
   * it does not, and says where they are; nothing is copied to the output folder yet, so a build
   * can make every job first and publish only when all of them succeeded (`copyOut`).
   * @param job A name unique in the build (a file-name-safe id).
   * @param key The hash of the job's inputs.
   * @param make Writes the job's files into the folder it is given and says what it wrote.
   * @returns The job's folder in the cache.
   */
  async prepare(job: string, key: string, make: (outDir: string) => Promise<WrittenPdf[]>): Promise<string> {
    this.used.add(job);
    const jobDir = join(this.dir, job);
    const done = join(jobDir, key);
    if (existsSync(join(done, MANIFEST)) && intact(done)) {
      this.counts.reused++;
      return done;
    }
    this.counts.made++;
    // Files changed since they were made (or a folder left half-written) are made again.
    rmSync(done, { recursive: true, force: true });
    // A folder of this process's own: a trainer build makes the participant's jobs into the
    // participant's cache, and the two editions may be built at once.
    const staging = join(jobDir, `${key}.${process.pid}-${threadId}.tmp`);
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true });
    const written = await make(staging);
    writeFileSync(join(staging, MANIFEST), JSON.stringify(written));
    writeFileSync(join(staging, STAMPS), JSON.stringify(stampsOf(staging)));
    // Older keys go; so does another build's folder of this key, unless it is being made now (a
    // staging folder of the last hour) or was finished meanwhile (kept: that build copies from it).
    for (const old of readdirSync(jobDir)) {
      const path = join(jobDir, old);
      if (path === staging || old === key) continue;
      if (old.endsWith('.tmp') && Date.now() - statSync(path).mtimeMs < STALE_MS) continue;
      rmSync(path, { recursive: true, force: true });
    }
    try {
      renameSync(staging, done);
    } catch (error) {
      // The other build finished the same job first: its files are the same bytes.
      if (!existsSync(join(done, MANIFEST))) throw error;
      rmSync(staging, { recursive: true, force: true });
    }
    return done;
  }

  /** Removes the cached jobs this build did not ask for (a deleted SOP's PDFs). */
  prune(): void {
    if (!existsSync(this.dir)) return;
    for (const job of readdirSync(this.dir)) if (!this.used.has(job)) rmSync(join(this.dir, job), { recursive: true, force: true });
  }

  /**
   * Puts a prepared job's files into the output folder, as hard links to the cached files where
   * the file system allows (else copies). A job whose cached files were changed since is made
   * again by the next build (`intact`).
   * @param done The job's folder in the cache (from `prepare`).
   * @param outDir Where to put them (the cache's output folder by default).
   * @returns What the job wrote.
   */
  copyOut(done: string, outDir: string = this.outDir): WrittenPdf[] {
    mkdirSync(outDir, { recursive: true });
    const folders = new Set<string>([outDir]);
    for (const file of filesUnder(done)) {
      const folder = dirname(join(outDir, file));
      if (!folders.has(folder)) mkdirSync(folder, { recursive: true });
      folders.add(folder);
      linkOrCopy(join(done, file), join(outDir, file));
    }
    return JSON.parse(readFileSync(join(done, MANIFEST), 'utf8')) as WrittenPdf[];
  }
}
