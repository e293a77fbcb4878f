import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import bcrypt from 'bcrypt';
import { AppConfig } from '../../config/app-config';
import { AuditAction, AuditService } from '../audit';
import type { User } from '../../generated/prisma/client';
import { InvalidCredentialsError, PendingApprovalError } from './auth.errors';
import { throttleKeys } from './login-throttle/login-throttle.policy';
import { LoginThrottleService } from './login-throttle/login-throttle.service';
import { isPendingApproval } from './user-status';
import type { LoginDto } from './dto/login.dto';
import { toUserDto, type LoginResponseDto } from './dto/user.dto';
import { UsersService } from './users.service';

export interface JwtPayload {
  sub: string;
  email: string;
  role: string;
}

/** Why a login failed, as the audit log records it. */
type FailureReason = 'unknown_email' | 'no_password' | 'wrong_password' | 'deactivated';

@Injectable()
export class AuthService {
  /** Compared against when there is no hash to check, so every failure takes the same time. */
  private readonly decoyHash: Promise<string>;

  constructor(
    private readonly users: UsersService,
    private readonly throttle: LoginThrottleService,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {
    this.decoyHash = bcrypt.hash('decoy-password-never-used', config.bcryptRounds);
  }

  /**
   * The throttle is consulted first: a locked account or address gets 429 before any
   * password check or audit row, so a spray cannot flood the audit log.
   */
  async login(dto: LoginDto, ip?: string): Promise<LoginResponseDto> {
    const keys = throttleKeys(dto.email, ip);
    await this.throttle.assertAllowed(keys);
    const user = await this.users.findByEmail(dto.email);
    const passwordMatches = await bcrypt.compare(
      dto.password,
      user?.passwordHash ?? (await this.decoyHash),
    );
    const failure = failureReason(user, passwordMatches);
    if (failure || !user) {
      await this.throttle.recordFailure(keys);
      await this.recordFailure(dto.email, user, failure ?? 'unknown_email', ip);
      throw new InvalidCredentialsError();
    }
    if (isPendingApproval(user)) {
      await this.recordFailure(dto.email, user, 'pending_approval', ip);
      throw new PendingApprovalError();
    }
    await this.throttle.recordSuccess(keys);
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

  private recordFailure(
    email: string,
    user: User | null,
    reason: FailureReason | 'pending_approval',
    ip?: string,
  ): Promise<void> {
    return this.audit.record({
      actor: user ? { id: user.id, email: user.email } : { email },
      action: AuditAction.LoginFailed,
      entityType: 'user',
      entityId: user?.id,
      data: { reason },
      ip,
    });
  }
}

/** A pending signup with the right password is not a failure: it gets its own answer. */
function failureReason(user: User | null, passwordMatches: boolean): FailureReason | null {
  if (!user) return 'unknown_email';
  if (!user.passwordHash) return 'no_password';
  if (!passwordMatches) return 'wrong_password';
  if (!user.isActive && !isPendingApproval(user)) return 'deactivated';
  return null;
}
