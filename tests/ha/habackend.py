#!/usr/bin/env python3
"""A backend for tests/ha/run.sh: answers each connection with its own name
and the address the connection came from (which balancer node relayed it),
then closes. Usage: habackend.py NAME PORT"""
import socket
import socketserver
import sys


class Handler(socketserver.BaseRequestHandler):
    def handle(self):
        self.request.settimeout(2)
        data = b""
        try:
            # A health probe connects and closes; a client sends a request line.
            while b"\n" not in data and len(data) < 4096:
                chunk = self.request.recv(4096)
                if not chunk:
                    return
                data += chunk
            body = "%s from %s\n" % (NAME, self.client_address[0])
            self.request.sendall(("HTTP/1.0 200 OK\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body)).encode())
        except OSError:
            pass


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True
    request_queue_size = 128


NAME = sys.argv[1]
with Server(("0.0.0.0", int(sys.argv[2])), Handler) as server:
    server.serve_forever()
