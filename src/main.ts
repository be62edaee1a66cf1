// The server. Only what starts the database is imported up front: the application's modules load
// while the embedded PostgreSQL starts and migrations run (a restart is ready about a second sooner).
import 'reflect-metadata';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ConfigError, loadConfig } from './config/config.js';
import { DataDirInUseError } from './database/data-dir-lock.js';
import { prepareRuntime, type Runtime } from './database/runtime.js';

const SHUTDOWN_GRACE_MS = 10_000;

const bootLog = (message: string) => process.stdout.write(JSON.stringify({ level: 30, time: Date.now(), context: 'Boot', msg: message }) + '\n');

// What has been started so far; a signal at any point of the boot stops exactly that.
let runtime: Promise<Runtime> | undefined;
let app: NestExpressApplication | undefined;
let stopping = false;

async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  bootLog(`${signal} received: finishing in-flight requests`);
  setTimeout(() => {
    process.stderr.write('shutdown took longer than 10 s; exiting\n');
    process.exit(1);
  }, SHUTDOWN_GRACE_MS).unref();
  try {
    // Stops accepting, waits for in-flight requests, runs module shutdown hooks, closes the pool.
    await app?.close();
  } finally {
    // A signal while the embedded database is still starting waits for it, then stops it.
    const started = await runtime?.catch(() => undefined);
    await started?.embedded?.stop();
  }
  process.exit(0);
}

// Installed before anything starts: a SIGTERM during start-up (migrations, creating the first
// admin, importing the seeds) still closes the pool and stops the embedded database.
process.on('SIGTERM', () => void shutdown('SIGTERM'));
// A closed stdout (the terminal or the supervisor that read it is gone) must not crash the shutdown
// half-way and leave the embedded database running: log lines are lost, the cleanup still runs.
process.stdout.on('error', () => undefined);
process.on('SIGINT', () => void shutdown('SIGINT'));

async function loadApplication() {
  const [{ NestFactory }, { AppModule }, { configureApp }, { StartupTasks }, { FirstRunService }, { InitialContentService }] = await Promise.all([
    import('@nestjs/core'),
    import('./app.module.js'),
    import('./common/http-setup.js'),
    import('./health/startup-tasks.js'),
    import('./users/first-run.service.js'),
    import('./importer/initial-content.service.js'),
  ]);
  return { NestFactory, AppModule, configureApp, StartupTasks, FirstRunService, InitialContentService };
}

async function bootstrap(): Promise<void> {
  runtime = prepareRuntime(loadConfig(process.env), bootLog);
  const application = loadApplication();
  const [{ config }, { NestFactory, AppModule, configureApp, StartupTasks, FirstRunService, InitialContentService }] = await Promise.all([runtime, application]);
  if (stopping) return;

  app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { bufferLogs: true });
  configureApp(app, config);
  // /health/ready answers 503 until the first administrator and the initial content are in place.
  const started = app.get(StartupTasks).begin('first administrator and initial content');
  await app.listen(config.port, '0.0.0.0');
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  bootLog(`Masthead listening on http://localhost:${port} (the console at /admin, API docs at /docs)`);
  // With no users yet, creates the first administrator (printing a generated password once).
  await app.get(FirstRunService).ensureAdmin(`http://localhost:${port}`);
  // On an installation that has never held a story, imports seeds/ as initial content.
  await app.get(InitialContentService).importOnFirstStart(bootLog);
  started();
  bootLog('ready');
}

bootstrap().catch(async (error: unknown) => {
  // Work interrupted by a shutdown (the pool closing under the seed import) is not a start-up failure.
  if (stopping) return;
  if (error instanceof ConfigError || error instanceof DataDirInUseError) process.stderr.write(`${error.message}\n`);
  else process.stderr.write(`Masthead failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  await app?.close().catch(() => undefined);
  const started = await runtime?.catch(() => undefined);
  await started?.embedded?.stop().catch(() => undefined);
  process.exit(1);
});
