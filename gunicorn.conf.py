"""gunicorn reads this file from the working directory: hooks only, the flags stay on the command line."""

import os

# A worker answers one request at a time, and the workers share the cores: BLAS's own threads would
# only contend with the other workers (a search's 1,840 x 384 product took 3.6 ms with them on a busy
# machine, 0.07 ms without). Read by numpy when a worker imports it, after the fork.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def post_worker_init(worker):
    """Each worker loads the search model and engine before its first request (search/warmup.py)."""
    from search.warmup import warm_up_worker

    warm_up_worker(worker)
