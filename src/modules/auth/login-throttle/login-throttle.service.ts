import { Inject, Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { AUTH_CLOCK, type AuthClock } from '../auth-clock';
import { LoginThrottledError } from '../auth.errors';
import { OccasionalTask } from '../occasional-task';
import { lockoutSeconds, secondsUntil, type ThrottleKeys } from './login-throttle.policy';
import { LoginThrottleRepository } from './login-throttle.repository';

/**
 * Failed logins counted in PostgreSQL per account (across addresses and processes) and per
 * client address (across accounts). Past a limit within the window, the key is locked for a
 * delay that doubles with each further failure; a success clears the account's count.
 */
@Injectable()
export class LoginThrottleService {
  private readonly prune = new OccasionalTask(
    'Pruning login_throttle',
    60_000,
    (now) => this.repository.prune(this.quietSince(now)),
    new Logger(LoginThrottleService.name),
  );

  constructor(
    private readonly repository: LoginThrottleRepository,
    private readonly config: AppConfig,
    @Inject(AUTH_CLOCK) private readonly clock: AuthClock,
  ) {}

  /** Throws LoginThrottledError (429 with Retry-After) while the account or address is locked. */
  async assertAllowed(keys: ThrottleKeys): Promise<void> {
    const now = this.clock.now();
    const until = await this.repository.lockedUntil([keys.account, keys.address], new Date(now));
    const wait = secondsUntil(until, now);
    if (wait > 0) throw new LoginThrottledError(wait);
  }

  async recordFailure(keys: ThrottleKeys): Promise<void> {
    const now = this.clock.now();
    const counts = await this.repository.addFailure(
      [keys.account, keys.address],
      new Date(now),
      this.quietSince(now),
    );
    const locks = counts.flatMap(({ key, failures }) => {
      const limit =
        key === keys.account ? this.config.loginRateLimit : this.config.loginRateLimitPerIp;
      const seconds = lockoutSeconds(failures, limit);
      return seconds > 0 ? [{ key, until: new Date(now + seconds * 1000) }] : [];
    });
    await this.repository.lock(locks);
    this.prune.maybeRun(now);
  }

  async recordSuccess(keys: ThrottleKeys): Promise<void> {
    await this.repository.clear(keys.account);
  }

  private quietSince(now: number): Date {
    return new Date(now - this.config.loginRateWindowSeconds * 1000);
  }
}
