import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateBy,
} from 'class-validator';
import { parseCidrs } from '../common/indicators/ip-address';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const SIGNUP_MODES = ['approval', 'open', 'closed'] as const;
export type SignupMode = (typeof SIGNUP_MODES)[number];

const toBoolean = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? ['1', 'true', 'yes', 'on'].includes(value.toLowerCase()) : value;

/** Every entry an IP range (`127.0.0.0/8`, `fd00::/8`) or a single address. */
const IsCidrList = (): PropertyDecorator =>
  ValidateBy({
    name: 'isCidrList',
    validator: {
      validate: (value: unknown) =>
        Array.isArray(value) && value.every((item) => parseCidrs([String(item)]).length === 1),
      defaultMessage: () => '$property must be a comma-separated list of CIDRs',
    },
  });

const toList = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean)
    : value;

/**
 * Every environment variable the service reads, with its default. Validated once at
 * startup; `.env.example` documents the same list.
 */
export class EnvSchema {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  /** Where people reach Mini-SOAR; messages and tickets link to `<PUBLIC_URL>/cases/<id>`. */
  @IsOptional()
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: 'PUBLIC_URL must be an http(s):// URL' },
  )
  PUBLIC_URL?: string;

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgresql:// URL' })
  DATABASE_URL?: string;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  DB_POOL_SIZE = 10;

  /** Opening a connection, or waiting for a free one in a full pool, gives up after this (then 503). */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(60000)
  DB_CONNECT_TIMEOUT_MS = 2000;

  /** A request's statement without an answer gives up after this (client- and server-side). */
  @Type(() => Number)
  @IsInt()
  @Min(100)
  @Max(600000)
  DB_QUERY_TIMEOUT_MS = 2000;

  /** The same for migrations and the job queue's own connections, whose work may run long. */
  @Type(() => Number)
  @IsInt()
  @Min(1000)
  DB_MAINTENANCE_TIMEOUT_MS = 300000;

  @IsString()
  DATA_DIR = './data';

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(256)
  WORKERS = 2;

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  @Matches(/^\d+[smhd]?$/, { message: 'JWT_EXPIRES_IN must look like 3600, 15m, 1h or 7d' })
  JWT_EXPIRES_IN = '1h';

  @IsOptional()
  @IsString()
  ENCRYPTION_KEY?: string;

  // ---------------------------------------------------------------- audit

  /** Secret the audit chain's HMAC key is derived from; ENCRYPTION_KEY's when unset. */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'AUDIT_KEY must be at least 32 characters' })
  AUDIT_KEY?: string;

  /** Ed25519 private key for checkpoints (PKCS#8 PEM or base64 DER); derived from the audit key when unset. */
  @IsOptional()
  @IsString()
  AUDIT_SIGNING_KEY?: string;

  /** A signed checkpoint goes to the log (and AUDIT_CHECKPOINT_URL) this often; 0 = never. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(86400)
  AUDIT_CHECKPOINT_SECONDS = 300;

  @IsOptional()
  @Matches(/^https?:\/\/.+/, { message: 'AUDIT_CHECKPOINT_URL must be an http(s):// URL' })
  AUDIT_CHECKPOINT_URL?: string;

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: LogLevel = 'info';

  @Transform(toBoolean)
  @IsBoolean()
  NOTIFY_ONLY = false;

  @Type(() => Number)
  @IsInt()
  @Min(4)
  @Max(15)
  BCRYPT_ROUNDS = 12;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_RATE_LIMIT = 5;

  /** Failed logins from one client address (any accounts) within the window before 429. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_RATE_LIMIT_PER_IP = 20;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  LOGIN_RATE_WINDOW_SECONDS = 900;

  /** Who may sign up after the first user (always ADMIN): approval, open or closed. */
  @IsIn(SIGNUP_MODES)
  SIGNUP_MODE: SignupMode = 'approval';

  @Transform(toList)
  @IsString({ each: true })
  CORS_ORIGINS: string[] = [];

  @Transform(toBoolean)
  @IsBoolean()
  TRUST_PROXY = false;

  /** HSTS and CSP upgrade-insecure-requests on every response, not only on https requests. */
  @Transform(toBoolean)
  @IsBoolean()
  FORCE_HSTS = false;

  // ---------------------------------------------------------------- ingestion & pipeline

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(5000)
  INGEST_BATCH_MAX = 500;

  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(1000)
  INGEST_BATCH_WINDOW_MS = 0;

  @Type(() => Number)
  @IsInt()
  @Min(0)
  DEDUP_WINDOW_SECONDS = 3600;

  /** Wait before re-enriching an alert some provider did not answer (doubles each round, 3 rounds). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  REENRICH_DELAY_SECONDS = 300;

  @Type(() => Number)
  @IsInt()
  @Min(10)
  ALERT_STUCK_TIMEOUT_SECONDS = 300;

  /** A job whose worker stops heart-beating for this long is handed to another worker. */
  @Type(() => Number)
  @IsInt()
  @Min(10)
  QUEUE_HEARTBEAT_SECONDS = 30;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3600)
  QUEUE_MONITOR_INTERVAL_SECONDS = 30;

  /** Jobs a worker claims per fetch. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  WORKER_BATCH_SIZE = 10;

  /** Most items a playbook step's for_each runs over (the rest are left out). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  PLAYBOOK_MAX_FOR_EACH = 20;

  @Transform(toList)
  @IsString({ each: true })
  INTERNAL_CIDRS: string[] = [];

  @Transform(toList)
  @IsString({ each: true })
  INTERNAL_DOMAINS: string[] = [];

  /** Internal ranges responders and providers may reach anyway (the SSRF guard refuses them). */
  @Transform(toList)
  @IsCidrList()
  OUTBOUND_ALLOW_CIDRS: string[] = [];

  // ---------------------------------------------------------------- actions

  /** A REQUESTED action nobody approved within this long expires. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  APPROVAL_TTL_SECONDS = 86400;

  /** An APPROVED action nobody executed within this long expires. */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  EXECUTION_TTL_SECONDS = 3600;

  /**
   * An action EXECUTING this long whose queue job is no longer queued, retrying or running
   * (it failed outside the responder, or was lost) becomes FAILED, so it can be retried. A job
   * still alive is never cut short; this is the grace before a missing one counts as lost.
   */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  ACTION_EXECUTION_TIMEOUT_SECONDS = 900;

  /** Bearer token a Prometheus scraper may present on GET /metrics/prometheus (only there). */
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'METRICS_TOKEN must be at least 16 characters' })
  METRICS_TOKEN?: string;

  /**
   * /metrics/sla sorts every duration of the window for exact p50/p90 while a figure has at most
   * this many; above it they are interpolated from the daily duration histogram (within about
   * 2.2%), so the endpoint's cost stops growing with the data. Counts and means stay exact.
   */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  METRICS_EXACT_PERCENTILE_LIMIT = 2_000;

  /**
   * A `start:worker` process serves its own counters and histograms on GET /metrics at this
   * port (on HOST), for Prometheus to scrape each worker. Needs METRICS_TOKEN. Unset: off.
   */
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(65535)
  WORKER_METRICS_PORT?: number;

  /** The widest IPv4 range BLOCK_IP accepts (a /24 at most by default). */
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(32)
  BLOCK_MAX_PREFIX_V4 = 24;

  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(128)
  BLOCK_MAX_PREFIX_V6 = 64;

  /** PATCH /actions/:id/execute waits this long for the result (200) before answering 202. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(30000)
  ACTION_EXECUTE_WAIT_MS = 2000;

  // ---------------------------------------------------------------- cases

  /** Acknowledge/resolve targets per severity, `CRITICAL=15m/4h,HIGH=1h/24h,...` (see README). */
  @IsOptional()
  @IsString()
  SLA_TARGETS?: string;

  // ---------------------------------------------------------------- enrichment

  @Type(() => Number)
  @IsInt()
  @Min(0)
  ENRICHMENT_CACHE_TTL_SECONDS = 86400;

  @IsIn(['auto', 'true', 'false'])
  MOCK_ENRICHMENT: 'auto' | 'true' | 'false' = 'auto';

  @IsOptional() @IsString() VT_API_KEY?: string;
  @IsOptional() @IsString() VT_BASE_URL?: string;
  @IsOptional() @IsString() ABUSEIPDB_API_KEY?: string;
  @IsOptional() @IsString() ABUSEIPDB_BASE_URL?: string;
  @IsOptional() @IsString() OTX_API_KEY?: string;
  @IsOptional() @IsString() OTX_BASE_URL?: string;

  @Transform(toBoolean)
  @IsBoolean()
  RDAP_ENABLED = false;

  @IsOptional() @IsString() RDAP_BASE_URL?: string;
  /** Folder or URL holding the IANA bootstrap files (dns.json, ipv4.json, ipv6.json). */
  @IsOptional() @IsString() RDAP_BOOTSTRAP?: string;

  /** Comma-separated `name=location` block lists (file path or http(s) URL). */
  @Transform(toList)
  @IsString({ each: true })
  THREAT_FEEDS: string[] = [];

  @Type(() => Number)
  @IsInt()
  @Min(60)
  THREAT_FEEDS_REFRESH_SECONDS = 3600;

  // ---------------------------------------------------------------- scoring

  /** Alerts scoring below this with no malicious/suspicious verdict are auto-closed. */
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(100)
  SCORE_AUTO_CLOSE_BELOW = 30;

  /** Optional JSON object overriding scoring weights (see README). */
  @IsOptional()
  @IsString()
  SCORE_WEIGHTS?: string;
}
