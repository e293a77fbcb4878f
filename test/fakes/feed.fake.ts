import { FakeVendorServer, type FakeReply, type FakeRequest } from './fake-vendor.server';

/** Serves block lists as text; keys are paths. */
export class FeedFake extends FakeVendorServer {
  protected readonly authStatus = 403;
  private readonly feeds = new Map<string, string>();

  setFeed(path: string, text: string): this {
    this.feeds.set(path, text);
    return this;
  }

  protected keyOf(request: FakeRequest): string {
    return request.path;
  }

  protected found(path: string): FakeReply | undefined {
    const text = this.feeds.get(path);
    return text === undefined ? undefined : { status: 200, body: text, contentType: 'text/plain' };
  }

  protected errorBody(_status: number, message: string): unknown {
    return message;
  }
}
