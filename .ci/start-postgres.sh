#!/usr/bin/env bash
# Start the machine's PostgreSQL 15 cluster and create the test role and database.
# Prints the SQLAlchemy URL of the test database on the last line.
set -euo pipefail
PGVER=${PGVER:-15}
if ! command -v pg_lsclusters >/dev/null 2>&1 || [ ! -x "/usr/lib/postgresql/$PGVER/bin/postgres" ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "postgresql-$PGVER" >/dev/null
fi
if ! pg_lsclusters -h | awk '{print $1,$2}' | grep -q "^$PGVER main$"; then
  pg_createcluster "$PGVER" main >/dev/null
fi
pg_ctlcluster "$PGVER" main start 2>/dev/null || true
for _ in $(seq 1 30); do
  if su postgres -c "psql -qAtc 'select 1'" >/dev/null 2>&1; then break; fi
  sleep 1
done
su postgres -c "psql -qAtc \"select 1 from pg_roles where rolname='fengqiao'\"" | grep -q 1 \
  || su postgres -c "psql -qc \"create role fengqiao login createdb password 'fengqiao'\""
su postgres -c "psql -qAtc \"select 1 from pg_database where datname='fengqiao_test'\"" | grep -q 1 \
  || su postgres -c "createdb -O fengqiao fengqiao_test"
echo "postgresql+psycopg://fengqiao:fengqiao@127.0.0.1:5432/fengqiao_test"
