import { applyDecorators, SetMetadata } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtension,
  ApiForbiddenResponse,
  ApiHeader,
  ApiSecurity,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Role } from '../../generated/prisma/enums';
import { ALL_ROLES, ANALYST_PLUS } from '../auth/role-groups';

export const ACCESS_POLICY = 'access-policy';

export type AccessPolicy =
  | { kind: 'public' }
  | { kind: 'ingest' }
  | { kind: 'scrape' }
  | { kind: 'roles'; roles: readonly Role[] };

/** Opens a route to anyone. Routes without an access decorator are denied. */
export const Public = () => SetMetadata(ACCESS_POLICY, { kind: 'public' } satisfies AccessPolicy);

/** Restricts a route to callers with a valid JWT and one of these roles (403 otherwise). */
export const Roles = (...roles: Role[]) =>
  applyDecorators(
    SetMetadata(ACCESS_POLICY, { kind: 'roles', roles } satisfies AccessPolicy),
    ApiBearerAuth('jwt'),
    ApiExtension('x-roles', roles),
    ApiUnauthorizedResponse({ description: 'Missing, invalid or expired token' }),
    ApiForbiddenResponse({ description: `Requires one of the roles: ${roles.join(', ')}` }),
  );

/** Prometheus scrapes: `Authorization: Bearer <METRICS_TOKEN>`, or any role's JWT. */
export const ScrapeAuth = () =>
  applyDecorators(
    SetMetadata(ACCESS_POLICY, { kind: 'scrape' } satisfies AccessPolicy),
    ApiBearerAuth('jwt'),
    ApiExtension('x-roles', ['METRICS_TOKEN', ...ALL_ROLES]),
    ApiUnauthorizedResponse({ description: 'Neither METRICS_TOKEN nor a valid JWT' }),
  );

/** SIEM ingestion: an ingest API key, or the JWT of an ANALYST+. */
export const IngestAuth = () =>
  applyDecorators(
    SetMetadata(ACCESS_POLICY, { kind: 'ingest' } satisfies AccessPolicy),
    ApiSecurity('apiKey'),
    ApiBearerAuth('jwt'),
    ApiExtension('x-roles', ['ingest API key', ...ANALYST_PLUS]),
    ApiHeader({
      name: 'X-Signature-Timestamp',
      required: false,
      description: 'Keys created with signed: true: unix seconds, within 300 s of the server',
    }),
    ApiHeader({
      name: 'X-Signature',
      required: false,
      description:
        'Keys created with signed: true: sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>">',
    }),
    ApiUnauthorizedResponse({
      description: 'Missing, revoked or wrong API key; missing, stale, wrong or replayed signature',
    }),
  );
