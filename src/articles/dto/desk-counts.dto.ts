// The desk's story counts: how many stories are in each state, filtered as the story list is.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';

export class DeskCountsQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only stories in this section.' }) @IsOptional() @IsUUID() categoryId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Only stories crediting this staff user as an author.' })
  @IsOptional()
  @IsUUID()
  authorId?: string;
}

export class StoryCountsDto {
  @ApiProperty() draft: number;
  @ApiProperty() in_review: number;
  @ApiProperty() scheduled: number;
  @ApiProperty() published: number;
  @ApiProperty() unpublished: number;
  @ApiProperty() archived: number;
}

export class DeskCountsDto {
  @ApiProperty({ type: StoryCountsDto, description: 'Stories in each state (deleted ones not counted).' }) counts: StoryCountsDto;
  @ApiProperty({ description: 'All of them.' }) total: number;
}
