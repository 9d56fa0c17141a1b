"""Ordinal's benchmark suite: builds the release binaries, runs each case several times against real
processes, and writes bench/results.md. Started by `bench/run`."""
