import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { EndedSessions } from './ended-sessions.service.js';
import { JwtAuthGuard, PermissionsGuard } from './guards.js';
import { JwtStrategy } from './jwt.strategy.js';
import { LoginAttemptRepository } from './login-attempt.repository.js';
import { LoginLockoutController } from './login-lockout.controller.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { SessionRepository } from './session.repository.js';
import { TokenService } from './token.service.js';

@Module({
  imports: [
    PassportModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        secret: config.jwt.secret as string,
        signOptions: { algorithm: 'HS256', expiresIn: config.jwt.accessTtlSeconds },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  controllers: [AuthController, LoginLockoutController],
  providers: [
    JwtStrategy,
    AuthService,
    TokenService,
    LoginAttemptRepository,
    LoginThrottleService,
    SessionRepository,
    EndedSessions,
    // Order matters: authentication runs before the permission check.
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: PermissionsGuard },
  ],
  exports: [JwtModule, TokenService],
})
export class AuthModule {}
