import { asArray, asNumber, asRecord, asString, stringList, type JsonRecord } from './json-shape';

/** Figures pulled from an RFC 9083 domain object. */
export interface RdapDomainDetails {
  ldhName: string | null;
  registeredAt: string | null;
  expiresAt: string | null;
  lastChangedAt: string | null;
  registrar: string | null;
  nameservers: string[];
  status: string[];
}

/** Figures pulled from an RFC 9083 IP network object. */
export interface RdapNetworkDetails {
  handle: string | null;
  networkName: string | null;
  owner: string | null;
  country: string | null;
  cidr: string | null;
  startAddress: string | null;
  endAddress: string | null;
}

export function domainDetails(body: JsonRecord, maxItems: number): RdapDomainDetails {
  const nameservers = asArray(body.nameservers)
    .map((ns) => asString(asRecord(ns)?.ldhName)?.toLowerCase())
    .filter((name): name is string => name !== undefined);
  return {
    ldhName: asString(body.ldhName)?.toLowerCase() ?? null,
    registeredAt: eventDate(body, 'registration'),
    expiresAt: eventDate(body, 'expiration'),
    lastChangedAt: eventDate(body, 'last changed'),
    registrar: entityName(body, 'registrar'),
    nameservers: nameservers.slice(0, maxItems),
    status: stringList(body.status, maxItems),
  };
}

export function networkDetails(body: JsonRecord): RdapNetworkDetails {
  return {
    handle: asString(body.handle) ?? null,
    networkName: asString(body.name) ?? null,
    owner: entityName(body, 'registrant') ?? entityName(body, 'administrative'),
    country: asString(body.country) ?? null,
    cidr: firstCidr(body),
    startAddress: asString(body.startAddress) ?? null,
    endAddress: asString(body.endAddress) ?? null,
  };
}

function eventDate(body: JsonRecord, action: string): string | null {
  const event = asArray(body.events)
    .map((e) => asRecord(e))
    .find((e) => e?.eventAction === action);
  const date = asString(event?.eventDate);
  return date && !Number.isNaN(Date.parse(date)) ? new Date(date).toISOString() : null;
}

/** The vCard fn (or org) of the first entity with `role`, looking one level into sub-entities. */
function entityName(body: JsonRecord, role: string): string | null {
  const top = asArray(body.entities).map((e) => asRecord(e) ?? {});
  const all = [...top, ...top.flatMap((e) => asArray(e.entities).map((s) => asRecord(s) ?? {}))];
  const entity = all.find((e) => stringList(e.roles, 20).includes(role));
  if (!entity) return null;
  const properties = asArray(asArray(entity.vcardArray)[1]).map((p) => asArray(p));
  const property = (name: string): string | undefined =>
    asString(properties.find((p) => p[0] === name)?.[3]);
  return property('fn') ?? property('org') ?? asString(entity.handle) ?? null;
}

/** From the NRO cidr0 extension every RIR serves. */
function firstCidr(body: JsonRecord): string | null {
  const cidr = asRecord(asArray(body.cidr0_cidrs)[0]);
  const prefix = asString(cidr?.v4prefix) ?? asString(cidr?.v6prefix);
  const length = asNumber(cidr?.length);
  return prefix && length !== undefined ? `${prefix}/${length}` : null;
}
