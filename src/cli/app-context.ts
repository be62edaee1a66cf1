// The application's services without its HTTP side, for command-line tools: the database resolved
// as the server would (a running server's embedded one included), the scheduler left to the server.
import 'reflect-metadata';
import type { INestApplicationContext, LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module.js';
import type { AppConfig } from '../config/config.js';
import { prepareRuntime } from '../database/runtime.js';

export const log = (message: string) => process.stderr.write(message + '\n');

/** Nest's own messages (and anything a module logs) stay off stdout, which carries only results. */
const stderrLogger: LoggerService = {
  log: () => undefined,
  warn: (message: unknown) => log(`warning: ${String(message)}`),
  error: (message: unknown) => log(`error: ${String(message)}`),
};

export async function withAppContext<T>(config: AppConfig, work: (app: INestApplicationContext) => Promise<T>): Promise<T> {
  const runtime = await prepareRuntime(config, log, { role: 'tool' });
  try {
    const app = await NestFactory.createApplicationContext(AppModule.forRoot({ ...runtime.config, schedulerEnabled: false }), { logger: stderrLogger });
    try {
      return await work(app);
    } finally {
      await app.close();
    }
  } finally {
    await runtime.embedded?.stop();
  }
}
