import { Module } from '@nestjs/common';
import { ConsoleHostController } from './console-host.controller.js';

/** The editors' console at /admin: static files from the build, with the SPA fallback. */
@Module({ controllers: [ConsoleHostController] })
export class ConsoleHostModule {}
