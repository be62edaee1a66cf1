import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, MaxLength } from 'class-validator';

export const MAX_CAPTION = 4000;
export const MAX_ALT_TEXT = 1000;
export const MAX_LINE = 500;

/** Trims text fields; a blank value means "no value" (null), so clients can clear a field with "". */
export const TrimToNull = () =>
  Transform(({ value }: { value: unknown }) => {
    if (typeof value !== 'string') return value;
    const trimmed = value.trim();
    return trimmed === '' ? null : trimmed;
  });

/** An optional, trimmed text field of at most `maxLength` characters, documented for /docs. */
export const OptionalText = (maxLength: number, api: ApiPropertyOptions = {}) =>
  applyDecorators(
    ApiPropertyOptional({ type: String, nullable: true, maxLength, ...api }),
    IsOptional(),
    TrimToNull(),
    IsString(),
    MaxLength(maxLength),
  );
