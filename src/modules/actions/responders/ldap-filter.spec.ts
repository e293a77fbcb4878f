import { accountFilter } from './ldap-filter';

describe(accountFilter.name, () => {
  it('escapes the RFC 4515 specials * ( ) \\ and NUL in the value', () => {
    expect(accountFilter('openldap', 'a*b(c)d\\e\0f')).toBe(
      '(|(uid=a\\2ab\\28c\\29d\\5ce\\00f)(mail=a\\2ab\\28c\\29d\\5ce\\00f))',
    );
  });

  it('keeps non-ASCII UTF-8 as it is (RFC 4515 allows it unescaped)', () => {
    expect(accountFilter('openldap', 'jürgen.ødegård')).toBe(
      '(|(uid=jürgen.ødegård)(mail=jürgen.ødegård))',
    );
  });

  it('cannot be widened or rewritten by an injected filter', () => {
    expect(accountFilter('openldap', '*')).toBe('(|(uid=\\2a)(mail=\\2a))');
    expect(accountFilter('openldap', 'a)(uid=*')).toBe(
      '(|(uid=a\\29\\28uid=\\2a)(mail=a\\29\\28uid=\\2a))',
    );
  });

  it('looks AD accounts up by sAMAccountName or UPN, people only (not computers)', () => {
    expect(accountFilter('ad', 'alice@corp.example')).toBe(
      '(&(objectClass=user)(!(objectClass=computer))' +
        '(|(sAMAccountName=alice@corp.example)(userPrincipalName=alice@corp.example)))',
    );
  });
});
