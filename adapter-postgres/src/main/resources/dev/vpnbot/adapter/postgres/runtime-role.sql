-- Privileges of the role the bot runs as: read and write rows, draw ids, nothing else.
-- Run by the schema owner (the role that runs the migrations). {schema} and {role} are
-- replaced by validated, quoted identifiers. Safe to run again after every migration.
GRANT USAGE ON SCHEMA {schema} TO {role};
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {schema} TO {role};
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {role};
-- the migration history may be read (to check the schema is current), never written
REVOKE INSERT, UPDATE, DELETE ON {schema}.flyway_schema_history FROM {role};
-- tables and sequences that later migrations create get the same grants
ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {role};
ALTER DEFAULT PRIVILEGES IN SCHEMA {schema} GRANT USAGE, SELECT ON SEQUENCES TO {role};
