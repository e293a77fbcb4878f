import { dropRunDatabases } from './helpers/test-database';

export default async function globalTeardown(): Promise<void> {
  await dropRunDatabases();
}
