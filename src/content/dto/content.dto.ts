import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/page-query.dto.js';

export class ListContentQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'guo-ji', description: 'Section slug; stories of its sub-sections are included.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  category?: string;

  @ApiPropertyOptional({ example: '美国' }) @IsOptional() @IsString() @MaxLength(50) tag?: string;
}

export class ContentRenditionDto {
  @ApiProperty({ example: 'medium' }) name: string;
  @ApiProperty({ example: '/media/0f8f…/medium.webp' }) url: string;
  @ApiProperty() format: string;
  @ApiProperty() width: number;
  @ApiProperty() height: number;
}

export class ContentPhotoDto {
  @ApiProperty({ nullable: true, type: String, example: '布林肯（右）与拉夫罗夫在日内瓦会面。' }) caption: string | null;
  @ApiProperty({ nullable: true, type: String, example: '路透社' }) credit: string | null;
  @ApiProperty({ nullable: true, type: String }) altText: string | null;
  @ApiProperty({ nullable: true, type: Number }) width: number | null;
  @ApiProperty({ nullable: true, type: Number }) height: number | null;
  @ApiProperty({ type: [ContentRenditionDto] }) renditions: ContentRenditionDto[];
}

export class ContentSectionDto {
  @ApiProperty({ example: '国际' }) name: string;
  @ApiProperty({ example: 'guo-ji' }) slug: string;
}

export class ContentAuthorDto {
  @ApiProperty({ example: '陈兆良' }) displayName: string;
}

export class ContentArticleSummaryDto {
  @ApiProperty() slug: string;
  @ApiProperty() headline: string;
  @ApiProperty({ nullable: true, type: String }) subheadline: string | null;
  @ApiProperty({ nullable: true, type: String }) dateline: string | null;
  @ApiProperty({ example: 'zh-Hans' }) language: string;
  @ApiProperty({ nullable: true, type: String }) excerpt: string | null;
  @ApiProperty({ type: ContentPhotoDto, nullable: true }) featuredImage: ContentPhotoDto | null;
  @ApiProperty({ type: ContentSectionDto, nullable: true }) category: ContentSectionDto | null;
  @ApiProperty({ type: [String] }) tags: string[];
  @ApiProperty({ type: [ContentAuthorDto] }) authors: ContentAuthorDto[];
  @ApiProperty({ nullable: true, type: String }) byline: string | null;
  @ApiProperty({ description: 'First publication.' }) publishedAt: string;
  @ApiProperty({ description: 'Last republication.' }) updatedAt: string;
}

export class ContentArticleDto extends ContentArticleSummaryDto {
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description: 'Body blocks; image blocks carry the photo fields (effective caption and credit).',
  })
  body: unknown[];
}

export class ContentArticlePageDto {
  @ApiProperty({ type: [ContentArticleSummaryDto] }) items: ContentArticleSummaryDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class ContentCategoryDto {
  @ApiProperty({ example: '国际' }) name: string;
  @ApiProperty({ example: 'guo-ji' }) slug: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ type: () => [ContentCategoryDto] }) children: ContentCategoryDto[];
}

export class ContentCategoryTreeDto {
  @ApiProperty({ type: [ContentCategoryDto] }) items: ContentCategoryDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Always null: the whole tree is one page.' }) nextCursor: null;
}
