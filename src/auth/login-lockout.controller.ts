import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { idParam } from '../common/id-param.js';
import type { AuthUser } from '../access/auth-user.js';
import { CurrentUser, RequirePermissions } from '../access/decorators.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { ProblemResponse } from '../common/openapi.js';
import { Permission } from '../access/permissions.js';

@ApiTags('users')
@ApiBearerAuth()
@Controller('api/admin/users')
export class LoginLockoutController {
  constructor(private readonly throttle: LoginThrottleService) {}

  @Post(':id/unlock')
  @HttpCode(204)
  @RequirePermissions(Permission.UserManage)
  @ApiOperation({
    summary: "Clear a user's failed logins",
    description:
      'Requires `user.manage`. Forgets the failed logins counted against the account, from every address, ' +
      'so a locked-out or delayed user can log in at once. Recorded in the audit log as `user.unlock`.',
  })
  @ApiNoContentResponse({ description: 'The account may log in again.' })
  @ApiNotFoundResponse({ type: ProblemResponse })
  async unlock(@CurrentUser() actor: AuthUser, @Param('id', idParam('User')) id: string): Promise<void> {
    await this.throttle.unlock(actor, id);
  }
}
