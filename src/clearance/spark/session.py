"""A SparkSession set up for screening: local on a laptop, or the one spark-submit made."""

from __future__ import annotations

import os
import sys

from pyspark import SparkConf
from pyspark.sql import SparkSession

DEFAULT_MASTER = "local[*]"


def get_session(master: str | None = None, app_name: str = "clearance") -> SparkSession:
    """The active session, or a new one on ``master``.

    Under ``spark-submit`` the master and resources come from its flags (``master=None``);
    otherwise ``master`` defaults to ``local[*]``. In local mode the Python workers run this
    interpreter unless PYSPARK_PYTHON says otherwise, so they see the same clearance.
    """
    active = SparkSession.getActiveSession()
    if active is not None and master is None:
        return active
    submitted = SparkConf().get("spark.master")  # set by spark-submit / pyspark shell
    builder = SparkSession.builder.appName(app_name)
    if master is not None or submitted is None:
        builder = builder.master(master or DEFAULT_MASTER)
    if (master or submitted or DEFAULT_MASTER).startswith("local"):
        # workers on this machine: this interpreter (a cluster sets spark.pyspark.python)
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        builder = builder.config("spark.ui.enabled", "false").config(
            "spark.sql.shuffle.partitions", "8"
        )
    return builder.config("spark.sql.execution.arrow.pyspark.enabled", "true").getOrCreate()
