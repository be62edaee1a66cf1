import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, Min } from 'class-validator';
import { ARTICLE_STATUSES, type ArticleStatus } from '../workflow.js';
import { PageQueryDto } from '../../common/page-query.dto.js';
import { MAX_QUERY_LENGTH } from '../../search/search-query.js';

export class ListArticlesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ARTICLE_STATUSES }) @IsOptional() @IsIn(ARTICLE_STATUSES) status?: ArticleStatus;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() categoryId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Stories crediting this staff user as an author.' }) @IsOptional() @IsUUID() authorId?: string;
  @ApiPropertyOptional({
    description:
      'Full-text search of the working copies (headline, subheadline, excerpt, body, captions), Chinese-aware: words are segmented, ' +
      'traditional folds to simplified, every word must match. Results come best match first, each with `match`; ' +
      'the other filters still apply. When no story holds every word, headlines containing the text (3+ characters) or a close spelling. ' +
      'Empty or over 200 characters: 422.',
    maxLength: MAX_QUERY_LENGTH,
    example: '拉夫罗夫',
  })
  @IsOptional()
  @IsString()
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
