import { isDatabaseUnavailable, sqlState } from './database-errors';

describe('isDatabaseUnavailable', () => {
  it.each([
    [
      'a refused connection',
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
    ],
    ['a dropped connection', new Error('Connection terminated unexpectedly')],
    ['a pool timeout', new Error('timeout exceeded when trying to connect')],
    ['a silent server (query timeout)', new Error('Query read timeout')],
    ['a statement timeout (57014)', { code: '57014', message: 'canceling statement' }],
    [
      'a connect timeout',
      new Error('Connection terminated due to connection timeout', { cause: new Error('x') }),
    ],
    ['Prisma P1001', { code: 'P1001', message: "Can't reach database server" }],
    [
      'an adapter DatabaseNotReachable',
      { code: 'P2010', meta: { driverAdapterError: { cause: { kind: 'DatabaseNotReachable' } } } },
    ],
    [
      'a server shutting down (57P01)',
      { code: '57P01', message: 'terminating connection due to administrator command' },
    ],
    ['a connection exception class 08', { code: '08006' }],
    ['a nested cause', new Error('query failed', { cause: { code: 'ECONNRESET' } })],
    ['an AggregateError of refusals', new AggregateError([{ code: 'ECONNREFUSED' }], 'all failed')],
  ])('recognises %s', (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', { code: 'P2002' }],
    ['a syntax error', { code: '42601', message: 'syntax error' }],
    ['a plain error', new Error('boom')],
    ['null', null],
  ])('does not mistake %s for an outage', (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

describe('sqlState', () => {
  it('digs the SQLSTATE out of Prisma wrappers', () => {
    expect(sqlState({ meta: { driverAdapterError: { cause: { originalCode: '22P05' } } } })).toBe(
      '22P05',
    );
    expect(sqlState({ cause: { code: '22021' } })).toBe('22021');
    expect(sqlState({ code: 'P2002' })).toBeUndefined();
  });
});
