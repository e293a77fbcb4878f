import { RecordingServer, type RecordedRequest, type RouteReply } from './recording.server';

const PATH = '/workflows/4c1d2e3f/triggers/manual/paths/invoke';

/**
 * A Teams Workflows webhook ("When a Teams webhook request is received") on 127.0.0.1: the
 * signature rides in the URL's `sig`; a good POST is answered 202 Accepted with no body.
 */
export class TeamsFake extends RecordingServer {
  readonly signature = 'fake-sig-abc123';
  status = 202;
  /** When true, posts are received but never answered. */
  hang = false;

  /** The URL to configure as the teams integration's `webhookUrl` (a secret). */
  get webhookUrl(): string {
    const query = new URLSearchParams({
      'api-version': '2016-06-01',
      sp: '/triggers/manual/run',
      sv: '1.0',
      sig: this.signature,
    });
    return `${this.url}${PATH}?${query.toString()}`;
  }

  /** The webhook posts received (bodies parsed). */
  get posts(): RecordedRequest[] {
    return this.requestsTo(PATH);
  }

  protected route(request: RecordedRequest): RouteReply {
    if (request.path !== PATH || request.method !== 'POST') {
      return { status: 404, body: { error: { code: 'TriggerNotFound' } } };
    }
    if (request.query.get('sig') !== this.signature) {
      return {
        status: 401,
        body: {
          error: {
            code: 'DirectApiAuthorizationRequired',
            message: 'The request must be authenticated',
          },
        },
      };
    }
    if (!request.headers['content-type']?.startsWith('application/json')) {
      return { status: 400, body: { error: { code: 'InvalidRequestContent' } } };
    }
    return this.hang ? 'hang' : { status: this.status, body: '' };
  }
}
