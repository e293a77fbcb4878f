import { refang } from './refang';

describe(refang.name, () => {
  it.each([
    ['hxxp://evil[.]example[.]com/a', 'http://evil.example.com/a'],
    ['hXXps[:]//evil(.)example{.}net', 'https://evil.example.net'],
    ['hxxps[://]x[dot]example[dot]org', 'https://x.example.org'],
    ['bad-guy[@]example[.]com and ops[at]example[.]com', 'bad-guy@example.com and ops@example.com'],
    ['192.0.2[.]1', '192.0.2.1'],
  ])('refangs %s', (defanged, plain) => {
    expect(refang(defanged)).toBe(plain);
  });

  it('leaves ordinary text alone', () => {
    const text = 'Review [the] logs (at) noon; hxxd is not a scheme';
    expect(refang(text)).toBe(text);
  });
});
