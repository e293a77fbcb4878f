const DEFANG_REPLACEMENTS: readonly [RegExp, string][] = [
  [/\bhxxp(s?)(?=\[?:)/gi, 'http$1'],
  [/\[:\]\/\/|\[:\/\/\]/g, '://'],
  [/\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\)/gi, '.'],
  [/\[@\]|\[at\]/gi, '@'],
];

/** Undoes the usual defanging of indicators (`hxxp`, `[.]`, `(.)`, `{.}`, `[dot]`, `[:]//`, `[@]`...). */
export function refang(text: string): string {
  let result = text;
  for (const [pattern, replacement] of DEFANG_REPLACEMENTS) {
    result = result.replace(pattern, replacement);
  }
  return result;
}
