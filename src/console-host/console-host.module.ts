import { Module } from '@nestjs/common';
import { ConsoleHostController } from './console-host.controller.js';
import { NewsroomController } from './newsroom.controller.js';

/** The editors' console at /admin (static files from the build, with the SPA fallback) and the newsroom settings it reads. */
@Module({ controllers: [ConsoleHostController, NewsroomController] })
export class ConsoleHostModule {}
