-- The open cases with their deadlines, for the SLA exposure list and the open-case gauges:
-- partial (only open cases) and covering, so both read the index alone (an index-only scan)
-- and only the listed cases come from the table. Metrics read model; see
-- src/modules/metrics/README.md.
CREATE INDEX "cases_open_deadlines_idx" ON "cases" ("severity")
  INCLUDE ("id", "number", "created_at", "acknowledged_at", "ack_due_at", "due_at")
  WHERE "status" IN ('NEW', 'IN_TRIAGE', 'INVESTIGATING', 'CONTAINED');
