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

It also offers prepared_cursor(), for the one query every signed-in request makes (the
session, its user and the content version: screening/session_backends). Django binds
parameters on the client and leaves prepared statements off, so the server parses and plans
that three-table query on every request: about 200 µs a round trip here, against about 100 µs
once prepared. The statement is prepared once per connection; nothing else is prepared. With
OPTIONS["prepare_threshold"] set (None for a pooler that cannot keep prepared statements,
such as PgBouncer before 1.21 in transaction mode), that setting rules, as Django documents.
"""

import select
import sys
import time

import psycopg
from django.db.backends.postgresql import base, operations
from psycopg import pq

# How recent the server's last answer on a connection must be for the socket to vouch for it.
FRESH_SECONDS = 5.0


def _quiet(connection) -> bool:
    """Whether nothing is waiting to be read on the connection's socket."""
    poll = select.poll()
    poll.register(connection.fileno(), select.POLLIN | select.POLLPRI)
    return not poll.poll(0)


# A prepare threshold no statement reaches by repetition: only a statement executed with
# prepare=True is prepared, as Django's own default (None) prepares none.
ONLY_WHEN_ASKED = sys.maxsize


class PreparingCursor(base.ServerBindingCursor):
    """A cursor binding its parameters on the server and having its statements prepared."""

    def execute(self, query, params=None, *, prepare=True, binary=None):
        return super().execute(query, params, prepare=prepare, binary=binary)


class DatabaseOperations(operations.DatabaseOperations):
    def last_executed_query(self, cursor, sql, params):
        # A prepared statement's text is not kept on its cursor; show it with its parameters
        # filled in, as Django does for server-side binding (DEBUG's query log, query counts).
        if isinstance(cursor, PreparingCursor):
            try:
                return self.compose_sql(sql, params)
            except psycopg.errors.DataError:
                return None
        return super().last_executed_query(cursor, sql, params)


class DatabaseWrapper(base.DatabaseWrapper):
    ops_class = DatabaseOperations
    answered_at = None  # time.monotonic() of the server's last answer known on this connection

    def get_new_connection(self, conn_params):
        connection = super().get_new_connection(conn_params)
        if "prepare_threshold" not in self.settings_dict["OPTIONS"]:
            connection.prepare_threshold = ONLY_WHEN_ASKED
        return connection

    def connect(self) -> None:
        super().connect()
        self.answered_at = time.monotonic()

    def prepared_cursor(self):
        """Django's cursor (errors wrapped, queries logged when asked), whose statements are
        prepared once per connection. For a query run on nearly every request."""
        self.close_if_health_check_failed()
        self.ensure_connection()
        with self.wrap_database_errors:
            cursor = PreparingCursor(self.connection)
            # As Django's create_cursor(): the cursor reads times in the connection's zone.
            loader = self.connection.adapters.get_loader(base.TIMESTAMPTZ_OID, base.Format.TEXT)
            if self.timezone != loader.timezone:
                base.register_tzloader(self.timezone, cursor)
            return self._prepare_cursor(cursor)

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
