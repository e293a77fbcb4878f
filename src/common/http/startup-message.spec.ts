import { startupMessage } from './startup-message';

describe('startupMessage', () => {
  it('points to the API docs and the first signup on localhost when bound to every address', () => {
    expect(startupMessage('0.0.0.0', 3000)).toBe(
      'Mini-SOAR listening on http://localhost:3000 — API docs http://localhost:3000/docs — ' +
        'first signup becomes ADMIN: POST http://localhost:3000/auth/signup',
    );
    expect(startupMessage('::', 8080)).toContain('http://localhost:8080/docs');
  });

  it('names a specific host as configured, IPv6 in brackets', () => {
    expect(startupMessage('192.168.1.20', 3000)).toContain(
      'listening on http://192.168.1.20:3000 — API docs http://192.168.1.20:3000/docs',
    );
    expect(startupMessage('::1', 3000)).toContain('http://[::1]:3000/docs');
  });
});
