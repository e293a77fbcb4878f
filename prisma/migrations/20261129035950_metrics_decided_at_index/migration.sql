-- CreateIndex
CREATE INDEX "actions_decided_at_idx" ON "actions"("decided_at");
