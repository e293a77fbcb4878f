import { createHmac } from 'node:crypto';
import {
  type ExecutionContext,
  ForbiddenException,
  HttpException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { ACCESS_POLICY, type AccessPolicy } from '../../common/decorators/access.decorator';
import { ANALYST_PLUS } from '../../common/auth/role-groups';
import type { AuthUser, IngestPrincipal } from '../../common/auth/auth-user';
import { constantTimeEqual } from '../../common/crypto/tokens';
import type { AppRequest } from '../../common/http/app-request';
import { API_KEY_PREFIX, ApiKeysService, type IngestKey } from './api-keys.service';

/*
 * The global guard. It fails closed: a route without @Public, @Roles or @IngestAuth is
 * refused, a missing or bad credential is 401, a role outside the route's list is 403.
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  constructor(
    private readonly reflector: Reflector,
    private readonly apiKeys: ApiKeysService,
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
    await super.canActivate(context);
    const roles = policy.kind === 'roles' ? policy.roles : ANALYST_PLUS;
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
    if (error instanceof HttpException) throw error;
    if (error || !user) {
      const expired = (info as { name?: string } | undefined)?.name === 'TokenExpiredError';
      throw new UnauthorizedException(
        expired ? 'The token has expired' : 'A valid bearer token is required',
      );
    }
    return user;
  }

  private async authenticateIngestKey(
    presented: string,
    request: AppRequest,
  ): Promise<IngestPrincipal> {
    const key = await this.apiKeys.authenticate(presented);
    if (!key) throw new UnauthorizedException('Invalid or revoked API key');
    if (key.signingSecret && !signatureMatches(key, request)) {
      throw new UnauthorizedException(
        'Missing or invalid X-Signature (expected sha256=<hex HMAC of the body>)',
      );
    }
    return { apiKeyId: key.apiKeyId, source: key.source };
  }
}

function presentedApiKey(request: AppRequest): string | undefined {
  const header = request.headers['x-api-key'];
  if (typeof header === 'string' && header.length > 0) return header;
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
  return bearer?.startsWith(API_KEY_PREFIX) ? bearer : undefined;
}

function signatureMatches(key: IngestKey, request: AppRequest): boolean {
  const header = request.headers['x-signature'];
  if (typeof header !== 'string' || !key.signingSecret) return false;
  const expected = createHmac('sha256', key.signingSecret)
    .update(request.rawBody ?? Buffer.alloc(0))
    .digest('hex');
  return constantTimeEqual(header.replace(/^sha256=/i, '').toLowerCase(), expected);
}
