import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import bcrypt from 'bcrypt';
import { AppConfig } from '../../config/app-config';
import { PrismaService } from '../../database/prisma.service';
import { Role, type User } from '../../generated/prisma/client';
import type { AuthUser } from '../../common/auth/auth-user';
import { toPage, type Page, type PaginationQueryDto } from '../../common/validation/pagination.dto';
import { AuditAction } from '../audit/audit-action';
import { AuditService } from '../audit/audit.service';
import type { SignupDto } from './dto/signup.dto';
import type { UpdateUserDto } from './dto/update-user.dto';

/** Serialises signups so exactly one first user becomes ADMIN. */
const SIGNUP_LOCK_KEY = 7_360_002;

@Injectable()
export class UsersService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async signup(dto: SignupDto, ip?: string): Promise<User> {
    const passwordHash = await bcrypt.hash(dto.password, this.config.bcryptRounds);
    return this.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SIGNUP_LOCK_KEY})`;
      const role = (await tx.user.count()) === 0 ? Role.ADMIN : Role.ANALYST;
      const user = await tx.user.create({
        data: { email: dto.email, name: dto.name, passwordHash, role },
      });
      await this.audit.record(
        {
          actor: user,
          action: AuditAction.UserSignedUp,
          entityType: 'user',
          entityId: user.id,
          data: { role },
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
  async findActive(id: string): Promise<AuthUser | null> {
    const user = await this.prisma.user.findUnique({
      where: { id },
      select: { id: true, email: true, name: true, role: true, isActive: true },
    });
    return user?.isActive
      ? { id: user.id, email: user.email, name: user.name, role: user.role }
      : null;
  }

  async get(id: string): Promise<User> {
    const user = await this.prisma.user.findUnique({ where: { id } });
    if (!user) throw new NotFoundException('User not found');
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
    return this.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SIGNUP_LOCK_KEY})`;
      const before = await tx.user.findUnique({ where: { id } });
      if (!before) throw new NotFoundException('User not found');
      const losesAdmin =
        before.role === Role.ADMIN &&
        before.isActive &&
        ((dto.role !== undefined && dto.role !== Role.ADMIN) || dto.isActive === false);
      if (
        losesAdmin &&
        (await tx.user.count({ where: { role: Role.ADMIN, isActive: true } })) === 1
      ) {
        throw new ConflictException('The last active ADMIN cannot be demoted or deactivated');
      }
      const user = await tx.user.update({
        where: { id },
        data: { role: dto.role, isActive: dto.isActive },
      });
      for (const action of changeActions(before, user)) {
        await this.audit.record(
          {
            actor,
            action,
            entityType: 'user',
            entityId: id,
            ip,
            data: { from: pick(before), to: pick(user) },
          },
          tx,
        );
      }
      return user;
    });
  }
}

function changeActions(before: User, after: User): AuditAction[] {
  const actions: AuditAction[] = [];
  if (before.role !== after.role) actions.push(AuditAction.UserRoleChanged);
  if (before.isActive !== after.isActive) {
    actions.push(after.isActive ? AuditAction.UserReactivated : AuditAction.UserDeactivated);
  }
  return actions;
}

function pick(user: User): { role: Role; isActive: boolean } {
  return { role: user.role, isActive: user.isActive };
}
