import { InvalidIngestPayloadError } from '../alerts.errors';
import { MAX_ALERTS_PER_REQUEST, toIngestItems } from './ingest-payload';

describe('toIngestItems', () => {
  it('accepts one object or a batch of objects', () => {
    expect(toIngestItems({ a: 1 })).toEqual([{ a: 1 }]);
    expect(toIngestItems([{ a: 1 }, { b: 2 }])).toEqual([{ a: 1 }, { b: 2 }]);
  });

  it.each([
    [undefined, 'Request body is empty'],
    ['text', 'The body must be a JSON object'],
    [42, 'The body must be a JSON object'],
    [{}, 'The body is an empty object'],
    [[], 'The batch is empty'],
    [[{ a: 1 }, 'x'], 'Item 1 of the batch must be a JSON object'],
    [[{ a: 1 }, {}], 'Item 1 of the batch is an empty object'],
  ])('rejects %j with a clear 400', (body, message) => {
    expect(() => toIngestItems(body)).toThrow(InvalidIngestPayloadError);
    expect(() => toIngestItems(body)).toThrow(message);
  });

  it('caps the batch size', () => {
    const batch = Array.from({ length: MAX_ALERTS_PER_REQUEST + 1 }, () => ({ a: 1 }));
    expect(() => toIngestItems(batch)).toThrow(/at most 1000/);
  });
});
