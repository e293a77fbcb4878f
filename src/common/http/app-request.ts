import type { FastifyRequest } from 'fastify';
import type { AuthUser, IngestPrincipal } from '../auth/auth-user';

export type AppRequest = FastifyRequest & {
  user?: AuthUser;
  ingest?: IngestPrincipal;
  rawBody?: Buffer;
};
