import { FakeVendorServer, type FakeReply, type FakeRequest } from './fake-vendor.server';

export type VtCollection = 'ip_addresses' | 'domains' | 'urls' | 'files';

export interface VtStats {
  malicious: number;
  suspicious: number;
  harmless: number;
  undetected: number;
  timeout: number;
}

const TYPE: Record<VtCollection, string> = {
  ip_addresses: 'ip_address',
  domains: 'domain',
  urls: 'url',
  files: 'file',
};

const ERROR_CODE: Record<number, string> = {
  400: 'BadRequestError',
  401: 'WrongCredentialsError',
  403: 'ForbiddenError',
  404: 'NotFoundError',
  429: 'QuotaExceededError',
  500: 'TransientError',
  503: 'TransientError',
};

/** VirusTotal API v3 objects; keys are `<collection>/<id>` (URL ids are base64url, no padding). */
export class VirusTotalFake extends FakeVendorServer {
  protected readonly authStatus = 401;
  private readonly objects = new Map<string, Record<string, unknown>>();

  static urlId(url: string): string {
    return Buffer.from(url).toString('base64url');
  }

  /** Makes VirusTotal know the object, with these engine counts. */
  setObject(key: string, stats: Partial<VtStats>, attributes: Record<string, unknown> = {}): this {
    const last_analysis_stats = {
      malicious: 0,
      suspicious: 0,
      harmless: 0,
      undetected: 0,
      timeout: 0,
      ...stats,
    };
    this.objects.set(key, {
      last_analysis_stats,
      reputation: 0,
      last_analysis_date: 1_700_000_000,
      ...attributes,
    });
    return this;
  }

  protected keyOf(request: FakeRequest): string | undefined {
    const match = /^\/api\/v3\/(ip_addresses|domains|urls|files)\/([^/]+)$/.exec(request.path);
    return match ? `${match[1]}/${decodeURIComponent(match[2])}` : undefined;
  }

  protected override authorized(request: FakeRequest): boolean {
    return request.headers['x-apikey'] === this.apiKey;
  }

  protected found(key: string): FakeReply | undefined {
    const attributes = this.objects.get(key);
    if (!attributes) return undefined;
    const [collection, id] = key.split('/') as [VtCollection, string];
    const self = `https://www.virustotal.com/api/v3/${key}`;
    return {
      status: 200,
      body: { data: { id, type: TYPE[collection], links: { self }, attributes } },
    };
  }

  protected errorBody(status: number, message: string): unknown {
    return { error: { code: ERROR_CODE[status] ?? 'TransientError', message } };
  }
}
