import { FakeVendorServer, type FakeReply, type FakeRequest } from './fake-vendor.server';

export interface OtxPulse {
  name: string;
  tags: string[];
}

const TYPE_TITLE: Record<string, string> = {
  IPv4: 'IPv4',
  IPv6: 'IPv6',
  domain: 'Domain',
  hostname: 'Hostname',
  url: 'URL',
  file: 'FileHash-SHA256',
};

/** OTX DirectConnect v1 indicator "general" sections; keys are `<section>/<indicator>`. */
export class OtxFake extends FakeVendorServer {
  // OTX answers a bad or missing X-OTX-API-KEY with 403.
  protected readonly authStatus = 403;
  private readonly pulses = new Map<string, OtxPulse[]>();

  setPulses(key: string, pulses: OtxPulse[]): this {
    this.pulses.set(key, pulses);
    return this;
  }

  protected keyOf(request: FakeRequest): string | undefined {
    const match =
      /^\/api\/v1\/indicators\/(IPv4|IPv6|domain|hostname|url|file)\/(.+)\/general$/.exec(
        request.path,
      );
    return match ? `${match[1]}/${decodeURIComponent(match[2])}` : undefined;
  }

  protected override authorized(request: FakeRequest): boolean {
    return request.headers['x-otx-api-key'] === this.apiKey;
  }

  protected found(key: string): FakeReply {
    const [section] = key.split('/', 1);
    const indicator = key.slice(section.length + 1);
    const pulses = (this.pulses.get(key) ?? []).map((pulse, i) => ({
      id: `65a0c0ffee${String(i).padStart(14, '0')}`,
      name: pulse.name,
      tags: pulse.tags,
      created: '2024-01-12T08:00:00.000000',
      modified: '2024-02-01T08:00:00.000000',
      TLP: 'white',
      adversary: '',
      malware_families: [],
    }));
    const body = {
      indicator,
      type: TYPE_TITLE[section],
      type_title: TYPE_TITLE[section],
      sections: ['general', 'reputation', 'geo', 'malware', 'url_list'],
      base_indicator: pulses.length > 0 ? { indicator, type: TYPE_TITLE[section] } : {},
      pulse_info: { count: pulses.length, pulses, references: [], related: {} },
      false_positive: [],
      validation: [],
    };
    return { status: 200, body };
  }

  protected errorBody(status: number, message: string): unknown {
    return { detail: status === 403 ? 'Authentication credentials were not provided.' : message };
  }
}
