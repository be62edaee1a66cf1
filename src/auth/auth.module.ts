import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { APP_CONFIG } from '../config/config.module.js';
import type { ResolvedConfig } from '../config/config.js';
import { AuthController } from './auth.controller.js';
import { AuthRetention } from './auth-retention.service.js';
import { AuthService } from './auth.service.js';
import { EndedSessions } from './ended-sessions.service.js';
import { JwtAuthGuard, PermissionsGuard } from '../access/guards.js';
import { JwtStrategy } from './jwt.strategy.js';
import { LoginAttemptRepository } from './login-attempt.repository.js';
import { LoginLockoutController } from './login-lockout.controller.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { USER_SESSIONS } from '../users/sessions.js';
import { UsersModule } from '../users/users.module.js';
import { SessionRepository } from './session.repository.js';
import { TokenService } from './token.service.js';

/**
 * Global: it provides the sessions user administration ends (USER_SESSIONS) to the users module,
 * which cannot import this one back (auth depends on users).
 */
@Global()
@Module({
  imports: [
    UsersModule,
    PassportModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: ResolvedConfig) => ({
        secret: config.jwt.secret,
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
    AuthRetention,
    SessionRepository,
    EndedSessions,
    { provide: USER_SESSIONS, useExisting: TokenService },
    // Order matters: authentication runs before the permission check.
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: PermissionsGuard },
  ],
  exports: [JwtModule, TokenService, USER_SESSIONS, AuthRetention],
})
export class AuthModule {}
