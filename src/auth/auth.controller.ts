import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { JsonOnly } from '../common/json-only.js';
import { UserResponse } from '../users/dto/user.response.js';
import type { AuthUser } from '../access/auth-user.js';
import { AuthService } from './auth.service.js';
import { CurrentUser, Public } from '../access/decorators.js';
import { ChangePasswordRequest, LoginRequest, RefreshTokenRequest, SessionResponse } from './dto/auth.dto.js';
import { ProblemResponse, ValidationProblemResponse } from '../common/openapi.js';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @JsonOnly()
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Log in with email and password',
    description: 'Public. Failed logins are limited per client address and per account (429 with Retry-After).',
  })
  @ApiOkResponse({ type: SessionResponse, description: 'Access and refresh tokens and the user.' })
  @ApiUnauthorizedResponse({ type: ProblemResponse, description: 'Wrong email or password, or a deactivated account (one answer for all).' })
  @ApiUnprocessableEntityResponse({ type: ValidationProblemResponse, description: 'Missing or malformed fields.' })
  @ApiTooManyRequestsResponse({ type: ProblemResponse, description: 'Too many failed attempts; see the Retry-After header.' })
  login(@Body() body: LoginRequest, @Ip() ip: string | undefined): Promise<SessionResponse> {
    return this.auth.login(body.email, body.password, ip ?? null);
  }

  @Post('refresh')
  @JsonOnly()
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Exchange a refresh token for new tokens',
    description: 'Public. The refresh token is replaced on every use; presenting a used one again revokes every token of that login.',
  })
  @ApiOkResponse({ type: SessionResponse })
  @ApiUnauthorizedResponse({ type: ProblemResponse, description: 'Unknown, expired, already used or revoked token, or a deactivated account.' })
  @ApiUnprocessableEntityResponse({ type: ValidationProblemResponse })
  refresh(@Body() body: RefreshTokenRequest): Promise<SessionResponse> {
    return this.auth.refresh(body.refreshToken);
  }

  @Post('logout')
  @JsonOnly()
  @Public()
  @HttpCode(204)
  @ApiOperation({
    summary: 'End a session (log out)',
    description:
      'Public: the refresh token is the credential. Ends its session: the refresh token and every access token of that login stop ' +
      'working, on every server process within a second. Other sessions of the user go on. Answers 204 whether or not the token was live.',
  })
  @ApiNoContentResponse({ description: 'The session has ended.' })
  @ApiUnprocessableEntityResponse({ type: ValidationProblemResponse })
  async logout(@Body() body: RefreshTokenRequest): Promise<void> {
    await this.auth.logout(body.refreshToken);
  }

  @Post('password')
  @JsonOnly()
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Change your own password',
    description: 'Any valid access token; no permission required. Ends every other session and returns a new one. Throttled like login.',
  })
  @ApiOkResponse({ type: SessionResponse })
  @ApiUnauthorizedResponse({ type: ProblemResponse, description: 'No valid access token.' })
  @ApiUnprocessableEntityResponse({ type: ValidationProblemResponse, description: 'Wrong current password, or a new password the policy refuses.' })
  @ApiTooManyRequestsResponse({ type: ProblemResponse, description: 'Too many wrong current passwords; see Retry-After.' })
  changePassword(@CurrentUser() user: AuthUser, @Body() body: ChangePasswordRequest, @Ip() ip: string | undefined): Promise<SessionResponse> {
    return this.auth.changePassword(user.id, body.currentPassword, body.newPassword, ip ?? null);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'The logged-in user',
    description: 'Any valid access token; no permission required. Includes roles and effective permissions.',
  })
  @ApiOkResponse({ type: UserResponse })
  @ApiUnauthorizedResponse({ type: ProblemResponse, description: 'No valid access token.' })
  me(@CurrentUser() user: AuthUser): Promise<UserResponse> {
    return this.auth.me(user.id);
  }
}
