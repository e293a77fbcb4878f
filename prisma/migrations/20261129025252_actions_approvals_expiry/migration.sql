-- AlterEnum
ALTER TYPE "ActionStatus" ADD VALUE 'EXPIRED';

-- AlterEnum
ALTER TYPE "ActionType" ADD VALUE 'UNBLOCK_IP';

-- AlterTable
ALTER TABLE "actions" ADD COLUMN     "effects" JSONB,
ADD COLUMN     "expires_at" TIMESTAMPTZ(3),
ADD COLUMN     "mode" TEXT,
ADD COLUMN     "request_hash" TEXT,
ADD COLUMN     "required_approvals" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "started_at" TIMESTAMPTZ(3),
ADD COLUMN     "unblock_of_id" UUID;

-- CreateTable
CREATE TABLE "action_approvals" (
    "id" UUID NOT NULL,
    "action_id" UUID NOT NULL,
    "approver_id" UUID NOT NULL,
    "approval_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "action_approvals_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "action_approvals_approver_id_idx" ON "action_approvals"("approver_id");

-- CreateIndex
CREATE UNIQUE INDEX "action_approvals_action_id_approver_id_key" ON "action_approvals"("action_id", "approver_id");

-- CreateIndex
CREATE UNIQUE INDEX "actions_unblock_of_id_key" ON "actions"("unblock_of_id");

-- CreateIndex
CREATE INDEX "actions_status_expires_at_idx" ON "actions"("status", "expires_at");

-- AddForeignKey
ALTER TABLE "actions" ADD CONSTRAINT "actions_unblock_of_id_fkey" FOREIGN KEY ("unblock_of_id") REFERENCES "actions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "action_approvals" ADD CONSTRAINT "action_approvals_action_id_fkey" FOREIGN KEY ("action_id") REFERENCES "actions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "action_approvals" ADD CONSTRAINT "action_approvals_approver_id_fkey" FOREIGN KEY ("approver_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
