#!/usr/bin/env bash
# Runs every test of the solution: unit, component (bUnit), integration (SQLite) and browser (Playwright).
# Installs what the browser tests need when it is missing: Debian's chromium.
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian's chromium for the browser tests..."
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

results="TestResults"
rm -rf "$results"
status=0
dotnet test SubscriptionPortal.sln --configuration Release --logger "trx;LogFileName=tests.trx" --results-directory "$results" "$@" || status=$?

# A closing line computed from the TRX results, the same whatever the runner prints.
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
