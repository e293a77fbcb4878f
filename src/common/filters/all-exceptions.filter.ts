import { randomUUID } from 'node:crypto';
import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { AppRequest } from '../http/app-request';
import { body, toErrorBody } from './error-response';

/**
 * The one exception filter: known errors keep their status and message; anything
 * unexpected is logged with an id that the 500 body returns, and nothing else leaks.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<AppRequest>();
    let response = toErrorBody(exception);
    if (!response) {
      const errorId = randomUUID();
      this.logger.error(
        { err: exception, errorId, method: request.method, url: request.url },
        `Unexpected error ${errorId}`,
      );
      response = {
        ...body(HttpStatus.INTERNAL_SERVER_ERROR, `Unexpected error (reference ${errorId})`),
        errorId,
      };
    } else if (response.statusCode === (HttpStatus.SERVICE_UNAVAILABLE as number)) {
      response.retryAfterSeconds ??= 5;
      this.logger.warn(`Service unavailable during ${request.method} ${request.url}`);
    }
    const { retryAfterSeconds, ...sent } = response;
    if (retryAfterSeconds !== undefined)
      void reply.header('retry-after', String(retryAfterSeconds));
    void reply.status(sent.statusCode).send(sent);
  }
}
