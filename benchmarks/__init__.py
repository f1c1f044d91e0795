"""The screening benchmark of clearance: quality and speed suites, peers in the same run.

Run ``python -m benchmarks.run --quick`` from the repository root; see ``README.md``.
"""
