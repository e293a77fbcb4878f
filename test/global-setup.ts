import { createTemplateDatabase } from './helpers/test-database';

export default async function globalSetup(): Promise<void> {
  await createTemplateDatabase();
}
