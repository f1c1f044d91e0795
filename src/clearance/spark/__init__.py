"""Batch screening on Apache Spark (the ``spark`` extra): same matcher, same rows.

``screen_dataframe(df, ...)`` adds the batch output columns to a DataFrame; the index is
built once on the driver and broadcast. See docs/spark.md for running on a cluster.
"""

from __future__ import annotations

from typing import Any

__all__ = ["screen_dataframe", "clearance_errors", "get_session"]


def __getattr__(name: str) -> Any:  # import pyspark only when Spark is actually used
    if name == "screen_dataframe":
        from clearance.spark.frame import screen_dataframe

        return screen_dataframe
    if name == "clearance_errors":
        from clearance.spark.errors import clearance_errors

        return clearance_errors
    if name == "get_session":
        from clearance.spark.session import get_session

        return get_session
    raise AttributeError(name)
