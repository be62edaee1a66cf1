// The Masthead server for bench/media/run.mjs, in its own process so its memory is measured alone.
// Started by run.mjs with DATABASE_URL and MEDIA_DIR; prints one JSON line {url, token} when ready
// and stops when its standard input closes.
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { DataSource, In } from 'typeorm';
import { AppModule } from '../../dist/src/app.module.js';
import { TokenService } from '../../dist/src/auth/token.service.js';
import { loadConfig } from '../../dist/src/config/config.js';
import { configureApp } from '../../dist/src/common/http-setup.js';
import { Role } from '../../dist/src/users/role.entity.js';
import { User } from '../../dist/src/users/user.entity.js';

const config = loadConfig({
  LOG_LEVEL: 'silent',
  SEED_ON_EMPTY_DATABASE: 'false',
  DATABASE_URL: process.env.DATABASE_URL,
  JWT_SECRET: randomBytes(32).toString('hex'),
  MEDIA_DIR: process.env.MEDIA_DIR,
});
const app = await NestFactory.create(AppModule.forRoot(config), { bufferLogs: true });
configureApp(app, config);
await app.listen(0, '127.0.0.1');

const dataSource = app.get(DataSource);
const users = dataSource.getRepository(User);
const editor = await users.save(
  users.create({
    email: `bench-${randomBytes(4).toString('hex')}@newsroom.test`,
    displayName: 'Bench',
    passwordHash: 'not-used',
    roles: await dataSource.getRepository(Role).findBy({ name: In(['editor']) }),
  }),
);
// A real session: access tokens name theirs and are refused without one.
const { accessToken: token } = await app.get(TokenService).issue(editor, dataSource.manager);
process.stdout.write(JSON.stringify({ url: await app.getUrl(), token }) + '\n');

process.stdin.resume();
process.stdin.on('end', () => {
  void app.close().then(() => process.exit(0));
});
