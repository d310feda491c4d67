#!/usr/bin/env bash
# Fuzz one target (default load_validate) for SECONDS (default 600) on one core.
#
#   fuzz/run.sh 600                    # from the repository root or from fuzz/
#   fuzz/run.sh 600 -max_len=4096      # more libFuzzer flags after SECONDS (later ones win)
#   fuzz/run.sh exports_hostile 600    # hostile names through the ICS, SVG and MSPDI writers
#   fuzz/run.sh import 600             # MSPDI, CSV and XLSX import and the TOML writer
#
# Needs a nightly toolchain (`rustup toolchain install nightly`); installs cargo-fuzz if missing.
# The corpus is seeded from the bundled roadmap, the examples and the broken-file tests, and kept
# in fuzz/corpus/load_validate between runs. Crashes land in fuzz/artifacts/load_validate/.
set -euo pipefail

target=load_validate
if [[ "${1:-}" =~ ^[a-z_]+$ ]]; then
    target="$1"
    shift
fi
seconds="${1:-600}"
shift || true
cd "$(dirname "$0")"
root=..

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "installing cargo-fuzz..." >&2
    cargo install cargo-fuzz --locked
fi

corpus="corpus/$target"
mkdir -p "$corpus"
seeds=("$root"/roadmap.toml "$root"/examples/*.toml "$root"/tests/broken/*.toml)
if [ "$target" = import ]; then
    seeds=("$root"/tests/fixtures/import/*.xml)
elif [ "$target" = exports_hostile ]; then
    # Names separated by `|`: control characters, markup, separators, bidi, wide text.
    printf 'A\x1b]0;x\x07|<&>"\x27|a;b,c\\d\r\ne|\xe2\x80\xae\xef\xbf\xbe|%s' "$(printf 'é%.0s' {1..80})" \
        > "$corpus/seed-hostile" 2>/dev/null || true
    seeds=()
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
