import { responderFailure } from '../../../../test/helpers/responder-failure';
import { FortiGateFake } from '../../../../test/fakes/fortigate.fake';
import { GenericFirewallFake } from '../../../../test/fakes/firewall.fake';
import { PaloAltoFake } from '../../../../test/fakes/paloalto.fake';
import { configureOutboundPolicy } from '../../../common/http/outbound';
import type { JsonObject } from '../../../common/types/json';
import { ActionType } from '../../../generated/prisma/enums';
import { IntegrationSettingsError } from '../../integrations';
import { FIREWALL_RESPONDER, firewallSettings } from './firewall.responder';
import { jsonEscape, renderTemplate, urlEscape } from './generic-firewall';
import { ResponderMode, type ResponderResult } from './responder';

const VSYS = "/config/devices/entry[@name='localhost.localdomain']/vsys/entry[@name='vsys1']";
const ACTION_ID = '0b7f6a52-6d1e-4c55-9b3e-4f1f2f0a9c01';

function run(
  settings: JsonObject,
  apiKey: string,
  target: string,
  options: { type?: ActionType; mode?: ResponderMode; actionId?: string } = {},
): Promise<ResponderResult> {
  const responder = FIREWALL_RESPONDER.create({ enabled: true, settings, secrets: { apiKey } }, {});
  return responder.execute({
    actionId: options.actionId ?? ACTION_ID,
    actionType: options.type ?? ActionType.BLOCK_IP,
    target,
    params: {},
    context: { caseId: 'case-1' },
    mode: options.mode ?? ResponderMode.Live,
  });
}

beforeAll(() => configureOutboundPolicy(['127.0.0.0/8']));

describe('firewall preset paloalto (PAN-OS XML API)', () => {
  let pan: PaloAltoFake;
  const settings = () => ({ preset: 'paloalto', baseUrl: pan.url, group: 'minisoar-blocked' });
  const block = (target: string, options?: Parameters<typeof run>[3]) =>
    run(settings(), pan.apiKey, target, options);
  const groupXpath = `${VSYS}/address-group/entry[@name='minisoar-blocked']`;

  beforeEach(async () => {
    pan = await new PaloAltoFake().withGroup('minisoar-blocked', ['other']).start();
  });
  afterEach(() => pan.stop());

  it('creates the address object, adds it to the group and commits, request by request', async () => {
    const result = await block('203.0.113.7');

    expect(pan.requests.map((r) => [r.method, r.path, r.headers['x-pan-key']])).toEqual(
      Array(6).fill(['POST', '/api/', pan.apiKey]),
    );
    const addressXpath = `${VSYS}/address/entry[@name='minisoar-203.0.113.7']`;
    const address = `<ip-netmask>203.0.113.7/32</ip-netmask><description>Mini-SOAR action ${ACTION_ID}</description>`;
    expect(pan.params).toEqual([
      { type: 'config', action: 'get', xpath: groupXpath },
      { type: 'config', action: 'show', xpath: groupXpath },
      { type: 'config', action: 'get', xpath: addressXpath },
      { type: 'config', action: 'set', xpath: addressXpath, element: address },
      {
        type: 'config',
        action: 'set',
        xpath: `${groupXpath}/static`,
        element: '<member>minisoar-203.0.113.7</member>',
      },
      { type: 'commit', cmd: '<commit></commit>' },
    ]);
    expect([...(pan.running.groups.get('minisoar-blocked') ?? [])]).toEqual([
      'other',
      'minisoar-203.0.113.7',
    ]);
    expect(pan.commits).toBe(1);
    expect(result.output).toEqual({
      preset: 'paloalto',
      group: 'minisoar-blocked',
      object: 'minisoar-203.0.113.7',
      cidr: '203.0.113.7/32',
      changed: true,
    });
    expect(result.effects).toHaveLength(3);
    expect(result.effects[0]).toEqual({
      kind: 'http',
      method: 'POST',
      url: `${pan.url}/api/`,
      headers: { 'X-PAN-KEY': '[redacted]' },
      body: pan.params[3],
    });
  });

  it('a retry reads, finds the block live and changes nothing', async () => {
    await block('203.0.113.7');
    const before = pan.requests.length;
    const result = await block('203.0.113.7');

    expect(result).toMatchObject({ alreadyDone: true, effects: [], output: { changed: false } });
    expect(pan.params.slice(before).map((p) => p.action)).toEqual(['get', 'show', 'get']);
    expect(pan.commits).toBe(1);
  });

  it('after a crash between set and commit, the retry only commits', async () => {
    pan.candidate.addresses.set('minisoar-203.0.113.7', '<ip-netmask>203.0.113.7/32</ip-netmask>');
    pan.candidate.groups.get('minisoar-blocked')?.add('minisoar-203.0.113.7');

    const result = await block('203.0.113.7');

    expect(pan.params.slice(3)).toEqual([{ type: 'commit', cmd: '<commit></commit>' }]);
    expect(result.alreadyDone).toBeUndefined();
    expect(pan.running.groups.get('minisoar-blocked')?.has('minisoar-203.0.113.7')).toBe(true);
  });

  it('blocks a CIDR range as one ip-netmask object', async () => {
    await block('198.51.100.0/24');
    expect(pan.running.addresses.get('minisoar-198.51.100.0_24')).toMatch(
      /^<ip-netmask>198\.51\.100\.0\/24<\/ip-netmask>/,
    );
  });

  it('UNBLOCK_IP removes the member, deletes the object and commits', async () => {
    await block('203.0.113.7');
    const before = pan.requests.length;
    const result = await block('203.0.113.7', { type: ActionType.UNBLOCK_IP, actionId: 'undo-1' });

    expect(pan.params.slice(before + 3)).toEqual([
      {
        type: 'config',
        action: 'delete',
        xpath: `${groupXpath}/static/member[text()='minisoar-203.0.113.7']`,
      },
      {
        type: 'config',
        action: 'delete',
        xpath: `${VSYS}/address/entry[@name='minisoar-203.0.113.7']`,
      },
      { type: 'commit', cmd: '<commit></commit>' },
    ]);
    expect([...(pan.running.groups.get('minisoar-blocked') ?? [])]).toEqual(['other']);
    expect(pan.running.addresses.size).toBe(0);
    expect(result.output.changed).toBe(true);
    const again = await block('203.0.113.7', { type: ActionType.UNBLOCK_IP, actionId: 'undo-1' });
    expect(again.alreadyDone).toBe(true);
  });

  it.each([ResponderMode.DryRun, ResponderMode.NotifyOnly])(
    '%s: the exact writes, key redacted, nothing sent',
    async (mode) => {
      const result = await block('203.0.113.7', { mode });
      expect(result.effects.map((e) => (e.kind === 'http' ? e.body : null))).toEqual([
        expect.objectContaining({
          action: 'set',
          xpath: `${VSYS}/address/entry[@name='minisoar-203.0.113.7']`,
        }),
        expect.objectContaining({ action: 'set', xpath: `${groupXpath}/static` }),
        { type: 'commit', cmd: '<commit></commit>' },
      ]);
      expect(JSON.stringify(result)).not.toContain(pan.apiKey);
      expect(pan.params.map((p) => p.action)).toEqual(['get', 'show', 'get']);
      expect(pan.commits).toBe(0);
    },
  );

  it('a missing address group fails with the reason, not retryable', async () => {
    const error = await responderFailure(
      run({ ...settings(), group: 'nope' }, pan.apiKey, '203.0.113.7'),
    );
    expect(error.message).toBe('firewall: address group "nope" not found on the firewall');
    expect(error.retryable).toBe(false);
  });

  it('a wrong API key is refused credentials, not retryable', async () => {
    const error = await responderFailure(run(settings(), 'wrong', '203.0.113.7'));
    expect(error.message).toBe(
      'firewall: PAN-OS config get: HTTP 403 credentials refused: Invalid credential',
    );
    expect(error.retryable).toBe(false);
  });

  it('testConnection runs show system info', async () => {
    const result = await FIREWALL_RESPONDER.testConnection!({
      enabled: true,
      settings: settings(),
      secrets: { apiKey: pan.apiKey },
    });
    expect(result).toEqual({
      ok: true,
      detail: 'PAN-OS answered show system info (PAN-OS 11.1.2)',
    });
    expect(pan.params).toEqual([
      { type: 'op', cmd: '<show><system><info></info></system></show>' },
    ]);
  });
});

describe('firewall preset fortigate (FortiOS REST API)', () => {
  let fgt: FortiGateFake;
  const settings = (extra: JsonObject = {}) => ({
    preset: 'fortigate',
    baseUrl: fgt.url,
    group: 'SOAR-BLOCK',
    ...extra,
  });
  const block = (target: string, options?: Parameters<typeof run>[3], extra?: JsonObject) =>
    run(settings(extra), fgt.apiToken, target, options);

  beforeEach(async () => {
    fgt = await new FortiGateFake()
      .withGroup('SOAR-BLOCK')
      .withGroup('SOAR-BLOCK', [], 'addrgrp6')
      .start();
  });
  afterEach(() => fgt.stop());

  it('posts the address, then adds it to the group through the member sub-table', async () => {
    const result = await block('203.0.113.7');

    expect(fgt.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /api/v2/cmdb/firewall/addrgrp/SOAR-BLOCK',
      'GET /api/v2/cmdb/firewall/address/minisoar-203.0.113.7',
      'POST /api/v2/cmdb/firewall/address',
      'POST /api/v2/cmdb/firewall/addrgrp/SOAR-BLOCK/member',
    ]);
    expect(fgt.requests.every((r) => r.headers.authorization === `Bearer ${fgt.apiToken}`)).toBe(
      true,
    );
    expect(fgt.requests[2].body).toEqual({
      name: 'minisoar-203.0.113.7',
      type: 'ipmask',
      subnet: '203.0.113.7 255.255.255.255',
      comment: `Mini-SOAR action ${ACTION_ID}`,
    });
    expect(fgt.requests[3].body).toEqual({ name: 'minisoar-203.0.113.7' });
    expect(fgt.members('SOAR-BLOCK')).toEqual(['minisoar-203.0.113.7']);
    expect(result.effects.map((e) => e.kind === 'http' && e.headers)).toEqual([
      { Authorization: '[redacted]' },
      { Authorization: '[redacted]' },
    ]);
  });

  it('a retry only reads: alreadyDone', async () => {
    await block('203.0.113.7');
    const result = await block('203.0.113.7');
    expect(result.alreadyDone).toBe(true);
    expect(fgt.writes).toHaveLength(2);
  });

  it('a /24 is an ipmask subnet; IPv6 goes to address6 and addrgrp6', async () => {
    await block('198.51.100.0/24');
    expect(fgt.tables.address.get('minisoar-198.51.100.0_24')).toMatchObject({
      subnet: '198.51.100.0 255.255.255.0',
    });
    await block('2001:db8::/48');
    expect(fgt.tables.address6.get('minisoar-2001_db8___48')).toMatchObject({
      type: 'ipprefix',
      ip6: '2001:db8::/48',
    });
    expect(fgt.members('SOAR-BLOCK', 'addrgrp6')).toEqual(['minisoar-2001_db8___48']);
  });

  it('UNBLOCK_IP deletes the membership, then the object', async () => {
    await block('203.0.113.7');
    await block('203.0.113.7', { type: ActionType.UNBLOCK_IP });
    expect(fgt.writes.slice(2)).toEqual([
      'DELETE /api/v2/cmdb/firewall/addrgrp/SOAR-BLOCK/member/minisoar-203.0.113.7',
      'DELETE /api/v2/cmdb/firewall/address/minisoar-203.0.113.7',
    ]);
    expect(fgt.members('SOAR-BLOCK')).toEqual([]);
    expect(fgt.tables.address.size).toBe(0);
  });

  it('sends the vdom on every request when set', async () => {
    await block('203.0.113.7', {}, { vdom: 'customer1' });
    expect(fgt.requests.map((r) => r.query.get('vdom'))).toEqual(Array(4).fill('customer1'));
  });

  it('notify-only plans the two writes and sends none', async () => {
    const result = await block('203.0.113.7', { mode: ResponderMode.NotifyOnly });
    expect(
      result.effects.map((e) => e.kind === 'http' && `${e.method} ${new URL(e.url).pathname}`),
    ).toEqual([
      'POST /api/v2/cmdb/firewall/address',
      'POST /api/v2/cmdb/firewall/addrgrp/SOAR-BLOCK/member',
    ]);
    expect(fgt.writes).toEqual([]);
  });

  it('a missing group fails with the reason', async () => {
    const error = await responderFailure(block('203.0.113.7', {}, { group: 'NOPE' }));
    expect(error.message).toBe('firewall: address group "NOPE" not found (addrgrp)');
  });

  it('testConnection reads monitor/system/status', async () => {
    const result = await FIREWALL_RESPONDER.testConnection!({
      enabled: true,
      settings: settings(),
      secrets: { apiKey: fgt.apiToken },
    });
    expect(result).toEqual({ ok: true, detail: 'FortiOS answered system status (v7.4.3)' });
  });
});

describe('firewall preset generic (templated request)', () => {
  let api: GenericFirewallFake;
  const settings = (extra: JsonObject = {}) => ({
    preset: 'generic',
    baseUrl: api.url,
    urlTemplate: '/v1/blocks/{{ip}}?ref={{actionId}}',
    bodyTemplate: '{"address": "{{ip}}", "op": "{{action}}", "ref": "{{actionId}}"}',
    method: 'PUT',
    ...extra,
  });

  beforeEach(async () => {
    api = await new GenericFirewallFake().start();
  });
  afterEach(() => api.stop());

  it('sends the rendered request with the token and the action id as Idempotency-Key', async () => {
    const result = await run(settings(), 'generic-token', '198.51.100.0/24');

    expect(api.requests).toHaveLength(1);
    const [request] = api.requests;
    expect(request.method).toBe('PUT');
    expect(request.path).toBe('/v1/blocks/198.51.100.0%2F24');
    expect(request.query.get('ref')).toBe(ACTION_ID);
    expect(request.headers.authorization).toBe('Bearer generic-token');
    expect(request.headers['idempotency-key']).toBe(ACTION_ID);
    expect(request.body).toEqual({ address: '198.51.100.0/24', op: 'block', ref: ACTION_ID });
    expect(result.effects[0]).toMatchObject({
      headers: { Authorization: '[redacted]', 'Idempotency-Key': ACTION_ID },
    });
  });

  it('UNBLOCK_IP renders {{action}} as unblock', async () => {
    await run(settings(), 'generic-token', '203.0.113.7', { type: ActionType.UNBLOCK_IP });
    expect(api.requests[0].body).toMatchObject({ address: '203.0.113.7/32', op: 'unblock' });
  });

  it('a 5xx is a retryable failure, a 4xx is not', async () => {
    api.answer({ status: 503, body: {} }, { status: 400, body: {} });
    const unavailable = await responderFailure(
      run(settings({ method: 'POST' }), 'k', '203.0.113.7'),
    );
    expect(unavailable.retryable).toBe(true);
    const refused = await responderFailure(run(settings({ method: 'POST' }), 'k', '203.0.113.7'));
    expect(refused.message).toBe('firewall: generic block request: HTTP 400 request refused');
    expect(refused.retryable).toBe(false);
  });

  it('escapes values for where they land', () => {
    const values = { ip: 'a"b&c/d', actionId: 'x\\y', action: 'block' };
    expect(renderTemplate('/x/{{ip}}?id={{ actionId }}', values, urlEscape)).toBe(
      '/x/a%22b%26c%2Fd?id=x%5Cy',
    );
    expect(renderTemplate('{"ip":"{{ip}}","id":"{{actionId}}"}', values, jsonEscape)).toBe(
      '{"ip":"a\\"b&c/d","id":"x\\\\y"}',
    );
  });
});

describe(firewallSettings.name, () => {
  const check = (settings: JsonObject) => () =>
    firewallSettings({ settings, secrets: { apiKey: 'k' } });

  it.each([
    [{}, 'settings.preset'],
    [{ preset: 'checkpoint' }, 'settings.preset'],
    [{ preset: 'paloalto', baseUrl: 'https://fw.example' }, 'settings.group'],
    [{ preset: 'paloalto', baseUrl: 'https://fw.example', group: "x']/y" }, 'settings.group'],
    [{ preset: 'fortigate', baseUrl: 'ftp://fw.example', group: 'g' }, 'settings.baseUrl'],
    [{ preset: 'generic', urlTemplate: 'https://fw.example/{{host}}' }, 'settings.urlTemplate'],
    [
      {
        preset: 'generic',
        urlTemplate: 'https://fw.example/{{ip}}',
        bodyTemplate: '{"ip": {{ip}}}',
      },
      'settings.bodyTemplate',
    ],
    [
      { preset: 'generic', urlTemplate: 'https://fw.example/{{ip}}', method: 'PATCH' },
      'settings.method',
    ],
  ])('refuses %j naming %s', (settings, field) => {
    expect(check(settings)).toThrow(IntegrationSettingsError);
    expect(check(settings)).toThrow(field);
  });
});
