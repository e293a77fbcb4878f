import type { User } from '../../generated/prisma/client';

/** Never activated: a signup an ADMIN has not approved yet (a deactivated user was active once). */
export function isPendingApproval(user: Pick<User, 'isActive' | 'activatedAt'>): boolean {
  return !user.isActive && user.activatedAt === null;
}
