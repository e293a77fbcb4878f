import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FeedFake } from '../../../../test/fakes/feed.fake';
import type { Indicator } from '../../../common/indicators/indicator';
import { FeedsProvider, type FeedsSettings } from './feeds.provider';

const BLOCKLIST = [
  '# Example block list',
  '203.0.113.7',
  '198.51.100.0/24 ; SBL 1234',
  '2001:db8:bad::/48',
  'evil.example',
  '0.0.0.0 tracker.example',
  'http://phish.example/login',
  '44d88612fea8a8f36de82e1278abb02f',
  'not an indicator at all',
  '10.0.0.256',
  '',
].join('\n');

describe(FeedsProvider.name, () => {
  let dir: string;
  let server: FeedFake;
  const file = (name: string): string => join(dir, name);
  const feeds = (list: FeedsSettings['feeds'], extra: Partial<FeedsSettings> = {}): FeedsProvider =>
    new FeedsProvider({ feeds: list, ...extra });
  const verdictOf = async (provider: FeedsProvider, indicator: Indicator): Promise<string> =>
    (await provider.lookup(indicator)).verdict;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'feeds-'));
    server = await new FeedFake().start();
    await writeFile(file('block.txt'), BLOCKLIST);
  });
  afterAll(async () => {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('matches IPs, CIDRs, domains, URLs and hashes from a text file, naming the feed', async () => {
    const provider = feeds([{ name: 'local-block', location: file('block.txt') }]);
    const hit = await provider.lookup({ type: 'ipv4', value: '198.51.100.77' });
    expect(hit).toMatchObject({
      provider: 'feeds',
      verdict: 'malicious',
      summary: 'listed in feed local-block (198.51.100.0/24)',
      details: { matches: [{ feed: 'local-block', entry: '198.51.100.0/24' }] },
    });
    expect(hit.reputationScore).toBeGreaterThanOrEqual(0.7);
    const verdicts = await Promise.all(
      [
        { type: 'ipv4', value: '203.0.113.7' },
        { type: 'ipv6', value: '2001:db8:bad:1::9' },
        { type: 'domain', value: 'cdn.evil.example' },
        { type: 'domain', value: 'tracker.example' },
        { type: 'url', value: 'http://PHISH.example/login' },
        { type: 'url', value: 'https://www.evil.example/x' },
        { type: 'md5', value: '44D88612FEA8A8F36DE82E1278ABB02F' },
      ].map((indicator) => verdictOf(provider, indicator as Indicator)),
    );
    expect(verdicts).toEqual(Array(7).fill('malicious'));
  });

  it('answers unknown when nothing matches, and does not let a subdomain entry cover its parent', async () => {
    await writeFile(file('sub.txt'), 'login.bank.example\n');
    const provider = feeds([{ name: 'sub', location: file('sub.txt') }]);
    const miss = await provider.lookup({ type: 'domain', value: 'bank.example' });
    expect([miss.verdict, miss.reputationScore, miss.summary]).toEqual([
      'unknown',
      0,
      'not in 1 local feeds',
    ]);
    expect(await verdictOf(provider, { type: 'ipv4', value: '203.0.113.8' })).toBe('unknown');
  });

  it('counts malformed lines as skipped instead of failing the feed', async () => {
    const provider = feeds([{ name: 'local-block', location: file('block.txt') }]);
    const [status] = await provider.refresh();
    expect(status).toMatchObject({
      name: 'local-block',
      entries: 7,
      skipped: 2,
      truncated: false,
      error: null,
    });
  });

  it('reads a CSV column chosen by header name or index', async () => {
    await writeFile(
      file('iocs.csv'),
      'first_seen,"ioc_value",threat\n2024-01-01,"bad.example",c2\n2024-01-02,192.0.2.66,"scan, brute"\n',
    );
    await writeFile(file('plain.csv'), '# id,ip\n1,192.0.2.99\n');
    const provider = feeds([
      { name: 'by-name', location: file('iocs.csv'), column: 'ioc_value' },
      { name: 'by-index', location: file('plain.csv'), column: 1 },
    ]);
    expect(await verdictOf(provider, { type: 'domain', value: 'bad.example' })).toBe('malicious');
    expect((await provider.lookup({ type: 'ipv4', value: '192.0.2.66' })).summary).toBe(
      'listed in feed by-name (192.0.2.66)',
    );
    expect((await provider.lookup({ type: 'ipv4', value: '192.0.2.99' })).summary).toBe(
      'listed in feed by-index (192.0.2.99)',
    );
  });

  it('loads a feed from a URL and picks up changes on refresh', async () => {
    server.setFeed('/ips.txt', '192.0.2.1\n');
    const provider = feeds([{ name: 'remote', location: `${server.url}/ips.txt` }]);
    expect(await verdictOf(provider, { type: 'ipv4', value: '192.0.2.1' })).toBe('malicious');
    server.setFeed('/ips.txt', '192.0.2.2\n');
    await provider.refresh();
    expect(await verdictOf(provider, { type: 'ipv4', value: '192.0.2.1' })).toBe('unknown');
    expect(await verdictOf(provider, { type: 'ipv4', value: '192.0.2.2' })).toBe('malicious');
    expect(server.count('/ips.txt')).toBe(2);
  });

  it('keeps serving the last good copy when a refresh fails', async () => {
    server.setFeed('/flaky.txt', 'flaky.example\n');
    const provider = feeds([{ name: 'flaky', location: `${server.url}/flaky.txt` }]);
    await provider.refresh();
    server.answer('/flaky.txt', 'unavailable');
    const [status] = await provider.refresh();
    expect(status.error).toContain('HTTP 503');
    expect(status.entries).toBe(1);
    expect(await verdictOf(provider, { type: 'domain', value: 'flaky.example' })).toBe('malicious');
  });

  it('stops reading at the entry and byte limits and drops over-long lines', async () => {
    const many = Array.from({ length: 50 }, (_, i) => `192.0.2.${i}`).join('\n');
    await writeFile(file('many.txt'), many);
    await writeFile(file('long.txt'), `${'a'.repeat(10_000)}.example\nshort.example\n`);
    const provider = feeds(
      [
        { name: 'many', location: file('many.txt') },
        { name: 'bytes', location: file('block.txt') },
        { name: 'long', location: file('long.txt') },
      ],
      { maxEntriesPerFeed: 10 },
    );
    const small = feeds([{ name: 'bytes', location: file('many.txt') }], { maxBytesPerFeed: 40 });
    const statuses = await provider.refresh();
    expect(statuses.find((s) => s.name === 'many')).toMatchObject({ entries: 10, truncated: true });
    expect(statuses.find((s) => s.name === 'long')).toMatchObject({ entries: 1, skipped: 1 });
    expect((await small.refresh())[0]).toMatchObject({ truncated: true });
    expect((await small.refresh())[0].entries).toBeLessThan(5);
  });

  it('refreshes on its interval once started, until stopped', async () => {
    const provider = feeds([{ name: 'local-block', location: file('block.txt') }], {
      refreshIntervalMs: 60_000,
    });
    const refresh = jest.spyOn(provider, 'refresh');
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    try {
      provider.start();
      expect(refresh).toHaveBeenCalledTimes(1);
      jest.advanceTimersByTime(60_000);
      expect(refresh).toHaveBeenCalledTimes(2);
      provider.stop();
      jest.advanceTimersByTime(180_000);
      expect(refresh).toHaveBeenCalledTimes(2);
    } finally {
      jest.useRealTimers();
    }
    await provider.refresh();
  });

  it('rejects feeds without a name or location, or with a duplicate name', () => {
    expect(() => feeds([{ name: '', location: 'x' }])).toThrow('feeds[0].name is required');
    expect(() =>
      feeds([
        { name: 'a', location: 'x' },
        { name: 'a', location: 'y' },
      ]),
    ).toThrow('used twice');
  });
});
