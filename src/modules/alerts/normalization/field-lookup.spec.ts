import { asPort, asText, collectTexts, getField, readFirst, readText } from './field-lookup';

describe('field lookup', () => {
  const alert = {
    'kibana.alert.rule.name': 'flattened',
    kibana: { alert: { severity: 'nested' } },
    'user.name': 'mixed',
    host: { 'os.name': 'Linux' },
    list: [{ name: 'first' }],
  };

  it('reads nested, flattened and mixed dotted paths', () => {
    expect(getField(alert, 'kibana.alert.rule.name')).toBe('flattened');
    expect(getField(alert, 'kibana.alert.severity')).toBe('nested');
    expect(getField(alert, 'user.name')).toBe('mixed');
    expect(getField(alert, 'host.os.name')).toBe('Linux');
    expect(getField(alert, 'list.0.name')).toBe('first');
    expect(getField(alert, 'missing.path')).toBeUndefined();
  });

  it('treats empty and whitespace-only strings as absent text', () => {
    expect(asText('')).toBeNull();
    expect(asText('   ')).toBeNull();
    expect(asText(' x ')).toBe('x');
    expect(asText(42)).toBe('42');
    expect(asText([' one '])).toBe('one');
    expect(asText(['one', 'two'])).toBeNull();
    expect(readText({ a: '', b: 'second' }, 'a', 'b')).toBe('second');
  });

  it('accepts ports as numbers or numeric strings within 0-65535', () => {
    expect(asPort('443')).toBe(443);
    expect(asPort(22)).toBe(22);
    expect(asPort(70000)).toBeNull();
    expect(asPort('http')).toBeNull();
    expect(asPort(1.5)).toBeNull();
  });

  it('returns the first accepted value across paths', () => {
    const accept = (value: unknown) => (value === 'yes' ? 'accepted' : null);
    expect(readFirst({ a: 'no', b: 'yes' }, ['a', 'b'], accept)).toBe('accepted');
  });

  it('collects texts from a scalar or a list', () => {
    expect(collectTexts(['a', '', 3, null])).toEqual(['a', '3']);
    expect(collectTexts('solo')).toEqual(['solo']);
    expect(collectTexts(undefined)).toEqual([]);
  });
});
