// What a client may send for a story. Server fields (status, version, publishedAt, createdBy) are not
// here, so the global whitelist answers 422 to a client that tries to set them.
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsISO8601, IsOptional, IsString, IsUrl, IsUUID, Matches, MaxLength, MinLength, ValidateIf, ValidateNested } from 'class-validator';
import { LANGUAGE_TAG, LIMITS } from '../editorial-rules.js';
import {
  BLOCK_DTOS,
  BodyWithinLimits,
  ImageBlockDto,
  ListBlockDto,
  ParagraphBlockDto,
  QuoteBlockDto,
  SubheadingBlockDto,
  toBlockInstances,
  type BodyBlockDto,
} from './body-block.dto.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const trimEach = ({ value }: { value: unknown }): unknown =>
  Array.isArray(value) ? value.map((v: unknown) => (typeof v === 'string' ? v.trim() : v)) : value;

export class FeaturedImageDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() mediaId: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: "Overrides the photo's own caption for this story." })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.caption)
  caption?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, example: '俄罗斯外交部' }) @IsOptional() @IsString() @MaxLength(LIMITS.caption) credit?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) @IsOptional() @IsString() @MaxLength(LIMITS.caption) altText?: string | null;
}

const BODY_SCHEMA = {
  type: 'array' as const,
  maxItems: LIMITS.bodyBlocks,
  description: `Blocks in reading order; at most ${LIMITS.bodyBlocks} blocks and ${LIMITS.bodyCharacters} characters of text.`,
  items: { oneOf: BLOCK_DTOS.map((dto) => ({ $ref: getSchemaPath(dto) })) },
};

/** Fields shared by create and update; `undefined` means "leave as is" on update. */
@ApiExtraModels(ParagraphBlockDto, SubheadingBlockDto, ImageBlockDto, QuoteBlockDto, ListBlockDto)
class EditorialFieldsDto {
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: LIMITS.subheadline, example: '美方下周书面回复俄要求' })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.subheadline)
  subheadline?: string | null;

  @ApiPropertyOptional({
    example: 'bu-lin-ken-la-fu-luo-fu',
    description: 'Made from the headline (pinyin for Chinese) when omitted; kept after first publication unless sent.',
  })
  @ValidateIf((o: EditorialFieldsDto) => o.slug !== undefined)
  @IsString()
  @MaxLength(LIMITS.slug)
  slug?: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '(日内瓦22日讯)', maxLength: LIMITS.dateline })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.dateline)
  dateline?: string | null;

  @ApiPropertyOptional({ example: 'zh-Hans', description: 'Language tag; guessed from the headline when omitted on create.' })
  @ValidateIf((o: EditorialFieldsDto) => o.language !== undefined)
  @IsString()
  @Matches(LANGUAGE_TAG, { message: 'language must be a language tag such as zh-Hans or en' })
  language?: string;

  @ApiPropertyOptional(BODY_SCHEMA)
  @ValidateIf((o: EditorialFieldsDto) => o.body !== undefined)
  @Transform(toBlockInstances)
  @IsArray()
  @ArrayMaxSize(LIMITS.bodyBlocks)
  @BodyWithinLimits()
  @ValidateNested({ each: true })
  body?: BodyBlockDto[];

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: LIMITS.excerpt, description: 'Derived from the opening paragraphs when empty.' })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.excerpt)
  excerpt?: string | null;

  @ApiPropertyOptional({ type: FeaturedImageDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => FeaturedImageDto)
  featuredImage?: FeaturedImageDto | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOptional()
  @IsUUID()
  categoryId?: string | null;

  @ApiPropertyOptional({ type: [String], example: ['美国', '俄罗斯'], maxItems: LIMITS.tags })
  @ValidateIf((o: EditorialFieldsDto) => o.tags !== undefined)
  @Transform(trimEach)
  @IsArray()
  @ArrayMaxSize(LIMITS.tags)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(LIMITS.tag, { each: true })
  tags?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Staff user ids credited on the story, in byline order. Defaults to the creator.' })
  @ValidateIf((o: EditorialFieldsDto) => o.authors !== undefined)
  @IsArray()
  @ArrayMaxSize(LIMITS.authors)
  @IsUUID('all', { each: true })
  authors?: string[];

  @ApiPropertyOptional({ type: String, nullable: true, example: '■陈兆良报导', maxLength: LIMITS.byline })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.byline)
  byline?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    maxLength: LIMITS.seoTitle,
    description: 'Title for search engines and social cards; null or absent: the headline.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.seoTitle)
  seoTitle?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: LIMITS.seoDescription, description: 'Meta description; null: the excerpt.' })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.seoDescription)
  seoDescription?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    format: 'uri',
    example: 'https://partner.example/world/original-story',
    description: "Canonical link (a syndicated story's original, say); null: the story's reader-site URL.",
  })
  @IsOptional()
  @IsUrl(
    { require_tld: false, require_protocol: true, protocols: ['http', 'https'] },
    { message: 'canonicalUrl must be an absolute http(s) URL' },
  )
  @MaxLength(LIMITS.canonicalUrl)
  canonicalUrl?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid', description: 'Photo (media id) for social cards; null: the featured photo.' })
  @IsOptional()
  @IsUUID()
  socialImage?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    format: 'date-time',
    example: '2026-12-01T00:01:00Z',
    description:
      'Embargo: not public before this time. Publishing is refused (409) and a schedule may not be earlier (422) while it holds. ' +
      'Anyone who may edit the story may set or extend it; lifting or shortening it needs article.publish (403). Must be in the future; null lifts it. ' +
      'A story readers can already see cannot be embargoed (409).',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'embargoUntil must be an ISO 8601 date-time' })
  embargoUntil?: string | null;

  @ApiPropertyOptional({ maxLength: 500, description: 'Stored on the revision this save creates.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class CreateArticleDto extends EditorialFieldsDto {
  @ApiProperty({ example: '布林肯与拉夫罗夫在日内瓦会面', minLength: 1, maxLength: LIMITS.headline })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'headline must not be empty' })
  @MaxLength(LIMITS.headline)
  headline: string;
}

/** Every field optional (a headline sent must not be empty); only what is sent changes. */
export class UpdateArticleDto extends PartialType(CreateArticleDto, { skipNullProperties: false }) {}
