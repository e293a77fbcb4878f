import { parseYamlBody } from './yaml-body';

const parse = (text: string): unknown => parseYamlBody(Buffer.from(text, 'utf8'));

describe('parseYamlBody', () => {
  it('parses plain data', () => {
    expect(parse('name: x\nsteps:\n  - id: a\n    params: {target: "1.2.3.4"}\n')).toEqual({
      name: 'x',
      steps: [{ id: 'a', params: { target: '1.2.3.4' } }],
    });
  });

  it.each([
    ['empty', '  \n', 'Request body is empty'],
    ['malformed', 'a: [1, 2', 'Malformed YAML'],
    ['duplicate keys', 'a: 1\na: 2\n', 'Malformed YAML'],
    ['custom tags', 'a: !!js/function "return 1"\n', 'Malformed YAML'],
    [
      'alias bombs',
      'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n' +
        'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n',
      'Malformed YAML',
    ],
    ['deep nesting', `${'['.repeat(70)}${']'.repeat(70)}`, 'YAML nesting is deeper than 64 levels'],
  ])('refuses %s with a 400', (_name, text, message) => {
    expect(() => parse(text)).toThrow(expect.objectContaining({ statusCode: 400 }));
    expect(() => parse(text)).toThrow(message);
  });

  it('refuses bytes that are not UTF-8', () => {
    expect(() => parseYamlBody(Buffer.from([0x61, 0x3a, 0x20, 0xff]))).toThrow('not valid UTF-8');
  });
});
