"""gunicorn reads this file from the working directory: hooks only, the flags stay on the command line."""


def post_worker_init(worker):
    """Each worker loads the search model and engine before its first request (search/warmup.py)."""
    from search.warmup import warm_up_worker

    warm_up_worker(worker)
