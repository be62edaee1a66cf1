import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { ARTICLE_STATUSES, type ArticleStatus } from '../workflow.js';

export class ListArticlesQueryDto {
  @ApiPropertyOptional({ enum: ARTICLE_STATUSES }) @IsOptional() @IsIn(ARTICLE_STATUSES) status?: ArticleStatus;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() categoryId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Stories crediting this staff user as an author.' }) @IsOptional() @IsUUID() authorId?: string;
  @ApiPropertyOptional({ description: 'Substring of the headline (case-insensitive).', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
  @ApiPropertyOptional({ description: 'nextCursor of the previous page.' }) @IsOptional() @IsString() @MaxLength(500) cursor?: string;
  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) limit?: number;
}

export class ListRevisionsQueryDto {
  @ApiPropertyOptional({ description: 'nextCursor of the previous page.' }) @IsOptional() @IsString() @MaxLength(500) cursor?: string;
  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 100 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) limit?: number;
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
