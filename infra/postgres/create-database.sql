-- One-off PostgreSQL set-up for SefData (run as a superuser: psql -f create-database.sql).
-- The application role owns its database so start-up migrations can create and alter tables.
-- Change the password before use; keep it in the service's environment file, not in source control.
CREATE ROLE sefdata_app LOGIN PASSWORD 'change-me';
CREATE DATABASE sefdata OWNER sefdata_app ENCODING 'UTF8' TEMPLATE template0;
