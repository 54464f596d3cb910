"""Django's PostgreSQL backend, with the connection health check asked of the socket first.

CONN_HEALTH_CHECKS makes Django send `SELECT 1` before the first query of each request on a
reused connection, so that a connection the server has dropped (a restart, an idle timeout,
a terminated backend) is replaced instead of failing that request. That round trip cost as
much here as a third of a whole bare Django request.

A connection the server has ended has something waiting on its socket: the server's
"terminating connection" notice, or the end of the stream. So the round trip is skipped only
when all of these hold: the socket is quiet, no transaction is open, no error happened on the
connection, and the server answered on it within the last FRESH_SECONDS (a request used it
without error). Otherwise Django's own check (`SELECT 1`) decides, as before. Under load every
request takes the short way; a connection left idle, or one that just failed, is checked for
real. What is left: a server lost without a word (a host reset, an address moved to another
host) within FRESH_SECONDS of its last answer fails the next request, where `SELECT 1` might
have been refused at once and the connection replaced.
"""

import select
import time

import psycopg
from django.db.backends.postgresql import base
from psycopg import pq

# How recent the server's last answer on a connection must be for the socket to vouch for it.
FRESH_SECONDS = 5.0


def _quiet(connection) -> bool:
    """Whether nothing is waiting to be read on the connection's socket."""
    poll = select.poll()
    poll.register(connection.fileno(), select.POLLIN | select.POLLPRI)
    return not poll.poll(0)


class DatabaseWrapper(base.DatabaseWrapper):
    answered_at = None  # time.monotonic() of the server's last answer known on this connection

    def connect(self) -> None:
        super().connect()
        self.answered_at = time.monotonic()

    def close_if_unusable_or_obsolete(self) -> None:
        # Called as a request starts and as it ends: a connection that this request used
        # (the health check was done) without error has just been answered on.
        if self.connection is not None and self.health_check_done and not self.errors_occurred:
            self.answered_at = time.monotonic()
        super().close_if_unusable_or_obsolete()

    def is_usable(self) -> bool:
        connection = self.connection
        if connection is None or connection.closed:
            return False
        try:
            idle = (
                not self.errors_occurred
                and self.answered_at is not None
                and time.monotonic() - self.answered_at < FRESH_SECONDS
                and connection.pgconn.status == pq.ConnStatus.OK
                and connection.info.transaction_status == pq.TransactionStatus.IDLE
                and _quiet(connection)
            )
        except (OSError, ValueError, psycopg.Error):
            idle = False
        if idle:
            return True
        usable = super().is_usable()
        if usable:
            self.answered_at = time.monotonic()
        return usable
