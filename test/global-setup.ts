import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { createTemplateDatabase } from './helpers/test-database';

export default async function globalSetup(): Promise<void> {
  // Process-level suites (worker crash) run the compiled entry points, as production does.
  execFileSync(
    process.execPath,
    [join(__dirname, '..', 'node_modules', '@nestjs', 'cli', 'bin', 'nest.js'), 'build'],
    {
      cwd: join(__dirname, '..'),
      stdio: 'inherit',
    },
  );
  await createTemplateDatabase();
}
