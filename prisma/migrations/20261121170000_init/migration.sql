-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'APPROVER', 'ANALYST', 'AUDITOR');

-- CreateEnum
CREATE TYPE "AlertStatus" AS ENUM ('NEW', 'IN_PROGRESS', 'CLOSED', 'FALSE_POSITIVE');

-- CreateEnum
CREATE TYPE "AlertState" AS ENUM ('RECEIVED', 'PROCESSING', 'PROCESSED', 'FAILED');

-- CreateEnum
CREATE TYPE "Severity" AS ENUM ('INFO', 'LOW', 'MEDIUM', 'HIGH', 'CRITICAL');

-- CreateEnum
CREATE TYPE "ObservableType" AS ENUM ('IPV4', 'IPV6', 'DOMAIN', 'URL', 'MD5', 'SHA1', 'SHA256', 'EMAIL');

-- CreateEnum
CREATE TYPE "Verdict" AS ENUM ('MALICIOUS', 'SUSPICIOUS', 'HARMLESS', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "AssetCriticality" AS ENUM ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL');

-- CreateEnum
CREATE TYPE "AllowlistType" AS ENUM ('IP', 'CIDR', 'DOMAIN', 'URL', 'HASH');

-- CreateEnum
CREATE TYPE "CaseStatus" AS ENUM ('NEW', 'IN_TRIAGE', 'INVESTIGATING', 'CONTAINED', 'CLOSED');

-- CreateEnum
CREATE TYPE "CaseEventType" AS ENUM ('CREATED', 'UPDATED', 'STATUS_CHANGED', 'SEVERITY_CHANGED', 'ASSIGNED', 'ALERT_LINKED', 'NOTE_ADDED', 'ACTION_REQUESTED', 'ACTION_DECIDED', 'ACTION_EXECUTED', 'PLAYBOOK_RUN');

-- CreateEnum
CREATE TYPE "ActionType" AS ENUM ('BLOCK_IP', 'DISABLE_USER', 'ISOLATE_HOST', 'NOTIFY_SLACK', 'NOTIFY_TEAMS', 'NOTIFY_EMAIL', 'CREATE_TICKET');

-- CreateEnum
CREATE TYPE "ActionStatus" AS ENUM ('REQUESTED', 'APPROVED', 'REJECTED', 'EXECUTING', 'EXECUTED', 'FAILED');

-- CreateEnum
CREATE TYPE "PlaybookMode" AS ENUM ('LIVE', 'DRY_RUN');

-- CreateEnum
CREATE TYPE "PlaybookRunStatus" AS ENUM ('RUNNING', 'WAITING_APPROVAL', 'COMPLETED', 'FAILED');

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'ANALYST',
    "is_active" BOOLEAN NOT NULL DEFAULT true,
    "last_login_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_keys" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "key_hash" TEXT NOT NULL,
    "signing_secret_sealed" TEXT,
    "created_by_id" UUID,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "api_keys_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alerts" (
    "id" UUID NOT NULL,
    "source" TEXT NOT NULL,
    "connector" TEXT NOT NULL,
    "external_id" TEXT,
    "title" TEXT,
    "status" "AlertStatus" NOT NULL DEFAULT 'NEW',
    "state" "AlertState" NOT NULL DEFAULT 'RECEIVED',
    "severity" "Severity",
    "risk_score" INTEGER,
    "score_breakdown" JSONB,
    "raw_payload" JSONB NOT NULL,
    "normalized" JSONB,
    "fingerprint" TEXT,
    "occurrences" INTEGER NOT NULL DEFAULT 1,
    "duplicate_of_id" UUID,
    "case_id" UUID,
    "api_key_id" UUID,
    "job_id" UUID,
    "event_time" TIMESTAMPTZ(3),
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processing_started_at" TIMESTAMPTZ(3),
    "processed_at" TIMESTAMPTZ(3),
    "last_seen_at" TIMESTAMPTZ(3),
    "auto_closed" BOOLEAN NOT NULL DEFAULT false,
    "closed_reason" TEXT,
    "closed_at" TIMESTAMPTZ(3),
    "enrichment_partial" BOOLEAN NOT NULL DEFAULT false,
    "processing_error" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alerts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "observables" (
    "id" UUID NOT NULL,
    "alert_id" UUID NOT NULL,
    "type" "ObservableType" NOT NULL,
    "value" TEXT NOT NULL,
    "stix_type" TEXT NOT NULL,
    "internal" BOOLEAN NOT NULL DEFAULT false,
    "allowlisted" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "observables_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "enrichment_results" (
    "id" UUID NOT NULL,
    "observable_id" UUID NOT NULL,
    "provider" TEXT NOT NULL,
    "verdict" "Verdict" NOT NULL,
    "reputation_score" DOUBLE PRECISION NOT NULL,
    "summary" TEXT NOT NULL,
    "details" JSONB NOT NULL DEFAULT '{}',
    "raw" JSONB,
    "mock" BOOLEAN NOT NULL DEFAULT false,
    "queried_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "enrichment_results_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "enrichment_cache" (
    "provider" TEXT NOT NULL,
    "type" "ObservableType" NOT NULL,
    "value" TEXT NOT NULL,
    "verdict" "Verdict" NOT NULL,
    "reputation_score" DOUBLE PRECISION NOT NULL,
    "summary" TEXT NOT NULL,
    "details" JSONB NOT NULL DEFAULT '{}',
    "raw" JSONB,
    "mock" BOOLEAN NOT NULL DEFAULT false,
    "queried_at" TIMESTAMPTZ(3) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "enrichment_cache_pkey" PRIMARY KEY ("provider","type","value")
);

-- CreateTable
CREATE TABLE "assets" (
    "id" UUID NOT NULL,
    "hostname" TEXT NOT NULL,
    "ip" TEXT,
    "owner" TEXT,
    "criticality" "AssetCriticality" NOT NULL DEFAULT 'MEDIUM',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "assets_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "allowlist_entries" (
    "id" UUID NOT NULL,
    "type" "AllowlistType" NOT NULL,
    "value" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "allowlist_entries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "cases" (
    "id" UUID NOT NULL,
    "number" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "status" "CaseStatus" NOT NULL DEFAULT 'NEW',
    "severity" "Severity" NOT NULL DEFAULT 'MEDIUM',
    "fingerprint" TEXT,
    "assignee_id" UUID,
    "resolution" TEXT,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "acknowledged_at" TIMESTAMPTZ(3),
    "contained_at" TIMESTAMPTZ(3),
    "closed_at" TIMESTAMPTZ(3),

    CONSTRAINT "cases_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_notes" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "author_id" UUID,
    "note" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_notes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_events" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "type" "CaseEventType" NOT NULL,
    "actor_id" UUID,
    "data" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "actions" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "alert_id" UUID,
    "playbook_run_id" UUID,
    "action_type" "ActionType" NOT NULL,
    "target" TEXT NOT NULL,
    "params" JSONB NOT NULL DEFAULT '{}',
    "reason" TEXT,
    "status" "ActionStatus" NOT NULL DEFAULT 'REQUESTED',
    "requires_approval" BOOLEAN NOT NULL DEFAULT true,
    "requested_by_id" UUID,
    "decided_by_id" UUID,
    "decision_reason" TEXT,
    "output" JSONB,
    "error" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "decided_at" TIMESTAMPTZ(3),
    "executed_at" TIMESTAMPTZ(3),

    CONSTRAINT "actions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "playbooks" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "mode" "PlaybookMode" NOT NULL DEFAULT 'LIVE',
    "current_version" INTEGER NOT NULL DEFAULT 1,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "disabled_at" TIMESTAMPTZ(3),

    CONSTRAINT "playbooks_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "playbook_versions" (
    "id" UUID NOT NULL,
    "playbook_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "definition" JSONB NOT NULL,
    "created_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "playbook_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "playbook_runs" (
    "id" UUID NOT NULL,
    "playbook_id" UUID NOT NULL,
    "playbook_version_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "case_id" UUID,
    "alert_id" UUID,
    "status" "PlaybookRunStatus" NOT NULL DEFAULT 'RUNNING',
    "dry_run" BOOLEAN NOT NULL DEFAULT false,
    "steps" JSONB NOT NULL DEFAULT '[]',
    "error" TEXT,
    "triggered_by_id" UUID,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "playbook_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" UUID NOT NULL,
    "seq" BIGINT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "actor_id" UUID,
    "actor_email" TEXT,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT,
    "data" JSONB NOT NULL DEFAULT '{}',
    "ip" TEXT,
    "prev_hash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_head" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "seq" BIGINT NOT NULL,
    "last_id" UUID NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "audit_head_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "integration_settings" (
    "name" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "settings" JSONB NOT NULL DEFAULT '{}',
    "secrets_sealed" TEXT,
    "updated_by_id" UUID,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "integration_settings_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE UNIQUE INDEX "api_keys_key_hash_key" ON "api_keys"("key_hash");

-- CreateIndex
CREATE INDEX "api_keys_created_by_id_idx" ON "api_keys"("created_by_id");

-- CreateIndex
CREATE INDEX "alerts_received_at_idx" ON "alerts"("received_at" DESC);

-- CreateIndex
CREATE INDEX "alerts_status_received_at_idx" ON "alerts"("status", "received_at" DESC);

-- CreateIndex
CREATE INDEX "alerts_severity_received_at_idx" ON "alerts"("severity", "received_at" DESC);

-- CreateIndex
CREATE INDEX "alerts_source_received_at_idx" ON "alerts"("source", "received_at" DESC);

-- CreateIndex
CREATE INDEX "alerts_state_received_at_idx" ON "alerts"("state", "received_at");

-- CreateIndex
CREATE INDEX "alerts_fingerprint_received_at_idx" ON "alerts"("fingerprint", "received_at" DESC);

-- CreateIndex
CREATE INDEX "alerts_case_id_idx" ON "alerts"("case_id");

-- CreateIndex
CREATE INDEX "alerts_duplicate_of_id_idx" ON "alerts"("duplicate_of_id");

-- CreateIndex
CREATE INDEX "observables_value_type_idx" ON "observables"("value", "type");

-- CreateIndex
CREATE INDEX "observables_type_value_created_at_idx" ON "observables"("type", "value", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "observables_alert_id_type_value_key" ON "observables"("alert_id", "type", "value");

-- CreateIndex
CREATE INDEX "enrichment_results_provider_idx" ON "enrichment_results"("provider");

-- CreateIndex
CREATE UNIQUE INDEX "enrichment_results_observable_id_provider_key" ON "enrichment_results"("observable_id", "provider");

-- CreateIndex
CREATE INDEX "enrichment_cache_expires_at_idx" ON "enrichment_cache"("expires_at");

-- CreateIndex
CREATE UNIQUE INDEX "assets_hostname_key" ON "assets"("hostname");

-- CreateIndex
CREATE INDEX "assets_ip_idx" ON "assets"("ip");

-- CreateIndex
CREATE UNIQUE INDEX "allowlist_entries_type_value_key" ON "allowlist_entries"("type", "value");

-- CreateIndex
CREATE UNIQUE INDEX "cases_number_key" ON "cases"("number");

-- CreateIndex
CREATE INDEX "cases_status_severity_idx" ON "cases"("status", "severity");

-- CreateIndex
CREATE INDEX "cases_severity_idx" ON "cases"("severity");

-- CreateIndex
CREATE INDEX "cases_assignee_id_idx" ON "cases"("assignee_id");

-- CreateIndex
CREATE INDEX "cases_fingerprint_status_idx" ON "cases"("fingerprint", "status");

-- CreateIndex
CREATE INDEX "cases_created_at_idx" ON "cases"("created_at" DESC);

-- CreateIndex
CREATE INDEX "case_notes_case_id_created_at_idx" ON "case_notes"("case_id", "created_at");

-- CreateIndex
CREATE INDEX "case_events_case_id_created_at_idx" ON "case_events"("case_id", "created_at");

-- CreateIndex
CREATE INDEX "actions_case_id_idx" ON "actions"("case_id");

-- CreateIndex
CREATE INDEX "actions_alert_id_idx" ON "actions"("alert_id");

-- CreateIndex
CREATE INDEX "actions_status_created_at_idx" ON "actions"("status", "created_at");

-- CreateIndex
CREATE INDEX "actions_action_type_idx" ON "actions"("action_type");

-- CreateIndex
CREATE INDEX "actions_playbook_run_id_idx" ON "actions"("playbook_run_id");

-- CreateIndex
CREATE UNIQUE INDEX "playbooks_name_key" ON "playbooks"("name");

-- CreateIndex
CREATE INDEX "playbooks_enabled_idx" ON "playbooks"("enabled");

-- CreateIndex
CREATE UNIQUE INDEX "playbook_versions_playbook_id_version_key" ON "playbook_versions"("playbook_id", "version");

-- CreateIndex
CREATE INDEX "playbook_runs_playbook_id_started_at_idx" ON "playbook_runs"("playbook_id", "started_at" DESC);

-- CreateIndex
CREATE INDEX "playbook_runs_case_id_idx" ON "playbook_runs"("case_id");

-- CreateIndex
CREATE INDEX "playbook_runs_alert_id_idx" ON "playbook_runs"("alert_id");

-- CreateIndex
CREATE UNIQUE INDEX "audit_log_seq_key" ON "audit_log"("seq");

-- CreateIndex
CREATE INDEX "audit_log_entity_type_entity_id_idx" ON "audit_log"("entity_type", "entity_id");

-- CreateIndex
CREATE INDEX "audit_log_actor_id_idx" ON "audit_log"("actor_id");

-- CreateIndex
CREATE INDEX "audit_log_action_idx" ON "audit_log"("action");

-- CreateIndex
CREATE INDEX "audit_log_created_at_idx" ON "audit_log"("created_at");

-- AddForeignKey
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_duplicate_of_id_fkey" FOREIGN KEY ("duplicate_of_id") REFERENCES "alerts"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "observables" ADD CONSTRAINT "observables_alert_id_fkey" FOREIGN KEY ("alert_id") REFERENCES "alerts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "enrichment_results" ADD CONSTRAINT "enrichment_results_observable_id_fkey" FOREIGN KEY ("observable_id") REFERENCES "observables"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "cases" ADD CONSTRAINT "cases_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_notes" ADD CONSTRAINT "case_notes_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_notes" ADD CONSTRAINT "case_notes_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "actions" ADD CONSTRAINT "actions_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "actions" ADD CONSTRAINT "actions_alert_id_fkey" FOREIGN KEY ("alert_id") REFERENCES "alerts"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "actions" ADD CONSTRAINT "actions_playbook_run_id_fkey" FOREIGN KEY ("playbook_run_id") REFERENCES "playbook_runs"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "actions" ADD CONSTRAINT "actions_requested_by_id_fkey" FOREIGN KEY ("requested_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "actions" ADD CONSTRAINT "actions_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "playbook_versions" ADD CONSTRAINT "playbook_versions_playbook_id_fkey" FOREIGN KEY ("playbook_id") REFERENCES "playbooks"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "playbook_runs" ADD CONSTRAINT "playbook_runs_playbook_id_fkey" FOREIGN KEY ("playbook_id") REFERENCES "playbooks"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "playbook_runs" ADD CONSTRAINT "playbook_runs_playbook_version_id_fkey" FOREIGN KEY ("playbook_version_id") REFERENCES "playbook_versions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "playbook_runs" ADD CONSTRAINT "playbook_runs_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "cases"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "playbook_runs" ADD CONSTRAINT "playbook_runs_alert_id_fkey" FOREIGN KEY ("alert_id") REFERENCES "alerts"("id") ON DELETE SET NULL ON UPDATE CASCADE;
