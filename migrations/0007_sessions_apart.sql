-- Sessions moved to their own attached database (`ephemeral`, made by src/db/connection.ts) with lighter durability;
-- the old table in the main file goes, so that unqualified `sessions` names the attached one.
DROP TABLE sessions;
