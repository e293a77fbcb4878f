/** Severity words used by source tools and by the expected corpus normalization. */
export type SourceSeverityLabel = 'info' | 'low' | 'medium' | 'high' | 'critical' | 'unknown';

/** Severity classes of a risk score: Info < 20 <= Low < 40 <= Medium < 70 <= High < 90 <= Critical. */
export type SeverityClass = 'INFO' | 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';
