// The people a story can credit as authors: staff whose roles let them write, by name.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

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
