import { Module } from '@nestjs/common';
import { DeskController } from './desk.controller.js';
import { DeskRepository } from './desk.repository.js';
import { NewsroomController } from './newsroom.controller.js';

/** Read-only summaries for the editors' console: counts, people, newsroom settings. */
@Module({ controllers: [DeskController, NewsroomController], providers: [DeskRepository] })
export class DeskModule {}
