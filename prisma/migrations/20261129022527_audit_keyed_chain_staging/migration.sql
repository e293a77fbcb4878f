-- AlterTable
ALTER TABLE "audit_head" ADD COLUMN     "checkpoint_slot" BIGINT NOT NULL DEFAULT 0,
ALTER COLUMN "last_id" DROP NOT NULL;

-- CreateTable
CREATE TABLE "audit_staging" (
    "position" BIGSERIAL NOT NULL,
    "id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "actor_id" UUID,
    "actor_email" TEXT,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT,
    "data" JSONB NOT NULL DEFAULT '{}',
    "ip" TEXT,

    CONSTRAINT "audit_staging_pkey" PRIMARY KEY ("position")
);

-- CreateIndex
CREATE UNIQUE INDEX "audit_staging_id_key" ON "audit_staging"("id");

-- Re-seal: entries of the old plain-SHA-256 chain go back to staging in their order, and the
-- sealer chains them again under the HMAC key on its first run.
INSERT INTO "audit_staging" ("id", "created_at", "actor_id", "actor_email", "action", "entity_type", "entity_id", "data", "ip")
SELECT "id", "created_at", "actor_id", "actor_email", "action", "entity_type", "entity_id", "data", "ip"
FROM "audit_log" ORDER BY "seq";
DELETE FROM "audit_log";
DELETE FROM "audit_head";
INSERT INTO "audit_head" ("id", "seq", "last_id", "hash") VALUES (1, 0, NULL, repeat('0', 64));

-- Append-only: the sealed log refuses UPDATE, DELETE and TRUNCATE (a role that owns the table
-- could still disable this, hence the README's advice on the app's database role).
CREATE FUNCTION "audit_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER "audit_log_append_only" BEFORE UPDATE OR DELETE ON "audit_log"
  FOR EACH ROW EXECUTE FUNCTION "audit_refuse_change"();
CREATE TRIGGER "audit_log_no_truncate" BEFORE TRUNCATE ON "audit_log"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_refuse_change"();

-- A staged entry is never edited, and leaves staging only once it is in the sealed log.
CREATE FUNCTION "audit_staging_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND EXISTS (SELECT 1 FROM "audit_log" WHERE "id" = OLD."id") THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_staging: % of an unsealed entry refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER "audit_staging_guard" BEFORE UPDATE OR DELETE ON "audit_staging"
  FOR EACH ROW EXECUTE FUNCTION "audit_staging_guard"();
CREATE TRIGGER "audit_staging_no_truncate" BEFORE TRUNCATE ON "audit_staging"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_refuse_change"();

-- Automatic case linking: one ALERT_LINKED event per alert, so a retried job cannot add a second.
CREATE UNIQUE INDEX "case_events_automatic_link_key" ON "case_events" (("data"->>'alertId'))
  WHERE "type" = 'ALERT_LINKED' AND "data"->>'automatic' = 'true';
