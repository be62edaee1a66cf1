import { ApiProperty } from '@nestjs/swagger';
import { ACCEPTED_TYPES } from '../media.problems.js';

/** What a photo file says about itself, read before it is stored. */
export class PhotoMetadataDto {
  @ApiProperty({ enum: ACCEPTED_TYPES, description: 'Judged by the file’s bytes.' }) mime: string;
  @ApiProperty({ description: 'As displayed (after EXIF orientation).' }) width: number;
  @ApiProperty() height: number;
  @ApiProperty({ nullable: true, type: String, example: '美国国务卿布林肯(左)与俄罗斯外长拉夫罗夫会谈。' }) caption: string | null;
  @ApiProperty({ nullable: true, type: String, example: '路透社' }) credit: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The photographer.' }) creator: string | null;
  @ApiProperty({ nullable: true, type: String }) copyright: string | null;
  @ApiProperty({ nullable: true, type: String }) source: string | null;
  @ApiProperty({ nullable: true, type: String }) title: string | null;
  @ApiProperty({ nullable: true, type: String }) altText: string | null;
  @ApiProperty({ nullable: true, type: String }) usageTerms: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'EXIF capture time.' }) capturedAt: string | null;
}
