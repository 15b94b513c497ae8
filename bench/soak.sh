#!/usr/bin/env bash
# Soak test: the demo server (release build, its own process) under a steady
# request rate for a long time; prints the rate reached, latency, errors (must
# be 0: the script fails otherwise) and VmRSS at start / peak / end.
#
#   bench/soak.sh [SECS=60] [RATE=10000]    (RATE 0: as fast as it goes)
#
# `cargo xtask bench` runs a shorter soak (15 s; `--soak 60` for this one).
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${1:-60}"
rate="${2:-10000}"
target="${CARGO_TARGET_DIR:-target}"
cargo build --quiet --release --package demo-server
cargo build --quiet --profile bench-tools --package bench-tools
exec "$target/bench-tools/load" soak --server "$target/release/demo-server" \
  --dist dist --secs "$secs" --rate "$rate"
