import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';

/** Counts login attempts per client address and account, so one account's brute force is cut off. */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  protected override getTracker(request: {
    ip?: string;
    body?: { email?: unknown };
  }): Promise<string> {
    const email =
      typeof request.body?.email === 'string' ? request.body.email.trim().toLowerCase() : '';
    return Promise.resolve(`${request.ip ?? 'unknown'}|${email}`);
  }
}
