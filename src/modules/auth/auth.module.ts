import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { AppConfig } from '../../config/app-config';
import { AccessGuard } from './access.guard';
import { AUTH_CLOCK, systemAuthClock } from './auth-clock';
import { ApiKeyRevocationListener } from './api-key-revocation.listener';
import { ApiKeysController } from './api-keys.controller';
import { ApiKeysService } from './api-keys.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { IngestSignatureRepository } from './ingest-signature/ingest-signature.repository';
import { IngestSignatureService } from './ingest-signature/ingest-signature.service';
import { JwtStrategy } from './jwt.strategy';
import { LoginThrottleRepository } from './login-throttle/login-throttle.repository';
import { LoginThrottleService } from './login-throttle/login-throttle.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [
    PassportModule,
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        secret: config.jwtSecret,
        signOptions: { expiresIn: config.jwtExpiresInSeconds, algorithm: 'HS256' },
      }),
    }),
  ],
  controllers: [AuthController, UsersController, ApiKeysController],
  providers: [
    AuthService,
    UsersService,
    ApiKeysService,
    ApiKeyRevocationListener,
    IngestSignatureRepository,
    IngestSignatureService,
    LoginThrottleRepository,
    LoginThrottleService,
    JwtStrategy,
    { provide: AUTH_CLOCK, useValue: systemAuthClock },
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [UsersService, ApiKeysService],
})
export class AuthModule {}
