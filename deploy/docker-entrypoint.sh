#!/bin/sh
# The container's entrypoint: bring the schema up to date, then run `thidua ARGS` (default: run).
# THIDUA_SKIP_MIGRATE=1 skips the first step where a separate step migrates (deploy/compose.yaml).
set -eu
if [ "${THIDUA_SKIP_MIGRATE:-0}" != "1" ]; then
    thidua migrate
fi
exec thidua "$@"
