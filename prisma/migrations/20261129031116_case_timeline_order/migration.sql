-- DropIndex
DROP INDEX "case_events_case_id_created_at_idx";

-- AlterTable
ALTER TABLE "case_events" ADD COLUMN     "seq" BIGSERIAL NOT NULL;

-- CreateIndex
CREATE INDEX "case_events_case_id_seq_idx" ON "case_events"("case_id", "seq");
