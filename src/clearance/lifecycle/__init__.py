"""List lifecycle: official downloads, checked atomic updates, diffs, counterparty register,
delta re-screening and alerts. See ``docs/lifecycle.md``.

==================  ============================================================
module              what
==================  ============================================================
``fetch``           httpx download: timeouts, retries, size and type limits
``guards``          zip/gzip bombs and XML entity declarations refused
``archive``         raw bytes kept by sha256 under ``$CLEARANCE_HOME/archive``
``sanity``          bounds and share-lost checks before a version goes live
``update``          the update pipeline, with fault-injection stages (``faults``)
``diff``            added / removed / changed entries between two versions
``parties``         the counterparty register (CSV, JSONL, Parquet)
``party_index``     inverted index over the parties, queried with list names
``rescreen``        delta re-screening and alerts, resumable after a crash
``alerts_query``    reading alerts back
``scheduler``       run updates on an interval
==================  ============================================================
"""
