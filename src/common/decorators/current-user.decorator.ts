import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AppRequest } from '../http/app-request';

/** The authenticated user (routes behind @Roles) or undefined. */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext) =>
    context.switchToHttp().getRequest<AppRequest>().user,
);
