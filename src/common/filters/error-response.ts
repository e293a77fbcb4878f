import { HttpException, HttpStatus } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import { Prisma } from '../../generated/prisma/client';
import { isDatabaseUnavailable, sqlState } from '../../database/database-errors';
import { ErrorKind, ModuleError } from '../errors/module-error';

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string | string[];
  /** A module error's stable code (`CASE_NOT_FOUND`), for clients that branch on it. */
  code?: string;
  errorId?: string;
  /** Sent as the `Retry-After` header, not in the body. */
  retryAfterSeconds?: number;
}

/** The one place where a module's kind of failure becomes an HTTP status. */
const STATUS_BY_KIND: Record<ErrorKind, HttpStatus> = {
  [ErrorKind.Invalid]: HttpStatus.BAD_REQUEST,
  [ErrorKind.Unauthenticated]: HttpStatus.UNAUTHORIZED,
  [ErrorKind.Forbidden]: HttpStatus.FORBIDDEN,
  [ErrorKind.NotFound]: HttpStatus.NOT_FOUND,
  [ErrorKind.Conflict]: HttpStatus.CONFLICT,
  [ErrorKind.Unprocessable]: HttpStatus.UNPROCESSABLE_ENTITY,
  [ErrorKind.RateLimited]: HttpStatus.TOO_MANY_REQUESTS,
  [ErrorKind.Unavailable]: HttpStatus.SERVICE_UNAVAILABLE,
};

/** What a client sees for an error; `null` when it is unexpected (a 500 the filter logs). */
export function toErrorBody(exception: unknown): ErrorBody | null {
  if (exception instanceof ModuleError) return fromModuleError(exception);
  if (exception instanceof HttpException) return fromHttpException(exception);
  if (isDatabaseUnavailable(exception)) {
    return body(HttpStatus.SERVICE_UNAVAILABLE, 'The database is unavailable; retry shortly.');
  }
  if (exception instanceof Prisma.PrismaClientKnownRequestError) {
    const mapped = fromPrismaError(exception);
    if (mapped) return mapped;
  }
  const state = sqlState(exception);
  // Class 22 = data exception (bad encoding, value out of range...): the input was bad.
  if (state?.startsWith('22'))
    return body(
      HttpStatus.BAD_REQUEST,
      'A value in the request is not acceptable to the database.',
    );
  return fromFrameworkError(exception);
}

export function body(statusCode: number, message: string | string[]): ErrorBody {
  return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message };
}

/** Clearer words for the errors Fastify raises before a route runs (only it raises these). */
const FRAMEWORK_MESSAGES: Record<number, string> = {
  413: 'The request body is larger than the 1 MiB limit',
  415: 'Unsupported Content-Type: send the body as application/json',
};

function fromModuleError(error: ModuleError): ErrorBody {
  const response: ErrorBody = {
    ...body(STATUS_BY_KIND[error.kind], error.problems ?? error.message),
    code: error.code,
  };
  if (error.retryAfterSeconds !== undefined) response.retryAfterSeconds = error.retryAfterSeconds;
  return response;
}

function fromHttpException(exception: HttpException): ErrorBody {
  const statusCode = exception.getStatus();
  const response = exception.getResponse();
  const message =
    typeof response === 'string' ? response : (response as { message?: string | string[] }).message;
  return body(statusCode, FRAMEWORK_MESSAGES[statusCode] ?? message ?? exception.message);
}

function fromPrismaError(error: Prisma.PrismaClientKnownRequestError): ErrorBody | null {
  const model = (error.meta?.modelName as string | undefined) ?? 'Record';
  switch (error.code) {
    case 'P2002': {
      const fields = uniqueFields(error);
      return body(HttpStatus.CONFLICT, `${model} with this ${fields || 'value'} already exists`);
    }
    case 'P2025':
      return body(HttpStatus.NOT_FOUND, `${model} not found`);
    case 'P2003':
      return body(HttpStatus.CONFLICT, `${model} refers to a record that does not exist`);
    case 'P2000':
      return body(HttpStatus.BAD_REQUEST, 'A value is too long for its field');
    default:
      return null;
  }
}

function uniqueFields(error: Prisma.PrismaClientKnownRequestError): string {
  const adapterCause = (
    error.meta?.driverAdapterError as { cause?: { constraint?: { fields?: string[] } } }
  )?.cause;
  const fields = adapterCause?.constraint?.fields ?? (error.meta?.target as string[] | undefined);
  return Array.isArray(fields) ? fields.join(', ') : '';
}

/** Fastify's own client errors (415, 413, body parsing) carry a 4xx statusCode. */
function fromFrameworkError(exception: unknown): ErrorBody | null {
  const { statusCode, message } = (exception ?? {}) as { statusCode?: unknown; message?: unknown };
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    return body(
      statusCode,
      typeof message === 'string' ? message : (STATUS_CODES[statusCode] ?? 'Bad request'),
    );
  }
  return null;
}
