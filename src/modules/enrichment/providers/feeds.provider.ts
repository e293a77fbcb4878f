import type { Indicator, IndicatorType } from '../../../common/indicators/indicator';
import type { FeedIndex } from './feed-index';
import { loadFeed, type FeedSource } from './feed-loader';
import { ProviderSettingsError } from './provider.errors';
import { ProviderHttpClient } from './provider-http.client';
import { buildResult } from './provider-result';
import { LOCAL_RESILIENCE } from '../resilience/resilience.defaults';
import { defineProvider } from './provider-definition';
import { withDefaults, type ProviderDeps } from './provider-settings';
import type { EnrichmentProvider, ProviderResult } from './provider.types';

export type { FeedSource } from './feed-loader';

export interface FeedsSettings {
  feeds: FeedSource[];
  refreshIntervalMs: number;
  timeoutMs: number;
  maxBytesPerFeed: number;
  maxEntriesPerFeed: number;
}

export const FEEDS_DEFAULTS: FeedsSettings = {
  feeds: [],
  refreshIntervalMs: 60 * 60 * 1000,
  timeoutMs: 60_000,
  maxBytesPerFeed: 64 * 1024 * 1024,
  maxEntriesPerFeed: 1_000_000,
};

export interface FeedStatus {
  name: string;
  entries: number;
  skipped: number;
  truncated: boolean;
  loadedAt: Date | null;
  /** Last load failure; the previous snapshot (if any) keeps serving meanwhile. */
  error: string | null;
}

const MAX_LINE_LENGTH = 4096;
const MATCH_SCORE = 0.9;

/** Local block lists (files or URLs) kept in memory and refreshed on a schedule. */
export class FeedsProvider implements EnrichmentProvider {
  readonly name = 'feeds' as const;
  readonly settings: FeedsSettings;
  private readonly http: ProviderHttpClient;
  private readonly indexes = new Map<string, FeedIndex>();
  private readonly statuses = new Map<string, FeedStatus>();
  private timer: NodeJS.Timeout | undefined;
  private loading: Promise<FeedStatus[]> | undefined;
  private loadedOnce = false;

  constructor(
    settings: Partial<FeedsSettings>,
    private readonly deps: ProviderDeps = {},
  ) {
    this.settings = withDefaults(FEEDS_DEFAULTS, settings);
    this.settings.feeds.forEach((feed, i) => validateFeed(feed, i, this.settings.feeds));
    this.http = new ProviderHttpClient(this.name, {
      timeoutMs: this.settings.timeoutMs,
      headers: { Accept: 'text/plain, text/csv, */*' },
      maxBodyBytes: this.settings.maxBytesPerFeed,
    });
  }

  supports(_type: IndicatorType): boolean {
    return true;
  }

  /** Loads now, then every refreshIntervalMs; the timer never keeps the process alive. */
  start(): void {
    if (this.timer) return;
    void this.refresh();
    this.timer = setInterval(() => void this.refresh(), this.settings.refreshIntervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Reloads every feed (one at a time, to bound peak memory); never rejects. */
  refresh(): Promise<FeedStatus[]> {
    this.loading ??= this.loadAll().finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  status(): FeedStatus[] {
    return [...this.statuses.values()];
  }

  async lookup(indicator: Indicator): Promise<ProviderResult> {
    if (!this.loadedOnce) await this.refresh();
    const matches = [...this.indexes].flatMap(([feed, index]) => {
      const entry = index.match(indicator);
      return entry === undefined ? [] : [{ feed, entry }];
    });
    const listed = matches.map((m) => `${m.feed} (${m.entry})`).join(', ');
    return buildResult(
      this.name,
      {
        verdict: matches.length > 0 ? 'malicious' : 'unknown',
        reputationScore: matches.length > 0 ? MATCH_SCORE : 0,
        summary:
          matches.length > 0
            ? `listed in feed ${listed}`
            : `not in ${this.indexes.size} local feeds`,
        details: { matches, feedsChecked: this.indexes.size },
        raw: null,
      },
      this.deps.now,
    );
  }

  private async loadAll(): Promise<FeedStatus[]> {
    const limits = {
      maxBytes: this.settings.maxBytesPerFeed,
      maxEntries: this.settings.maxEntriesPerFeed,
      maxLineLength: MAX_LINE_LENGTH,
    };
    for (const feed of this.settings.feeds) {
      const previous = this.statuses.get(feed.name);
      try {
        const load = await loadFeed(feed, (url) => this.http.getStream(url), limits);
        this.indexes.set(feed.name, load.index);
        this.statuses.set(feed.name, {
          name: feed.name,
          entries: load.index.size,
          skipped: load.skipped,
          truncated: load.truncated,
          loadedAt: new Date((this.deps.now ?? Date.now)()),
          error: null,
        });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        this.statuses.set(feed.name, {
          ...(previous ?? {
            name: feed.name,
            entries: 0,
            skipped: 0,
            truncated: false,
            loadedAt: null,
          }),
          error: message,
        });
      }
    }
    this.loadedOnce = true;
    return this.status();
  }
}

function validateFeed(feed: FeedSource, i: number, all: FeedSource[]): void {
  const field = `feeds[${i}]`;
  if (typeof feed?.name !== 'string' || feed.name.trim() === '') {
    throw new ProviderSettingsError('feeds', `${field}.name`, 'is required');
  }
  if (typeof feed.location !== 'string' || feed.location.trim() === '') {
    throw new ProviderSettingsError('feeds', `${field}.location`, 'is required');
  }
  if (all.findIndex((other) => other.name === feed.name) !== i) {
    throw new ProviderSettingsError('feeds', `${field}.name`, `"${feed.name}" is used twice`);
  }
}

export const FEEDS_PROVIDER = defineProvider({
  name: 'feeds',
  defaults: FEEDS_DEFAULTS,
  secretKeys: [],
  resilience: LOCAL_RESILIENCE,
  local: true,
  defaultsFrom: (env) => ({ refreshIntervalMs: env.feedsRefreshSeconds * 1000 }),
  fromEnvironment: ({ feeds }) =>
    feeds.length > 0
      ? {
          enabled: true,
          settings: { feeds: feeds.map(({ name, location }) => ({ name, location })) },
        }
      : {},
  create: (settings, deps) => new FeedsProvider(settings, deps),
});
