import { loadExamples, readExamples } from './lib/playbook-examples';

const USAGE = `Usage: MINI_SOAR_TOKEN=<ANALYST+ access token> [MINI_SOAR_URL=http://localhost:3000] \\
  npm run playbooks:load-examples

Posts every playbooks/examples/*.yaml to POST /playbooks (Content-Type: application/yaml).
A playbook whose name exists already is left as it is.`;

async function main(): Promise<number> {
  const token = process.env.MINI_SOAR_TOKEN;
  const baseUrl = (process.env.MINI_SOAR_URL ?? 'http://localhost:3000').replace(/\/+$/, '');
  if (!token) {
    console.error(USAGE);
    return 2;
  }
  const outcomes = await loadExamples(readExamples(), async (yaml) => {
    const response = await fetch(`${baseUrl}/playbooks`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/yaml' },
      body: yaml,
    });
    return { status: response.status, body: await response.json() };
  });
  for (const outcome of outcomes)
    console.log(
      `${outcome.file}: ${outcome.result}${outcome.result === 'created' ? ` (${outcome.id})` : ''}` +
        (outcome.result === 'refused' ? ` ${outcome.status} ${JSON.stringify(outcome.body)}` : ''),
    );
  return outcomes.some((outcome) => outcome.result === 'refused') ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
