import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'ldapts';
import { freePort, stopProcess, waitFor } from './process-control';

const SLAPD = '/usr/sbin/slapd';
const SCHEMA_DIR = '/etc/ldap/schema';
const MODULE_DIR = '/usr/lib/ldap';

export const SLAPD_BASE_DN = 'dc=example,dc=test';
export const SLAPD_ADMIN_DN = `cn=admin,${SLAPD_BASE_DN}`;
export const SLAPD_ADMIN_PASSWORD = 'throwaway-admin-secret';

/** A real OpenLDAP slapd on 127.0.0.1, run from a throwaway config and database. */
export interface SlapdServer {
  url: string;
  /** A client bound as the directory manager, for seeding and independent read-back. */
  admin(): Promise<Client>;
  stop(): Promise<void>;
}

/**
 * Starts Debian's slapd (back_mdb + the ppolicy overlay) on a free port. It fails loudly when
 * slapd is missing: `.ci/run` installs it (`apt-get install slapd ldap-utils`).
 */
export async function startSlapd(): Promise<SlapdServer> {
  if (!existsSync(SLAPD)) {
    throw new Error(
      `${SLAPD} is missing: install it with ` +
        '`DEBIAN_FRONTEND=noninteractive apt-get install -y slapd ldap-utils` (.ci/run does)',
    );
  }
  const dir = await mkdtemp(join(tmpdir(), 'minisoar-slapd-'));
  const port = await freePort();
  const url = `ldap://127.0.0.1:${port}`;
  await writeConfig(dir);
  const child = spawn(SLAPD, ['-f', join(dir, 'slapd.conf'), '-h', `${url}/`, '-d', '0'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const admin = async (): Promise<Client> => {
    const client = new Client({ url, timeout: 5_000, connectTimeout: 2_000 });
    await client.bind(SLAPD_ADMIN_DN, SLAPD_ADMIN_PASSWORD);
    return client;
  };
  try {
    const client = await waitFor('slapd to accept binds', async () => {
      if (child.exitCode !== null) throw new Error(`slapd exited (${child.exitCode}): ${stderr}`);
      return admin().catch(() => undefined);
    });
    await seedBase(client);
    await client.unbind();
  } catch (error) {
    await stopProcess(child);
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url,
    admin,
    stop: async () => {
      await stopProcess(child);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** AD's securityPrincipal carries sAMAccountName; msuser.schema has no class that allows it. */
const SAM_ACCOUNT_CLASS = `
objectclass ( 1.3.6.1.4.1.32473.1.2.1 NAME 'minisoarSecurityPrincipal' AUXILIARY
 MAY ( sAMAccountName ) )
`;

/**
 * core, cosine, nis, inetorgperson and Debian's msuser.schema (AD's `user` class with
 * userAccountControl). msuser.schema gives sAMAccountName, userPrincipalName and
 * userAccountControl no matching rules; Active Directory has them, so the copy adds them and the
 * responder's real filters work here as they do against AD.
 */
async function writeConfig(dir: string): Promise<void> {
  const msuser = (await readFile(join(SCHEMA_DIR, 'msuser.schema'), 'utf8'))
    .replace(/(NAME 'sAMAccountName')/, '$1\n\tEQUALITY caseIgnoreMatch')
    .replace(/(NAME 'userPrincipalName')/, '$1\n\tEQUALITY caseIgnoreMatch')
    .replace(/(NAME 'userAccountControl')/, '$1\n\tEQUALITY integerMatch');
  await writeFile(join(dir, 'msuser.schema'), msuser + SAM_ACCOUNT_CLASS);
  await mkdir(join(dir, 'db'));
  const includes = ['core', 'cosine', 'nis', 'inetorgperson'].map(
    (name) => `include ${SCHEMA_DIR}/${name}.schema`,
  );
  const config = [
    ...includes,
    `include ${join(dir, 'msuser.schema')}`,
    `modulepath ${MODULE_DIR}`,
    'moduleload back_mdb',
    'moduleload ppolicy',
    `pidfile ${join(dir, 'slapd.pid')}`,
    `argsfile ${join(dir, 'slapd.args')}`,
    'database mdb',
    'maxsize 10485760',
    `suffix "${SLAPD_BASE_DN}"`,
    `rootdn "${SLAPD_ADMIN_DN}"`,
    `rootpw ${SLAPD_ADMIN_PASSWORD}`,
    `directory ${join(dir, 'db')}`,
    'overlay ppolicy',
    '',
  ];
  await writeFile(join(dir, 'slapd.conf'), config.join('\n'));
}

async function seedBase(client: Client): Promise<void> {
  await client.add(SLAPD_BASE_DN, {
    objectClass: ['top', 'dcObject', 'organization'],
    dc: 'example',
    o: 'Example',
  });
  await client.add(`ou=people,${SLAPD_BASE_DN}`, {
    objectClass: ['top', 'organizationalUnit'],
    ou: 'people',
  });
}

export const SLAPD_PEOPLE_DN = `ou=people,${SLAPD_BASE_DN}`;

/** An Active Directory style account (msuser.schema `user`, with mstop's mandatory attributes). */
export async function addAdUser(
  client: Client,
  user: { cn: string; sAMAccountName?: string; userPrincipalName?: string; uac: number },
): Promise<string> {
  const dn = `cn=${user.cn},${SLAPD_PEOPLE_DN}`;
  await client.add(dn, {
    objectClass: ['top', 'person', 'organizationalPerson', 'user', 'minisoarSecurityPrincipal'],
    cn: user.cn,
    sn: user.cn,
    ...(user.sAMAccountName ? { sAMAccountName: user.sAMAccountName } : {}),
    ...(user.userPrincipalName ? { userPrincipalName: user.userPrincipalName } : {}),
    userAccountControl: String(user.uac),
    instanceType: '4',
    nTSecurityDescriptor: 'test',
    objectCategory: `cn=Person,${SLAPD_BASE_DN}`,
  });
  return dn;
}

/** An OpenLDAP account (inetOrgPerson, found by uid or mail). */
export async function addPosixUser(
  client: Client,
  user: { uid: string; mail?: string },
): Promise<string> {
  const dn = `uid=${user.uid},${SLAPD_PEOPLE_DN}`;
  await client.add(dn, {
    objectClass: ['top', 'inetOrgPerson'],
    cn: user.uid,
    sn: user.uid,
    uid: user.uid,
    ...(user.mail ? { mail: user.mail } : {}),
  });
  return dn;
}
