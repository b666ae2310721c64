import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WrittenPdf } from './write.ts';

/** What a cached job wrote, kept beside its files. */
const MANIFEST = '.written.json';

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
    if (existsSync(join(done, MANIFEST))) {
      this.counts.reused++;
      return done;
    }
    this.counts.made++;
    const staging = join(jobDir, `${key}.tmp`);
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true });
    const written = await make(staging);
    writeFileSync(join(staging, MANIFEST), JSON.stringify(written));
    for (const old of readdirSync(jobDir)) if (old !== `${key}.tmp`) rmSync(join(jobDir, old), { recursive: true, force: true });
    renameSync(staging, done);
    return done;
  }

  /** Removes the cached jobs this build did not ask for (a deleted SOP's PDFs). */
  prune(): void {
    if (!existsSync(this.dir)) return;
    for (const job of readdirSync(this.dir)) if (!this.used.has(job)) rmSync(join(this.dir, job), { recursive: true, force: true });
  }

  /**
   * Copies a prepared job's files into the output folder.
   * @param done The job's folder in the cache (from `prepare`).
   * @param outDir Where to copy them (the cache's output folder by default).
   * @returns What the job wrote.
   */
  copyOut(done: string, outDir: string = this.outDir): WrittenPdf[] {
    mkdirSync(outDir, { recursive: true });
    cpSync(done, outDir, { recursive: true, filter: (src) => !src.endsWith(MANIFEST) });
    return JSON.parse(readFileSync(join(done, MANIFEST), 'utf8')) as WrittenPdf[];
  }
}
