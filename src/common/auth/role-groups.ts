import { Role } from '../../generated/prisma/enums';

/** The role -> permission table of API.md, in one place. */
export const ALL_ROLES: Role[] = [Role.ADMIN, Role.APPROVER, Role.ANALYST, Role.AUDITOR];
/** "ANALYST+": may change things. */
export const ANALYST_PLUS: Role[] = [Role.ADMIN, Role.APPROVER, Role.ANALYST];
export const APPROVERS: Role[] = [Role.ADMIN, Role.APPROVER];
export const AUDIT_READERS: Role[] = [Role.ADMIN, Role.AUDITOR];
export const ADMIN_ONLY: Role[] = [Role.ADMIN];
