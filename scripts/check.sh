#!/usr/bin/env bash
# Runs locally exactly what CI runs after its installs: format, lints, tests.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo fmt --check
cargo clippy --all-targets -- -D warnings
cargo test
