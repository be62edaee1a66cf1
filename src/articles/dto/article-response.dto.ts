// Response shapes for /docs. The mapper (article.mapper.ts) builds exactly these.
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath, type ApiPropertyOptions } from '@nestjs/swagger';
import { ARTICLE_STATUSES, WORKFLOW_ACTIONS, type ArticleStatus, type WorkflowAction } from '../workflow.js';
import { REVISION_REASONS, type RevisionReason } from '../article-revision.entity.js';
import { ListBlockDto, ParagraphBlockDto, QuoteBlockDto, SubheadingBlockDto } from './body-block.dto.js';

export class RenditionLinkDto {
  @ApiProperty({ example: 'medium' }) name: string;
  @ApiProperty({ example: '/media/0f8f…/medium.webp' }) url: string;
  @ApiProperty({ example: 'webp' }) format: string;
  @ApiProperty() width: number;
  @ApiProperty() height: number;
}

export class PhotoOverridesDto {
  @ApiProperty({ nullable: true, type: String }) caption: string | null;
  @ApiProperty({ nullable: true, type: String }) credit: string | null;
  @ApiProperty({ nullable: true, type: String }) altText: string | null;
}

/** A photo as used in a story: effective caption/credit/alt text (the story's, else the photo's). */
export class AdminPhotoDto {
  @ApiProperty({ format: 'uuid' }) mediaId: string;
  @ApiProperty({ nullable: true, type: String, description: 'Effective caption a reader sees.' }) caption: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Effective credit line.' }) credit: string | null;
  @ApiProperty({ nullable: true, type: String }) altText: string | null;
  @ApiProperty({ nullable: true, type: Number }) width: number | null;
  @ApiProperty({ nullable: true, type: Number }) height: number | null;
  @ApiProperty({ type: [RenditionLinkDto] }) renditions: RenditionLinkDto[];
  @ApiProperty({ type: PhotoOverridesDto, description: 'What this story sets itself (null: the photo’s own value shows).' })
  overrides: PhotoOverridesDto;
  @ApiProperty({ description: 'The library holds only the words of this photo so far, no file.' }) placeholder: boolean;
}

/** An image block as the admin API answers it: the photo as used, with effective caption and credit. */
export class AdminImageBlockDto extends AdminPhotoDto {
  @ApiProperty({ enum: ['image'] }) type: 'image';
}

export class CategoryRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '国际' }) name: string;
  @ApiProperty({ example: 'guo-ji' }) slug: string;
}

export class StaffRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '陈兆良' }) displayName: string;
}

export class ArticleSourceDto {
  @ApiProperty({ nullable: true, type: String }) filename: string | null;
  @ApiProperty() contentHash: string;
}

export class ReviewNoteDto {
  @ApiProperty() note: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) authorId: string | null;
  @ApiProperty() at: string;
}

export class CorrectionDto {
  @ApiProperty({ example: '本文早前误指会谈历时两小时，实为一个半小时。' }) text: string;
  @ApiProperty({ example: '2026-01-23T02:00:00.000Z' }) at: string;
}

export class ArticleMatchDto {
  @ApiProperty({ description: 'Relevance; higher is better.' }) rank: number;
  @ApiProperty({ example: '<mark>布林肯</mark>与<mark>拉夫罗夫</mark>会面', description: 'HTML-escaped, matched words in <mark>.' })
  headlineHighlighted: string;
  @ApiProperty({ description: 'The best passage, HTML-escaped, matched words in <mark>.' }) snippet: string;
}

@ApiExtraModels(ParagraphBlockDto, SubheadingBlockDto, AdminImageBlockDto, QuoteBlockDto, ListBlockDto)
export class ArticleResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'bu-lin-ken-yu-la-fu-luo-fu-zai-ri-nei-wa-hui-mian' }) slug: string;
  @ApiProperty({ enum: ARTICLE_STATUSES }) status: ArticleStatus;
  @ApiProperty({ description: 'Send it back in If-Match; also the ETag.' }) version: number;
  @ApiProperty() headline: string;
  @ApiProperty({ nullable: true, type: String }) subheadline: string | null;
  @ApiProperty({ nullable: true, type: String }) dateline: string | null;
  @ApiProperty({ example: 'zh-Hans' }) language: string;
  @ApiProperty({
    type: 'array',
    items: {
      oneOf: [ParagraphBlockDto, SubheadingBlockDto, AdminImageBlockDto, QuoteBlockDto, ListBlockDto].map((dto) => ({ $ref: getSchemaPath(dto) })),
    },
    description: 'Body blocks in reading order; image blocks carry the photo as used (AdminImageBlock).',
  })
  body: unknown[];
  @ApiProperty({ nullable: true, type: String, description: 'Effective excerpt.' }) excerpt: string | null;
  @ApiProperty({ description: 'True when the excerpt is derived from the body (none was written).' }) excerptDerived: boolean;
  @ApiProperty({ type: AdminPhotoDto, nullable: true }) featuredImage: AdminPhotoDto | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) categoryId: string | null;
  @ApiProperty({ type: CategoryRefDto, nullable: true }) category: CategoryRefDto | null;
  @ApiProperty({ type: [String] }) tags: string[];
  @ApiProperty({ type: [StaffRefDto] }) authors: StaffRefDto[];
  @ApiProperty({ nullable: true, type: String }) byline: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Override; null means the headline.' }) seoTitle: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Override; null means the excerpt.' }) seoDescription: string | null;
  @ApiProperty({ nullable: true, type: String, description: "Override; null means the story's reader-site URL." }) canonicalUrl: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'Override (media id); null means the featured photo.' }) socialImage: string | null;
  @ApiProperty({ type: [CorrectionDto], description: 'Correction notices, oldest first (POST …/corrections appends one).' }) corrections: CorrectionDto[];
  @ApiProperty({ type: StaffRefDto, nullable: true }) createdBy: StaffRefDto | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiProperty({ nullable: true, type: String, description: 'First publication.' }) publishedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) scheduledAt: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Not public before this time (see embargoUntil on the write).' }) embargoUntil: string | null;
  @ApiProperty({ description: 'Number of the revision the working copy is.' }) currentRevision: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Number of the revision readers see.' }) publishedRevision: number | null;
  @ApiProperty({ type: ArticleSourceDto, nullable: true }) source: ArticleSourceDto | null;
  @ApiProperty({ type: ReviewNoteDto, nullable: true, description: 'The last request-changes note, until resubmitted.' })
  reviewNote: ReviewNoteDto | null;
  @ApiProperty({ enum: WORKFLOW_ACTIONS, isArray: true, description: 'Workflow actions the caller may take now (no publish while embargoed).' }) allowedActions: WorkflowAction[];
  @ApiPropertyOptional({ type: ArticleMatchDto, description: 'Only in a list searched with `q`: why this story matched.' }) match?: ArticleMatchDto;
}

export class ArticlePageDto {
  @ApiProperty({ type: [ArticleResponseDto] }) items: ArticleResponseDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class RevisionSummaryDto {
  @ApiProperty() number: number;
  @ApiProperty({ enum: REVISION_REASONS }) reason: RevisionReason;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ type: StaffRefDto, nullable: true, description: 'Null for the system (scheduled publishing).' }) author: StaffRefDto | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() headline: string;
}

export class RevisionResponseDto extends RevisionSummaryDto {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Every editorial field as saved.' }) snapshot: Record<string, unknown>;
}

export class RevisionPageDto {
  @ApiProperty({ type: [RevisionSummaryDto] }) items: RevisionSummaryDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class TextChangeDto {
  @ApiProperty() value: string;
  @ApiPropertyOptional() added?: boolean;
  @ApiPropertyOptional() removed?: boolean;
}

/** A field's value: text, a number, a list (tags, body blocks) or an object (the featured photo), or null. */
const ANY_FIELD_VALUE: ApiPropertyOptions = {
  anyOf: [
    { type: 'string', nullable: true },
    { type: 'number', nullable: true },
    { type: 'boolean', nullable: true },
    { type: 'array', items: {}, nullable: true },
    { type: 'object', additionalProperties: true, nullable: true },
  ],
};

export class FieldDiffDto {
  @ApiProperty({ example: 'body[3].text' }) field: string;
  @ApiProperty({ ...ANY_FIELD_VALUE, description: 'The value in the older revision.' }) before: unknown;
  @ApiProperty({ ...ANY_FIELD_VALUE, description: 'The value in the newer revision.' }) after: unknown;
  @ApiPropertyOptional({ type: [TextChangeDto], description: 'Character runs for text fields (works for Chinese).' }) changes?: TextChangeDto[];
}

export class DiffResponseDto {
  @ApiProperty() from: number;
  @ApiProperty() to: number;
  @ApiProperty({ type: [FieldDiffDto] }) changes: FieldDiffDto[];
}
