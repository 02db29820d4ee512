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
