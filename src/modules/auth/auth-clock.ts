/** Time source of the login throttle and signature checks; tests inject a manual one. */
export interface AuthClock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export const AUTH_CLOCK = Symbol('AUTH_CLOCK');

export const systemAuthClock: AuthClock = { now: () => Date.now() };
