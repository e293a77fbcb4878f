/**
 * Key names that decide how the IOC rules (corpus/EXPECTED.md) read a field. Keys are compared
 * lowercased without punctuation: `FalconHostLink` -> `falconhostlink`, `pci_dss` -> `pcidss`.
 */

function keyList(names: string): string[] {
  return names.trim().split(/\s+/);
}

/** Console/results links, advisory references, SOC metadata and compliance mappings. */
export const SKIPPED_KEYS = new Set(
  keyList(`
    resultslink kibanasiemappurl alertweburl incidentweburl consoleurl portalurl weburl
    reference references refs advisory advisories seealso moreinfo helpurl sourcematerials
    recommendedactions assignedto assignee createdby updatedby modifiedby lastmodifiedby closedby
    resolvedby owner author comments comment feedback analyst reviewer assigner
    internetmessageid messageid pcidss gdpr hipaa nist80053 gpg13 tsc cis iso27001 cmmc nis2
  `),
);
/** Console links, rule definitions and rule documentation named by their path. */
export const SKIPPED_PATHS = [
  /(^|\.)kibana\.alert\.url$/,
  /(^|\.)event\.(url|reference)$/,
  /(^|\.)(kibana\.alert\.rule|signal\.rule)(\.|$)/,
  /(^|\.)alert\.rule$/,
  /(^|\.)rule\.info$/,
  // OData list responses (Graph, Defender API) name their own API endpoint here.
  /(^|\.)odata\.context$/,
];

/** JA3/JA3S, JARM, HASSH and certificate fingerprints: hex that is not a file hash. */
export const FINGERPRINT_PARTS = keyList('ja3 ja4 jarm hassh fingerprint thumbprint x509');
export const FINGERPRINT_KEYS = new Set(keyList('tls ssl cert certificate certificates'));
export const NON_FILE_HASH_PARTS = keyList('imphash pehash authentihash ssdeep tlsh hashtype');
export const FILE_HASH_PARTS = keyList('md5 sha1 sha256 hash checksum digest ioc indicator');
/** Identifiers that may look like hashes (finding, detector, agent, machine, alert ids, cid). */
export const ID_SUFFIXES = keyList('id ids uuid guid arn idstring identifier key token');
export const ID_KEYS = new Set(keyList('uid cid aid sid etag nonce session serial'));

/** `{ dataType: 'hash', data: ... }`-style typed values (TheHive, MISP, CrowdStrike IOCs). */
export const TYPE_HINT_KEYS = new Set(keyList('type datatype ioctype indicatortype kind'));
export const TYPED_VALUE_KEYS = new Set(keyList('value data iocvalue indicator observable'));
export const HASH_TYPE_HINT = /md5|sha-?1|sha-?256|hash/i;
export const DOMAIN_TYPE_HINT = /domain|fqdn|host|url|dns/i;

/** Keys whose value is a domain of the activity (HTTP host, TLS SNI, DNS name...). */
export const DOMAIN_KEY_PARTS = keyList('domain fqdn sni servername hostname');
export const DOMAIN_KEYS = new Set(keyList('host rrname qname query dnsname url httphost'));
export const DOMAIN_SCOPES = new Set(keyList('dns question'));

/** The affected/reporting host's own names (its addresses still count as IOCs). */
export const SELF_HOST_PATHS = new RegExp(
  '(^(host|hostname)|(^|\\.)(' +
    [
      'agent\\.(name|hostname)',
      'host\\.(name|hostname)',
      'observer\\.(name|hostname)',
      'manager\\.name',
      'predecoder\\.hostname',
      'cluster\\.(name|node)',
      'device\\.hostname',
      'hoststates\\.fqdn',
      'result\\.host',
      'system\\.computer',
    ].join('|') +
    '))$',
);
export const SELF_HOST_KEYS = new Set(
  keyList(`
    computername computerdnsname devicednsname devicename machinename netbiosname publicdnsname
    privatednsname splunkserver si computer dvchost devicehostname sensorhostname
  `),
);
/**
 * The directory domain of an account (ECS `user.domain`, Graph `userAccount.domainName`): an
 * AD/UPN suffix, not a name the activity touched.
 */
export const ACCOUNT_DOMAIN_PATHS =
  /(^|\.)(user|useraccount|relateduser|userstates|loggedonusers|account)\.(domain|domainname)$/;

/** Cloud services and resources, organisations, certificate authorities, Windows/AD domains. */
export const NON_NETWORK_NAME_KEYS = new Set(
  keyList(`
    image imageprefix repository registry issuer issuerdn org isp asnorg organization provider
    vendor company publisher signer product machinedomain logondomain userdomain accountdomain
    subjectdomainname targetdomainname ntdomain servicename eventsource type producer api
    methodname logname odatatype odatacontext apiversion
  `),
);
