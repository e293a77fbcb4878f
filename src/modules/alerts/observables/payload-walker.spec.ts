import { walkStrings, WALK_LIMITS } from './payload-walker';

describe(walkStrings.name, () => {
  it('yields strings in document order, walking JSON carried in strings', () => {
    const payload = { a: 'one', b: ['two', { c: 'three' }], d: '{"e":"four"}', n: 5 };
    expect([...walkStrings(payload)].map((item) => item.text)).toEqual([
      'one',
      'two',
      'three',
      'four',
    ]);
  });

  it('does not enter skipped keys', () => {
    const payload = { results_link: 'http://x', comments: [{ text: 'y' }], kept: 'z' };
    expect([...walkStrings(payload)].map((item) => item.text)).toEqual(['z']);
  });

  it('survives nesting far deeper than the call stack and stops at the depth limit', () => {
    let deep: unknown = 'bottom';
    for (let level = 0; level < 100_000; level++) deep = [deep];
    expect([...walkStrings(deep as never)]).toEqual([]);
    let shallow: unknown = 'bottom';
    for (let level = 0; level < WALK_LIMITS.maxDepth - 1; level++) shallow = { k: shallow };
    expect([...walkStrings(shallow as never)]).toHaveLength(1);
  });

  it('stops after a bounded number of nodes', () => {
    const wide = Array.from({ length: WALK_LIMITS.maxNodes * 2 }, (_, index) => `v${index}`);
    expect([...walkStrings(wide)].length).toBeLessThan(WALK_LIMITS.maxNodes);
  });
});
