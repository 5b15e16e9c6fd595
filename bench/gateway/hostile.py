#!/usr/bin/env python3
"""Hostile clients for the gateway benchmark: N sockets, each from its own loopback address (127.0.1.x), each
declaring a body on a public path and trickling it one byte a second; a socket the gateway closes is opened again.
Usage: hostile.py HOST PORT N (runs until killed)."""
import socket
import sys
import time

host, port, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
HEAD = (b"GET /api/v1/published/outcome-delivery-plans HTTP/1.1\r\nHost: localhost\r\n"
        b"Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{")


def connect(i):
    s = socket.socket()
    s.bind(("127.0.1.%d" % (i % 250 + 1), 0))
    s.connect((host, port))
    s.sendall(HEAD)
    s.setblocking(False)
    return s


socks = [connect(i) for i in range(n)]
while True:
    time.sleep(1)
    for i, s in enumerate(socks):
        try:
            try:
                if s.recv(65536) == b"":
                    raise ConnectionError
            except BlockingIOError:
                pass
            s.send(b" ")
        except OSError:
            s.close()
            socks[i] = connect(i)
