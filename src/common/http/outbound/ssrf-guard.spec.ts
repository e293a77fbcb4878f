import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import axios from 'axios';
import { parseCidrs } from '../../indicators/ip-address';
import { guardedHttpAgent } from './guarded-agents';
import { OutboundBlockedError } from './outbound.errors';
import { configureOutboundPolicy } from './outbound-policy';
import { addressRefusal, assertHostAllowed, guardedLookup } from './ssrf-guard';

const NONE = { allowCidrs: [] };
const LOOPBACK = { allowCidrs: parseCidrs(['127.0.0.0/8']) };

describe(addressRefusal.name, () => {
  it.each([
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'CGNAT'],
    ['fc00::1', 'private'],
    ['fd12:3456::1', 'private'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['::1', 'loopback'],
    ['169.254.1.1', 'link-local'],
    ['fe80::1', 'link-local'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['240.0.0.1', 'reserved'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:7f00:1', 'loopback'],
    ['64:ff9b::7f00:1', 'reserved'],
    ['2002:7f00:1::', 'reserved'],
    ['169.254.169.254', 'metadata'],
    ['fd00:ec2::254', 'metadata'],
    ['100.100.100.200', 'metadata'],
  ])('refuses %s (%s)', (address, reason) => {
    expect(addressRefusal(address, NONE)).toContain(reason);
  });

  it.each(['8.8.8.8', '93.184.216.34', '2606:4700:4700::1111', '::ffff:8.8.8.8'])(
    'allows the public address %s',
    (address) => {
      expect(addressRefusal(address, NONE)).toBeUndefined();
    },
  );

  it('allows internal addresses inside OUTBOUND_ALLOW_CIDRS, never metadata ones', () => {
    const policy = { allowCidrs: parseCidrs(['127.0.0.0/8', '169.254.0.0/16', '10.0.0.0/8']) };
    expect(addressRefusal('127.0.0.1', policy)).toBeUndefined();
    expect(addressRefusal('::ffff:127.0.0.1', policy)).toBeUndefined();
    expect(addressRefusal('10.9.9.9', policy)).toBeUndefined();
    expect(addressRefusal('192.168.1.1', policy)).toContain('not in OUTBOUND_ALLOW_CIDRS');
    expect(addressRefusal('169.254.169.254', policy)).toContain('metadata');
  });
});

describe('guarded connections', () => {
  let server: Server;
  let port: number;

  beforeAll(async () => {
    server = createServer((_request, response) => response.end('reached'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    configureOutboundPolicy(['127.0.0.0/8']);
    guardedHttpAgent.destroy();
    await new Promise((resolve) => server.close(resolve));
  });

  const get = (url: string) =>
    axios.get<string>(url, { httpAgent: guardedHttpAgent, proxy: false, timeout: 5000 });

  const refusal = async (url: string): Promise<unknown> => {
    const error: unknown = await get(url).then(
      () => undefined,
      (failure: unknown) => (axios.isAxiosError(failure) ? failure.cause : failure),
    );
    return error;
  };

  it.each([
    ['a literal loopback IP', 'http://127.0.0.1:PORT/'],
    ['the decimal form of 127.0.0.1', 'http://2130706433:PORT/'],
    ['the hex short form of 127.0.0.1', 'http://0x7f.1:PORT/'],
    ['IPv4-mapped IPv6 loopback', 'http://[::ffff:127.0.0.1]:PORT/'],
    ['a name resolving to loopback', 'http://localhost:PORT/'],
    ['0.0.0.0', 'http://0.0.0.0:PORT/'],
    ['the metadata address', 'http://169.254.169.254/latest/meta-data/'],
    ['the metadata host name', 'http://metadata.google.internal/computeMetadata/v1/'],
  ])('refuses %s at connect time without an allow list', async (_what, template) => {
    configureOutboundPolicy([]);
    const error = await refusal(template.replace('PORT', String(port)));
    expect(error).toBeInstanceOf(OutboundBlockedError);
    expect(error).toMatchObject({ code: 'OUTBOUND_BLOCKED' });
  });

  it('names the host, address and reason, and nothing of the path or query', async () => {
    configureOutboundPolicy([]);
    const error = (await refusal(`http://localhost:${port}/x?token=s3cret`)) as Error;
    expect(error.message).toMatch(
      /^Outbound connection to localhost \((127\.0\.0\.1|::1)\) refused: a loopback address/,
    );
    expect(error.message).not.toContain('s3cret');
  });

  it('connects to loopback when OUTBOUND_ALLOW_CIDRS covers it', async () => {
    configureOutboundPolicy(['127.0.0.0/8']);
    await expect(get(`http://2130706433:${port}/`)).resolves.toMatchObject({ data: 'reached' });
    await expect(get(`http://127.0.0.1:${port}/`)).resolves.toMatchObject({ data: 'reached' });
  });

  it('fails a lookup when any resolved address is refused', async () => {
    configureOutboundPolicy(['127.0.0.0/8']);
    // localhost may also resolve to ::1, which 127.0.0.0/8 does not cover.
    const resolved = await new Promise<unknown>((resolve) =>
      guardedLookup('localhost', { all: true }, (error, addresses) => resolve(error ?? addresses)),
    );
    const addresses = Array.isArray(resolved) ? (resolved as { address: string }[]) : [];
    if (addresses.length > 0)
      expect(addresses.every((a) => a.address.startsWith('127.'))).toBe(true);
    else expect(resolved).toBeInstanceOf(OutboundBlockedError);
  });
});

describe(assertHostAllowed.name, () => {
  afterEach(() => configureOutboundPolicy(['127.0.0.0/8']));

  it('refuses names and literals that resolve to internal addresses', async () => {
    configureOutboundPolicy([]);
    await expect(assertHostAllowed('localhost', 389)).rejects.toThrow(
      /Outbound connection to localhost:389 \(.*\) refused: a loopback address/,
    );
    await expect(assertHostAllowed('[::1]')).rejects.toBeInstanceOf(OutboundBlockedError);
    await expect(assertHostAllowed('10.0.0.5', 25)).rejects.toBeInstanceOf(OutboundBlockedError);
    await expect(assertHostAllowed('metadata.google.internal.')).rejects.toThrow(/metadata/);
  });

  it('returns the checked addresses when allowed', async () => {
    configureOutboundPolicy(['127.0.0.0/8']);
    await expect(assertHostAllowed('127.0.0.1', 25)).resolves.toEqual([
      { address: '127.0.0.1', family: 4 },
    ]);
    expect(addressRefusal('127.0.0.1', LOOPBACK)).toBeUndefined();
  });
});
