import { ActionType } from '../../../generated/prisma/enums';
import { IntegrationSettingsError } from '../../integrations';
import {
  IPTABLES_DEFAULTS,
  IptablesResponder,
  iptablesSettings,
  type CommandResult,
  type CommandRunner,
} from './iptables.responder';
import { ResponderMode, type ResponderRequest } from './responder';
import { ResponderError } from './responder.errors';

/** Answers each argv from a script and records what was run. */
function scriptedRunner(answer: (argv: readonly string[]) => Partial<CommandResult> | Error) {
  const calls: string[][] = [];
  const run: CommandRunner = (argv) => {
    calls.push([...argv]);
    const result = answer(argv);
    if (result instanceof Error) return Promise.reject(result);
    return Promise.resolve({ code: 0, stdout: '', stderr: '', ...result });
  };
  return { run, calls };
}

const request = (overrides: Partial<ResponderRequest> = {}): ResponderRequest => ({
  actionId: 'a1',
  actionType: ActionType.BLOCK_IP,
  target: '203.0.113.5',
  params: {},
  context: { caseId: 'c1' },
  mode: ResponderMode.Live,
  ...overrides,
});

const RULE = ['INPUT', '-s', '203.0.113.5', '-j', 'DROP'];

describe(IptablesResponder.name, () => {
  it('checks with -C, then inserts the DROP rule when it is missing', async () => {
    const { run, calls } = scriptedRunner((argv) => ({ code: argv[2] === '-C' ? 1 : 0 }));
    const result = await new IptablesResponder(IPTABLES_DEFAULTS, run).execute(request());
    expect(calls).toEqual([
      ['iptables', '-w', '-C', ...RULE],
      ['iptables', '-w', '-I', ...RULE],
    ]);
    expect(result.effects).toEqual([{ kind: 'exec', argv: ['iptables', '-w', '-I', ...RULE] }]);
    expect(result.output).toMatchObject({ chain: 'INPUT', source: '203.0.113.5', changed: true });
  });

  it('changes nothing when the rule is already there (a repeated job)', async () => {
    const { run, calls } = scriptedRunner(() => ({ code: 0 }));
    const result = await new IptablesResponder(IPTABLES_DEFAULTS, run).execute(request());
    expect(calls).toHaveLength(1);
    expect(result).toMatchObject({ alreadyDone: true, effects: [] });
  });

  it('deletes the rule for UNBLOCK_IP only when it is there', async () => {
    const { run, calls } = scriptedRunner(() => ({ code: 0 }));
    await new IptablesResponder(IPTABLES_DEFAULTS, run).execute(
      request({ actionType: ActionType.UNBLOCK_IP }),
    );
    expect(calls[1]).toEqual(['iptables', '-w', '-D', ...RULE]);
    const absent = scriptedRunner(() => ({ code: 1 }));
    const result = await new IptablesResponder(IPTABLES_DEFAULTS, absent.run).execute(
      request({ actionType: ActionType.UNBLOCK_IP }),
    );
    expect(absent.calls).toHaveLength(1);
    expect(result.alreadyDone).toBe(true);
  });

  it('uses ip6tables and the configured chain for IPv6', async () => {
    const { run, calls } = scriptedRunner(() => ({ code: 1 }));
    const settings = { ...IPTABLES_DEFAULTS, chain: 'MINISOAR' };
    await new IptablesResponder(settings, run)
      .execute(request({ target: '2001:db8::/64' }))
      .catch(() => undefined);
    expect(calls[0]).toEqual([
      'ip6tables',
      '-w',
      '-C',
      'MINISOAR',
      '-s',
      '2001:db8::/64',
      '-j',
      'DROP',
    ]);
  });

  it.each([ResponderMode.DryRun, ResponderMode.NotifyOnly])(
    'in %s mode runs nothing and records the exact argv',
    async (mode) => {
      const { run, calls } = scriptedRunner(() => ({ code: 0 }));
      const result = await new IptablesResponder(IPTABLES_DEFAULTS, run).execute(request({ mode }));
      expect(calls).toEqual([]);
      expect(result.effects).toEqual([{ kind: 'exec', argv: ['iptables', '-w', '-I', ...RULE] }]);
    },
  );

  it('fails with the program’s message; only a lock problem is worth retrying', async () => {
    const broken = scriptedRunner(() => ({ code: 2, stderr: 'iptables v1.8: bad argument\nmore' }));
    const error = await new IptablesResponder(IPTABLES_DEFAULTS, broken.run)
      .execute(request())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponderError);
    expect((error as ResponderError).message).toContain('exited 2: iptables v1.8: bad argument');
    expect((error as ResponderError).retryable).toBe(false);
    const locked = scriptedRunner((argv) => ({ code: argv[2] === '-C' ? 1 : 4 }));
    const lockError = await new IptablesResponder(IPTABLES_DEFAULTS, locked.run)
      .execute(request())
      .catch((e: unknown) => e);
    expect((lockError as ResponderError).retryable).toBe(true);
  });

  it('says when the program is missing', async () => {
    const missing = scriptedRunner(() => Object.assign(new Error('spawn'), { code: 'ENOENT' }));
    await expect(
      new IptablesResponder(IPTABLES_DEFAULTS, missing.run).execute(request()),
    ).rejects.toThrow('iptables not found');
  });

  it('tests connectivity by listing the chain', async () => {
    const { run, calls } = scriptedRunner(() => ({ code: 0 }));
    await expect(
      new IptablesResponder(IPTABLES_DEFAULTS, run).testConnection(),
    ).resolves.toMatchObject({ ok: true });
    expect(calls).toEqual([['iptables', '-w', '-L', 'INPUT', '-n']]);
  });

  it('refuses settings that are not a program and a chain', () => {
    const config = (settings: object) => ({ settings: settings as never, secrets: {} });
    expect(iptablesSettings(config({})).chain).toBe('INPUT');
    expect(() => iptablesSettings(config({ chain: '-j ACCEPT' }))).toThrow(
      IntegrationSettingsError,
    );
    expect(() => iptablesSettings(config({ binary: '--help' }))).toThrow(/settings.binary/);
  });
});
