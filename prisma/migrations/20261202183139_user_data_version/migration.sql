-- AlterTable
ALTER TABLE "User" ADD COLUMN     "dataVersion" INTEGER NOT NULL DEFAULT 0;

-- Every change to a user's data bumps "User"."dataVersion" in the same transaction. Cache keys
-- of per-user reads carry the version, so no cache state (a paused or restarted Redis, a lost
-- invalidation) can bring back a copy from before an acknowledged write. Triggers rather than
-- application code, so that no write path (imports, raw SQL, cascades) can forget it.
-- Statement-level with transition tables: an import of 1,000 rows bumps the version once.

-- TG_ARGV[0] names how a changed row finds its user: 'userId' (a column of the row) or
-- 'holdingId' (through the row's holding).
CREATE FUNCTION "bump_user_data_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_ARGV[0] = 'holdingId' THEN
    UPDATE "User" SET "dataVersion" = "dataVersion" + 1
     WHERE "id" IN (SELECT h."userId" FROM "Holding" h WHERE h."id" IN (SELECT "holdingId" FROM changed_rows));
  ELSE
    UPDATE "User" SET "dataVersion" = "dataVersion" + 1
     WHERE "id" IN (SELECT "userId" FROM changed_rows);
  END IF;
  RETURN NULL;
END $$;

-- Later migrations call this for each new table of per-user data.
CREATE FUNCTION "track_user_data"(tbl regclass, owner_column text DEFAULT 'userId') RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('CREATE TRIGGER user_data_version_insert AFTER INSERT ON %s REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_user_data_version(%L)', tbl, owner_column);
  EXECUTE format('CREATE TRIGGER user_data_version_update AFTER UPDATE ON %s REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_user_data_version(%L)', tbl, owner_column);
  EXECUTE format('CREATE TRIGGER user_data_version_delete AFTER DELETE ON %s REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_user_data_version(%L)', tbl, owner_column);
END $$;

SELECT "track_user_data"('"Holding"');
SELECT "track_user_data"('"BalanceSnapshot"', 'holdingId');
SELECT "track_user_data"('"Transfer"');
SELECT "track_user_data"('"Goal"');
SELECT "track_user_data"('"UserAchievement"');
SELECT "track_user_data"('"ArticleRead"');

-- The user's own row (display currency, streak, name): bumped unless the update is the bump.
CREATE FUNCTION "bump_own_data_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."dataVersion" := OLD."dataVersion" + 1;
  RETURN NEW;
END $$;

CREATE TRIGGER user_data_version_self BEFORE UPDATE ON "User"
  FOR EACH ROW WHEN (NEW."dataVersion" = OLD."dataVersion") EXECUTE FUNCTION bump_own_data_version();
