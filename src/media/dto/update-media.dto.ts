import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsNumber, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { MAX_ALT_TEXT, MAX_CAPTION, MAX_LINE, OptionalText } from './media-fields.js';

export class FocalPointDto {
  @ApiProperty({ minimum: 0, maximum: 1, example: 0.3, description: 'From the left edge (0) to the right edge (1).' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  x: number;

  @ApiProperty({ minimum: 0, maximum: 1, example: 0.4, description: 'From the top edge (0) to the bottom edge (1).' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  y: number;
}

/** Fields an editor may change; absent fields stay, `null` (or "") clears one. */
export class UpdateMediaDto {
  @OptionalText(MAX_LINE) title?: string | null;
  @OptionalText(MAX_CAPTION) caption?: string | null;
  @OptionalText(MAX_LINE) credit?: string | null;
  @OptionalText(MAX_LINE) creator?: string | null;
  @OptionalText(MAX_LINE) copyright?: string | null;
  @OptionalText(MAX_LINE) source?: string | null;
  @OptionalText(MAX_ALT_TEXT) altText?: string | null;
  @OptionalText(MAX_LINE) usageTerms?: string | null;

  @ApiPropertyOptional({ type: FocalPointDto, nullable: true, description: 'Where the square thumb centres its crop; null for the middle.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => FocalPointDto)
  focalPoint?: FocalPointDto | null;
}

export const EDITABLE_FIELDS = ['title', 'caption', 'credit', 'creator', 'copyright', 'source', 'altText', 'usageTerms', 'focalPoint'] as const;
