"""Django's PostgreSQL backend, with the connection health check asked of the socket first.

CONN_HEALTH_CHECKS makes Django send `SELECT 1` before the first query of each request on a
reused connection, so that a connection the server has dropped (a restart, an idle timeout,
a terminated backend) is replaced instead of failing that request. That round trip cost as
much here as a third of a whole bare Django request.

A connection the server has dropped always has something waiting on its socket: the server's
"terminating connection" error, or the end of the stream. A healthy idle connection has
nothing. So when the socket is quiet and no transaction is open, the connection is taken as
usable without a round trip; otherwise Django's own check (`SELECT 1`) decides, as before.
A network that silently loses the server is caught by neither check, which is also as before.
"""

import select

from django.db.backends.postgresql import base
from psycopg import pq


def _quiet(connection) -> bool:
    """Whether nothing is waiting to be read on the connection's socket."""
    poll = select.poll()
    poll.register(connection.fileno(), select.POLLIN | select.POLLPRI)
    return not poll.poll(0)


class DatabaseWrapper(base.DatabaseWrapper):
    def is_usable(self) -> bool:
        connection = self.connection
        if connection is None or connection.closed:
            return False
        try:
            idle = (
                connection.pgconn.status == pq.ConnStatus.OK
                and connection.info.transaction_status == pq.TransactionStatus.IDLE
                and _quiet(connection)
            )
        except (OSError, ValueError):
            idle = False
        return idle or super().is_usable()
