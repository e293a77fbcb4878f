import { escapeFilter } from 'ldapts';

export const LDAP_MODES = ['ad', 'openldap'] as const;
export type LdapMode = (typeof LDAP_MODES)[number];

/**
 * The filter that finds the account an action names. Every value is escaped per RFC 4515
 * (`*` `(` `)` `\` NUL become \2a \28 \29 \5c \00; other UTF-8 passes as it is), so a name
 * can only ever be compared for equality, never widen or rewrite the filter.
 * - ad: sAMAccountName or userPrincipalName, user objects that are not computer accounts;
 * - openldap: uid or mail.
 */
export function accountFilter(mode: LdapMode, username: string): string {
  return mode === 'ad'
    ? escapeFilter`(&(objectClass=user)(!(objectClass=computer))(|(sAMAccountName=${username})(userPrincipalName=${username})))`
    : escapeFilter`(|(uid=${username})(mail=${username}))`;
}
