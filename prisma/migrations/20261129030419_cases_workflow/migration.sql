-- CreateEnum
CREATE TYPE "CaseResolution" AS ENUM ('TRUE_POSITIVE', 'FALSE_POSITIVE', 'BENIGN', 'DUPLICATE');

-- AlterEnum
ALTER TYPE "CaseEventType" ADD VALUE 'MERGED_INTO';
ALTER TYPE "CaseEventType" ADD VALUE 'MERGED_FROM';
ALTER TYPE "CaseEventType" ADD VALUE 'TICKET_LINKED';

-- AlterTable
ALTER TABLE "cases" ADD COLUMN     "ack_due_at" TIMESTAMPTZ(3),
ADD COLUMN     "due_at" TIMESTAMPTZ(3),
ADD COLUMN     "merged_into_id" UUID,
ADD COLUMN     "resolution_note" TEXT,
ADD COLUMN     "ticket_key" TEXT,
ADD COLUMN     "ticket_url" TEXT;

-- Keep any classification already stored (nothing set one before this migration but be safe).
ALTER TABLE "cases" ALTER COLUMN "resolution" TYPE "CaseResolution"
  USING (CASE WHEN "resolution" IN ('TRUE_POSITIVE', 'FALSE_POSITIVE', 'BENIGN', 'DUPLICATE')
              THEN "resolution"::"CaseResolution" END);

-- CreateIndex
CREATE INDEX "cases_merged_into_id_idx" ON "cases"("merged_into_id");

-- CreateIndex
CREATE INDEX "cases_due_at_idx" ON "cases"("due_at");

-- AddForeignKey
ALTER TABLE "cases" ADD CONSTRAINT "cases_merged_into_id_fkey" FOREIGN KEY ("merged_into_id") REFERENCES "cases"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
