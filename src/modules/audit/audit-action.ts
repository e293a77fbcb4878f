/** Audited event names, `<aggregate>.<past-tense>`. */
export enum AuditAction {
  UserSignedUp = 'user.signed_up',
  LoginSucceeded = 'auth.login_succeeded',
  LoginFailed = 'auth.login_failed',
  UserRoleChanged = 'user.role_changed',
  UserDeactivated = 'user.deactivated',
  UserReactivated = 'user.reactivated',
  ApiKeyCreated = 'api_key.created',
  ApiKeyRevoked = 'api_key.revoked',
  JobRetried = 'job.retried',
}
