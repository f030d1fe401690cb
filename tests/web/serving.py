"""A real ``archive-search serve`` process for tests: started, asked for pages, stopped with a signal.

The server is started on port 0 (any free port) unless told otherwise; the
address it serves at is read from the line it writes on stderr.
"""

from __future__ import annotations

import json
import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field

SERVING = re.compile(r"serving .* at (http://\S+/),")
START_TIMEOUT = 60


def http_get(url: str, timeout: float = 30):
    """(status, headers, body) of a GET, not through any proxy."""
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(url, timeout=timeout) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


@dataclass
class Served:
    """A serve process: its address once it serves, and, once stopped, its exit code and stderr."""

    process: subprocess.Popen
    reader: threading.Thread | None = None
    url: str | None = None
    exit_code: int | None = None
    lines: list[str] = field(default_factory=list)

    @property
    def stderr(self) -> str:
        return "".join(self.lines)

    def get(self, path: str):
        return http_get(self.url.rstrip("/") + path)

    def json(self, path: str):
        status, _, body = self.get(path)
        assert status == 200, body
        return json.loads(body)

    def stop(self, sig=signal.SIGINT, timeout: float = 30) -> int:
        if self.process.poll() is None:
            self.process.send_signal(sig)
        try:
            self.exit_code = self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.exit_code = self.process.wait()
        self._close()
        return self.exit_code

    def _close(self) -> None:
        if self.reader is not None:
            self.reader.join(10)
        self.process.stderr.close()


def _ctrl_c_heard() -> None:
    """In the child: SIGINT as a terminal delivers it, even where this process was started with
    it ignored (a background job of a script), so that Python turns it into KeyboardInterrupt."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def start(*args, cwd=None, env=None) -> Served:
    """Start ``archive-search ARGS`` (which should hold ``serve``) and wait until it serves, or has ended."""
    process = subprocess.Popen([sys.executable, "-m", "archive_search", *map(str, args)], cwd=cwd or os.getcwd(),
                               env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True, encoding="utf-8", preexec_fn=_ctrl_c_heard)
    served = Served(process)
    lines: queue.Queue = queue.Queue()

    def read() -> None:
        for line in process.stderr:
            served.lines.append(line)
            lines.put(line)
        lines.put(None)

    served.reader = threading.Thread(target=read, daemon=True)
    served.reader.start()
    deadline = time.monotonic() + START_TIMEOUT
    while served.url is None and time.monotonic() < deadline:
        try:
            line = lines.get(timeout=0.5)
        except queue.Empty:
            continue
        if line is None:  # it ended without serving
            served.exit_code = process.wait()
            served._close()
            return served
        found = SERVING.search(line)
        if found:
            served.url = found.group(1)
    if served.url is None:
        served.stop(signal.SIGKILL)
        raise AssertionError(f"serve did not start in {START_TIMEOUT} s: {served.stderr}")
    return served


def serve_once(*args, cwd=None, path: str = "/api/stats"):
    """Start a server, ask it for one page, and stop it with Ctrl-C: (Served, status, body)."""
    served = start(*args, cwd=cwd)
    if served.url is None:
        return served, None, None
    try:
        status, _, body = served.get(path)
    finally:
        served.stop()
    return served, status, body
