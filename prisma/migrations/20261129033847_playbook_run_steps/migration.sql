-- CreateEnum
CREATE TYPE "PlaybookStepStatus" AS ENUM ('RUNNING', 'WAITING', 'SUCCEEDED', 'FAILED', 'SKIPPED');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "PlaybookRunStatus" ADD VALUE 'REJECTED';
ALTER TYPE "PlaybookRunStatus" ADD VALUE 'EXPIRED';

-- AlterTable
ALTER TABLE "playbook_runs" ADD COLUMN     "trigger" TEXT NOT NULL DEFAULT 'manual';

-- CreateTable
CREATE TABLE "playbook_run_steps" (
    "id" UUID NOT NULL,
    "run_id" UUID NOT NULL,
    "step_id" TEXT NOT NULL,
    "step_index" INTEGER NOT NULL,
    "iteration" INTEGER NOT NULL DEFAULT 0,
    "action" TEXT NOT NULL,
    "status" "PlaybookStepStatus" NOT NULL DEFAULT 'RUNNING',
    "rendered_params" JSONB,
    "output" JSONB,
    "error" TEXT,
    "action_id" UUID,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "playbook_run_steps_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "playbook_run_steps_action_id_idx" ON "playbook_run_steps"("action_id");

-- CreateIndex
CREATE UNIQUE INDEX "playbook_run_steps_run_id_step_id_iteration_key" ON "playbook_run_steps"("run_id", "step_id", "iteration");

-- CreateIndex
CREATE INDEX "playbook_runs_status_started_at_idx" ON "playbook_runs"("status", "started_at" DESC);

-- AddForeignKey
ALTER TABLE "playbook_run_steps" ADD CONSTRAINT "playbook_run_steps_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "playbook_runs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- An automatic trigger runs a playbook version once per alert, even when the alert's job is retried.
CREATE UNIQUE INDEX "playbook_runs_automatic_once" ON "playbook_runs"("alert_id", "playbook_version_id") WHERE "trigger" = 'alert.scored';
