# tools/bench/lib.sh - pieces the benchmark scripts share; sourced, not run.
# Each script keeps its own `measure` (its own rows and columns); these are
# the parts that were the same in all of them.

# regio_bin DEFAULT: the regio binary under test. $REGIO_BIN when set (an
# absolute path, e.g. another checkout's build/regio, to compare two builds
# with the same scripts and inputs: README "Before and after the operations
# refactor"), else DEFAULT (the checkout's build/regio). A script's --regio
# option, where it has one, still wins.
regio_bin() {
  if [ -z "${REGIO_BIN:-}" ]; then echo "$1"; return; fi
  [[ $REGIO_BIN == /* ]] || { echo "REGIO_BIN must be an absolute path: $REGIO_BIN" >&2; return 1; }
  echo "$REGIO_BIN"
}

# CPU seconds the whole machine has been busy since boot (all cores): the
# difference over a run, minus the run's own CPU, is what other processes used.
busy_s() {
  awk -v hz="$(getconf CLK_TCK)" '/^cpu /{printf "%.2f", ($2 + $3 + $4 + $7 + $8 + $9) / hz}' /proc/stat
}

# The median of the numbers on stdin, 3 decimals.
median() { sort -g | awk '{a[NR]=$1} END{if(NR%2) printf "%.3f", a[(NR+1)/2]; else printf "%.3f", (a[NR/2]+a[NR/2+1])/2}'; }

# time_run TIMEFILE LOGFILE CMD ARGS...: one run of CMD, its output appended to
# LOGFILE, peak RSS and CPU written to TIMEFILE in /usr/bin/time -v's words
# (by getrusage when HAVE_TIME is not 1). Returns CMD's exit status.
time_run() {
  local tf=$1 err=$2 rc=0; shift 2
  if [ "${HAVE_TIME:-0}" = 1 ]; then
    /usr/bin/time -v -o "$tf" "$@" >>"$err" 2>&1 || rc=$?
  else
    python3 -c '
import resource, subprocess, sys
rc = subprocess.call(sys.argv[2:])
r = resource.getrusage(resource.RUSAGE_CHILDREN)
open(sys.argv[1], "w").write("Maximum resident set size (kbytes): %d\nUser time (seconds): %.2f\nSystem time (seconds): %.2f\n" % (r.ru_maxrss, r.ru_utime, r.ru_stime))
sys.exit(rc)' "$tf" "$@" >>"$err" 2>&1 || rc=$?
  fi
  return "$rc"
}

# peak_mib TIMEFILE / cpu_s TIMEFILE: peak RSS in MiB and user + system CPU
# seconds from a time_run (or /usr/bin/time -v) file.
peak_mib() { awk -F: '/Maximum resident set size/{printf "%.0f", $2/1024}' "$1"; }
cpu_s() { awk -F: '/User time/{u=$2} /System time/{s=$2} END{printf "%.2f", u+s}' "$1"; }

# report_failure WHAT COMMAND LOGFILE [LINES]: the failure, the command and the
# last LINES (default 30) lines of its output, on stderr and into $FAILURES.
report_failure() {
  local what=$1 cmd=$2 err=$3 lines=${4:-30}
  {
    echo "FAILED ($what):"
    echo "  command: $cmd"
    echo "  output (last $lines lines of $err):"
    tail -n +2 "$err" | tail -n "$lines" | sed 's/^/    /'
  } | tee -a "$FAILURES" >&2
}

# pg_start: the local PostgreSQL cluster running, a superuser role for this
# user and the database $PGDATABASE (for the PostGIS peers of ../shared/bench).
pg_start() {
  local asu=(runuser -u postgres --); [ "$(id -u)" -eq 0 ] || asu=(sudo -u postgres)
  local ver name; read -r ver name _ < <(pg_lsclusters -h | head -1)
  [ -n "${name:-}" ] || { echo "no PostgreSQL cluster (pg_lsclusters)"; return 1; }
  pg_ctlcluster "$ver" "$name" status >/dev/null 2>&1 || pg_ctlcluster "$ver" "$name" start
  local me; me=$(id -un)
  "${asu[@]}" psql -d postgres -tAc "SELECT 1 FROM pg_roles WHERE rolname='$me'" | grep -q 1 ||
    "${asu[@]}" createuser -s "$me"
  psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$PGDATABASE'" | grep -q 1 ||
    createdb "$PGDATABASE"
}
