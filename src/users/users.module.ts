import { Module } from '@nestjs/common';
import { FirstRunService } from './first-run.service.js';
import { RolesController } from './roles.controller.js';
import { RolesService } from './roles.service.js';
import { UsersController } from './users.controller.js';
import { UsersRepository } from './users.repository.js';
import { UsersService } from './users.service.js';

@Module({
  controllers: [UsersController, RolesController],
  providers: [UsersService, RolesService, UsersRepository, FirstRunService],
  exports: [FirstRunService],
})
export class UsersModule {}
