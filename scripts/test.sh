#!/usr/bin/env bash
# The whole test suite: lint, typecheck, unit + integration tests on PGlite (and on PostgreSQL when
# TEST_DATABASE_URL is set), then the Playwright journeys in Debian's Chromium.
# Run through the launcher: ./aftercare test
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p .tmp
rm -f .tmp/results-*.json

echo "== lint (biome)"
npx biome check .
echo "== typecheck (tsc 7)"
npx tsc -b tsconfig.json

echo "== tests on PGlite"
env -u TEST_DATABASE_URL npx vitest run --reporter=default --reporter=json --outputFile.json=.tmp/results-pglite.json "$@"

if [[ -n "${TEST_DATABASE_URL:-}" ]]; then
  echo "== tests on PostgreSQL ($TEST_DATABASE_URL)"
  npx vitest run --reporter=default --reporter=json --outputFile.json=.tmp/results-postgres.json "$@"
fi

echo "== end-to-end journeys (Chromium)"
bash scripts/e2e.sh

node scripts/summarize-tests.ts .tmp/results-*.json
