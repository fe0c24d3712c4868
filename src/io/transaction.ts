// Every command that changes a workspace stages its writes in a Transaction and commits them at
// the end, so a failure (or Ctrl-C) half-way leaves the workspace as it was:
//   1. each new file is written beside its target as a temporary file (a folder that does not
//      exist yet is built whole beside its place instead, to be renamed in as one); a command may
//      write these ahead (writeAhead) while it still computes;
//   2. each file about to be replaced or deleted gets a hard-linked backup;
//   3. a journal listing all of it is written (atomically);
//   4. the temporaries are renamed over their targets and deletions done;
//   5. the journal is removed: this is the commit point; backups are then cleaned up.
// If the process dies between 3 and 5, the next command finds the journal and rolls back.
// No library does multi-file atomic commits with rollback, hence this small hand-written one.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DataError } from '../errors.js';
import { BAK_SUFFIX, cleanupFiles, JOURNAL, type Journal, rollback, STATE_DIR, TMP_SUFFIX } from './journal.js';

// Recovery after a crash lives beside the journal; commands reach it through here.
export { needsRecovery, recoverWorkspace, rollback } from './journal.js';

const MANIFEST = 'generated.json';

export interface PlannedChange {
  path: string; // relative to the workspace, with forward slashes
  action: 'create' | 'replace' | 'delete' | 'unchanged';
  bytes: number;
}

/**
 * A file's bytes given as chunks read on demand, for a file too big to hold (an import's people,
 * spooled to disk): asked for again each time the commit needs them (to compare, hash, write).
 * A chunk need only stay valid until the next is asked for.
 */
export interface ByteSource {
  readonly size: number;
  chunks(): Iterable<Uint8Array>;
}

function isByteSource(data: unknown): data is ByteSource {
  return typeof data === 'object' && data !== null && typeof (data as ByteSource).chunks === 'function';
}

function chunkSource(chunks: readonly Uint8Array[]): ByteSource {
  return { size: chunks.reduce((n, c) => n + c.length, 0), chunks: () => chunks };
}

interface Staged {
  rel: string;
  data: ByteSource | null; // null = delete
  generated: boolean;
  durable: boolean;
  /** The temporary already written by writeAhead(), which commit() then only renames. */
  written?: string;
  /**
   * Once written ahead, the bytes are let go (10,000 drafts are hundreds of MB); their size and
   * digest are all the commit still needs.
   */
  kept?: { size: number; digest: string };
}


export function sha256(data: Uint8Array | readonly Uint8Array[] | ByteSource): string {
  const h = createHash('sha256');
  if (isByteSource(data)) for (const c of data.chunks()) h.update(c);
  else if (Array.isArray(data)) for (const c of data) h.update(c);
  else h.update(data as Uint8Array);
  return h.digest('hex');
}

/** Whether a file's bytes equal these chunks, without joining the chunks into one buffer. */
function sameBytes(current: Buffer, source: ByteSource): boolean {
  if (current.length !== source.size) return false;
  let at = 0;
  for (const c of source.chunks()) {
    if (at + c.length > current.length || Buffer.compare(current.subarray(at, at + c.length), c) !== 0) return false;
    at += c.length;
  }
  return at === current.length;
}

/** Test hook: fail after this many renames, to prove rollback works. */
let failAfterRenames: number | null = null;
export function injectFailureAfterRenames(n: number | null): void {
  failAfterRenames = n;
}

/** Test hook: how many renames (and deletions) the last commit made; a new folder is one. */
let lastRenames = 0;
export function renamesOfLastCommit(): number {
  return lastRenames;
}

function tmpName(abs: string, suffix: string): string {
  return path.join(path.dirname(abs), `.${path.basename(abs)}${suffix}`);
}

/**
 * What mentorship wrote into a workspace: whether it wrote a file, and whether that file is still
 * exactly as written (safe to replace or remove without --force). Read once, ask many times.
 */
export function generatedFiles(root: string): { wrote(rel: string): boolean; untouched(rel: string): boolean } {
  const manifest = readManifest(root);
  return {
    wrote: (rel) => Boolean(manifest[rel]),
    untouched: (rel) => {
      const known = manifest[rel];
      if (!known) return false;
      try {
        return sha256(fs.readFileSync(path.join(root, rel))) === known;
      } catch {
        return false;
      }
    },
  };
}

function readManifest(root: string): Record<string, string> {
  try {
    return JSON.parse(fs.readFileSync(path.join(root, STATE_DIR, MANIFEST), 'utf8')) as Record<string, string>;
  } catch {
    return {};
  }
}

/** Resolve a workspace-relative path and refuse anything that would leave the workspace. */
export function insideWorkspace(root: string, rel: string): string {
  const abs = path.resolve(root, rel);
  const relBack = path.relative(root, abs);
  if (relBack.startsWith('..') || path.isAbsolute(relBack)) {
    throw new DataError(`refusing to write outside the workspace: ${rel}`);
  }
  return abs;
}

/** A failed write as the administrator can act on it: what could not be written, why, and the fix. */
export function ioError(err: unknown, file: string): DataError {
  const e = err as NodeJS.ErrnoException;
  const reason =
    e.code === 'ENOSPC' ? 'the disk is full' :
    e.code === 'EACCES' || e.code === 'EPERM' ? 'permission denied' :
    e.code === 'EROFS' ? 'the folder is read-only' :
    e.code === 'EDQUOT' ? 'the disk quota is exceeded' :
    e.message;
  return new DataError(`cannot write ${file}: ${reason}`, { file }, 'free some space or fix the folder permissions, then run the command again; nothing was changed');
}

export class Transaction {
  private staged = new Map<string, Staged>();
  /** What was in each folder when writeAhead() first looked (the lock keeps it so). */
  private listings = new Map<string, Set<string>>();
  /** New folders being built whole by writeAhead(): target folder -> its staging folder. */
  private folders = new Map<string, string>();
  /** Folders made inside those, so that thousands of drafts do not each ask for theirs. */
  private made = new Set<string>();
  constructor(
    readonly root: string,
    private readonly opts: { force?: boolean } = {},
  ) {}

  /** Stage a file. `generated` files (under out/) are protected from overwriting people's edits. */
  write(rel: string, data: Buffer | string | readonly Buffer[] | ByteSource, opts: { generated?: boolean; durable?: boolean } = {}): void {
    insideWorkspace(this.root, rel);
    const norm = rel.split(path.sep).join('/');
    this.forgetWritten(norm);
    this.staged.set(norm, {
      rel: norm,
      data:
        typeof data === 'string' ? chunkSource([Buffer.from(data, 'utf8')]) :
        isByteSource(data) ? data :
        chunkSource(Array.isArray(data) ? [...(data as readonly Buffer[])] : [data as Buffer]),
      generated: opts.generated ?? norm.startsWith('out/'),
      durable: opts.durable ?? !norm.startsWith('out/'),
    });
  }

  remove(rel: string): void {
    insideWorkspace(this.root, rel);
    const norm = rel.split(path.sep).join('/');
    this.forgetWritten(norm);
    this.staged.set(norm, { rel: norm, data: null, generated: false, durable: true });
  }

  /**
   * Write the temporaries of these staged files now instead of at commit, for those whose target
   * does not exist yet: a command can do this slow disk work (thousands of new drafts) while a
   * worker thread computes. Nothing is visible until commit() renames them; abandon() (or the
   * recovery of a workspace after a crash) removes them. Never for a dry run.
   */
  writeAhead(rels: Iterable<string>): void {
    let current = '';
    try {
      for (const rel of rels) {
        const s = this.staged.get(rel);
        if (!s || s.data === null || s.written) continue;
        current = rel;
        const abs = path.join(this.root, rel);
        const where = this.aheadPath(abs);
        if (where === null) continue;
        // Marked before writing, so that a failure half-way still removes this temporary.
        s.written = where;
        writeFileDurably(where, s.data, s.durable);
        s.kept = { size: s.data.size, digest: sha256(s.data) };
        s.data = chunkSource([]);
      }
    } catch (err) {
      this.abandon();
      throw ioError(err, current);
    }
  }

  /**
   * Where to write a file ahead: beside its target, or, when its folder does not exist yet, into
   * a new folder built whole beside that folder (one rename at commit instead of one per file).
   * Null when the target exists: replacing it is left to commit(), which compares it first.
   */
  private aheadPath(abs: string): string | null {
    const dir = path.dirname(abs);
    const folder = this.newFolderOf(dir);
    if (folder) return this.insideStaging(folder, abs);
    let names = this.listings.get(dir);
    if (!names) {
      names = new Set(fs.readdirSync(dir));
      this.listings.set(dir, names);
    }
    return names.has(path.basename(abs)) ? null : tmpName(abs, TMP_SUFFIX);
  }

  /** Where `abs`, in the new folder `folder`, is written while that folder is built. */
  private insideStaging(folder: string, abs: string): string {
    const inside = path.join(this.folders.get(folder)!, path.relative(folder, abs));
    const parent = path.dirname(inside);
    if (!this.made.has(parent)) {
      fs.mkdirSync(parent, { recursive: true });
      this.made.add(parent);
    }
    return inside;
  }

  /** Write a staged file's bytes at `where`, unless writeAhead() already did (then they are gone). */
  private writeOut(s: Staged, where: string): void {
    if (s.written) return;
    if (s.kept) throw new Error(`internal: ${s.rel} was written ahead, then its temporary was removed`);
    writeFileDurably(where, s.data!, s.durable);
  }

  /** The new folder (being built whole) that holds `dir`, if any. */
  private folderHolding(dir: string): string | null {
    for (const f of this.folders.keys()) if (dir === f || dir.startsWith(f + path.sep)) return f;
    return null;
  }

  /** The top-most missing folder holding `dir` (its staging folder made), or null if `dir` exists. */
  private newFolderOf(dir: string): string | null {
    const known = this.folderHolding(dir);
    if (known) return known;
    if (this.listings.has(dir) || fs.existsSync(dir)) return null;
    let top = dir;
    while (path.dirname(top) !== this.root && !fs.existsSync(path.dirname(top))) top = path.dirname(top);
    const staging = tmpName(top, TMP_SUFFIX);
    fs.rmSync(staging, { recursive: true, force: true });
    fs.mkdirSync(staging);
    this.folders.set(top, staging);
    return top;
  }

  /** Remove what writeAhead() wrote: the command stopped before its commit (or was a dry run). */
  abandon(): void {
    for (const s of this.staged.values()) this.forgetWritten(s.rel);
    for (const staging of this.folders.values()) fs.rmSync(staging, { recursive: true, force: true });
    this.folders.clear();
    this.made.clear();
  }

  private forgetWritten(rel: string): void {
    const s = this.staged.get(rel);
    if (!s?.written) return;
    fs.rmSync(s.written, { force: true });
    delete s.written;
  }

  has(rel: string): boolean {
    return this.staged.has(rel);
  }

  get size(): number {
    return this.staged.size;
  }

  /**
   * One pass over the staged files: what would change, and which generated files a person has
   * edited since we wrote them. Each existing target is read once.
   */
  private survey(): { plan: PlannedChange[]; edited: string[]; changing: Staged[]; manifest: Record<string, string> } {
    const manifest = readManifest(this.root);
    const plan: PlannedChange[] = [];
    const edited: string[] = [];
    const changing: Staged[] = [];
    // One directory listing per folder instead of one failed open per new file: thousands of
    // email drafts are mostly new files.
    const listings = new Map<string, Set<string>>();
    const exists = (abs: string): boolean => {
      const dir = path.dirname(abs);
      let names = listings.get(dir);
      if (!names) {
        try {
          names = new Set(fs.readdirSync(dir));
        } catch {
          names = new Set();
        }
        listings.set(dir, names);
      }
      return names.has(path.basename(abs));
    };
    for (const s of [...this.staged.values()].sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0))) {
      const abs = path.join(this.root, s.rel);
      let current: Buffer | null = null;
      if (exists(abs)) {
        try {
          current = fs.readFileSync(abs);
        } catch {
          current = null; // unreadable: it will be replaced
        }
      }
      if (s.data === null) {
        if (current) {
          plan.push({ path: s.rel, action: 'delete', bytes: 0 });
          changing.push(s);
        }
        continue;
      }
      const bytes = s.kept?.size ?? s.data.size;
      if (current && (s.kept ? sha256(current) === s.kept.digest : sameBytes(current, s.data))) {
        plan.push({ path: s.rel, action: 'unchanged', bytes });
        continue;
      }
      if (current && s.generated && manifest[s.rel] !== sha256(current)) edited.push(s.rel);
      plan.push({ path: s.rel, action: current ? 'replace' : 'create', bytes });
      changing.push(s);
    }
    return { plan, edited, changing, manifest };
  }

  /** What commit() would do: the basis of --dry-run. */
  plan(): PlannedChange[] {
    return this.survey().plan;
  }

  /** Generated files a person changed since we wrote them: never overwritten without --force. */
  editedByPeople(): string[] {
    return this.survey().edited;
  }

  commit(): PlannedChange[] {
    const { plan, edited, changing: changes, manifest } = this.survey();
    // A file written ahead that turns out unchanged (or whose commit is refused) is not renamed.
    const renaming = new Set(changes);
    for (const s of this.staged.values()) if (!renaming.has(s)) this.forgetWritten(s.rel);
    if (!this.opts.force && edited.length) {
      this.abandon();
      throw new DataError(
        `${edited.length === 1 ? `${edited[0]} has` : `${edited.length} generated files have`} been changed since mentorship wrote ${edited.length === 1 ? 'it' : 'them'}${edited.length > 1 ? ` (${edited.slice(0, 5).join(', ')}${edited.length > 5 ? ', ...' : ''})` : ''}`,
        {},
        'keep your edits by copying the file elsewhere, or run the command again with --force to replace it',
      );
    }
    // The manifest records what we wrote, so an untouched generated file can be replaced next time.
    let manifestChanged = false;
    for (const s of this.staged.values()) {
      if (s.generated && s.data !== null) {
        const h = s.kept?.digest ?? sha256(s.data);
        if (manifest[s.rel] !== h) {
          manifest[s.rel] = h;
          manifestChanged = true;
        }
      }
      if (s.data === null && manifest[s.rel]) {
        delete manifest[s.rel];
        manifestChanged = true;
      }
    }
    if (manifestChanged) {
      changes.push({
        rel: `${STATE_DIR}/${MANIFEST}`,
        data: chunkSource([Buffer.from(`${JSON.stringify(manifest, null, 1)}\n`)]),
        generated: false,
        durable: true,
      });
    }
    if (changes.length === 0) return plan;
    const journal: Journal = { entries: [] };
    const replacing = new Set(plan.filter((p) => p.action === 'replace' || p.action === 'delete').map((p) => p.path));
    const made = new Set<string>();
    const journalPath = path.join(this.root, STATE_DIR, JOURNAL);
    let current = this.root;
    try {
      for (const [folder, staging] of this.folders) {
        // Only ever a folder that did not exist: rollback removes it whole.
        if (fs.existsSync(folder)) {
          throw new DataError(
            `${path.relative(this.root, folder)} appeared while the command ran`,
            { file: path.relative(this.root, folder) },
            'move it away (or delete it), then run the command again; nothing was changed',
          );
        }
        journal.entries.push({ target: folder, tmp: staging, bak: null, dir: true });
      }
      for (const s of changes) {
        current = s.rel;
        const abs = path.join(this.root, s.rel);
        const dir = path.dirname(abs);
        const folder = this.folderHolding(dir);
        if (folder) {
          // Part of a new folder: written into its staging folder, renamed with it.
          this.writeOut(s, s.written ?? this.insideStaging(folder, abs));
          continue;
        }
        if (!made.has(dir)) {
          fs.mkdirSync(dir, { recursive: true });
          made.add(dir);
        }
        // Listed before anything is written, so that a failure half-way through staging (a full
        // disk while writing this very file) cleans up this file's temporary and backup too.
        const entry = {
          target: abs,
          tmp: s.data !== null ? (s.written ?? tmpName(abs, TMP_SUFFIX)) : null,
          bak: replacing.has(s.rel) || (s.rel.startsWith(STATE_DIR) && fs.existsSync(abs)) ? tmpName(abs, BAK_SUFFIX) : null,
        };
        journal.entries.push(entry);
        if (entry.tmp) this.writeOut(s, entry.tmp);
        if (entry.bak) {
          fs.rmSync(entry.bak, { force: true });
          fs.linkSync(abs, entry.bak);
        }
      }
      current = `${STATE_DIR}/${JOURNAL}`;
      fs.mkdirSync(path.dirname(journalPath), { recursive: true });
      // Paths relative to the workspace, so a workspace moved (or reached by another path) after a
      // crash is recovered where it is, and nothing is touched at its old place.
      const rel = (p: string | null) => (p === null ? null : path.relative(this.root, p));
      const onDisk: Journal = {
        entries: journal.entries.map((e) => ({ target: rel(e.target)!, tmp: rel(e.tmp), bak: rel(e.bak), ...(e.dir ? { dir: true } : {}) })),
      };
      writeFileDurably(`${journalPath}${TMP_SUFFIX}`, Buffer.from(JSON.stringify(onDisk)), true);
      fs.renameSync(`${journalPath}${TMP_SUFFIX}`, journalPath);
    } catch (err) {
      cleanupFiles(journal);
      this.abandon();
      fs.rmSync(`${journalPath}${TMP_SUFFIX}`, { force: true });
      if (err instanceof DataError) throw err;
      throw ioError(err, current);
    }
    // From here the temporaries are the journal's: renamed into place, or rolled back.
    for (const s of this.staged.values()) delete s.written;
    this.folders.clear();
    this.made.clear();
    try {
      let renamed = 0;
      for (const e of journal.entries) {
        if (failAfterRenames !== null && renamed >= failAfterRenames) throw new Error('injected failure between writes');
        if (e.tmp) fs.renameSync(e.tmp, e.target);
        else fs.rmSync(e.target, { force: true });
        renamed++;
      }
      lastRenames = renamed;
      fs.rmSync(path.join(this.root, STATE_DIR, JOURNAL));
    } catch (err) {
      rollback(this.root);
      if ((err as Error).message === 'injected failure between writes') throw err;
      throw ioError(err, (err as NodeJS.ErrnoException).path ?? this.root);
    }
    cleanupFiles(journal, true);
    return plan;
  }
}

let writeScratch: Buffer | undefined;

/** The first `length` bytes of `data`, however many calls the system takes to write them. */
export function writeAll(fd: number, data: Uint8Array, length = data.length): void {
  for (let at = 0; at < length; ) at += fs.writeSync(fd, data, at, length - at);
}

function writeFileDurably(file: string, data: Buffer | ByteSource, durable: boolean): void {
  const fd = fs.openSync(file, 'w');
  try {
    // Many small chunks (one per CSV line) are gathered into 1 MiB writes.
    const scratch = (writeScratch ??= Buffer.allocUnsafe(1 << 20));
    let used = 0;
    for (const chunk of isByteSource(data) ? data.chunks() : [data]) {
      if (used + chunk.length > scratch.length) {
        if (used) writeAll(fd, scratch, used);
        used = 0;
      }
      if (chunk.length > scratch.length) writeAll(fd, chunk);
      else {
        scratch.set(chunk, used);
        used += chunk.length;
      }
    }
    if (used) writeAll(fd, scratch, used);
    if (durable) fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
