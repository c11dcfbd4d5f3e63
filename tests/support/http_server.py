"""A local HTTP server on 127.0.0.1 with a random port, serving programmable routes."""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    chunks: int = 0  # send the body this many times, chunked, without a length
    etag: str | None = None  # answer 304 when If-None-Match matches


Route = Reply | Callable[[BaseHTTPRequestHandler], Reply]


class LocalServer:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: Counter[str] = Counter()
        self.hit_times: dict[str, list[float]] = {}
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:
                return None

            def do_GET(self) -> None:
                owner.hits[self.path] += 1
                owner.hit_times.setdefault(self.path, []).append(time.monotonic())
                route = owner.routes.get(self.path, Reply(status=404, body=b"not found"))
                reply = route(self) if callable(route) else route
                owner.send(self, reply)

        return Handler

    def send(self, handler: BaseHTTPRequestHandler, reply: Reply) -> None:
        if reply.delay:
            time.sleep(reply.delay)
        if reply.etag and handler.headers.get("If-None-Match") == reply.etag:
            handler.send_response(304)
            handler.send_header("ETag", reply.etag)
            handler.send_header("Content-Length", "0")
            handler.end_headers()
            return
        handler.send_response(reply.status)
        for name, value in reply.headers.items():
            handler.send_header(name, value)
        if reply.etag:
            handler.send_header("ETag", reply.etag)
        try:
            self._body(handler, reply)
        except (BrokenPipeError, ConnectionResetError):
            return

    def _body(self, handler: BaseHTTPRequestHandler, reply: Reply) -> None:
        if not reply.chunks:
            handler.send_header("Content-Length", str(len(reply.body)))
            handler.end_headers()
            handler.wfile.write(reply.body)
            return
        handler.send_header("Transfer-Encoding", "chunked")
        handler.end_headers()
        for _ in range(reply.chunks):
            handler.wfile.write(f"{len(reply.body):x}\r\n".encode() + reply.body + b"\r\n")
        handler.wfile.write(b"0\r\n\r\n")


@pytest.fixture
def http_server() -> Iterator[LocalServer]:
    server = LocalServer()
    server.thread.start()
    yield server
    server.server.shutdown()
    server.server.server_close()
