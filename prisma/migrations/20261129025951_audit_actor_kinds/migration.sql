-- AlterTable
ALTER TABLE "audit_log" ADD COLUMN     "actor_label" TEXT,
ADD COLUMN     "actor_type" TEXT;

-- AlterTable
ALTER TABLE "audit_staging" ADD COLUMN     "actor_label" TEXT,
ADD COLUMN     "actor_type" TEXT;

-- CreateIndex
CREATE INDEX "audit_log_actor_type_idx" ON "audit_log"("actor_type");
