"""Mail servers on loopback for the mail tests: a real SMTP server (aiosmtpd) and one that accepts and never answers."""

import contextlib
import email
import socket
import threading
from email import policy

from aiosmtpd.controller import Controller

from .servers import HOST, free_port


class Inbox:
    """aiosmtpd's handler: keeps every message it is given, parsed."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=policy.default)
        self.messages.append({"to": sorted(envelope.rcpt_tos), "subject": message["Subject"], "message": message})
        return "250 Message accepted for delivery"

    def subjects(self):
        return [message["subject"] for message in self.messages]


@contextlib.contextmanager
def smtp_server(port=None):
    """A real SMTP server on ``port`` (a free one by default); yields its ``Inbox`` with ``port`` set."""
    inbox = Inbox()
    inbox.port = port or free_port()
    controller = Controller(inbox, hostname=HOST, port=inbox.port)
    controller.start()
    try:
        yield inbox
    finally:
        controller.stop()


@contextlib.contextmanager
def hanging_smtp_server(port=None):
    """A server that accepts every connection and never says a word, like a mail server that hangs; yields its port."""
    listener = socket.create_server((HOST, port or free_port()))
    listener.settimeout(0.2)
    accepted, stop = [], threading.Event()

    def accept():
        while not stop.is_set():
            with contextlib.suppress(TimeoutError):
                accepted.append(listener.accept()[0])

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        stop.set()
        thread.join()
        for connection in (*accepted, listener):
            connection.close()
