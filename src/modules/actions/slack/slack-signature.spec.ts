import { checkSlackSignature, slackSignature } from './slack-signature';

describe('checkSlackSignature', () => {
  const secret = '8f742231b10e8888abcd99yyyzzz85a5';
  const body = Buffer.from('payload=%7B%22type%22%3A%22block_actions%22%7D');
  const now = 1_531_420_618;
  const timestamp = String(now);
  const signature = slackSignature(secret, timestamp, body);

  it('computes v0= and the hex HMAC-SHA256 of "v0:<timestamp>:<body>"', () => {
    // Slack's documented example: secret, timestamp and body from api.slack.com.
    const documented = Buffer.from(
      'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c',
    );
    expect(slackSignature(secret, '1531420618', documented)).toBe(
      'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
    );
  });

  it('accepts a fresh, correct signature', () => {
    expect(checkSlackSignature(secret, { timestamp, signature }, body, now + 299)).toBeNull();
  });

  it('refuses a tampered body, a wrong secret and a bad prefix', () => {
    const tampered = Buffer.from(body.toString().replace('block_actions', 'block_actionz'));
    expect(checkSlackSignature(secret, { timestamp, signature }, tampered, now)).toBe('mismatch');
    expect(checkSlackSignature('another-secret', { timestamp, signature }, body, now)).toBe(
      'mismatch',
    );
    expect(
      checkSlackSignature(
        secret,
        { timestamp, signature: signature.replace('v0=', 'v1=') },
        body,
        now,
      ),
    ).toBe('mismatch');
    expect(checkSlackSignature(secret, { timestamp, signature: 'v0=short' }, body, now)).toBe(
      'mismatch',
    );
  });

  it('refuses timestamps more than 300 s away, in the past or the future', () => {
    expect(checkSlackSignature(secret, { timestamp, signature }, body, now + 301)).toBe('stale');
    expect(checkSlackSignature(secret, { timestamp, signature }, body, now - 301)).toBe('stale');
  });

  it('refuses missing or malformed headers', () => {
    expect(checkSlackSignature(secret, { signature }, body, now)).toBe('missing');
    expect(checkSlackSignature(secret, { timestamp }, body, now)).toBe('missing');
    expect(checkSlackSignature(secret, { timestamp: '1e9', signature }, body, now)).toBe('missing');
  });
});
