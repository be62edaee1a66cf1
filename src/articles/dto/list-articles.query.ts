import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { ARTICLE_STATUSES, type ArticleStatus } from '../workflow.js';
import { PageQueryDto } from '../../common/page-query.dto.js';

export class ListArticlesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ARTICLE_STATUSES }) @IsOptional() @IsIn(ARTICLE_STATUSES) status?: ArticleStatus;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() categoryId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Stories crediting this staff user as an author.' }) @IsOptional() @IsUUID() authorId?: string;
  @ApiPropertyOptional({ description: 'Substring of the headline (case-insensitive).', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class ListRevisionsQueryDto extends PageQueryDto {
}

export class DiffQueryDto {
  @ApiPropertyOptional({ description: 'Revision number; defaults to the one before `to`.', minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  from?: number;
  @ApiPropertyOptional({ description: 'Revision number; defaults to the current revision.', minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(2_147_483_647)
  to?: number;
}
