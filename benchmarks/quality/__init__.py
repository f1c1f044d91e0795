"""Quality suites: name_bench, cross-script, robustness classes, end to end."""
