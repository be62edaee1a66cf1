import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/page-query.dto.js';
import { SCRIPT_VARIANTS, type ScriptVariant } from '../../distribution/variants/script-variants.js';

const VARIANT_DOC = {
  enum: SCRIPT_VARIANTS,
  description:
    'Deliver in this script: simplified (zh-Hans), standard traditional (zh-Hant), or traditional with Taiwan (zh-TW) or Hong Kong (zh-HK) ' +
    'phrasing. Converts headlines, body, captions, credits and section names with OpenCC; protected terms stay as written. Content-Language names it.',
};

/** `?variant=` (422 for an unknown one), accepted by every public content route. */
export class VariantQueryDto {
  @ApiPropertyOptional(VARIANT_DOC)
  @IsOptional()
  @IsIn(SCRIPT_VARIANTS, { message: `variant must be one of ${SCRIPT_VARIANTS.join(', ')}` })
  variant?: ScriptVariant;
}

export class ArticleQueryDto extends VariantQueryDto {
  @ApiPropertyOptional({ enum: ['json', 'ninjs'], description: 'ninjs: IPTC ninjs 3.3 (as with Accept: application/ninjs+json).' })
  @IsOptional()
  @IsIn(['json', 'ninjs'], { message: 'format must be json or ninjs' })
  format?: 'json' | 'ninjs';
}

export class ListContentQueryDto extends PageQueryDto {
  @ApiPropertyOptional(VARIANT_DOC)
  @IsOptional()
  @IsIn(SCRIPT_VARIANTS, { message: `variant must be one of ${SCRIPT_VARIANTS.join(', ')}` })
  variant?: ScriptVariant;

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

export class ContentCorrectionDto {
  @ApiProperty({ example: '本文早前误指会谈历时两小时，实为一个半小时。' }) text: string;
  @ApiProperty({ example: '2026-01-23T02:00:00.000Z' }) at: string;
}

export class ContentArticleDto extends ContentArticleSummaryDto {
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description: 'Body blocks; image blocks carry the photo fields (effective caption and credit).',
  })
  body: unknown[];
  @ApiProperty({ type: [ContentCorrectionDto], description: 'Correction notices, oldest first.' }) corrections: ContentCorrectionDto[];
  @ApiProperty({ description: "The editor's SEO title, else the headline." }) seoTitle: string;
  @ApiProperty({ nullable: true, type: String, description: "The editor's meta description, else the excerpt." }) seoDescription: string | null;
  @ApiProperty({ description: "The editor's canonical URL, else the story's page on the reader site." }) canonicalUrl: string;
  @ApiProperty({ type: ContentPhotoDto, nullable: true, description: 'The social-card photo, else the featured photo.' }) socialImage: ContentPhotoDto | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'A ready schema.org NewsArticle (headline, datePublished, dateModified, author, image with its credit, publisher) to embed as is in the page, in a script element of type application/ld+json.',
  })
  jsonLd: Record<string, unknown>;
}

export class ContentPreviewDto extends ContentArticleDto {
  @ApiProperty({ description: 'The working copy is shown; it may never have been published (publishedAt is then the time of this preview).' })
  preview: true;
  @ApiProperty({ example: 'draft', description: "The story's workflow state." }) status: string;
  @ApiProperty({ description: 'When this preview link stops working.' }) expiresAt: string;
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
