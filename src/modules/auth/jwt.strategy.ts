import { Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AppConfig } from '../../config/app-config';
import type { AuthUser } from '../../common/auth/auth-user';
import type { JwtPayload } from './auth.service';
import { UsersService } from './users.service';

/** Reloads the user on every request, so role changes and deactivation apply at once. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor(
    config: AppConfig,
    private readonly users: UsersService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.jwtSecret,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  async validate(payload: JwtPayload & { exp?: unknown }): Promise<AuthUser> {
    // jsonwebtoken only checks `exp` when present; a token without one would never expire.
    if (typeof payload.exp !== 'number') {
      throw new UnauthorizedException('The token has no expiry (exp); log in again');
    }
    const user = await this.users.findActive(payload.sub);
    if (!user) throw new UnauthorizedException('This account is deactivated or no longer exists');
    return user;
  }
}
