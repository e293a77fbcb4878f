import { ActionType } from '../../generated/prisma/enums';
import { validateTarget } from './action-target';
import { ActionTargetInvalidError } from './actions.errors';

const LIMITS = { maxPrefixV4: 24, maxPrefixV6: 64 };
const valid = (type: ActionType, target: string) => validateTarget(type, target, LIMITS);

describe(validateTarget.name, () => {
  it.each([
    ['203.0.113.5', '203.0.113.5', 'ip'],
    [' 203.0.113.5 ', '203.0.113.5', 'ip'],
    ['203.0.113.77/24', '203.0.113.0/24', 'cidr'],
    ['198.51.100.8/32', '198.51.100.8', 'ip'],
    ['2001:DB8:0:0::1', '2001:db8::1', 'ip'],
    ['2001:db8:1:2::/64', '2001:db8:1:2::/64', 'cidr'],
  ])('accepts %s for BLOCK_IP as %s', (target, value, kind) => {
    expect(valid(ActionType.BLOCK_IP, target)).toEqual({ value, kind });
    expect(valid(ActionType.UNBLOCK_IP, target)).toEqual({ value, kind });
  });

  it.each([
    ['0.0.0.0/0', /whole address space/],
    ['::/0', /whole address space/],
    ['10.0.0.0/8', /too wide: ipv4 blocks may be at most \/24/],
    ['2001:db8::/32', /too wide: ipv6 blocks may be at most \/64/],
    ['203.0.113.5/33', /longer than an ipv4 address/],
    ['203.0.113.5/x', /IP address or a CIDR/],
    ['203.0.113', /IP address or a CIDR/],
    ['example.com', /IP address or a CIDR/],
    ['127.0.0.1', /loopback/],
    ['0.0.0.0', /unspecified/],
  ])('refuses %s for BLOCK_IP', (target, message) => {
    expect(() => valid(ActionType.BLOCK_IP, target)).toThrow(ActionTargetInvalidError);
    expect(() => valid(ActionType.BLOCK_IP, target)).toThrow(message);
  });

  it('follows the configured widest prefix', () => {
    expect(
      validateTarget(ActionType.BLOCK_IP, '10.0.0.0/16', { ...LIMITS, maxPrefixV4: 16 }),
    ).toEqual({ value: '10.0.0.0/16', kind: 'cidr' });
  });

  it('takes a sAMAccountName or a UPN for DISABLE_USER', () => {
    expect(valid(ActionType.DISABLE_USER, 'jdoe')).toEqual({ value: 'jdoe', kind: 'username' });
    expect(valid(ActionType.DISABLE_USER, 'J.Doe@Corp.Example.com').value).toBe(
      'j.doe@corp.example.com',
    );
    for (const bad of ['j doe', 'a'.repeat(21), 'x[1]', 'bad@', '...', 'dom\\user'])
      expect(() => valid(ActionType.DISABLE_USER, bad)).toThrow(/sAMAccountName/);
  });

  it('takes a host name for ISOLATE_HOST', () => {
    expect(valid(ActionType.ISOLATE_HOST, 'WS-042.corp.example.com.').value).toBe(
      'ws-042.corp.example.com',
    );
    for (const bad of ['ws 042', '-', 'a..b', 'host/1'])
      expect(() => valid(ActionType.ISOLATE_HOST, bad)).toThrow(/host name/);
  });

  it('takes an email address for NOTIFY_EMAIL', () => {
    expect(valid(ActionType.NOTIFY_EMAIL, 'soc@example.com').kind).toBe('email');
    for (const bad of ['soc', 'soc@localhost', 'a b@example.com'])
      expect(() => valid(ActionType.NOTIFY_EMAIL, bad)).toThrow(/email address/);
  });

  it('takes #channel or a channel id for NOTIFY_SLACK', () => {
    expect(valid(ActionType.NOTIFY_SLACK, '#soc-alerts').value).toBe('#soc-alerts');
    expect(valid(ActionType.NOTIFY_SLACK, 'C0123456789').value).toBe('C0123456789');
    for (const bad of ['soc', '#Has Space', 'U0123456789'])
      expect(() => valid(ActionType.NOTIFY_SLACK, bad)).toThrow(/Slack channel/);
  });

  it('takes a Jira project key for CREATE_TICKET', () => {
    expect(valid(ActionType.CREATE_TICKET, 'SOC').value).toBe('SOC');
    for (const bad of ['soc', 'S', 'SOC-1', '1SOC'])
      expect(() => valid(ActionType.CREATE_TICKET, bad)).toThrow(/Jira project key/);
  });

  it('takes any short label for NOTIFY_TEAMS', () => {
    expect(valid(ActionType.NOTIFY_TEAMS, 'SOC channel').value).toBe('SOC channel');
    for (const bad of ['', 'x'.repeat(101), 'bell\u0007'])
      expect(() => valid(ActionType.NOTIFY_TEAMS, bad)).toThrow(/short label/);
  });
});
