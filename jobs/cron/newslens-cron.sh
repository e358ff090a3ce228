#!/usr/bin/env bash
# Runs `jobs/newslens run` from cron, logging to a dated file.
#
#   jobs/cron/newslens-cron.sh --input /data/news --output /data/newslens [other newslens options]
#
# Logs: $NEWSLENS_LOG_DIR (default <project>/logs)/newslens-YYYY-MM-DD.log (console output, appended)
#       and newslens-YYYY-MM-DD.spark.log (Spark's own INFO log).
# Exit status: the run's own (0 success, 1 failed, 2 bad options, 4 another run holds --output),
#              or 5 when the run succeeded but rejected some inputs (see the rejects table).
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
log_dir="${NEWSLENS_LOG_DIR:-$root/logs}"
mkdir -p "$log_dir"
day="$(date +%F)"
log="$log_dir/newslens-$day.log"
export NEWSLENS_LOG="$log_dir/newslens-$day.spark.log"

output=""
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  case "${args[i]}" in
    --output) output="${args[i+1]:-}" ;;
    --output=*) output="${args[i]#--output=}" ;;
  esac
done

{
  echo "=== $(date '+%F %T') newslens run $*"
  "$root/jobs/newslens" run "$@"
} >> "$log" 2>&1
status=$?

if [[ $status -eq 0 && -n "$output" && -d "$output/_runs" ]]; then
  manifest="$(ls -t "$output"/_runs/*.json 2>/dev/null | head -n 1)"
  rejects="$(grep -o '"rejects" : [0-9]*' "$manifest" | head -n 1 | grep -o '[0-9]*$')"
  if [[ "${rejects:-0}" -gt 0 ]]; then
    echo "=== $(date '+%F %T') finished; $rejects inputs rejected (see $output/rejects and $manifest)" >> "$log"
    status=5
  fi
fi
echo "=== $(date '+%F %T') exit status $status" >> "$log"
exit "$status"
