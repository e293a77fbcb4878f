import { execFile } from 'node:child_process';
import { ActionType } from '../../../generated/prisma/enums';
import { IntegrationSettingsError, type IntegrationConfig } from '../../integrations';
import {
  ResponderMode,
  type PlannedEffect,
  type Responder,
  type ResponderRequest,
  type ResponderResult,
} from './responder';
import { defineResponder } from './responder-definition';
import { ResponderError } from './responder.errors';
import { readSettings } from './responder-settings';

export interface IptablesSettings {
  /** Program for IPv4 rules: a name looked up on PATH, or an absolute path. */
  binary: string;
  /** Program for IPv6 rules. */
  binary6: string;
  chain: string;
  timeoutMs: number;
}

export const IPTABLES_DEFAULTS: IptablesSettings = {
  binary: 'iptables',
  binary6: 'ip6tables',
  chain: 'INPUT',
  timeoutMs: 15_000,
};

const CHAIN = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,28}$/;
/** iptables -C: 1 means "no such rule"; anything else is a real failure. */
const RULE_ABSENT = 1;
/** iptables: 4 = resource problem (the xtables lock): worth another try. */
const RESOURCE_PROBLEM = 4;

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a program with an argument array, never through a shell. */
export type CommandRunner = (
  argv: readonly string[],
  options: { timeoutMs: number; signal?: AbortSignal },
) => Promise<CommandResult>;

export const execFileRunner: CommandRunner = ([program, ...args], { timeoutMs, signal }) =>
  new Promise((resolve, reject) => {
    execFile(
      program,
      args,
      { timeout: timeoutMs, signal, windowsHide: true },
      (error: Error | null, stdout, stderr) => {
        const code = (error as { code?: unknown } | null)?.code;
        // A numeric code is the program's exit status; anything else means it never ran or finished.
        if (error && typeof code !== 'number') reject(error);
        else resolve({ code: typeof code === 'number' ? code : 0, stdout, stderr });
      },
    );
  });

export function iptablesSettings(config: Pick<IntegrationConfig, 'settings' | 'secrets'>) {
  const settings = readSettings(IPTABLES_DEFAULTS, config);
  for (const key of ['binary', 'binary6'] as const) {
    const value = settings[key].trim();
    if (!value || value.startsWith('-'))
      throw new IntegrationSettingsError(`settings.${key}`, 'must name a program (or its path)');
  }
  if (!CHAIN.test(settings.chain))
    throw new IntegrationSettingsError(
      'settings.chain',
      'must be an iptables chain name such as INPUT',
    );
  return settings;
}

/**
 * BLOCK_IP / UNBLOCK_IP on the host's own firewall: a DROP rule for the source address in
 * one chain. It checks with -C before inserting (-I) or deleting (-D), so running twice never
 * adds or removes twice; dry-run and notify-only return the exact argv without running it.
 */
export class IptablesResponder implements Responder {
  readonly name = 'iptables';
  readonly actionTypes = [ActionType.BLOCK_IP, ActionType.UNBLOCK_IP];

  constructor(
    private readonly settings: IptablesSettings,
    private readonly run: CommandRunner = execFileRunner,
  ) {}

  async execute(request: ResponderRequest): Promise<ResponderResult> {
    const blocking = request.actionType === ActionType.BLOCK_IP;
    const binary = request.target.includes(':') ? this.settings.binary6 : this.settings.binary;
    const rule = [this.settings.chain, '-s', request.target, '-j', 'DROP'];
    const change = [binary, '-w', blocking ? '-I' : '-D', ...rule];
    const effects: PlannedEffect[] = [{ kind: 'exec', argv: change }];
    const output = { chain: this.settings.chain, source: request.target, rule: 'DROP' };
    if (request.mode !== ResponderMode.Live) return { output, effects };
    const present = await this.ruleExists([binary, '-w', '-C', ...rule], request.signal);
    if (present === blocking)
      return { output: { ...output, changed: false }, effects: [], alreadyDone: true };
    await this.mustSucceed(change, request.signal);
    return { output: { ...output, changed: true }, effects };
  }

  async testConnection(): Promise<{ ok: boolean; detail: string }> {
    const argv = [this.settings.binary, '-w', '-L', this.settings.chain, '-n'];
    const result = await this.invoke(argv);
    return result.code === 0
      ? { ok: true, detail: `${argv.join(' ')} succeeded` }
      : {
          ok: false,
          detail: `${argv.join(' ')} exited ${result.code}: ${firstLine(result.stderr)}`,
        };
  }

  private async ruleExists(argv: string[], signal?: AbortSignal): Promise<boolean> {
    const result = await this.invoke(argv, signal);
    if (result.code === 0) return true;
    if (result.code === RULE_ABSENT) return false;
    throw failure(argv, result);
  }

  private async mustSucceed(argv: string[], signal?: AbortSignal): Promise<void> {
    const result = await this.invoke(argv, signal);
    if (result.code !== 0) throw failure(argv, result);
  }

  private async invoke(argv: string[], signal?: AbortSignal): Promise<CommandResult> {
    try {
      return await this.run(argv, { timeoutMs: this.settings.timeoutMs, signal });
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'ENOENT')
        throw new ResponderError(this.name, `${argv[0]} not found (settings.binary)`, false);
      if (code === 'EACCES')
        throw new ResponderError(this.name, `${argv[0]} is not executable`, false);
      // Killed by the timeout or the job's abort signal: the rule may or may not be in place,
      // and the next attempt checks before acting.
      throw new ResponderError(
        this.name,
        `${argv[0]} did not finish: ${(error as Error).message}`,
        true,
        { cause: error },
      );
    }
  }
}

function failure(argv: string[], result: CommandResult): ResponderError {
  return new ResponderError(
    'iptables',
    `${argv.join(' ')} exited ${result.code}: ${firstLine(result.stderr) || 'no message'}`,
    result.code === RESOURCE_PROBLEM,
  );
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0]?.slice(0, 300) ?? '';
}

export const IPTABLES_RESPONDER = defineResponder<IptablesSettings>({
  name: 'iptables',
  actionTypes: [ActionType.BLOCK_IP, ActionType.UNBLOCK_IP],
  defaults: IPTABLES_DEFAULTS,
  secretKeys: [],
  settings: iptablesSettings,
  build: (settings) => new IptablesResponder(settings),
});
