// Shapes of the desk's summary routes: story counts by state, the people who can be credited, and
// the newsroom settings the console needs to show times.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

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

export class PeopleQueryDto {
  @ApiPropertyOptional({ description: 'Part of the name (any case).', example: '陈' }) @IsOptional() @IsString() @MaxLength(100) q?: string;
}

export class PersonDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '陈兆良' }) displayName: string;
}

export class PeopleDto {
  @ApiProperty({ type: [PersonDto], description: 'By name.' }) items: PersonDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Always null: the list is one page.' }) nextCursor: null;
}

export class NewsroomDto {
  @ApiProperty({ example: 'Asia/Kuala_Lumpur', description: 'IANA time zone the newsroom works in (NEWSROOM_TIME_ZONE).' }) timeZone: string;
  @ApiProperty({ description: 'Publishing is refused while a photo has no credit line (REQUIRE_PHOTO_CREDIT).' }) requirePhotoCredit: boolean;
}
