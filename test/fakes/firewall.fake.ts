import type { FakeReply } from './fake-vendor.server';
import { RecordingServer, type RouteReply } from './recording.server';

/** Any HTTP endpoint the generic firewall preset calls: records requests, answers a script. */
export class GenericFirewallFake extends RecordingServer {
  private readonly replies: FakeReply[] = [];

  /** The next answers, in order; afterwards 200 `{"ok": true}`. */
  answer(...replies: FakeReply[]): this {
    this.replies.push(...replies);
    return this;
  }

  protected route(): RouteReply {
    return this.replies.shift() ?? { status: 200, body: { ok: true } };
  }
}
