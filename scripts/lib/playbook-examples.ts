import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const EXAMPLES_DIR = resolve(__dirname, '../../playbooks/examples');

export interface Example {
  file: string;
  yaml: string;
}

/** Sends one YAML definition (POST /playbooks, Content-Type: application/yaml). */
export type SendDefinition = (yaml: string) => Promise<{ status: number; body: unknown }>;

export type LoadOutcome = { file: string } & (
  | { result: 'created'; id: string }
  | { result: 'exists' }
  | { result: 'refused'; status: number; body: unknown }
);

export function readExamples(dir = EXAMPLES_DIR): Example[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.yaml'))
    .sort()
    .map((file) => ({ file, yaml: readFileSync(join(dir, file), 'utf8') }));
}

/** Saves each example through the API, as a person would; one already there (409) is left alone. */
export async function loadExamples(
  examples: Example[],
  send: SendDefinition,
): Promise<LoadOutcome[]> {
  const outcomes: LoadOutcome[] = [];
  for (const { file, yaml } of examples) {
    const { status, body } = await send(yaml);
    if (status === 201) outcomes.push({ file, result: 'created', id: (body as { id: string }).id });
    else if (status === 409) outcomes.push({ file, result: 'exists' });
    else outcomes.push({ file, result: 'refused', status, body });
  }
  return outcomes;
}
