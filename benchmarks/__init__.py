"""Benchmarks: each bench_*.py exposes run(quick) -> rows; `python -m benchmarks` prints them all."""
