"""Mail servers that misbehave on purpose, on a local port, for the e-mail tasks' tests.

Written by hand rather than with a library SMTP server because the point is the misbehaviour:
a server that never greets, and one that holds a message without answering. A message
counts as delivered, as in SMTP, only once the server has answered 250 to its end of data.
"""

import socket
import socketserver
import threading


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, handler):
        super().__init__(("127.0.0.1", 0), handler)
        self.port = self.server_address[1]
        self.connections = []
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self.shutdown()
        for connection in self.connections:
            try:
                connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            connection.close()
        self.server_close()


class _Silent(socketserver.BaseRequestHandler):
    def handle(self):
        self.server.connections.append(self.request)
        self.server.accepted.set()
        # Never a greeting: read until the client gives up (or the test ends).
        try:
            while self.request.recv(1024):
                pass
        except OSError:
            pass


class SilentServer(_Server):
    """Accepts the connection and never says a word."""

    def __init__(self):
        super().__init__(_Silent)
        self.accepted = threading.Event()


class _Recording(socketserver.StreamRequestHandler):
    def reply(self, line):
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self):
        server = self.server
        server.connections.append(self.request)
        self.reply("220 test ESMTP")
        while line := self.rfile.readline():
            command = line.decode(errors="replace").strip().upper()
            if command.startswith(("EHLO", "HELO")):
                self.reply("250 test")
            elif command.startswith(("MAIL", "RCPT", "RSET", "NOOP")):
                self.reply("250 OK")
            elif command == "DATA":
                self.reply("354 end with <CRLF>.<CRLF>")
                message = self.read_data()
                if message is None:
                    return
                if server.hold_next.is_set():
                    server.hold_next.clear()
                    self.hold()
                    return
                with server.lock:
                    server.messages.append(message)
                self.reply("250 queued")
            elif command == "QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("502 not implemented")

    def read_data(self):
        lines = []
        while line := self.rfile.readline():
            if line in (b".\r\n", b".\n"):
                return b"".join(lines).decode(errors="replace")
            lines.append(line[1:] if line.startswith(b"..") else line)
        return None

    def hold(self):
        """Keep the message unanswered until the client goes away: it was never delivered."""
        self.server.holding.set()
        try:
            while self.request.recv(1024):
                pass
        except OSError:
            pass


class RecordingSMTPServer(_Server):
    """Delivers into ``messages``; after ``hold_next.set()`` it holds the next message unanswered."""

    def __init__(self):
        super().__init__(_Recording)
        self.messages = []
        self.lock = threading.Lock()
        self.hold_next = threading.Event()
        self.holding = threading.Event()
