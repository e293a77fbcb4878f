import {
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { ACCESS_POLICY, type AccessPolicy } from '../../common/decorators/access.decorator';
import { ALL_ROLES, ANALYST_PLUS } from '../../common/auth/role-groups';
import { bearerToken, tokenMatches } from '../../common/crypto/tokens';
import type { AuthUser, IngestPrincipal } from '../../common/auth/auth-user';
import type { AppRequest } from '../../common/http/app-request';
import { AppConfig } from '../../config/app-config';
import type { Role } from '../../generated/prisma/enums';
import { API_KEY_PREFIX, ApiKeysService } from './api-keys.service';
import { IngestSignatureService } from './ingest-signature/ingest-signature.service';

/*
 * The global guard. It fails closed: a route without @Public, @Roles or @IngestAuth is
 * refused, a missing or bad credential is 401, a role outside the route's list is 403.
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  constructor(
    private readonly reflector: Reflector,
    private readonly apiKeys: ApiKeysService,
    private readonly signatures: IngestSignatureService,
    private readonly config: AppConfig,
  ) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const policy = this.reflector.getAllAndOverride<AccessPolicy | undefined>(ACCESS_POLICY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!policy) throw new ForbiddenException('This route has no access policy');
    if (policy.kind === 'public') return true;
    const request = context.switchToHttp().getRequest<AppRequest>();
    const apiKey = policy.kind === 'ingest' ? presentedApiKey(request) : undefined;
    if (apiKey) {
      request.ingest = await this.authenticateIngestKey(apiKey, request);
      return true;
    }
    if (policy.kind === 'scrape' && this.isMetricsToken(request)) return true;
    await super.canActivate(context);
    const roles = rolesOf(policy);
    const user = request.user as AuthUser;
    if (!roles.includes(user.role)) {
      throw new ForbiddenException(
        `Role ${user.role} may not do this; requires ${roles.join(' or ')}`,
      );
    }
    return true;
  }

  override handleRequest<TUser = AuthUser>(
    error: unknown,
    user: TUser | false,
    info: unknown,
  ): TUser {
    // Only validate() raises `error` (deactivated user, no expiry, database down): keep it.
    if (error) throw error instanceof Error ? error : new UnauthorizedException();
    if (!user) {
      const expired = (info as { name?: string } | undefined)?.name === 'TokenExpiredError';
      throw new UnauthorizedException(
        expired ? 'The token has expired' : 'A valid bearer token is required',
      );
    }
    return user;
  }

  private isMetricsToken(request: AppRequest): boolean {
    return tokenMatches(bearerToken(request.headers.authorization), this.config.metricsToken);
  }

  private async authenticateIngestKey(
    presented: string,
    request: AppRequest,
  ): Promise<IngestPrincipal> {
    const key = await this.apiKeys.authenticate(presented);
    if (!key) throw new UnauthorizedException('Invalid or revoked API key');
    if (key.signingSecret) {
      await this.signatures.verify(
        key.apiKeyId,
        key.signingSecret,
        {
          timestamp: request.headers['x-signature-timestamp'],
          signature: request.headers['x-signature'],
        },
        request.rawBody ?? Buffer.alloc(0),
      );
    }
    return { apiKeyId: key.apiKeyId, source: key.source };
  }
}

function rolesOf(policy: AccessPolicy): readonly Role[] {
  if (policy.kind === 'roles') return policy.roles;
  return policy.kind === 'scrape' ? ALL_ROLES : ANALYST_PLUS;
}

function presentedApiKey(request: AppRequest): string | undefined {
  const header = request.headers['x-api-key'];
  if (typeof header === 'string' && header.length > 0) return header;
  const bearer = bearerToken(request.headers.authorization);
  return bearer?.startsWith(API_KEY_PREFIX) ? bearer : undefined;
}
