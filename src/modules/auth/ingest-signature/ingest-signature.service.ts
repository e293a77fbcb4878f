import { Inject, Injectable, Logger } from '@nestjs/common';
import { AUTH_CLOCK, type AuthClock } from '../auth-clock';
import { IngestSignatureError } from '../auth.errors';
import { OccasionalTask } from '../occasional-task';
import {
  SIGNATURE_TOLERANCE_SECONDS,
  verifySignature,
  type SignatureHeaders,
} from './ingest-signature';
import { IngestSignatureRepository } from './ingest-signature.repository';

/** Verifies a signed ingest request and refuses a replay of an accepted signature. */
@Injectable()
export class IngestSignatureService {
  private readonly prune = new OccasionalTask(
    'Pruning ingest_signatures_seen',
    60_000,
    (now) => this.repository.pruneExpired(new Date(now)),
    new Logger(IngestSignatureService.name),
  );

  constructor(
    private readonly repository: IngestSignatureRepository,
    @Inject(AUTH_CLOCK) private readonly clock: AuthClock,
  ) {}

  async verify(
    apiKeyId: string,
    secret: string,
    headers: SignatureHeaders,
    rawBody: Buffer,
  ): Promise<void> {
    const now = this.clock.now();
    const { signature, timestampSeconds } = verifySignature(secret, headers, rawBody, now);
    // Past this instant the timestamp check refuses the signature on its own.
    const expiresAt = new Date((timestampSeconds + SIGNATURE_TOLERANCE_SECONDS + 1) * 1000);
    if (!(await this.repository.claim(apiKeyId, signature, expiresAt, new Date(now)))) {
      throw IngestSignatureError.replayed();
    }
    this.prune.maybeRun(now);
  }
}
