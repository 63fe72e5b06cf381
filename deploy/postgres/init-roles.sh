#!/bin/sh
# Run once by the postgres image on an empty data volume (docker-entrypoint-initdb.d): the
# owner/runtime split of docs/DATABASE.md ("Least privilege"). The superuser (POSTGRES_USER)
# only sets this up; vpnbot_owner owns the database and migrates it (the compose "migrate"
# service); the bot logs in as vpnbot_app, which reads and writes rows and nothing more.
set -eu
: "${VPNBOT_OWNER_PASSWORD:?set VPNBOT_OWNER_PASSWORD in .env}"
: "${VPNBOT_APP_PASSWORD:?set VPNBOT_APP_PASSWORD in .env}"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
     -v owner_password="$VPNBOT_OWNER_PASSWORD" -v app_password="$VPNBOT_APP_PASSWORD" <<'SQL'
CREATE ROLE vpnbot_owner LOGIN PASSWORD :'owner_password';
CREATE ROLE vpnbot_app LOGIN PASSWORD :'app_password';
CREATE DATABASE vpnbot OWNER vpnbot_owner;
\c vpnbot
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
REVOKE TEMPORARY ON DATABASE vpnbot FROM PUBLIC;
SQL
