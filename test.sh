#!/usr/bin/env bash
# Runs every test of the solution on SQLite: unit, component (bUnit), integration and browser
# (Playwright); then the integration and component tests again on PostgreSQL, with the two-instance
# tests that only PostgreSQL can run. Ends with one line summing both runs.
#
# Installs what is missing with apt-get: Debian's chromium for the browser tests, Java, Saxon-HE,
# xmllint and poppler-utils for the EN 16931 e-invoice checks, Debian's postgresql for the PostgreSQL
# run, whose local cluster it starts and gives a test role (portal_test, allowed to create databases,
# reached on 127.0.0.1).
#   PORTAL_TEST_POSTGRES=<connection string>  use that server instead of the local one
#   PORTAL_REQUIRE_POSTGRES=1                 fail when PostgreSQL cannot be had (CI sets it);
#                                             otherwise that run is skipped with a warning
# Extra arguments go to both `dotnet test` runs; a --filter is combined with each run's own.
set -euo pipefail
cd "$(dirname "$0")"

if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi

apt_install() {
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >/dev/null
}

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then
    (cd / && runuser -u postgres -- "$@")
  else
    (cd / && sudo -n -u postgres "$@")
  fi
}

# Starts the local cluster and sets PORTAL_TEST_POSTGRES; false when PostgreSQL cannot be had.
start_postgres() {
  if [ -n "${PORTAL_TEST_POSTGRES:-}" ]; then
    return 0
  fi

  if ! command -v pg_lsclusters >/dev/null 2>&1; then
    echo "Installing Debian's postgresql for the PostgreSQL run..."
    apt_install postgresql || return 1
  fi

  local cluster version name port state
  cluster=$(pg_lsclusters --no-header 2>/dev/null | head -n 1)
  if [ -z "$cluster" ]; then
    version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
    $SUDO pg_createcluster "$version" main >/dev/null || return 1
    cluster=$(pg_lsclusters --no-header | head -n 1)
  fi

  read -r version name port state _ <<<"$cluster"
  if [[ "$state" != online* ]]; then
    $SUDO pg_ctlcluster "$version" "$name" start || return 1
  fi

  # A role for the tests only: it creates and drops its own databases, over TCP with a password
  # (Debian's pg_hba.conf asks for one on 127.0.0.1). Commits need not wait for the disk here.
  as_postgres psql -p "$port" -v ON_ERROR_STOP=1 -qc "
    DO \$\$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'portal_test') THEN
        CREATE ROLE portal_test LOGIN CREATEDB PASSWORD 'portal_test';
      END IF;
    END \$\$;
    ALTER ROLE portal_test SET synchronous_commit = off;" || return 1

  local_cluster_port="$port"
  drop_leftover_databases
  export PORTAL_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=portal_test;Password=portal_test"
}

# Each test drops its database when it ends, and the run drops its template databases as it exits;
# a run that was killed, or a drop refused while autovacuum was in a template, leaves some behind.
# On the local cluster, which only these tests use, they are cleared before and after the run.
local_cluster_port=""
drop_leftover_databases() {
  [ -n "$local_cluster_port" ] || return 0
  as_postgres psql -p "$local_cluster_port" -Atc "SELECT datname FROM pg_database WHERE datname LIKE 'sp\_test\_%'" |
    while read -r leftover; do as_postgres dropdb -p "$local_cluster_port" --if-exists --force "$leftover" || true; done
}

if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian's chromium for the browser tests..."
  apt_install chromium
fi

# The e-invoice tests run the official EN 16931 checks (../shared/tools/validate-cii): the schema with
# xmllint, the business rules with Saxon-HE on Java; poppler's tools inspect the PDF/A files by hand.
einvoice_tools=()
command -v xmllint >/dev/null 2>&1 || einvoice_tools+=(libxml2-utils)
command -v java >/dev/null 2>&1 || einvoice_tools+=(default-jre-headless)
[ -f /usr/share/java/Saxon-HE.jar ] || einvoice_tools+=(libsaxonhe-java)
command -v pdfinfo >/dev/null 2>&1 || einvoice_tools+=(poppler-utils)
if [ ${#einvoice_tools[@]} -gt 0 ]; then
  echo "Installing ${einvoice_tools[*]} for the e-invoice checks..."
  apt_install "${einvoice_tools[@]}"
fi

filter=""
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --filter) filter="$2"; shift 2 ;;
    --filter=*) filter="${1#--filter=}"; shift ;;
    *) args+=("$1"); shift ;;
  esac
done

with_filter() {
  if [ -n "$filter" ]; then echo "($filter)&$1"; else echo "$1"; fi
}

postgres=1
start_postgres || postgres=0

results="TestResults"
rm -rf "$results"
status=0

echo "Every test on SQLite..."
PORTAL_TEST_PROVIDER=Sqlite dotnet test SubscriptionPortal.sln --configuration Release \
  --logger "trx;LogFileName=tests.trx" --results-directory "$results/sqlite" \
  --filter "$(with_filter "Category!=MultiInstance")" ${args[@]+"${args[@]}"} || status=$?

if [ "$postgres" -eq 1 ]; then
  echo "The integration and component tests on PostgreSQL, with the two-instance tests..."
  PORTAL_TEST_PROVIDER=Postgres dotnet test SubscriptionPortal.Tests/SubscriptionPortal.Tests.csproj --configuration Release --no-build \
    --logger "trx;LogFileName=tests.trx" --results-directory "$results/postgres" \
    --filter "$(with_filter "(FullyQualifiedName~SubscriptionPortal.Tests.Integration|FullyQualifiedName~SubscriptionPortal.Tests.Components)&Category!=SqliteOnly")" ${args[@]+"${args[@]}"} || status=$?
  drop_leftover_databases || true
elif [ "${PORTAL_REQUIRE_POSTGRES:-0}" = "1" ]; then
  echo "PostgreSQL could not be installed or started, and this run requires it." >&2
  status=1
else
  echo "WARNING: PostgreSQL could not be installed or started: the PostgreSQL run and its two-instance tests were skipped." >&2
fi

# A closing line computed from the TRX results of both runs, the same whatever the runner prints.
summary=$(python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for path in glob.glob(f"{sys.argv[1]}/**/*.trx", recursive=True):
    counters = ET.parse(path).getroot().find("t:ResultSummary/t:Counters", ns)
    if counters is None:
        continue
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
    skipped += int(counters.get("notExecuted", 0))
print(f"tests: {passed} passed, {failed} failed, {skipped} skipped")
if passed == 0:
    sys.exit(1)
PY
) || status=1
echo "$summary"
exit $status
