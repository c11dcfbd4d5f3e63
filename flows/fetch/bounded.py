"""Reading a response body within a byte cap and a total deadline.

The content encoding is decoded here, not by httpx: httpx inflates each network read in
one zlib call and stacks encodings (`gzip, gzip`), so a few hundred bytes could become
gigabytes before any cap is checked. Here at most INFLATE_STEP bytes are inflated at a
time and counted against the cap, and only one layer of gzip or deflate is accepted."""

from __future__ import annotations

import socket
import threading
import time
import zlib
from collections.abc import Iterator
from contextlib import contextmanager

import httpx

from flows.fetch.base import FetchError, TransientFetchError, too_large

DEFAULT_DEADLINE_SECONDS = 120.0
ACCEPT_ENCODING = "gzip, deflate"
INFLATE_STEP = 64 * 1024
GZIP_BITS = 16 + zlib.MAX_WBITS
WINDOW_BITS = {"gzip": GZIP_BITS, "x-gzip": GZIP_BITS, "deflate": zlib.MAX_WBITS}


class Deadline:
    """The moment a whole download (every redirect hop included) must be over by."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds

    def remaining(self) -> float:
        return self.end - time.monotonic()

    def expired(self) -> TransientFetchError:
        return TransientFetchError(f"download not finished within its {self.seconds:g} s deadline")

    def check(self) -> None:
        if self.remaining() <= 0:
            raise self.expired()

    def timeout(self, *, connect: float, read: float) -> httpx.Timeout:
        """The per-operation timeouts, none of them reaching past the deadline."""
        self.check()
        left = self.remaining()
        return httpx.Timeout(min(read, left), connect=min(connect, left))


def _shut(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        return  # already closed: the read is over anyway


@contextmanager
def cut_at(deadline: Deadline, response: httpx.Response) -> Iterator[None]:
    """Shut the response's socket when the deadline passes, so a server that sends one byte
    just inside every read timeout cannot keep the blocked read going."""
    stream = response.extensions.get("network_stream")
    sock = stream.get_extra_info("socket") if stream is not None else None
    if not isinstance(sock, socket.socket):
        yield
        return
    timer = threading.Timer(max(deadline.remaining(), 0.0), _shut, args=(sock,))
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()


def decoder_for(content_encoding: str | None) -> zlib._Decompress | None:
    """A decoder for the one accepted encoding; refuse stacked and unknown encodings."""
    names = [name.strip().lower() for name in (content_encoding or "").split(",")]
    names = [name for name in names if name and name != "identity"]
    if len(names) > 1:
        raise FetchError(f"refused: stacked content encodings {', '.join(names)[:200]!r}")
    if not names:
        return None
    if names[0] not in WINDOW_BITS:
        raise FetchError(f"refused: unsupported content encoding {names[0][:100]!r}")
    return zlib.decompressobj(WINDOW_BITS[names[0]])


def inflate(decoder: zlib._Decompress, data: bytes) -> Iterator[bytes]:
    """The decoded bytes of `data`, at most INFLATE_STEP at a time."""
    while True:
        try:
            piece = decoder.decompress(data, INFLATE_STEP)
        except zlib.error as error:
            raise FetchError(f"corrupt compressed response: {error}") from error
        if piece:
            yield piece
        data = decoder.unconsumed_tail
        if not data and len(piece) < INFLATE_STEP:
            return


def read_capped(
    chunks: Iterator[bytes],
    cap: int,
    *,
    content_encoding: str | None = None,
    deadline: Deadline | None = None,
) -> bytes:
    """Decode and join the raw chunks; refuse as soon as more than `cap` bytes arrive or are
    decoded, or the deadline passes."""
    decoder = decoder_for(content_encoding)
    body = bytearray()
    received = 0
    for chunk in chunks:
        received += len(chunk)
        if received > cap:
            raise too_large(cap)
        for piece in inflate(decoder, chunk) if decoder else (chunk,):
            body.extend(piece)
            if len(body) > cap:
                raise too_large(cap)
        if deadline is not None:
            deadline.check()
    if deadline is not None:
        deadline.check()  # a cut connection can look like the end of the body
    return bytes(body)
