"""Hamish's benchmark suite (issue 6): `python -m bench [--quick | --tiny] [--json FILE]`.

Builds its own workload from the sample article's vocabulary, measures what a user waits for
beside a reference measured in the same run on the same data, and checks the targets.
See `bench/run.py` for the rows, the statistics and the targets. Not part of the test run
(tests/bench runs `--tiny` only, to keep it from rotting).
"""
