#!/usr/bin/env bash
# Run libFuzzer harnesses (built by make fuzz-build into build-fuzz/) for a
# bounded time each, from the committed seed corpora, then over the
# committed regression inputs (each crash found becomes one). A harness's
# seeds are tests/fuzz/corpus/HARNESS/, and the directories listed in
# tests/fuzz/corpus/HARNESS.also (test fixtures, used where they are).
#   fuzz.sh SECONDS [HARNESS...]      default: every harness
# New inputs go to a scratch corpus, never into the committed one; a crash
# leaves its input in build-fuzz/artifacts/ and fails the run.
set -u
cd "$(dirname "$0")/.."
seconds=${1:-60}; shift || true
harnesses=("$@")
[ ${#harnesses[@]} -gt 0 ] ||
    harnesses=($(find build-fuzz -maxdepth 1 -name 'fuzz_*' -type f -perm -u+x -printf '%f\n' | sort))
[ ${#harnesses[@]} -gt 0 ] || { echo "fuzz: nothing built (make fuzz-build)" >&2; exit 1; }
mkdir -p build-fuzz/artifacts build-fuzz/logs
failed=0
for h in "${harnesses[@]}"; do
    seeds=(tests/fuzz/corpus/$h)
    [ -f "tests/fuzz/corpus/$h.also" ] && mapfile -t -O 1 seeds <"tests/fuzz/corpus/$h.also"
    scratch=$(mktemp -d)
    log=build-fuzz/logs/$h.log
    if ! build-fuzz/$h -max_total_time="$seconds" -max_len=65536 -timeout=10 -print_final_stats=1 \
            -artifact_prefix=build-fuzz/artifacts/$h- "$scratch" "${seeds[@]}" >"$log" 2>&1; then
        echo "fuzz: $h found a failure (see $log, input in build-fuzz/artifacts/)" >&2
        tail -n 30 "$log" >&2
        failed=1
    elif [ -d "tests/fuzz/regressions/$h" ] &&
         ! build-fuzz/$h tests/fuzz/regressions/$h/* >"$log.regressions" 2>&1; then
        echo "fuzz: $h fails on a regression input (see $log.regressions)" >&2
        failed=1
    else
        echo "fuzz: $h: $(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | awk '{print $2}')" \
             "runs in ${seconds}s, $(ls "$scratch" | wc -l) new inputs, no crash"
    fi
    rm -rf "$scratch"
done
exit $failed
