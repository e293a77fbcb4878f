/**
 * Field-name variants the generic connector recognises, in priority order. Names are compared
 * without case or punctuation against a field's key or its last two keys joined (`source.ip`
 * = `source_ip` = `SourceIP`); `^name` marks a name too common to trust below the top level
 * or a container key (see FieldIndex).
 */
export const GENERIC_FIELD_NAMES = {
  title: [
    'title',
    'alert_name',
    'rule.name',
    'signature',
    'summary',
    'subject',
    '^name',
    'event_name',
  ],
  description: ['description', '^message', '^msg', 'details', 'full_log'],
  eventTime: [
    'timestamp',
    'event_time',
    'created_at',
    'created_date_time',
    'detected_at',
    'detection_time',
    'datetime',
    'start_time',
    '^time',
    '^date',
    '^ts',
  ],
  srcIp: [
    'src_ip',
    'source.ip',
    'source_address',
    'source_ip_address',
    'src_addr',
    'client_ip',
    'remote_ip',
    'attacker_ip',
    '^src',
    '^source',
    'ip_address',
    '^ip',
  ],
  dstIp: [
    'dst_ip',
    'dest_ip',
    'destination.ip',
    'destination_address',
    'destination_ip_address',
    'dst_addr',
    'dest_addr',
    'target_ip',
    'server_ip',
    '^dst',
    '^dest',
    '^destination',
  ],
  srcPort: ['src_port', 'source.port', 'sport', 'spt', 'client_port'],
  dstPort: ['dst_port', 'dest_port', 'destination.port', 'dport', 'dpt', 'server_port'],
  hostname: [
    'hostname',
    'host_name',
    'computer_name',
    'device_name',
    'machine_name',
    '^host',
    '^computer',
  ],
  username: [
    'user.name',
    'user_name',
    'account_name',
    'src_user',
    'user_principal_name',
    '^user',
    '^account',
    '^principal',
  ],
  severity: [
    'severity',
    'severity_label',
    'urgency',
    '^level',
    '^priority',
    'risk_score',
    'criticality',
  ],
  ruleId: ['rule.id', 'signature_id', 'detector_id'],
  ruleName: ['rule.name', 'alert_name', 'signature', 'rule.description'],
  tags: ['tags', 'labels', 'categories', '^category', 'tactic', 'tactics', 'technique'],
} as const;

/** Keys that wrap the alert's own fields, under which weak names still count. */
export const GENERIC_CONTAINERS = new Set([
  'alert',
  'event',
  'data',
  'payload',
  'detail',
  'details',
  'body',
  'record',
  'result',
  'rule',
  'signal',
  'incident',
  'finding',
  'attributes',
  'notification',
]);

/** Parents whose addresses and names are the reporting host's own, never source or destination. */
export const SELF_ADDRESS_PARENTS = new Set([
  'host',
  'agent',
  'observer',
  'device',
  'manager',
  'sensor',
  'machine',
  'hoststates',
]);

/** Parents whose `hostname` is the peer of a protocol exchange, not the affected host. */
export const PROTOCOL_PARENTS = new Set([
  'http',
  'tls',
  'dns',
  'url',
  'request',
  'destination',
  'source',
]);
