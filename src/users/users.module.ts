import { Module } from '@nestjs/common';
import { FirstRunService } from './first-run.service.js';
import { PeopleController } from './people.controller.js';
import { RolesController } from './roles.controller.js';
import { RolesService } from './roles.service.js';
import { UsersController } from './users.controller.js';
import { UsersRepository } from './users.repository.js';
import { UsersService } from './users.service.js';

@Module({
  controllers: [UsersController, RolesController, PeopleController],
  providers: [UsersService, RolesService, UsersRepository, FirstRunService],
  exports: [FirstRunService, UsersRepository],
})
export class UsersModule {}
