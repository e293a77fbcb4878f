import { envelopeCandidates, findWrappedAlert } from './alert-envelope';

describe(envelopeCandidates.name, () => {
  const alert = { rule: { level: 3 } };

  it.each([
    ['a Logstash event', { '@version': '1', _source: alert }],
    ['a search response', { hits: { total: 1, hits: [{ _index: 'x', _source: alert }] } }],
    ['an EventBridge event', { 'detail-type': 'x', detail: alert }],
    ['an OData list', { '@odata.context': 'x', value: [alert] }],
    ['a JSON string in message', { message: JSON.stringify(alert) }],
    ['two nested wrappers', { data: { alert } }],
  ])('finds the alert inside %s', (_name, payload) => {
    expect(findWrappedAlert(payload, (candidate) => 'rule' in candidate)).toEqual(alert);
  });

  it('lists the payload itself first and stops at a bounded depth', () => {
    let payload = { ...alert };
    for (let depth = 0; depth < 10; depth++) payload = { alert: payload } as never;
    const candidates = envelopeCandidates(payload);
    expect(candidates[0]).toBe(payload);
    expect(candidates).toHaveLength(4);
  });

  it('ignores message text that is not a JSON object', () => {
    expect(envelopeCandidates({ message: '{not json' })).toHaveLength(1);
    expect(envelopeCandidates({ message: '[1, 2]' })).toHaveLength(1);
  });
});
