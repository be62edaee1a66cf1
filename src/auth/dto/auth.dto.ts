import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { UserResponse } from '../../users/dto/user.response.js';

export class LoginRequest {
  // Not @IsEmail: the answer to a malformed address must be the same 401 as to an unknown one.
  @ApiProperty({ example: 'admin@localhost' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(320)
  email: string;

  @ApiProperty({ example: 'correct horse battery staple', format: 'password' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1024)
  password: string;
}

export class RefreshTokenRequest {
  @ApiProperty({ description: 'The refresh token from login or the previous refresh.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(512)
  refreshToken: string;
}

export class SessionResponse {
  @ApiProperty({ description: 'JWT (HS256) for `Authorization: Bearer …`; short-lived.' }) accessToken: string;
  @ApiProperty({ description: 'Opaque; exchange it at /api/auth/refresh. Each use replaces it: keep only the newest.' }) refreshToken: string;
  @ApiProperty({ description: 'Seconds until the access token expires.', example: 900 }) expiresIn: number;
  @ApiProperty({ type: UserResponse }) user: UserResponse;
}

export class ChangePasswordRequest {
  @ApiProperty({ format: 'password' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1024)
  currentPassword: string;

  @ApiProperty({ format: 'password', description: 'At least 10 characters, not one of the most common passwords, not the email.' })
  @IsString()
  newPassword: string;
}
