// One process at a time owns a data folder's embedded database. The owner holds `masthead.lock` in
// the folder, naming its pid (and, on Linux, the process's start time, so a pid the system reused
// after a crash or a reboot is not mistaken for the owner). A lock whose owner is gone is stale and
// is taken over; a live owner is never disturbed: the newcomer refuses to start and names it.
import { readFileSync } from 'node:fs';
import { link, mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

const LOCK_FILE = 'masthead.lock';

interface LockOwner {
  pid: number;
  /** Start time of the process in clock ticks since boot (Linux), or null where unknown. */
  startTicks: number | null;
  command: string;
  since: string;
}

export interface DataDirLock {
  /** The folder's path, as it was locked. */
  dataDir: string;
  release(): Promise<void>;
}

/** Another live process owns the data folder. */
export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: LockOwner,
  ) {
    super(
      `DATA_DIR ${dataDir} is in use by another Masthead process (pid ${owner.pid}, ${owner.command}, since ${owner.since}). ` +
        `Stop that process first (kill ${owner.pid}), or give this one its own DATA_DIR.`,
    );
    this.name = 'DataDirInUseError';
  }
}

/** Takes the data folder's lock, or throws DataDirInUseError naming its live owner. */
export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  const dir = resolve(dataDir);
  await mkdir(dir, { recursive: true });
  const lockPath = join(dir, LOCK_FILE);
  const mine = JSON.stringify(self()) + '\n';
  for (let attempt = 0; attempt < 5; attempt++) {
    if (await createExclusively(lockPath, mine)) {
      return { dataDir: dir, release: () => releaseIfMine(lockPath, mine) };
    }
    const found = await readFile(lockPath, 'utf8').catch(() => null);
    if (found === null) continue; // released meanwhile: try again
    const owner = parse(found);
    if (owner && isRunning(owner)) throw new DataDirInUseError(dir, owner);
    await removeStale(lockPath, found);
  }
  throw new Error(`could not lock ${lockPath}: other processes keep taking it`);
}

function self(): LockOwner {
  return {
    pid: process.pid,
    startTicks: startTicksOf(process.pid),
    command: process.argv.slice(1).join(' ') || 'node',
    since: new Date().toISOString(),
  };
}

/** Writes the complete file under a temporary name, then links it into place: never half-written, and only if absent. */
async function createExclusively(lockPath: string, content: string): Promise<boolean> {
  const temporary = `${lockPath}.${process.pid}.tmp`;
  await writeFile(temporary, content, { mode: 0o644 });
  try {
    await link(temporary, lockPath);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
}

/**
 * Moves a stale lock aside, then checks that what was moved is what was judged stale: if another
 * newcomer took the lock over in between, its (live) lock goes back into place.
 */
async function removeStale(lockPath: string, judged: string): Promise<void> {
  const aside = `${lockPath}.stale.${process.pid}`;
  try {
    await rename(lockPath, aside);
  } catch {
    return; // gone already
  }
  const moved = await readFile(aside, 'utf8').catch(() => judged);
  if (moved !== judged) await link(aside, lockPath).catch(() => undefined);
  await unlink(aside).catch(() => undefined);
}

async function releaseIfMine(lockPath: string, mine: string): Promise<void> {
  const found = await readFile(lockPath, 'utf8').catch(() => null);
  if (found === mine) await unlink(lockPath).catch(() => undefined);
}

function parse(text: string): LockOwner | null {
  try {
    const value = JSON.parse(text) as Partial<LockOwner>;
    if (!Number.isInteger(value.pid) || (value.pid as number) <= 0) return null;
    return {
      pid: value.pid as number,
      startTicks: typeof value.startTicks === 'number' ? value.startTicks : null,
      command: String(value.command ?? 'unknown command'),
      since: String(value.since ?? 'an unknown time'),
    };
  } catch {
    return null;
  }
}

/** Whether the owner still runs: its pid is alive and, where the system says, started when the owner did. */
export function isRunning(owner: LockOwner): boolean {
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  if (owner.startTicks === null) return true;
  const ticks = startTicksOf(owner.pid);
  return ticks === null || ticks === owner.startTicks;
}

/** Field 22 of /proc/<pid>/stat (after the parenthesised command name, which may hold spaces). */
function startTicksOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[19]);
    return Number.isFinite(ticks) ? ticks : null;
  } catch {
    return null;
  }
}
