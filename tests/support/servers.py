"""Real servers on loopback for the deployment tests and the benchmarks, always stopped afterwards.

gunicorn (production settings) serving this checkout, a throwaway Redis and a
throwaway PostgreSQL cluster, each on a free port. Nothing here touches the
machine's own PostgreSQL or Redis servers except to read a database to copy.
"""

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from http.client import HTTPConnection
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HOST = "127.0.0.1"
SECRET_KEY = "servers-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz-ABCDEFGH"


def free_port():
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def missing_binaries(*names):
    """The names that are neither on PATH nor in PostgreSQL's bin folder."""
    return [name for name in names if binary(name) is None]


def binary(name):
    found = shutil.which(name)
    if found:
        return found
    for folder in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (folder / name).exists():
            return str(folder / name)
    if name == "gunicorn" and (Path(sys.executable).parent / "gunicorn").exists():
        return str(Path(sys.executable).parent / "gunicorn")
    return None


class Response:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body

    @property
    def text(self):
        return self.body.decode("utf-8", "replace")

    def header(self, name):
        """The first value of the header ``name`` (any case), or None."""
        return next((value for key, value in self.headers if key.lower() == name.lower()), None)

    def cookies(self):
        """{name: value} of the Set-Cookie headers (Secure or not: this is loopback)."""
        found = {}
        for name, value in self.headers:
            if name.lower() == "set-cookie":
                pair = value.split(";", 1)[0]
                key, _sep, cookie = pair.partition("=")
                found[key.strip()] = cookie.strip()
        return found


def request(port, path, method="GET", body=None, headers=None, cookies=None, timeout=30, source=None):
    """One HTTP request on loopback; ``source`` is another loopback address to send it from (e.g. 127.0.0.2)."""
    connection = HTTPConnection(HOST, port, timeout=timeout, source_address=(source, 0) if source else None)
    try:
        sent = {"Host": HOST, **(headers or {})}
        if cookies:
            sent["Cookie"] = "; ".join(f"{name}={value}" for name, value in cookies.items())
        if body is not None:
            sent["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, body=body, headers=sent)
        response = connection.getresponse()
        return Response(response.status, response.getheaders(), response.read())
    finally:
        connection.close()


def _wait_until_up(port, process, timeout=90):
    deadline = time.time() + timeout
    while True:
        try:
            request(port, "/robots.txt", timeout=5)
            return
        except OSError:
            if process.poll() is not None:
                raise RuntimeError(f"server on port {port} exited with {process.returncode}") from None
            if time.time() > deadline:
                raise
            time.sleep(0.3)


def _stop(process, timeout=20):
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def production_environment(**overrides):
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "melayani.settings.production",
        "SECRET_KEY": SECRET_KEY,
        "ALLOWED_HOSTS": HOST,
        "SECURE_SSL_REDIRECT": "false",
        "PAGE_CACHE_TIMEOUT": "600",
        "LOG_LEVEL": "ERROR",
    }
    environment.update({name: str(value) for name, value in overrides.items()})
    return environment


def manage(database_url, *arguments, **environment):
    """``manage.py`` on that database, committed, in the servers' settings (their password hashers)."""
    environment = production_environment(DATABASE_URL=database_url, PAGE_CACHE_TIMEOUT=0, **environment)
    done = subprocess.run([sys.executable, "manage.py", *arguments], cwd=ROOT, env=environment, capture_output=True)
    if done.returncode:
        # Quiet when it works; when it fails, the command's own words say why.
        said = done.stderr.decode(errors="replace")[-4000:]
        raise RuntimeError(f"manage.py {arguments[0]} failed ({done.returncode}):\n{said}")


def create_superuser(database_url, username, password, email):
    """An administrator on that database, as ``manage.py createsuperuser`` makes one."""
    manage(
        database_url,
        "createsuperuser",
        "--noinput",
        "--username",
        username,
        "--email",
        email,
        DJANGO_SUPERUSER_PASSWORD=password,
    )


def collect_static(folder):
    """collectstatic (WhiteNoise's manifest, which production templates need) into ``folder``."""
    environment = production_environment(STATIC_ROOT=folder)
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=environment, check=True
    )


@contextlib.contextmanager
def gunicorn(workers=2, **environment):
    """The site under gunicorn in production settings on a free port; yields the port.

    Its page cache and form counters on disk are its own unless given: a checkout's ``var/`` would carry
    them from one run to the next (a day's complaints from 127.0.0.1 would be refused the next run).
    """
    port = free_port()
    arguments = [binary("gunicorn"), "melayani.wsgi:application", "--workers", str(workers)]
    arguments += ["--bind", f"{HOST}:{port}", "--log-level", "warning", "--graceful-timeout", "5"]
    # A worker that outlived a killed master may still write there while it is removed.
    with tempfile.TemporaryDirectory(prefix="melayani-host-", ignore_cleanup_errors=True) as folder:
        own_folders = {"PAGE_CACHE_DIR": f"{folder}/pages", "LIMITS_CACHE_DIR": f"{folder}/limits"}
        process = subprocess.Popen(arguments, cwd=ROOT, env=production_environment(**{**own_folders, **environment}))
        try:
            _wait_until_up(port, process)
            yield port
        finally:
            _stop(process)


@contextlib.contextmanager
def redis_server():
    """A throwaway Redis that keeps nothing on disk; yields a handle to stop and start it again."""
    handle = _Redis(free_port())
    handle.start()
    try:
        yield handle
    finally:
        handle.stop()


class _Redis:
    def __init__(self, port):
        self.port = port
        self.url = f"redis://{HOST}:{port}/0"
        self.process = None

    def start(self):
        arguments = [
            binary("redis-server"),
            "--port",
            str(self.port),
            "--bind",
            HOST,
            "--save",
            "",
            "--appendonly",
            "no",
        ]
        self.process = subprocess.Popen(arguments, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 10
        while True:
            with contextlib.suppress(OSError), socket.create_connection((HOST, self.port), timeout=1):
                return
            if time.time() > deadline or self.process.poll() is not None:
                raise RuntimeError("redis-server did not start")
            time.sleep(0.1)

    def stop(self):
        if self.process is not None:
            _stop(self.process)
            self.process = None


@contextlib.contextmanager
def postgres_cluster(copy_from=None):
    """A throwaway PostgreSQL cluster on a free port (run as ``postgres`` when we are root).

    With ``copy_from`` (a libpq URL), its database is copied into the database
    ``melayani`` there. Yields a handle with ``url`` and ``stop()`` and ``start()``.
    """
    handle = _Postgres(free_port())
    try:
        handle.create()
        if copy_from:
            handle.copy(copy_from)
        yield handle
    finally:
        handle.destroy()


class _Postgres:
    def __init__(self, port):
        self.port = port
        self.folder = Path(tempfile.mkdtemp(prefix="melayani-pg-"))
        self.data = self.folder / "data"
        self.url = f"postgres://postgres@{HOST}:{port}/melayani"
        self.started = False

    def _as_owner(self, *arguments, **options):
        if os.geteuid() == 0:
            arguments = ("runuser", "-u", "postgres", "--", *arguments)
        return subprocess.run(arguments, check=True, capture_output=True, **options)

    def create(self):
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres")
        self._as_owner(binary("initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8")
        self.start()
        self._as_owner(binary("createdb"), "-h", HOST, "-p", str(self.port), "-U", "postgres", "melayani")

    def copy(self, source_url):
        dump = subprocess.run([binary("pg_dump"), "--no-owner", source_url], check=True, capture_output=True).stdout
        self._as_owner(
            binary("psql"), "-q", "-v", "ON_ERROR_STOP=1", "-h", HOST, "-p", str(self.port), "-U", "postgres",
            "-d", "melayani", input=dump,
        )  # fmt: skip

    def _pg_ctl(self, *arguments):
        options = f"-p {self.port} -c listen_addresses={HOST} -k {self.folder} -c fsync=off"
        self._as_owner(
            binary("pg_ctl"), *arguments, "-D", str(self.data), "-w", "-o", options, "-l", str(self.folder / "log")
        )

    def start(self):
        self._pg_ctl("start")
        self.started = True

    def stop(self):
        self._as_owner(binary("pg_ctl"), "stop", "-D", str(self.data), "-m", "fast", "-w")
        self.started = False

    def destroy(self):
        if self.started:
            with contextlib.suppress(subprocess.CalledProcessError):
                self._as_owner(binary("pg_ctl"), "stop", "-D", str(self.data), "-m", "immediate", "-w")
        shutil.rmtree(self.folder, ignore_errors=True)
