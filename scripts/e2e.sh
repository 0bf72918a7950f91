#!/usr/bin/env bash
# Playwright journeys (playwright-core driving Debian's Chromium) against a freshly built web app.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-deps.sh
npm run build --silent --workspace @aftercare/web
npx vitest run --config e2e/vitest.config.ts --reporter=default --reporter=json --outputFile.json=.tmp/results-e2e.json
