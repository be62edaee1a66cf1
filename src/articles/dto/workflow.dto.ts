import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsISO8601, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** Body of submit, publish, unschedule, unpublish and archive: an optional note for the record. */
export class WorkflowNoteDto {
  @ApiPropertyOptional({ maxLength: 2000, description: 'Kept on the revision (submit, publish) and in the audit entry.' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class RequestChangesDto {
  @ApiProperty({ example: '请补充俄方的回应，并核实第二段的数字。', minLength: 1, maxLength: 2000 })
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'note must not be empty' })
  @MaxLength(2000)
  note: string;
}

export class ScheduleDto {
  @ApiProperty({ example: '2030-01-22T08:00:00Z', description: 'When to publish; must be in the future.' })
  @IsISO8601({ strict: true }, { message: 'publishAt must be an ISO 8601 date-time' })
  publishAt: string;

  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @Transform(trim) @IsString() @MaxLength(2000) note?: string;
}
