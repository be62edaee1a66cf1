import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEmail, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../password-policy.js';
import { PageQueryDto } from '../../common/page-query.dto.js';

const NOT_BLANK = /\S/;
const MAX_ROLES = 20;

export class CreateUserRequest {
  @ApiProperty({ example: 'lim.meiling@newsroom.example', description: 'Case-insensitive and unique.' })
  @IsEmail({ require_tld: false }, { message: 'email must be an email address' })
  @MaxLength(320)
  email: string;

  @ApiProperty({ example: '林美玲', maxLength: 100 })
  @IsString()
  @MaxLength(100)
  @Matches(NOT_BLANK, { message: 'displayName must not be blank' })
  displayName: string;

  @ApiProperty({
    format: 'password',
    minLength: PASSWORD_MIN_LENGTH,
    maxLength: PASSWORD_MAX_LENGTH,
    description: 'At least 10 characters, not one of the most common passwords, not the email.',
  })
  @IsString()
  password: string;

  @ApiProperty({ type: [String], example: ['editor'], description: 'Role names.' })
  @IsArray()
  @ArrayMaxSize(MAX_ROLES)
  @IsString({ each: true })
  roles: string[];
}

export class UpdateUserRequest {
  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Matches(NOT_BLANK, { message: 'displayName must not be blank' })
  displayName?: string;

  @ApiPropertyOptional({ type: [String], description: 'Replaces the role set. Changing it logs the user out everywhere.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_ROLES)
  @IsString({ each: true })
  roles?: string[];

  @ApiPropertyOptional({ description: 'false deactivates the account: its tokens stop working at once.' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ format: 'password', description: 'An administrator sets a new password; the user is logged out everywhere.' })
  @IsOptional()
  @IsString()
  password?: string;
}

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class ListUsersQuery extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Substring of the email or display name.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;

  @ApiPropertyOptional({ description: 'Only users holding this role (by name).' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  role?: string;
}
