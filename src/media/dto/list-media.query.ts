import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { MediaStatus } from '../media-asset.entity.js';
import { ACCEPTED_TYPES } from '../media.problems.js';

export class ListMediaQuery {
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

  @ApiPropertyOptional({ description: 'nextCursor of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}
