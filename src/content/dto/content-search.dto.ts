import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { SCRIPT_VARIANTS, type ScriptVariant } from '../../distribution/variants/script-variants.js';
import { MAX_PAGE_SIZE, MAX_QUERY_LENGTH } from '../../search/search-query.js';

export class SearchContentQueryDto {
  @ApiProperty({
    example: '拉夫罗夫 北约',
    maxLength: MAX_QUERY_LENGTH,
    description:
      'Words to find (all of them), in simplified or traditional Chinese, Latin script or a mix. Operators and punctuation are plain text. ' +
      'When no story holds every word, headlines containing the text (3+ characters) or a close spelling are returned instead.',
  })
  @IsString({ message: 'q is required' })
  q: string;

  @ApiPropertyOptional({ example: 'guo-ji', description: 'Section slug; stories of its sub-sections are included.' })
  @IsOptional() @IsString() @MaxLength(100)
  category?: string;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page.' }) @IsOptional() @IsString() @MaxLength(500) cursor?: string;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: MAX_PAGE_SIZE })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({ enum: SCRIPT_VARIANTS, description: 'Deliver the hits in this script (see GET /api/content/articles).' })
  @IsOptional()
  @IsIn(SCRIPT_VARIANTS, { message: `variant must be one of ${SCRIPT_VARIANTS.join(', ')}` })
  variant?: ScriptVariant;
}

export class SearchSectionDto {
  @ApiProperty({ example: '国际' }) name: string;
  @ApiProperty({ example: 'guo-ji' }) slug: string;
}

export class ContentSearchHitDto {
  @ApiProperty() slug: string;
  @ApiProperty({ example: '布林肯与拉夫罗夫日内瓦会面' }) headline: string;
  @ApiProperty({ example: '布林肯与<mark>拉夫罗夫</mark>日内瓦会面', description: 'HTML: the headline escaped, query words in <mark>.' })
  headlineHighlighted: string;
  @ApiProperty({ nullable: true, type: String }) subheadline: string | null;
  @ApiProperty({ nullable: true, type: String, example: '日内瓦22日讯' }) dateline: string | null;
  @ApiProperty({ nullable: true, type: String }) excerpt: string | null;
  @ApiProperty({
    example: '…俄方在会上重提<mark>北约</mark>停止东扩的要求…',
    description: 'HTML: up to 160 characters of the story around the query words, escaped, matches in <mark>, … where cut.',
  })
  snippet: string;
  @ApiProperty({ type: SearchSectionDto, nullable: true }) category: SearchSectionDto | null;
  @ApiProperty({ description: 'First publication.' }) publishedAt: string;
  @ApiProperty({ description: 'Last republication.' }) updatedAt: string;
}

export class ContentSearchPageDto {
  @ApiProperty({ type: [ContentSearchHitDto] }) items: ContentSearchHitDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
