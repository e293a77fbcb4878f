import { Injectable } from '@nestjs/common';
import { CaseEventType } from '../../../generated/prisma/enums';
import { AuditAction } from '../../audit';
import { ActionJournal } from '../action-journal';
import { ActionsRepository } from '../actions.repository';

const BATCH = 200;

/** The scheduled sweep: every action past its stage's deadline becomes EXPIRED, audited. */
@Injectable()
export class ActionExpiry {
  constructor(
    private readonly repository: ActionsRepository,
    private readonly journal: ActionJournal,
  ) {}

  /** How many actions expired. Rows another transaction holds are left for the next sweep. */
  async sweep(): Promise<number> {
    let total = 0;
    for (;;) {
      const expired = await this.repository.transaction(async (client) => {
        const rows = await this.repository.expireDue(client, BATCH);
        for (const { before, ...action } of rows)
          await this.journal.record(client, {
            action,
            audit: AuditAction.ActionExpired,
            before,
            actor: null,
            job: 'action-expiry',
            event: CaseEventType.ACTION_DECIDED,
            data: { expiresAt: action.expiresAt },
          });
        return rows.length;
      });
      total += expired;
      if (expired < BATCH) return total;
    }
  }
}
