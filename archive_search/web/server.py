"""The HTTP server: uvicorn on a socket bound here, run until Ctrl-C or SIGTERM.

The socket is bound before the server starts, so that a port in use is one
clear error and port 0 (any free port) gives its number before the first
request. uvicorn runs in a thread of its own and the main thread waits for
a signal: Ctrl-C and SIGTERM end the wait, the server finishes the requests
under way and stops, and the command ends as a server asked to stop
should, with success. uvicorn's logging is left as Python's (warnings and
errors on stderr); requests are not logged.
"""

from __future__ import annotations

import ipaddress
import socket
import threading

# How long the requests under way may take to finish once the server is asked to stop, in seconds.
GRACE = 5


def is_local(host: str) -> bool:
    """Whether an address to listen on is this machine's loopback only.

    >>> is_local("127.0.0.1"), is_local("::1"), is_local("localhost"), is_local("0.0.0.0")
    (True, True, True, False)
    """
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def listen(host: str, port: int) -> socket.socket:
    """A socket listening on host:port; raises OSError (a port in use, an address not this machine's)."""
    family, kind, proto, _, address = socket.getaddrinfo(host.strip("[]"), port, type=socket.SOCK_STREAM,
                                                         flags=socket.AI_PASSIVE)[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(128)
    except OSError:
        sock.close()
        raise
    return sock


def url_of(sock: socket.socket) -> str:
    """The address a browser reaches a listening socket at."""
    host, port = sock.getsockname()[:2]
    if sock.family == socket.AF_INET6:
        host = f"[{host}]"
    return f"http://{host}:{port}/"


def serve(app, sock: socket.socket, on_started=None) -> bool:
    """Serve the ASGI app on the socket until Ctrl-C or SIGTERM (``on_started``
    is called once it serves). True when it stopped so, False when the server
    ended by itself (it could not start)."""
    import uvicorn

    config = uvicorn.Config(app, http="h11", loop="asyncio", ws="none", lifespan="on", log_config=None,
                            log_level="warning", access_log=False, server_header=False, proxy_headers=False,
                            timeout_graceful_shutdown=GRACE)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name="archive-search-http",
                              daemon=True)
    thread.start()
    asked = False
    try:
        if on_started is not None:
            on_started()
        while thread.is_alive():
            thread.join(0.25)
    except (KeyboardInterrupt, SystemExit):  # Ctrl-C, or SIGTERM (the CLI makes it a SystemExit)
        asked = True
    finally:
        server.should_exit = True
        thread.join(GRACE + 5)
        sock.close()
    return asked
