"""A TCP proxy in front of the real PostgreSQL, so tests can take "the database" away.

The machine's PostgreSQL server is shared and must never be stopped; instead the
service under test talks to ``127.0.0.1:<proxy port>``, and the proxy forwards each
connection to the real server.  ``stop()`` closes the listening socket and cuts every
open connection (the database is unreachable: new connections are refused at once,
pooled ones are dead); ``start()`` listens again on the same port ("the server is
back").  ``stop(); start()`` in a row is a restart as clients see it.

Threads, not asyncio: the service is synchronous and the proxy must keep forwarding
while a test thread blocks on a query.
"""

from __future__ import annotations

import socket
import threading


class TcpProxy:
    """Forward ``127.0.0.1:port`` to ``upstream``; stop and start at will."""

    def __init__(self, upstream: tuple[str, int] = ("127.0.0.1", 5432), port: int = 0) -> None:
        self.upstream = upstream
        self.port = port
        self._listener: socket.socket | None = None
        self._sockets: set[socket.socket] = set()
        self._lock = threading.Lock()
        self.connections = 0  # accepted since creation (how many reconnects happened)

    @property
    def running(self) -> bool:
        return self._listener is not None

    def start(self) -> "TcpProxy":
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self.port = listener.getsockname()[1]  # the same port on every restart
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()
        return self

    def stop(self) -> None:
        """Refuse new connections and cut the open ones (a reset, as when a server dies)."""
        listener, self._listener = self._listener, None
        if listener is not None:
            try:
                listener.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            listener.close()
        with self._lock:
            doomed, self._sockets = self._sockets, set()
        for sock in doomed:
            _cut(sock)

    def cut(self) -> None:
        """Cut every open connection but keep listening (a fast restart)."""
        with self._lock:
            doomed, self._sockets = self._sockets, set()
        for sock in doomed:
            _cut(sock)

    def restart(self) -> None:
        self.stop()
        self.start()

    def __enter__(self) -> "TcpProxy":
        return self.start() if not self.running else self

    def __exit__(self, *exc) -> None:
        self.stop()

    # ------------------------------------------------------------------ internals

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return  # stopped
            if self._listener is not listener:
                _cut(client)
                return
            try:
                server = socket.create_connection(self.upstream, timeout=3)
                server.settimeout(None)
            except OSError:
                _cut(client)
                continue
            with self._lock:
                self._sockets.update((client, server))
                self.connections += 1
            for a, b in ((client, server), (server, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    def _pipe(self, src: socket.socket, dst: socket.socket) -> None:
        try:
            while True:
                data = src.recv(65536)
                if not data:
                    break
                dst.sendall(data)
        except OSError:
            pass
        finally:
            with self._lock:
                self._sockets.discard(src)
                self._sockets.discard(dst)
            _cut(src)
            _cut(dst)


def _cut(sock: socket.socket) -> None:
    try:
        # SO_LINGER 0: close with a RST, like a crashed server, not a polite FIN.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
    except OSError:
        pass
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    sock.close()
