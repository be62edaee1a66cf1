import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { LIMITS } from '../editorial-rules.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateCorrectionDto {
  @ApiProperty({ example: '本文早前误指会谈历时两小时，实为一个半小时。', minLength: 1, maxLength: LIMITS.correction })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'text must not be empty' })
  @MaxLength(LIMITS.correction)
  text: string;
}
