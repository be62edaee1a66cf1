import { ApiPropertyOptional } from '@nestjs/swagger';

import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import type { MediaStatus } from '../media-asset.entity.js';
import { ACCEPTED_TYPES } from '../media.problems.js';
import { PageQueryDto } from '../../common/page-query.dto.js';

export class ListMediaQuery extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Substring of the caption, credit, creator or title (Chinese works; any length).', example: '路透社' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: ['ready', 'placeholder'] })
  @IsOptional()
  @IsIn(['ready', 'placeholder'])
  status?: MediaStatus;

  @ApiPropertyOptional({ enum: ACCEPTED_TYPES })
  @IsOptional()
  @IsIn(ACCEPTED_TYPES)
  mime?: string;
}
