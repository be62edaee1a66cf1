import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';
import { MAX_PAGE_BYTES } from '../page-input.js';

/** A page pasted or uploaded as text. Sizes and readability are checked by the import service. */
export class ImportPageDto {
  @ApiProperty({
    description: `The page as plain text (any line endings), at most ${MAX_PAGE_BYTES} bytes as UTF-8.`,
    example: '(日内瓦22日讯)美国国务卿布林肯与俄罗斯外长拉夫罗夫当地时间周五在瑞士日内瓦会面……',
  })
  @IsString()
  text: string;

  @ApiPropertyOptional({ maxLength: 255, example: '000_01a6cdf8dd098583.txt', description: 'Kept as the stories’ source; only the base name.' })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  filename?: string;

  @ApiPropertyOptional({ default: false, description: 'Parse and report only; nothing is written.' })
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean;
}
