import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** The fake program (test/fakes/iptables/iptables): argv log, rules in a file. */
const FAKE_PROGRAM = join(__dirname, 'iptables', 'iptables');

/**
 * A private fake iptables: `iptables` and `ip6tables` wrappers in their own bin folder, bound
 * to a state folder holding what they were called with and the rules they keep. The host's
 * firewall is never touched. (Jest gives test code a copy of process.env, which child
 * processes do not see, so the wrappers carry the state folder themselves.)
 */
export class IptablesFake {
  readonly stateDir = mkdtempSync(join(tmpdir(), 'mini-soar-iptables-'));
  readonly binDir = join(this.stateDir, 'bin');
  readonly binary = join(this.binDir, 'iptables');
  readonly binary6 = join(this.binDir, 'ip6tables');

  constructor() {
    mkdirSync(this.binDir);
    for (const [path, name] of [
      [this.binary, 'iptables'],
      [this.binary6, 'ip6tables'],
    ]) {
      writeFileSync(
        path,
        `#!/bin/sh\nFAKE_IPTABLES_STATE='${this.stateDir}' FAKE_IPTABLES_PROGRAM=${name} exec '${process.execPath}' '${FAKE_PROGRAM}' "$@"\n`,
      );
      chmodSync(path, 0o755);
    }
  }

  /** Settings for PUT /integrations/iptables that point at this fake. */
  settings(): { binary: string; binary6: string } {
    return { binary: this.binary, binary6: this.binary6 };
  }

  /** PATH for a server process that should find this fake as plain `iptables`. */
  pathEnv(base = process.env.PATH ?? ''): string {
    return `${this.binDir}${delimiter}${base}`;
  }

  calls(): string[][] {
    const file = join(this.stateDir, 'calls.jsonl');
    if (!existsSync(file)) return [];
    return readFileSync(file, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as { argv: string[] }).argv);
  }

  /** Calls with this operation (-C, -I, -D, -L). */
  callsOf(operation: string): string[][] {
    return this.calls().filter((argv) => argv.includes(operation));
  }

  rules(): string[] {
    const file = join(this.stateDir, 'rules.json');
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as string[]) : [];
  }

  /** The next insert stores its rule, then hangs until its parent process dies. */
  hangNextInsert(): void {
    writeFileSync(join(this.stateDir, 'hang-on-insert'), '');
  }

  /** The pid of the insert left hanging, if one is. */
  hungPid(): number | null {
    const file = join(this.stateDir, 'hung.pid');
    return existsSync(file) ? Number(readFileSync(file, 'utf8')) : null;
  }

  reset(): void {
    for (const name of ['calls.jsonl', 'rules.json', 'hang-on-insert', 'hung.pid'])
      rmSync(join(this.stateDir, name), { force: true });
  }

  remove(): void {
    rmSync(this.stateDir, { recursive: true, force: true });
  }
}
