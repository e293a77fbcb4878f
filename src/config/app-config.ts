import { resolve } from 'node:path';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ConfigError } from './config.error';
import { loadOrCreateDevSecrets } from './dev-secrets';
import { EnvSchema, type LogLevel, type SignupMode } from './env.schema';
import { parseSlaTargets, type SlaTargets } from './sla-targets';

export type Environment = Record<string, string | undefined>;

export interface VendorEnv {
  apiKey?: string;
  baseUrl?: string;
}

export interface AuditEnv {
  /** Secret the chain and (unless signingKey is set) checkpoint keys are derived from. */
  rootKey: Buffer;
  /** AUDIT_SIGNING_KEY as given: PKCS#8 PEM or base64 DER; parsed by the audit module. */
  signingKey?: string;
  checkpointSeconds: number;
  checkpointUrl?: string;
}

export interface ActionsEnv {
  approvalTtlSeconds: number;
  executionTtlSeconds: number;
  /** EXECUTING longer than this with no live queue job: FAILED by the expiry sweep. */
  executionTimeoutSeconds: number;
  blockMaxPrefixV4: number;
  blockMaxPrefixV6: number;
  executeWaitMs: number;
}

export interface EnrichmentEnv {
  cacheTtlSeconds: number;
  mock: 'auto' | 'true' | 'false';
  virustotal: VendorEnv;
  abuseipdb: VendorEnv;
  otx: VendorEnv;
  rdap: { enabled: boolean; baseUrl?: string; bootstrap?: string };
  feeds: { name: string; location: string }[];
  feedsRefreshSeconds: number;
}

/** Typed, validated configuration. Nothing else in the code base reads process.env. */
export class AppConfig {
  readonly nodeEnv: EnvSchema['NODE_ENV'];
  readonly port: number;
  readonly host: string;
  /** PUBLIC_URL without a trailing slash (default http://localhost:<PORT>). */
  readonly publicUrl: string;
  readonly databaseUrl: string | undefined;
  readonly dbPoolSize: number;
  readonly dbConnectTimeoutMs: number;
  readonly dbQueryTimeoutMs: number;
  readonly dbMaintenanceTimeoutMs: number;
  readonly dataDir: string;
  readonly workers: number;
  readonly jwtSecret: string;
  readonly jwtExpiresInSeconds: number;
  readonly encryptionKey: Buffer;
  readonly audit: AuditEnv;
  readonly logLevel: LogLevel;
  readonly notifyOnly: boolean;
  readonly bcryptRounds: number;
  readonly loginRateLimit: number;
  readonly loginRateLimitPerIp: number;
  readonly loginRateWindowSeconds: number;
  readonly signupMode: SignupMode;
  readonly corsOrigins: string[];
  readonly trustProxy: boolean;
  readonly forceHsts: boolean;
  readonly ingestBatchMax: number;
  readonly ingestBatchWindowMs: number;
  readonly dedupWindowSeconds: number;
  readonly reenrichDelaySeconds: number;
  readonly alertStuckTimeoutSeconds: number;
  readonly queueHeartbeatSeconds: number;
  readonly queueMonitorIntervalSeconds: number;
  readonly workerBatchSize: number;
  readonly playbookMaxForEach: number;
  readonly internalCidrs: string[];
  readonly internalDomains: string[];
  /** OUTBOUND_ALLOW_CIDRS: internal ranges outbound calls may reach (see common/http/outbound). */
  readonly outboundAllowCidrs: string[];
  readonly enrichment: EnrichmentEnv;
  readonly actions: ActionsEnv;
  /** SLA_TARGETS with the defaults filled in. */
  readonly slaTargets: SlaTargets;
  /** METRICS_TOKEN: lets a scraper read /metrics/prometheus without a JWT. */
  readonly metricsToken?: string;
  /** WORKER_METRICS_PORT: a worker process's own GET /metrics (needs metricsToken). */
  readonly workerMetricsPort?: number;
  /** METRICS_EXACT_PERCENTILE_LIMIT: the most durations /metrics/sla sorts for exact percentiles. */
  readonly metricsExactPercentileLimit: number;
  readonly scoreAutoCloseBelow: number;
  /** Parsed SCORE_WEIGHTS (validated by the scoring module). */
  readonly scoreWeights: Record<string, unknown>;
  /** Warnings to log once the logger is up (e.g. generated development secrets). */
  readonly startupWarnings: string[];

  constructor(
    env: EnvSchema,
    secrets: { jwtSecret: string; encryptionKey: string },
    warnings: string[],
  ) {
    this.nodeEnv = env.NODE_ENV;
    this.port = env.PORT;
    this.host = env.HOST;
    this.publicUrl = (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, '');
    this.databaseUrl = env.DATABASE_URL;
    this.dbPoolSize = env.DB_POOL_SIZE;
    this.dbConnectTimeoutMs = env.DB_CONNECT_TIMEOUT_MS;
    this.dbQueryTimeoutMs = env.DB_QUERY_TIMEOUT_MS;
    this.dbMaintenanceTimeoutMs = env.DB_MAINTENANCE_TIMEOUT_MS;
    this.dataDir = resolve(env.DATA_DIR);
    this.workers = env.WORKERS;
    this.jwtSecret = secrets.jwtSecret;
    this.jwtExpiresInSeconds = parseDuration(env.JWT_EXPIRES_IN);
    this.encryptionKey = decodeEncryptionKey(secrets.encryptionKey);
    this.audit = {
      rootKey: env.AUDIT_KEY ? Buffer.from(env.AUDIT_KEY, 'utf8') : this.encryptionKey,
      signingKey: env.AUDIT_SIGNING_KEY,
      checkpointSeconds: env.AUDIT_CHECKPOINT_SECONDS,
      checkpointUrl: env.AUDIT_CHECKPOINT_URL,
    };
    this.logLevel = env.LOG_LEVEL;
    this.notifyOnly = env.NOTIFY_ONLY;
    this.bcryptRounds = env.BCRYPT_ROUNDS;
    this.loginRateLimit = env.LOGIN_RATE_LIMIT;
    this.loginRateLimitPerIp = env.LOGIN_RATE_LIMIT_PER_IP;
    this.loginRateWindowSeconds = env.LOGIN_RATE_WINDOW_SECONDS;
    this.signupMode = env.SIGNUP_MODE;
    this.corsOrigins = env.CORS_ORIGINS;
    this.trustProxy = env.TRUST_PROXY;
    this.forceHsts = env.FORCE_HSTS;
    this.ingestBatchMax = env.INGEST_BATCH_MAX;
    this.ingestBatchWindowMs = env.INGEST_BATCH_WINDOW_MS;
    this.dedupWindowSeconds = env.DEDUP_WINDOW_SECONDS;
    this.reenrichDelaySeconds = env.REENRICH_DELAY_SECONDS;
    this.alertStuckTimeoutSeconds = env.ALERT_STUCK_TIMEOUT_SECONDS;
    this.queueHeartbeatSeconds = env.QUEUE_HEARTBEAT_SECONDS;
    this.queueMonitorIntervalSeconds = env.QUEUE_MONITOR_INTERVAL_SECONDS;
    this.workerBatchSize = env.WORKER_BATCH_SIZE;
    this.playbookMaxForEach = env.PLAYBOOK_MAX_FOR_EACH;
    this.internalCidrs = env.INTERNAL_CIDRS;
    this.outboundAllowCidrs = env.OUTBOUND_ALLOW_CIDRS;
    this.internalDomains = env.INTERNAL_DOMAINS.map((domain) => domain.toLowerCase());
    this.enrichment = {
      cacheTtlSeconds: env.ENRICHMENT_CACHE_TTL_SECONDS,
      mock: env.MOCK_ENRICHMENT,
      virustotal: { apiKey: env.VT_API_KEY, baseUrl: env.VT_BASE_URL },
      abuseipdb: { apiKey: env.ABUSEIPDB_API_KEY, baseUrl: env.ABUSEIPDB_BASE_URL },
      otx: { apiKey: env.OTX_API_KEY, baseUrl: env.OTX_BASE_URL },
      rdap: {
        enabled: env.RDAP_ENABLED,
        baseUrl: env.RDAP_BASE_URL,
        bootstrap: env.RDAP_BOOTSTRAP,
      },
      feeds: env.THREAT_FEEDS.map(parseFeed),
      feedsRefreshSeconds: env.THREAT_FEEDS_REFRESH_SECONDS,
    };
    this.actions = {
      approvalTtlSeconds: env.APPROVAL_TTL_SECONDS,
      executionTtlSeconds: env.EXECUTION_TTL_SECONDS,
      executionTimeoutSeconds: env.ACTION_EXECUTION_TIMEOUT_SECONDS,
      blockMaxPrefixV4: env.BLOCK_MAX_PREFIX_V4,
      blockMaxPrefixV6: env.BLOCK_MAX_PREFIX_V6,
      executeWaitMs: env.ACTION_EXECUTE_WAIT_MS,
    };
    this.slaTargets = parseSlaTargets(env.SLA_TARGETS);
    this.metricsToken = env.METRICS_TOKEN;
    this.metricsExactPercentileLimit = env.METRICS_EXACT_PERCENTILE_LIMIT;
    this.workerMetricsPort = env.WORKER_METRICS_PORT;
    this.scoreAutoCloseBelow = env.SCORE_AUTO_CLOSE_BELOW;
    this.scoreWeights = parseJsonObject('SCORE_WEIGHTS', env.SCORE_WEIGHTS);
    this.startupWarnings = warnings;
  }

  get isProduction(): boolean {
    return this.nodeEnv === 'production';
  }

  get usesEmbeddedDatabase(): boolean {
    return this.databaseUrl === undefined;
  }
}

/** Reads and validates the environment; throws ConfigError with every problem listed. */
export function loadAppConfig(environment: Environment = process.env): AppConfig {
  const defined = Object.fromEntries(
    Object.entries(environment).filter(([, value]) => value !== undefined && value !== ''),
  );
  const env = plainToInstance(EnvSchema, defined, { exposeDefaultValues: true });
  const errors = validateSync(env, { whitelist: false });
  if (errors.length > 0) {
    const lines = errors.flatMap((error) => Object.values(error.constraints ?? {}));
    throw new ConfigError(`Invalid configuration:\n  - ${lines.join('\n  - ')}`);
  }
  const { secrets, warnings } = resolveSecrets(env);
  return new AppConfig(env, secrets, warnings);
}

function resolveSecrets(env: EnvSchema): {
  secrets: { jwtSecret: string; encryptionKey: string };
  warnings: string[];
} {
  if (env.JWT_SECRET && env.ENCRYPTION_KEY) {
    return {
      secrets: { jwtSecret: env.JWT_SECRET, encryptionKey: env.ENCRYPTION_KEY },
      warnings: [],
    };
  }
  if (env.NODE_ENV === 'production') {
    const missing = ['JWT_SECRET', 'ENCRYPTION_KEY'].filter(
      (name) => !env[name as keyof EnvSchema],
    );
    throw new ConfigError(
      `Refusing to start in production without ${missing.join(' and ')} (set them in the environment).`,
    );
  }
  const { secrets: generated, file } = loadOrCreateDevSecrets(resolve(env.DATA_DIR));
  return {
    secrets: {
      jwtSecret: env.JWT_SECRET ?? generated.jwtSecret,
      encryptionKey: env.ENCRYPTION_KEY ?? generated.encryptionKey,
    },
    warnings: [
      `JWT_SECRET/ENCRYPTION_KEY not set: using development secrets from ${file}. Set both in production.`,
    ],
  };
}

function decodeEncryptionKey(value: string): Buffer {
  const key = /^[0-9a-fA-F]{64}$/.test(value)
    ? Buffer.from(value, 'hex')
    : Buffer.from(value, 'base64');
  if (key.length !== 32) {
    throw new ConfigError('ENCRYPTION_KEY must be 32 bytes, given as 64 hex characters or base64.');
  }
  return key;
}

function parseFeed(entry: string): { name: string; location: string } {
  const separator = entry.indexOf('=');
  if (separator <= 0 || separator === entry.length - 1) {
    throw new ConfigError(`THREAT_FEEDS entries must look like name=path-or-url, got "${entry}"`);
  }
  return { name: entry.slice(0, separator).trim(), location: entry.slice(separator + 1).trim() };
}

function parseJsonObject(name: string, value?: string): Record<string, unknown> {
  if (!value) return {};
  try {
    const parsed: unknown = JSON.parse(value);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      return parsed as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new ConfigError(`${name} must be a JSON object`);
}

const SECONDS_PER_UNIT: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

function parseDuration(value: string): number {
  const match = /^(\d+)([smhd]?)$/.exec(value);
  if (!match) throw new ConfigError(`Invalid duration: ${value}`);
  return Number(match[1]) * SECONDS_PER_UNIT[match[2] || 's'];
}
