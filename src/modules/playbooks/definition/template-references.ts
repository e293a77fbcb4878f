import Mustache from 'mustache';

/** The variable names a template uses, or an error when it uses anything but `{{name}}`. */
export function templateVariables(template: string): { names: string[] } | { error: string } {
  if (!template.includes('{{')) return { names: [] };
  let tokens: unknown[];
  try {
    tokens = Mustache.parse(template);
  } catch (error) {
    return { error: `invalid template: ${(error as Error).message}` };
  }
  const names: string[] = [];
  for (const token of tokens as [string, string][]) {
    const [kind, value] = token;
    if (kind === 'text') continue;
    if (kind !== 'name') {
      return { error: 'templates may only use {{field.path}} variables (no sections or partials)' };
    }
    names.push(value);
  }
  return { names };
}

/** `steps.<id>...` → id; null for any other path. */
export function referencedStep(path: string): string | null {
  const match = /^steps\.([^.]+)/.exec(path);
  return match ? match[1] : null;
}
