import { Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import bcrypt from 'bcrypt';
import { AppConfig } from '../../config/app-config';
import { AuditAction } from '../audit/audit-action';
import { AuditService } from '../audit/audit.service';
import type { LoginDto } from './dto/login.dto';
import { toUserDto, type LoginResponseDto } from './dto/user.dto';
import { UsersService } from './users.service';

export interface JwtPayload {
  sub: string;
  email: string;
  role: string;
}

const BAD_CREDENTIALS = 'Invalid email or password';

@Injectable()
export class AuthService {
  /** Compared against when the email is unknown, so both failures take the same time. */
  private readonly decoyHash: Promise<string>;

  constructor(
    private readonly users: UsersService,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {
    this.decoyHash = bcrypt.hash('decoy-password-never-used', config.bcryptRounds);
  }

  async login(dto: LoginDto, ip?: string): Promise<LoginResponseDto> {
    const user = await this.users.findByEmail(dto.email);
    const passwordMatches = await bcrypt.compare(
      dto.password,
      user?.passwordHash ?? (await this.decoyHash),
    );
    if (!user || !passwordMatches || !user.isActive) {
      await this.audit.record({
        actor: user ? { id: user.id, email: user.email } : { email: dto.email },
        action: AuditAction.LoginFailed,
        entityType: 'user',
        entityId: user?.id,
        data: {
          reason: !user ? 'unknown_email' : !passwordMatches ? 'wrong_password' : 'inactive',
        },
        ip,
      });
      throw new UnauthorizedException(BAD_CREDENTIALS);
    }
    await this.users.recordLogin(user.id);
    await this.audit.record({
      actor: user,
      action: AuditAction.LoginSucceeded,
      entityType: 'user',
      entityId: user.id,
      ip,
    });
    const payload: JwtPayload = { sub: user.id, email: user.email, role: user.role };
    return {
      accessToken: await this.jwt.signAsync(payload),
      tokenType: 'Bearer',
      expiresIn: this.config.jwtExpiresInSeconds,
      user: toUserDto(user),
    };
  }
}
