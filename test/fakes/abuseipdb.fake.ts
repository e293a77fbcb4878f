import { FakeVendorServer, type FakeReply, type FakeRequest } from './fake-vendor.server';

export interface AbuseIpdbRecord {
  abuseConfidenceScore: number;
  totalReports: number;
  isWhitelisted: boolean;
  countryCode: string | null;
  usageType: string | null;
  isp: string | null;
}

/** AbuseIPDB API v2 CHECK; keys are the ipAddress query value. Unknown IPs score 0, as the real API. */
export class AbuseIpdbFake extends FakeVendorServer {
  protected readonly authStatus = 401;
  /** Query of the last CHECK request, to assert maxAgeInDays and verbose. */
  lastQuery: URLSearchParams | undefined;
  private readonly records = new Map<string, Partial<AbuseIpdbRecord>>();

  setRecord(ip: string, record: Partial<AbuseIpdbRecord>): this {
    this.records.set(ip, record);
    return this;
  }

  protected keyOf(request: FakeRequest): string | undefined {
    if (request.path !== '/api/v2/check') return undefined;
    this.lastQuery = request.query;
    return request.query.get('ipAddress') ?? '';
  }

  protected override authorized(request: FakeRequest): boolean {
    return request.headers.key === this.apiKey;
  }

  protected found(ip: string, request: FakeRequest): FakeReply {
    const record = this.records.get(ip) ?? {};
    const reported = (record.totalReports ?? 0) > 0;
    const data = {
      ipAddress: ip,
      isPublic: true,
      ipVersion: ip.includes(':') ? 6 : 4,
      isWhitelisted: false,
      abuseConfidenceScore: 0,
      countryCode: 'US',
      usageType: 'Data Center/Web Hosting/Transit',
      isp: 'Example Hosting',
      domain: 'example.net',
      hostnames: [],
      isTor: false,
      totalReports: 0,
      numDistinctUsers: record.totalReports ?? 0,
      lastReportedAt: reported ? '2024-05-01T10:00:00+00:00' : null,
      ...record,
      ...(request.query.has('verbose')
        ? { countryName: 'United States', reports: this.reports(record) }
        : {}),
    };
    return { status: 200, body: { data } };
  }

  protected errorBody(status: number, message: string): unknown {
    return { errors: [{ detail: message, status }] };
  }

  private reports(record: Partial<AbuseIpdbRecord>): unknown[] {
    return Array.from({ length: Math.min(record.totalReports ?? 0, 20) }, (_, i) => ({
      reportedAt: '2024-05-01T10:00:00+00:00',
      comment: `report ${i}`,
      categories: [18, 22],
      reporterId: i,
      reporterCountryCode: 'DE',
    }));
  }
}
