import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireAnyPermission } from '../access/decorators.js';
import { ALL_PERMISSIONS } from '../access/permissions.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { NewsroomDto } from './newsroom.dto.js';

@ApiTags('desk')
@ApiBearerAuth()
@Controller('api/admin/newsroom')
export class NewsroomController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get()
  @RequireAnyPermission(...ALL_PERMISSIONS)
  @ApiOperation({
    summary: 'Newsroom settings',
    description:
      'Requires any permission (every staff role has some). The time zone the console shows times in, and whether photos need a credit to be published.',
  })
  @ApiOkResponse({ type: NewsroomDto })
  settings(): NewsroomDto {
    return { timeZone: this.config.newsroomTimeZone, requirePhotoCredit: this.config.media.requirePhotoCredit };
  }
}
