-- AlterTable
ALTER TABLE "users" ADD COLUMN     "activated_at" TIMESTAMPTZ(3),
ADD COLUMN     "slack_user_id" TEXT,
ALTER COLUMN "password_hash" DROP NOT NULL;

-- Every existing user was activated when created (pending approval did not exist yet).
UPDATE "users" SET "activated_at" = "created_at";

-- CreateTable
CREATE TABLE "login_throttle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL,
    "last_failure_at" TIMESTAMPTZ(3) NOT NULL,
    "locked_until" TIMESTAMPTZ(3),

    CONSTRAINT "login_throttle_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "ingest_signatures_seen" (
    "api_key_id" UUID NOT NULL,
    "signature" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ingest_signatures_seen_pkey" PRIMARY KEY ("api_key_id","signature")
);

-- CreateIndex
CREATE INDEX "login_throttle_last_failure_at_idx" ON "login_throttle"("last_failure_at");

-- CreateIndex
CREATE INDEX "ingest_signatures_seen_expires_at_idx" ON "ingest_signatures_seen"("expires_at");

-- CreateIndex
CREATE UNIQUE INDEX "users_slack_user_id_key" ON "users"("slack_user_id");
