import { asText } from './field-lookup';
import { FieldIndex } from './field-index';

describe(FieldIndex.name, () => {
  const index = FieldIndex.build({
    SrcIP: '192.0.2.1',
    source: { ip: '192.0.2.2' },
    host: { ip: '10.0.0.1', name: 'web-1' },
    deep: { nested: { name: 'too deep for a weak name' } },
    alert: { name: 'container name' },
    'user.name': 'alice',
  });

  it('matches names without case or punctuation, by key or last two keys', () => {
    expect(index.find(['src_ip'], asText)).toBe('192.0.2.1');
    expect(index.find(['source.ip'], asText)).toBe('192.0.2.2');
    expect(index.find(['user_name'], asText)).toBe('alice');
  });

  it('keeps weak names to the top level and container keys', () => {
    const containers = new Set(['alert']);
    expect(index.find(['^name'], asText, { containers })).toBe('container name');
    expect(index.find(['^name'], asText)).toBeNull();
  });

  it('skips fields under excluded ancestors', () => {
    const options = { excludedAncestors: new Set(['host']) };
    expect(index.find(['ip'], asText, options)).toBe('192.0.2.2');
  });

  it('can skip items of scalar lists of several values, not of a one-value list', () => {
    const listed = FieldIndex.build({ src_ip: ['192.0.2.5', '192.0.2.6'], dest_ip: ['192.0.2.7'] });
    const options = { singleValuesOnly: true };
    expect(listed.find(['src_ip'], asText)).toBe('192.0.2.5');
    expect(listed.find(['src_ip'], asText, options)).toBeNull();
    expect(listed.find(['dest_ip'], asText, options)).toBe('192.0.2.7');
  });

  it('collects every match in priority order', () => {
    expect(index.findAll(['source.ip', 'srcip'], asText)).toEqual(['192.0.2.2', '192.0.2.1']);
  });
});
