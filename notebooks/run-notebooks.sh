#!/usr/bin/env bash
# notebooks/run-notebooks.sh OUTPUT_DIR
#
# Executes every notebook of this folder headless against the newslens tables in OUTPUT_DIR and
# fails when a cell fails. The executed copies go to a temporary folder (or $NOTEBOOKS_EXECUTED_DIR):
# the notebooks themselves stay committed without outputs, and this script checks that they are.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
output="${1:?usage: notebooks/run-notebooks.sh OUTPUT_DIR (the --output folder of a newslens run)}"
[[ -d "$output" ]] || { echo "run-notebooks: no folder $output" >&2; exit 2; }
output="$(cd "$output" && pwd)"
executed="${NOTEBOOKS_EXECUTED_DIR:-$(mktemp -d)}"
mkdir -p "$executed"

status=0
for notebook in "$here"/*.ipynb; do
  if ! python3 -c 'import json, sys
cells = json.load(open(sys.argv[1]))["cells"]
sys.exit(any(c.get("outputs") or c.get("execution_count") for c in cells))' "$notebook"; then
    echo "run-notebooks: $(basename "$notebook") is committed with outputs; clear them with" \
         "jupyter nbconvert --clear-output --inplace $notebook" >&2
    status=1
  fi
  echo "run-notebooks: $(basename "$notebook") against $output"
  NEWSLENS_OUTPUT="$output" \
    jupyter nbconvert --to notebook --execute --ExecutePreprocessor.timeout=600 \
      --output-dir "$executed" "$notebook" || status=1
done
echo "run-notebooks: executed notebooks in $executed"
exit "$status"
