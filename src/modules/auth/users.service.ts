import { Injectable } from '@nestjs/common';
import bcrypt from 'bcrypt';
import { AppConfig } from '../../config/app-config';
import { PrismaService } from '../../database/prisma.service';
import { Prisma, Role, type User } from '../../generated/prisma/client';
import type { AuthUser } from '../../common/auth/auth-user';
import { toPage, type Page, type PaginationQueryDto } from '../../common/validation/pagination.dto';
import { AuditAction, AuditService } from '../audit';
import {
  EmailTakenError,
  LastAdminError,
  SignupClosedError,
  SlackUserIdTakenError,
  UserNotFoundError,
} from './auth.errors';
import type { CreateUserDto } from './dto/create-user.dto';
import type { SignupDto } from './dto/signup.dto';
import type { UpdateUserDto } from './dto/update-user.dto';

/**
 * Serialises every write to users: exactly one first user becomes ADMIN, the last ADMIN
 * cannot be removed by two concurrent changes, and uniqueness checks cannot race.
 */
const USERS_LOCK_KEY = 7_360_002;

type Tx = Prisma.TransactionClient;

@Injectable()
export class UsersService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  /**
   * The first user ever is an active ADMIN. Later ones follow SIGNUP_MODE: `approval`
   * creates an inactive ANALYST pending approval, `open` an active ANALYST, `closed` refuses.
   */
  async signup(dto: SignupDto, ip?: string): Promise<User> {
    // Cheap refusal before the deliberately slow hash; re-checked under the lock.
    if (this.config.signupMode === 'closed' && (await this.anyUserExists(this.prisma))) {
      throw new SignupClosedError();
    }
    const passwordHash = await this.hash(dto.password);
    return this.underUsersLock(async (tx) => {
      const first = !(await this.anyUserExists(tx));
      if (!first && this.config.signupMode === 'closed') throw new SignupClosedError();
      await assertEmailFree(tx, dto.email);
      const active = first || this.config.signupMode === 'open';
      const role = first ? Role.ADMIN : Role.ANALYST;
      const user = await tx.user.create({
        data: {
          email: dto.email,
          name: dto.name,
          passwordHash,
          role,
          isActive: active,
          activatedAt: active ? new Date() : null,
        },
      });
      await this.audit.record(
        {
          actor: user,
          action: AuditAction.UserSignedUp,
          entityType: 'user',
          entityId: user.id,
          data: { before: null, after: snapshot(user), pendingApproval: !active },
          ip,
        },
        tx,
      );
      return user;
    });
  }

  /** An ADMIN creates an active user; without a password it cannot log in with one. */
  async create(actor: AuthUser, dto: CreateUserDto, ip?: string): Promise<User> {
    const passwordHash = dto.password === undefined ? null : await this.hash(dto.password);
    return this.underUsersLock(async (tx) => {
      await assertEmailFree(tx, dto.email);
      const user = await tx.user.create({
        data: {
          email: dto.email,
          name: dto.name,
          role: dto.role,
          passwordHash,
          isActive: true,
          activatedAt: new Date(),
        },
      });
      await this.audit.record(
        {
          actor,
          action: AuditAction.UserCreated,
          entityType: 'user',
          entityId: user.id,
          data: { before: null, after: snapshot(user), hasPassword: passwordHash !== null },
          ip,
        },
        tx,
      );
      return user;
    });
  }

  findByEmail(email: string): Promise<User | null> {
    return this.prisma.user.findUnique({ where: { email } });
  }

  /** The caller behind a token, or null when the user is gone or deactivated. */
  findActive(id: string): Promise<AuthUser | null> {
    return this.findActiveWhere({ id });
  }

  /** The active user whose Slack member id this is (Slack approvals act as them), or null. */
  findActiveBySlackUserId(slackUserId: string): Promise<AuthUser | null> {
    return this.findActiveWhere({ slackUserId });
  }

  async get(id: string): Promise<User> {
    const user = await this.prisma.user.findUnique({ where: { id } });
    if (!user) throw new UserNotFoundError();
    return user;
  }

  async list(query: PaginationQueryDto): Promise<Page<User>> {
    const [total, items] = await Promise.all([
      this.prisma.user.count(),
      this.prisma.user.findMany({
        orderBy: { createdAt: 'asc' },
        skip: query.skip,
        take: query.limit,
      }),
    ]);
    return toPage(query, total, items);
  }

  async recordLogin(id: string): Promise<void> {
    await this.prisma.user.update({ where: { id }, data: { lastLoginAt: new Date() } });
  }

  async update(actor: AuthUser, id: string, dto: UpdateUserDto, ip?: string): Promise<User> {
    return this.underUsersLock(async (tx) => {
      const before = await tx.user.findUnique({ where: { id } });
      if (!before) throw new UserNotFoundError();
      await this.assertKeepsAnAdmin(tx, before, dto);
      if (dto.slackUserId) await assertSlackIdFree(tx, dto.slackUserId, id);
      const user = await tx.user.update({
        where: { id },
        data: {
          role: dto.role,
          isActive: dto.isActive,
          slackUserId: dto.slackUserId,
          activatedAt: dto.isActive && !before.activatedAt ? new Date() : undefined,
        },
      });
      for (const action of changeActions(before, user)) {
        await this.audit.record(
          {
            actor,
            action,
            entityType: 'user',
            entityId: id,
            ip,
            data: { before: snapshot(before), after: snapshot(user) },
          },
          tx,
        );
      }
      return user;
    });
  }

  private async findActiveWhere(where: Prisma.UserWhereUniqueInput): Promise<AuthUser | null> {
    const user = await this.prisma.user.findUnique({
      where,
      select: { id: true, email: true, name: true, role: true, isActive: true },
    });
    return user?.isActive
      ? { id: user.id, email: user.email, name: user.name, role: user.role }
      : null;
  }

  private async assertKeepsAnAdmin(tx: Tx, before: User, dto: UpdateUserDto): Promise<void> {
    const losesAdmin =
      before.role === Role.ADMIN &&
      before.isActive &&
      ((dto.role !== undefined && dto.role !== Role.ADMIN) || dto.isActive === false);
    if (
      losesAdmin &&
      (await tx.user.count({ where: { role: Role.ADMIN, isActive: true } })) === 1
    ) {
      throw new LastAdminError();
    }
  }

  private underUsersLock<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${USERS_LOCK_KEY})`;
      return work(tx);
    });
  }

  private async anyUserExists(db: Tx): Promise<boolean> {
    return (await db.user.findFirst({ select: { id: true } })) !== null;
  }

  private hash(password: string): Promise<string> {
    return bcrypt.hash(password, this.config.bcryptRounds);
  }
}

async function assertEmailFree(tx: Tx, email: string): Promise<void> {
  if (await tx.user.findUnique({ where: { email }, select: { id: true } })) {
    throw new EmailTakenError();
  }
}

async function assertSlackIdFree(tx: Tx, slackUserId: string, ownerId: string): Promise<void> {
  const holder = await tx.user.findUnique({ where: { slackUserId }, select: { id: true } });
  if (holder && holder.id !== ownerId) throw new SlackUserIdTakenError();
}

function changeActions(before: User, after: User): AuditAction[] {
  const actions: AuditAction[] = [];
  if (before.role !== after.role) actions.push(AuditAction.UserRoleChanged);
  if (before.isActive !== after.isActive) {
    actions.push(
      !after.isActive
        ? AuditAction.UserDeactivated
        : before.activatedAt
          ? AuditAction.UserReactivated
          : AuditAction.UserApproved,
    );
  }
  if (before.slackUserId !== after.slackUserId) actions.push(AuditAction.UserSlackIdChanged);
  return actions;
}

/** What the audit log keeps of a user before and after a change. */
function snapshot(user: User): { role: Role; isActive: boolean; slackUserId: string | null } {
  return { role: user.role, isActive: user.isActive, slackUserId: user.slackUserId };
}
