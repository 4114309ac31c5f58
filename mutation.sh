#!/usr/bin/env bash
# Mutation testing of the billing and payment rules: Stryker.NET (the local tool of .config/) mutates
# the files listed in stryker-config.json and runs the unit tests against each mutant. Prints the
# mutation score of each mutated file and fails when the total or any one file is below the break
# threshold of stryker-config.json (Stryker itself only checks the total).
# Extra arguments go to dotnet stryker, e.g. `./mutation.sh --concurrency 2` on an idle machine.
set -euo pipefail
cd "$(dirname "$0")"

output="$PWD/StrykerOutput"
rm -rf "$output"

dotnet tool restore >/dev/null

started=$(date +%s)
status=0
(cd SubscriptionPortal.Tests && dotnet stryker --config-file ../stryker-config.json --output "$output" "$@") || status=$?
elapsed=$(( $(date +%s) - started ))

report="$output/reports/mutation-report.json"
if [ ! -f "$report" ]; then
  echo "Stryker wrote no report (exit code $status)." >&2
  exit 1
fi

python3 - "$report" stryker-config.json "$elapsed" <<'PY' || status=1
import json, re, sys

report_path, config_path, elapsed = sys.argv[1], sys.argv[2], int(sys.argv[3])
with open(config_path, encoding="utf-8") as f:
    # Stryker's config allows // comments (the reasons beside exclusions); JSON does not.
    config = json.loads(re.sub(r"^\s*//.*$|\s+//[^\"\n]*$", "", f.read(), flags=re.M))
threshold = config["stryker-config"]["thresholds"]["break"]

with open(report_path, encoding="utf-8") as f:
    files = json.load(f)["files"]

# Stryker's score: detected (killed, timeout) over valid mutants (detected, survived, no coverage);
# ignored mutants and those that did not compile do not count.
DETECTED = {"Killed", "Timeout"}
UNDETECTED = {"Survived", "NoCoverage"}

rows, failed = [], []
total_detected = total_valid = 0
for path in sorted(files):
    statuses = [m["status"] for m in files[path]["mutants"]]
    detected = sum(s in DETECTED for s in statuses)
    valid = detected + sum(s in UNDETECTED for s in statuses)
    ignored = sum(s == "Ignored" for s in statuses)
    if valid == 0:
        continue
    total_detected += detected
    total_valid += valid
    score = 100.0 * detected / valid
    name = re.sub(r"^.*?SubscriptionPortal/", "", path.replace("\\", "/"))
    rows.append((name, score, detected, valid - detected, ignored))
    if score < threshold:
        failed.append(name)

width = max(len(r[0]) for r in rows)
print()
print(f"{'file':<{width}}  score  killed  survived  ignored")
for name, score, killed, survived, ignored in rows:
    print(f"{name:<{width}}  {score:5.1f}  {killed:6}  {survived:8}  {ignored:7}")
total = 100.0 * total_detected / total_valid
print(f"{'total':<{width}}  {total:5.1f}  {total_detected:6}  {total_valid - total_detected:8}")
print(f"time: {elapsed // 60} min {elapsed % 60} s")

if total < threshold or failed:
    print(f"Mutation score below {threshold} %: {', '.join(failed) or 'total'}", file=sys.stderr)
    sys.exit(1)
PY

exit $status
