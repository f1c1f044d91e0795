"""Speed and size suite: import time, latency, batch throughput, peak RSS, retrieval recall."""
