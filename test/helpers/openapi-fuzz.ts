import {
  BAD_CREDENTIALS,
  BODY_VALUES,
  PATH_VALUES,
  QUERY_VALUES,
  RAW_BODIES,
  seededRandom,
} from './fuzz-values';

/** Who sends a fuzz request: a role's JWT, an ingest API key, or nobody. */
export type FuzzCaller = 'ANONYMOUS' | 'ADMIN' | 'APPROVER' | 'ANALYST' | 'AUDITOR' | 'API_KEY';
const CALLERS: FuzzCaller[] = ['ANONYMOUS', 'ADMIN', 'APPROVER', 'ANALYST', 'AUDITOR', 'API_KEY'];

export interface FuzzRequest {
  method: string;
  url: string;
  caller: FuzzCaller;
  headers: Record<string, string>;
  payload?: string;
  /** What was mutated, for the failure report. */
  label: string;
}

interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  minimum?: number;
  properties?: Record<string, Schema>;
  items?: Schema;
  oneOf?: Schema[];
  allOf?: Schema[];
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  schema?: Schema;
}

interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  'x-roles'?: string[];
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

/**
 * Real values found by a seed step. `idsBySegment` maps a path's first segment (`assets`) to
 * ids of that resource; `allIds` is tried on every id parameter, so new routes get real ids too.
 */
export interface FuzzSeeds {
  idsBySegment: Record<string, string[]>;
  allIds: string[];
}

const METHOD_ORDER = ['get', 'post', 'put', 'patch', 'delete'];
const ROLE_NAMES = new Set<string>(['ADMIN', 'APPROVER', 'ANALYST', 'AUDITOR']);

export function listOperations(doc: OpenApiDocument) {
  return Object.entries(doc.paths)
    .flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([method]) => METHOD_ORDER.includes(method))
        .map(([method, operation]) => ({ path, method, operation })),
    )
    .sort((a, b) => METHOD_ORDER.indexOf(a.method) - METHOD_ORDER.indexOf(b.method));
}

function resolve(doc: OpenApiDocument, schema: Schema | undefined): Schema | undefined {
  if (!schema?.$ref) return schema;
  return doc.components?.schemas?.[schema.$ref.split('/').pop()!];
}

/** Example URLs (a vendor's base URL) become a closed local port: the fuzz never calls out. */
function withLocalUrls(value: unknown): unknown {
  if (typeof value === 'string') return /^https?:\/\//.test(value) ? 'http://127.0.0.1:9/' : value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [key, withLocalUrls(inner)]),
  );
}

/** A value the schema would accept, so a mutation of one field is the only thing wrong. */
function sample(doc: OpenApiDocument, raw: Schema | undefined, idFor: () => string): unknown {
  const schema = resolve(doc, raw);
  if (!schema) return undefined;
  if (schema.example !== undefined) return withLocalUrls(schema.example);
  if (schema.enum?.length) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  if (schema.allOf?.length) return sample(doc, schema.allOf[0], idFor);
  if (schema.oneOf?.length) return sample(doc, schema.oneOf[0], idFor);
  switch (schema.type) {
    case 'string':
      return schema.format === 'uuid' ? idFor() : 'fuzz';
    case 'number':
    case 'integer':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'array':
      return [];
    default: {
      const body: Record<string, unknown> = {};
      for (const [key, property] of Object.entries(schema.properties ?? {})) {
        body[key] = sample(doc, property, idFor);
      }
      return Object.keys(body).length > 0 || schema.properties ? body : { title: 'fuzz' };
    }
  }
}

/**
 * Every request the suite sends, derived from the OpenAPI document: each operation with every
 * caller, then one hostile value at a time in each path parameter, query parameter and body
 * field, then hostile whole bodies and credentials. Deletes come last so they do not remove
 * the records the other requests reach.
 */
/** Query values per parameter and body values per field. */
const VALUES_PER_QUERY_PARAM = 10;
const VALUES_PER_BODY_FIELD = 12;

/**
 * Hands each field the next `size` values of the list, wrapping around: every value is still
 * sent (across fields), while the run grows by a fixed amount per field as the API grows.
 */
function rotating<T>(values: readonly T[], size: number): () => T[] {
  let start = 0;
  return () => {
    const window = Array.from(
      { length: Math.min(size, values.length) },
      (_, i) => values[(start + i) % values.length],
    );
    start += size;
    return window;
  };
}

export function buildFuzzRequests(
  doc: OpenApiDocument,
  seeds: FuzzSeeds,
  seed = 0x50a7,
): FuzzRequest[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const requests: FuzzRequest[] = [];
  const nextQueryValues = rotating(QUERY_VALUES, VALUES_PER_QUERY_PARAM);
  const nextBodyValues = rotating(BODY_VALUES, VALUES_PER_BODY_FIELD);

  for (const { path, method, operation } of listOperations(doc)) {
    const segment = path.split('/')[1];
    const idFor = () => seeds.idsBySegment[segment]?.[0] ?? seeds.allIds[0];
    const roles = operation['x-roles'];
    const allowed: FuzzCaller[] = roles
      ? [
          ...CALLERS.filter((caller) => roles.includes(caller)),
          ...(roles.some((role) => !ROLE_NAMES.has(role)) ? (['API_KEY'] as const) : []),
        ]
      : CALLERS;
    // Mostly callers the route lets in (to reach the deep code), sometimes anyone.
    const caller = () => (random() < 0.8 && allowed.length > 0 ? pick(allowed) : pick(CALLERS));

    const params = operation.parameters ?? [];
    const pathParams = params.filter((param) => param.in === 'path');
    const queryParams = params.filter((param) => param.in === 'query');
    const known = seeds.idsBySegment[segment] ?? [];
    const baselinePath: Record<string, string> = Object.fromEntries(
      pathParams.map((param) => {
        const schema = resolve(doc, param.schema);
        const value = schema?.enum?.length
          ? schema.enum[0]
          : (known[0] ?? sample(doc, schema, idFor));
        return [param.name, encodeURIComponent(typeof value === 'string' ? value : 'fuzz')];
      }),
    );
    const bodySchema = resolve(doc, operation.requestBody?.content?.['application/json']?.schema);
    const baselineBody = bodySchema
      ? (sample(doc, bodySchema, idFor) as Record<string, unknown>)
      : undefined;

    const url = (pathValues: Record<string, string>, query = '') =>
      path.replace(/\{([^}]+)\}/g, (_match, name: string) => pathValues[name]) +
      (query ? `?${query}` : '');
    const add = (
      label: string,
      options: { path?: Record<string, string>; query?: string; body?: unknown; who?: FuzzCaller },
    ) => {
      const payload =
        options.body === undefined ? undefined : (JSON.stringify(options.body) ?? 'null');
      requests.push({
        method: method.toUpperCase(),
        url: url({ ...baselinePath, ...options.path }, options.query),
        caller: options.who ?? caller(),
        headers: payload === undefined ? {} : { 'content-type': 'application/json' },
        payload,
        label,
      });
    };

    for (const who of CALLERS) add('baseline', { body: baselineBody, who });

    for (const param of pathParams) {
      const schema = resolve(doc, param.schema);
      const values = [
        ...PATH_VALUES,
        ...[...new Set([...known, ...seeds.allIds])].map(encodeURIComponent),
        ...(schema?.enum ?? []).map((value) => encodeURIComponent(String(value))),
      ];
      for (const value of values) {
        add(`path ${param.name}`, { path: { [param.name]: value }, body: baselineBody });
      }
    }

    const queryNames = queryParams.map((param) => param.name);
    for (const param of queryParams) {
      const schema = resolve(doc, param.schema);
      const values = [
        ...nextQueryValues(),
        ...(schema?.enum ?? []).map((value) => encodeURIComponent(String(value))),
      ];
      for (const value of values) add(`query ${param.name}`, { query: `${param.name}=${value}` });
      add(`query ${param.name} repeated`, { query: `${param.name}=1&${param.name}=2` });
      add(`query ${param.name} as object`, { query: `${param.name}[a]=1&${param.name}[]=2` });
    }
    for (const query of [
      '__proto__=1',
      '__proto__[x]=1',
      'constructor[prototype][x]=1',
      'toString=1',
      'unknown=1',
      queryNames.map((name) => `${name}=%00`).join('&'),
    ]) {
      if (query) add('query extra', { query });
    }

    const fields = Object.keys(baselineBody ?? {});
    for (const field of fields) {
      for (const value of nextBodyValues()) {
        add(`body ${field}`, { body: { ...baselineBody, [field]: value } });
      }
      const nested = baselineBody?.[field];
      if (nested && typeof nested === 'object' && !Array.isArray(nested)) {
        for (const key of Object.keys(nested)) {
          for (const value of nextBodyValues()) {
            add(`body ${field}.${key}`, {
              body: { ...baselineBody, [field]: { ...nested, [key]: value } },
            });
          }
        }
      }
    }
    if (baselineBody) {
      add('body without fields', { body: {} });
      add('body unknown field', { body: { ...baselineBody, unknownField: 'x' } });
    }

    // Hostile raw bodies where a route reads one; bad credentials, a shared guard, two per route
    // (every kind is still sent, across the routes), so the run grows slowly with the API.
    const readsBody = method !== 'get';
    for (const [label, contentType, text] of readsBody ? RAW_BODIES : []) {
      requests.push({
        method: method.toUpperCase(),
        url: url(baselinePath),
        caller: caller(),
        headers: contentType ? { 'content-type': contentType } : {},
        payload: text,
        label: `raw body: ${label}`,
      });
    }
    for (const headers of [pick(BAD_CREDENTIALS), pick(BAD_CREDENTIALS)]) {
      requests.push({
        method: method.toUpperCase(),
        url: url(baselinePath),
        caller: 'ANONYMOUS',
        headers,
        label: 'bad credentials',
      });
    }
  }
  return requests;
}
