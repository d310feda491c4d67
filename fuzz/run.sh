#!/usr/bin/env bash
# Fuzz the loader and validator (or, with FUZZ_TARGET=import, the importers) for SECONDS
# (default 600) on one core.
#
#   fuzz/run.sh 600                    # from the repository root or from fuzz/
#   fuzz/run.sh 600 -max_len=4096      # more libFuzzer flags after SECONDS (later ones win)
#   FUZZ_TARGET=import fuzz/run.sh 600 # MSPDI, CSV and XLSX import and the TOML writer
#
# Needs a nightly toolchain (`rustup toolchain install nightly`); installs cargo-fuzz if missing.
# The corpus is seeded from the bundled roadmap, the examples and the broken-file tests, and kept
# in fuzz/corpus/load_validate between runs. Crashes land in fuzz/artifacts/load_validate/.
set -euo pipefail

seconds="${1:-600}"
shift || true
cd "$(dirname "$0")"
root=..

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "installing cargo-fuzz..." >&2
    cargo install cargo-fuzz --locked
fi

target="${FUZZ_TARGET:-load_validate}"
corpus="corpus/$target"
mkdir -p "$corpus"
if [ "$target" = import ]; then
    seeds=("$root"/tests/fixtures/import/*.xml)
else
    seeds=("$root"/roadmap.toml "$root"/examples/*.toml "$root"/tests/broken/*.toml)
fi
for seed in "${seeds[@]}"; do
    [ -f "$seed" ] || continue
    # Name seeds by content, as libFuzzer does, so re-seeding never duplicates them.
    cp "$seed" "$corpus/seed-$(sha1sum "$seed" | cut -c1-16)"
done

# -jobs=1 -workers=1: one fuzzing process, one core. In this mode libFuzzer writes its own output
# to fuzz-0.log, which is printed at the end. -max_len: the bundled roadmap is ~22 KB.
rm -f fuzz-0.log
status=0
cargo +nightly fuzz run "$target" "$corpus" -- \
    -max_total_time="$seconds" -jobs=1 -workers=1 -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 "$@" || status=$?
[ -f fuzz-0.log ] && cat fuzz-0.log
echo "corpus: $(ls "$corpus" | wc -l) inputs; crashes: $(ls "artifacts/$target" 2>/dev/null | wc -l)" >&2
exit "$status"
