// Body blocks (contract): paragraph, subheading, image, quote, list. Each element of `body` is turned
// into the class its `type` names before validation; an unknown type fails on `body.N.type`.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import {
  Allow,
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  registerDecorator,
  type ValidationOptions,
} from 'class-validator';
import { BLOCK_TYPES, bodySizeErrors, LIMITS } from '../editorial-rules.js';

const NOT_BLANK = /\S/;

export class ParagraphBlockDto {
  @ApiProperty({ enum: ['paragraph'] }) @IsIn(['paragraph']) type: 'paragraph';
  @ApiProperty({ example: '美国国务卿布林肯与俄罗斯外长拉夫罗夫当地时间周五在瑞士日内瓦会面。', maxLength: LIMITS.blockText })
  @IsString()
  @Matches(NOT_BLANK, { message: 'text must not be empty' })
  @MaxLength(LIMITS.blockText)
  text: string;
}

export class SubheadingBlockDto {
  @ApiProperty({ enum: ['subheading'] }) @IsIn(['subheading']) type: 'subheading';
  @ApiProperty({ example: '北约东扩', maxLength: 500 })
  @IsString()
  @Matches(NOT_BLANK, { message: 'text must not be empty' })
  @MaxLength(500)
  text: string;
}

export class ImageBlockDto {
  @ApiProperty({ enum: ['image'] }) @IsIn(['image']) type: 'image';
  @ApiProperty({ format: 'uuid', description: 'A photo in the media library.' }) @IsUUID() mediaId: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: "Overrides the photo's own caption for this story." })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.caption)
  caption?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: '路透社', description: "Overrides the photo's own credit line." })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.caption)
  credit?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) @IsOptional() @IsString() @MaxLength(LIMITS.caption) altText?: string | null;
}

export class QuoteBlockDto {
  @ApiProperty({ enum: ['quote'] }) @IsIn(['quote']) type: 'quote';
  @ApiProperty({ example: '这是坦率的会谈。' })
  @IsString()
  @Matches(NOT_BLANK, { message: 'text must not be empty' })
  @MaxLength(LIMITS.blockText)
  text: string;
  @ApiPropertyOptional({ nullable: true, type: String, example: '布林肯' }) @IsOptional() @IsString() @MaxLength(500) attribution?: string | null;
}

export class ListBlockDto {
  @ApiProperty({ enum: ['list'] }) @IsIn(['list']) type: 'list';
  @ApiProperty({ type: [String], example: ['乌克兰', '北约'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(LIMITS.listItems)
  @IsString({ each: true })
  @Matches(NOT_BLANK, { each: true, message: 'each item must not be empty' })
  @MaxLength(LIMITS.blockText, { each: true })
  items: string[];
}

/** What an element with a missing or unknown `type` becomes: only `type` is reported, on `body.N.type`. */
export class UnknownBlockDto {
  @IsIn(BLOCK_TYPES, { message: `type must be one of ${BLOCK_TYPES.join(', ')}` }) type: string;
  @Allow() text?: unknown;
  @Allow() items?: unknown;
  @Allow() mediaId?: unknown;
  @Allow() caption?: unknown;
  @Allow() credit?: unknown;
  @Allow() altText?: unknown;
  @Allow() attribution?: unknown;
}

export const BLOCK_DTOS = [ParagraphBlockDto, SubheadingBlockDto, ImageBlockDto, QuoteBlockDto, ListBlockDto];

export type BodyBlockDto = ParagraphBlockDto | SubheadingBlockDto | ImageBlockDto | QuoteBlockDto | ListBlockDto;

const BLOCK_CLASS: Readonly<Record<string, new () => object>> = {
  paragraph: ParagraphBlockDto,
  subheading: SubheadingBlockDto,
  image: ImageBlockDto,
  quote: QuoteBlockDto,
  list: ListBlockDto,
};

/**
 * class-transformer's discriminator throws on a null element (a 500), so blocks are typed here:
 * objects by their `type`, anything else left as is for @ValidateNested to refuse.
 */
export function toBlockInstances({ value }: { value: unknown }): unknown {
  if (!Array.isArray(value)) return value;
  return value.map((block: unknown) => {
    if (typeof block !== 'object' || block === null || Array.isArray(block)) return block;
    const type = (block as { type?: unknown }).type;
    const cls = typeof type === 'string' && Object.hasOwn(BLOCK_CLASS, type) ? BLOCK_CLASS[type] : UnknownBlockDto;
    return plainToInstance(cls, block);
  });
}

/** At most 500 blocks and 200,000 characters of text in all. */
export function BodyWithinLimits(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'bodyWithinLimits',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) => !Array.isArray(value) || bodySizeErrors(value).length === 0,
        defaultMessage: (args) =>
          Array.isArray(args?.value) ? (bodySizeErrors(args.value)[0]?.message ?? 'body is too large') : 'body is too large',
      },
    });
}
