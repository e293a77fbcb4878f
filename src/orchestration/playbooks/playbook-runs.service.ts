import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../../common/auth/auth-user';
import { toPage, type Page } from '../../common/validation/pagination.dto';
import { AppConfig } from '../../config/app-config';
import { triggerMatches } from '../../modules/playbooks';
import type { PlaybookRunQueryDto, StartPlaybookRunDto } from './dto/playbook-run.dto';
import { toRunDto, type PlaybookRunDto } from './dto/playbook-run.dto';
import {
  PlaybookDisabledError,
  PlaybookForRunNotFoundError,
  PlaybookRunNotFoundError,
  PlaybookRunNotRetryableError,
  PlaybookRunSubjectError,
  PlaybookSubjectNotFoundError,
} from './playbook-runs.errors';
import { PlaybookRunsRepository } from './playbook-runs.repository';
import { PlaybookRunner } from './playbook-runner';
import { PlaybookContext } from './playbook-context';

const POLL_MS = 100;

/** Manual runs, retries and run history. */
@Injectable()
export class PlaybookRunsService {
  constructor(
    private readonly repository: PlaybookRunsRepository,
    private readonly runner: PlaybookRunner,
    private readonly contexts: PlaybookContext,
    private readonly config: AppConfig,
  ) {}

  /** Starts one run and waits a moment for its worker, so a quick run answers finished. */
  async run(
    actor: AuthUser,
    playbookId: string,
    dto: StartPlaybookRunDto,
  ): Promise<PlaybookRunDto> {
    const playbook = await this.repository.currentVersion(playbookId);
    if (!playbook) throw new PlaybookForRunNotFoundError();
    if (!playbook.enabled) throw new PlaybookDisabledError();
    const subject = await this.subject(dto);
    const runId = (await this.runner.start({
      playbook,
      ...subject,
      dryRun: dto.dryRun === true,
      trigger: 'manual',
      actor,
    }))!;
    return this.settled(runId);
  }

  /** POST /playbooks/run/:caseId: every enabled playbook whose trigger matches the case. */
  async runForCase(actor: AuthUser, caseId: string): Promise<PlaybookRunDto[]> {
    const subject = await this.subject({ caseId });
    const { context } = await this.contexts.load(subject.alertId, subject.caseId);
    const matching = (await this.repository.enabledVersions()).filter((playbook) =>
      triggerMatches(playbook.definition.trigger, context),
    );
    const runIds: string[] = [];
    for (const playbook of matching)
      runIds.push(
        (await this.runner.start({
          playbook,
          ...subject,
          dryRun: false,
          trigger: 'manual',
          actor,
        }))!,
      );
    return Promise.all(runIds.map((id) => this.settled(id)));
  }

  async retry(actor: AuthUser, runId: string): Promise<PlaybookRunDto> {
    const run = await this.repository.findRun(runId);
    if (!run) throw new PlaybookRunNotFoundError();
    if (run.status !== 'FAILED') throw new PlaybookRunNotRetryableError(run.status);
    await this.runner.retry(run, actor);
    return this.settled(runId);
  }

  async get(runId: string): Promise<PlaybookRunDto> {
    const run = await this.repository.findRun(runId);
    if (!run) throw new PlaybookRunNotFoundError();
    return toRunDto(run, await this.repository.steps(runId));
  }

  async list(query: PlaybookRunQueryDto, playbookId?: string): Promise<Page<PlaybookRunDto>> {
    if (playbookId && !(await this.repository.currentVersion(playbookId)))
      throw new PlaybookForRunNotFoundError();
    const { items, total } = await this.repository.listRuns({
      playbookId,
      status: query.status,
      limit: query.limit,
      offset: query.skip,
    });
    return toPage(
      query,
      total,
      items.map((run) => toRunDto(run)),
    );
  }

  /** The alert and case a run works on: either named; the other follows from it. */
  private async subject(dto: {
    caseId?: string;
    alertId?: string;
  }): Promise<{ alertId: string | null; caseId: string | null }> {
    if (!dto.caseId && !dto.alertId)
      throw new PlaybookRunSubjectError('caseId or alertId is required');
    if (dto.alertId) {
      const { alert } = await this.contexts.load(dto.alertId, null);
      if (!alert) throw new PlaybookSubjectNotFoundError('alert');
      if (dto.caseId && alert.caseId !== dto.caseId)
        throw new PlaybookRunSubjectError('alertId: the alert is not in that case');
      return { alertId: alert.id, caseId: alert.caseId };
    }
    if (!(await this.repository.caseContext(dto.caseId!)))
      throw new PlaybookSubjectNotFoundError('case');
    return { alertId: await this.repository.firstAlertOfCase(dto.caseId!), caseId: dto.caseId! };
  }

  private async settled(runId: string): Promise<PlaybookRunDto> {
    const deadline = Date.now() + this.config.actions.executeWaitMs;
    while (Date.now() < deadline) {
      const run = await this.repository.findRun(runId);
      if (run?.status !== 'RUNNING') break;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    return this.get(runId);
  }
}
