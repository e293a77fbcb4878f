import { securityHeaders } from './response-headers';

describe('securityHeaders', () => {
  it("precomputes helmet's headers, with a CSP that lets the API docs render", () => {
    const headers = securityHeaders(false);
    expect(headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
    });
    expect(headers['content-security-policy']).toContain("default-src 'self'");
    expect(headers['content-security-policy']).toContain("style-src 'self' 'unsafe-inline'");
    expect(headers).not.toHaveProperty('x-powered-by');
  });

  it('sends HSTS and upgrade-insecure-requests over TLS only', () => {
    const plain = securityHeaders(false);
    expect(plain).not.toHaveProperty('strict-transport-security');
    expect(plain['content-security-policy']).not.toContain('upgrade-insecure-requests');
    const tls = securityHeaders(true);
    expect(tls['strict-transport-security']).toContain('max-age=');
    expect(tls['content-security-policy']).toContain('upgrade-insecure-requests');
    expect(tls['content-security-policy']).toContain("style-src 'self' 'unsafe-inline'");
  });
});
