#!/bin/bash
# Instructions one open-API request costs at each given commit, counted by callgrind (not timed, so what else the
# machine does cannot move it). Usage: bench/instructions-per-request.sh REV [REV ...]   (needs valgrind; ~5 min each)
# Each commit is built in a worktree and run as `npm start` runs it, on one demo database made by the first commit
# (and migrated by the later ones as an upgrade would), warmed up, then counted over N sequential keep-alive requests.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d /tmp/instructions.XXXXXX)
N=${N:-500}; WARM=${WARM:-3000}; URL=${URL:-/api/v1/municipalities/demo/candidates?limit=50}
PORT=${PORT:-3290}
trap 'for w in "$WORK"/tree-*; do git -C "$ROOT" worktree remove --force "$w" 2>/dev/null || true; done' EXIT

up() { until curl -sf "localhost:$PORT/api/v1/municipalities" >/dev/null; do sleep 1; done; }
i=0
for rev in "$@"; do
  tree="$WORK/tree-$i"; i=$((i + 1))
  git -C "$ROOT" worktree add --detach --force "$tree" "$rev" >/dev/null 2>&1
  ln -s "$ROOT/node_modules" "$tree/node_modules"
  (cd "$tree" && npx tsc -p tsconfig.build.json)
  # The demo database: seeded by the first commit, migrated by each later one before it is counted.
  (cd "$tree" && exec env PORT=$PORT DATABASE_PATH="$WORK/demo.db" LOG_LEVEL=warn node dist/server.js >"$WORK/seed.log" 2>&1) &
  seeder=$!; up; kill $seeder; wait $seeder 2>/dev/null || true
  cp "$WORK/demo.db" "$WORK/count.db"
  # Counted as the benchmark runs the portal: production, a log line per request, one proxy hop.
  (cd "$tree" && exec env PORT=$PORT DATABASE_PATH="$WORK/count.db" NODE_ENV=production BASE_URL=http://127.0.0.1 LOG_LEVEL=${LOG_LEVEL:-info} \
    TRUST_PROXY=1 SESSION_SECRET=instructions-per-request-session-secret-0123456789 SEED_DEMO=off MALLOC_MMAP_THRESHOLD_=65536 \
    valgrind --tool=callgrind --instr-atstart=no --smc-check=all-non-file --callgrind-out-file="$WORK/cg-$i.out" \
    node --max-semi-space-size=4 --max-old-space-size=512 dist/server.js >"$WORK/cg-$i.log" 2>&1) &
  counted=$!; up
  node "$ROOT/bench/keep-alive-gets.js" "$PORT" "$URL" "$WARM" >/dev/null
  vg=$(pgrep -f "callgrind-out-file=$WORK/cg-$i.out" | head -1)
  callgrind_control -i on "$vg" >/dev/null 2>&1
  bytes=$(node "$ROOT/bench/keep-alive-gets.js" "$PORT" "$URL" "$N")
  callgrind_control -i off "$vg" >/dev/null 2>&1; callgrind_control -d "$vg" >/dev/null 2>&1; sleep 1
  kill "$vg"; wait $counted 2>/dev/null || true
  # Split as V8 spends them: a major collection or an optimising compile may fall inside the counted window or not,
  # and each is worth hundreds of thousands of instructions per request over a few hundred requests, so the rest (the
  # portal's code, the libraries and V8's runtime) is the figure that compares from run to run.
  callgrind_annotate --threshold=100 "$WORK/cg-$i.out".1 | awk -v n="$N" -v rev="$rev" -v bytes="$bytes" '
    /PROGRAM TOTALS/ { next }
    match($0, /^ *[0-9,]+ \(/) {
      count = substr($0, RSTART, RLENGTH - 2); gsub(/[ ,]/, "", count)
      if ($0 ~ /Marking|Sweep|Scaveng|MemoryChunk|SizeFromMap|IteratePointers|IterateMaybeWeak|Heap::|Evacuat|ObjectCache|Mark/) gc += count
      else if ($0 ~ /compiler::|Turbofan|Maglev/) jit += count
      else rest += count
    }
    END { printf "%s: %d instructions per request: %d the code, %d the garbage collector, %d the optimising compiler (%s)\n", rev, (gc + jit + rest) / n, rest / n, gc / n, jit / n, bytes }'
done
