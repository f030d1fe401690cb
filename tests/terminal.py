"""Running the real command on a pseudo-terminal, as a person's terminal runs it (tests and benchmarks)."""

import os


def run_on_terminal(*args, env=None, timeout=60, command=None) -> tuple[int, bytes]:
    """Run the real command (``command``, by default this Python's
    ``-m archive_search``) with its stdout and stderr on a pseudo-terminal, as
    a person's terminal would get them: (exit code, the bytes written)."""
    import pty
    import subprocess
    import sys

    leader, follower = pty.openpty()
    environment = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "100", **(env or {})}
    environment.pop("NO_COLOR", None)
    command = command or [sys.executable, "-m", "archive_search"]
    proc = subprocess.Popen([*command, *map(str, args)], stdin=subprocess.DEVNULL,
                            stdout=follower, stderr=follower, env=environment, close_fds=True)
    os.close(follower)
    output = bytearray()
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal is closed once the process is gone
            break
        if not chunk:
            break
        output.extend(chunk)
    os.close(leader)
    return proc.wait(timeout=timeout), bytes(output)
