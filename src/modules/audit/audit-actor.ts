/**
 * Who made an audited change. Usage, for every module that records a state change:
 *
 *   audit.record({ actor: userActor(user), action, entityType, entityId, ip, data: { before, after } }, tx)
 *   audit.recordWith(client, { actor: systemActor('action-expiry'), ... })           // a job
 *   audit.recordWith(client, { actor: slackActor(user, slackUserId), ... })           // a Slack button
 *   audit.record({ actor: apiKeyActor(key), ... })                                    // an ingest key
 *
 * `data` carries `before` and `after` (the changed fields, or a snapshot for create/delete);
 * `ip` is the client address (`@Ip()`), null for system work. The actor's kind, id, email and
 * label are all covered by the chain.
 */
export const AUDIT_ACTOR_TYPES = ['user', 'system', 'api-key', 'slack'] as const;
export type AuditActorType = (typeof AUDIT_ACTOR_TYPES)[number];

export interface AuditActor {
  /** Omitted: `user` when an id or email is given, `system` otherwise. */
  type?: AuditActorType;
  /** The user (for `slack`: the user the Slack account maps to; for `api-key`: the key). */
  id?: string | null;
  email?: string | null;
  /** Names a non-user actor: the system job, the ingest key's name, the Slack user id. */
  label?: string | null;
}

/** The columns an actor is stored in. */
export interface StoredActor {
  type: AuditActorType;
  id: string | null;
  email: string | null;
  label: string | null;
}

export function storedActor(actor: AuditActor | null | undefined): StoredActor {
  const type = actor?.type ?? (actor?.id || actor?.email ? 'user' : 'system');
  return {
    type,
    id: actor?.id ?? null,
    email: actor?.email ?? null,
    label: actor?.label ?? null,
  };
}

export function userActor(user: { id: string; email?: string | null }): AuditActor {
  return { type: 'user', id: user.id, email: user.email ?? null };
}

/** Work the system does by itself (expiry, timed unblock, automatic case linking). */
export function systemActor(job: string): AuditActor {
  return { type: 'system', label: job };
}

/** A decision taken through Slack, by the user the Slack account is mapped to. */
export function slackActor(
  user: { id: string; email?: string | null },
  slackUserId: string,
): AuditActor {
  return { type: 'slack', id: user.id, email: user.email ?? null, label: slackUserId };
}

export function apiKeyActor(key: { id: string; name: string }): AuditActor {
  return { type: 'api-key', id: key.id, label: key.name };
}
