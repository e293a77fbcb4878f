import type { Role } from '../../generated/prisma/enums';

/** The authenticated caller, as the guards attach it to the request. */
export interface AuthUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/** An ingestion source authenticated by API key. */
export interface IngestPrincipal {
  apiKeyId: string;
  source: string;
}
