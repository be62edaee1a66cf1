import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module.js';
import { ConfigError, loadConfig } from './config/config.js';
import { InitialContentService } from './importer/initial-content.service.js';
import { prepareRuntime } from './runtime.js';
import { configureApp } from './setup.js';
import { FirstRunService } from './users/first-run.service.js';

const SHUTDOWN_GRACE_MS = 10_000;

async function bootstrap(): Promise<void> {
  const bootLog = (message: string) => process.stdout.write(JSON.stringify({ level: 30, time: Date.now(), context: 'Boot', msg: message }) + '\n');
  const runtime = await prepareRuntime(loadConfig(process.env), bootLog);
  const { config } = runtime;

  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { bufferLogs: true });
  configureApp(app, config);
  await app.listen(config.port, '0.0.0.0');
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  bootLog(`Masthead listening on http://localhost:${port} (API docs at /docs)`);
  // With no users yet, creates the first administrator (printing a generated password once).
  await app
    .get(FirstRunService)
    .ensureAdmin(`http://localhost:${port}`)
    .catch(async (error: unknown) => {
      await app.close();
      await runtime.embedded?.stop();
      throw error;
    });
  // On an installation that has never held a story, imports seeds/ as initial content.
  await app.get(InitialContentService).importOnFirstStart(bootLog);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    bootLog(`${signal} received: finishing in-flight requests`);
    setTimeout(() => {
      process.stderr.write('shutdown took longer than 10 s; exiting\n');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    // Stops accepting, waits for in-flight requests, runs module shutdown hooks, closes the pool.
    await app.close();
    await runtime.embedded?.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

bootstrap().catch((error: unknown) => {
  if (error instanceof ConfigError) process.stderr.write(`${error.message}\n`);
  else process.stderr.write(`Masthead failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
