import {
  BadRequestException,
  ConflictException,
  HttpException,
  NotFoundException,
} from '@nestjs/common';
import { Prisma } from '../../generated/prisma/client';
import { ErrorKind, ModuleError } from '../errors/module-error';
import { toErrorBody } from './error-response';

const prismaError = (code: string, meta: Record<string, unknown>) =>
  new Prisma.PrismaClientKnownRequestError('prisma says no', { code, clientVersion: 'test', meta });

describe('toErrorBody', () => {
  it('keeps Nest exceptions and their validation messages', () => {
    expect(toErrorBody(new BadRequestException(['email must be an email']))).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: ['email must be an email'],
    });
    expect(toErrorBody(new NotFoundException('Alert not found'))).toMatchObject({
      statusCode: 404,
      message: 'Alert not found',
    });
  });

  it('maps every module error kind to its status once, with the stable code', () => {
    const cases: [ErrorKind, number][] = [
      [ErrorKind.Invalid, 400],
      [ErrorKind.Unauthenticated, 401],
      [ErrorKind.Forbidden, 403],
      [ErrorKind.NotFound, 404],
      [ErrorKind.Conflict, 409],
      [ErrorKind.Unprocessable, 422],
      [ErrorKind.RateLimited, 429],
      [ErrorKind.Unavailable, 503],
    ];
    for (const [kind, statusCode] of cases)
      expect(toErrorBody(new ModuleError(kind, 'SOME_CODE', 'what went wrong'))).toEqual({
        statusCode,
        error: expect.any(String),
        message: 'what went wrong',
        code: 'SOME_CODE',
      });
  });

  it("carries a module error's retry delay for the Retry-After header", () => {
    const error = new ModuleError(ErrorKind.RateLimited, 'AUTH_THROTTLED', 'slow down', {
      retryAfterSeconds: 8,
    });
    expect(toErrorBody(error)).toMatchObject({ statusCode: 429, retryAfterSeconds: 8 });
  });

  it("sends a module error's several problems as the message list", () => {
    const problems = ['steps[2].params.target: required', 'mode: must be "live" or "dry-run"'];
    const error = new ModuleError(ErrorKind.Invalid, 'PLAYBOOK_INVALID', problems.join('; '), {
      problems,
    });
    expect(toErrorBody(error)).toMatchObject({ statusCode: 400, message: problems });
  });

  it('gives framework 413/415 errors clear words', () => {
    expect(toErrorBody(new HttpException('Unsupported Media Type', 415))?.message).toMatch(
      /application\/json/,
    );
    expect(toErrorBody(new HttpException('Payload Too Large', 413))?.message).toMatch(/1 MiB/);
  });

  it('maps Prisma unique, not-found and foreign-key errors', () => {
    const unique = prismaError('P2002', {
      modelName: 'User',
      driverAdapterError: { cause: { constraint: { fields: ['email'] } } },
    });
    expect(toErrorBody(unique)).toEqual({
      statusCode: 409,
      error: 'Conflict',
      message: 'User with this email already exists',
    });
    expect(toErrorBody(prismaError('P2025', { modelName: 'Case' }))).toMatchObject({
      statusCode: 404,
      message: 'Case not found',
    });
    expect(toErrorBody(prismaError('P2003', { modelName: 'CaseNote' }))).toMatchObject({
      statusCode: 409,
    });
  });

  it('answers 503 when the database is unreachable and 400 for data exceptions', () => {
    expect(toErrorBody(prismaError('P1001', {}))).toMatchObject({ statusCode: 503 });
    expect(
      toErrorBody({ code: '22P05', message: 'unsupported Unicode escape sequence' }),
    ).toMatchObject({ statusCode: 400 });
  });

  it('returns null for the unexpected, so the filter logs it and hides it', () => {
    expect(toErrorBody(new Error('secret internals'))).toBeNull();
    expect(toErrorBody(new ConflictException())?.statusCode).toBe(409);
  });
});
