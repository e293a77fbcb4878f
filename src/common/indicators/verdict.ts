/** What threat intelligence says about an indicator. */
export type Verdict = 'malicious' | 'suspicious' | 'harmless' | 'unknown';
