# Shared helpers of the data-source tests (sourced). Each check prints what
# it compared on failure and counts failures in $failures.
failures=0

fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# same_file WHAT EXPECTED ACTUAL
same_file() {
  if ! cmp -s "$2" "$3"; then
    fail "$1: $3 differs from $2"
    diff "$2" "$3" | head -10 >&2
  fi
}

# one_line_error WHAT STDERR_FILE EXIT EXPECTED_EXIT PATTERN [FORBIDDEN]
# The command failed with EXPECTED_EXIT and said exactly one error line
# (plus an optional hint line) matching PATTERN, without FORBIDDEN.
one_line_error() {
  local what=$1 err=$2 rc=$3 want=$4 pattern=$5 forbidden=${6:-}
  [ "$rc" -eq "$want" ] || fail "$what: exit $rc, expected $want"
  local errors
  errors=$(grep -c '^regio: error: ' "$err" || true)
  [ "$errors" -eq 1 ] || fail "$what: $errors error lines, expected 1"
  local lines
  lines=$(grep -vc '^hint: ' "$err" || true)
  [ "$lines" -eq 1 ] || { fail "$what: $lines lines besides hints, expected 1"; cat "$err" >&2; }
  grep -q -- "$pattern" "$err" || { fail "$what: no '$pattern' in the message"; cat "$err" >&2; }
  if [ -n "$forbidden" ] && grep -q -- "$forbidden" "$err"; then fail "$what: the message shows '$forbidden'"; fi
}

# run_failing NAME ARGS...: runs $regio, keeps stderr in $work/NAME.err and
# the exit code in $rc.
run_failing() {
  local name=$1
  shift
  set +e
  "$regio" "$@" 2>"$work/$name.err"
  rc=$?
  set -e
}

# Skips the test (exit 77) without a PostGIS server (REGIO_TEST_PG, set by
# tools/with-postgis), unless REGIO_REQUIRE_POSTGIS=1 (CI): then it fails.
require_postgis() {
  if [ -z "${REGIO_TEST_PG:-}" ]; then
    if [ "${REGIO_REQUIRE_POSTGIS:-0}" = 1 ]; then
      echo "REGIO_TEST_PG is not set but REGIO_REQUIRE_POSTGIS=1: run under tools/with-postgis" >&2
      exit 1
    fi
    echo "no PostGIS server (REGIO_TEST_PG unset): skipped"
    exit 77
  fi
}

finish() {
  if [ "$failures" -gt 0 ]; then
    echo "$failures check(s) failed" >&2
    exit 1
  fi
  echo "all checks passed"
}

# kill_during_copy SIGNAL ARGS...: runs $regio ARGS in the background (stderr
# in $work/kill_SIGNAL.err) and sends SIGNAL once the server shows it copying
# rows into a temporary table (regio_tmp_*); fails unless it was hit and
# exited non-zero. The exit code is left in $rc. Needs q (psql).
kill_during_copy() {
  local signal=$1
  shift
  "$regio" "$@" 2>"$work/kill_$signal.err" &
  local pid=$!
  local hit=0
  for _ in $(seq 1 1200); do
    if [ "$(q "SELECT count(*) FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND query LIKE '%regio_tmp%'
               AND (query LIKE 'COPY %' OR query LIKE 'INSERT %')")" != 0 ]; then
      kill -s "$signal" "$pid"
      hit=1
      break
    fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.05
  done
  set +e
  wait "$pid"
  rc=$?
  set -e
  [ "$hit" = 1 ] || fail "SIG$signal: the write ended before it could be hit (exit $rc)"
  [ "$rc" -ne 0 ] || fail "SIG$signal: regio exited 0"
}

# square_units TABLE ID_FIELD PER_ROW COUNT: a table of COUNT squares of
# 100 m in EPSG:3035, PER_ROW to a row, ids R0, R1, ...; also written to
# $work/TABLE.gpkg. Enough of them make a write long enough to interrupt.
square_units() {
  local table=$1 id=$2 per_row=$3 count=$4
  q "CREATE TABLE $table AS SELECT 'R' || i AS $id,
       ST_SetSRID(ST_MakeEnvelope(4000000 + (i % $per_row) * 100, 3000000 + (i / $per_row) * 100,
                                  4000100 + (i % $per_row) * 100, 3000100 + (i / $per_row) * 100), 3035)::geometry(Polygon, 3035) AS geom
     FROM generate_series(0, $count - 1) AS i"
  ogr2ogr -f GPKG "$work/$table.gpkg" "$pg" "$table"
}
