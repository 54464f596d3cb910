"""Sign-in throttling on top of django-axes: the real client address, and a per-address limit.

Behind `BEHIND_PROXY` trusted proxies, each proxy appends the address it received the request
from to X-Forwarded-For, and the last proxy is REMOTE_ADDR. The client is therefore the entry
that many places from the right; anything further left was written by the client and is
ignored. Locks are per username and address together (a stranger cannot lock a worker out),
and an address that fails on many usernames (password spraying) is locked on its own.
"""

import datetime
import ipaddress

from axes.handlers.database import AxesDatabaseHandler
from axes.models import AccessAttempt
from axes.utils import reset
from django.conf import settings
from django.db.models import Sum
from django.http import HttpRequest
from django.utils import timezone


def _valid_address(value: str) -> str | None:
    value = value.strip()
    if value.startswith("[") and "]" in value:  # "[::1]:443" from some proxies
        value = value[1 : value.index("]")]
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None


def client_address(*, remote_addr: str, forwarded_for: str, proxy_count: int) -> str | None:
    """The client's address given how many trusted proxies stand in front of the app."""
    if proxy_count <= 0:
        return _valid_address(remote_addr)
    hops = [hop for hop in forwarded_for.split(",") if hop.strip()]
    if len(hops) < proxy_count:
        # The request did not come through every proxy: only the connection can be trusted.
        return _valid_address(remote_addr)
    return _valid_address(hops[-proxy_count]) or _valid_address(remote_addr)


def request_client_address(request: HttpRequest) -> str | None:
    """AXES_CLIENT_IP_CALLABLE: the address axes counts failures against."""
    return client_address(
        remote_addr=request.META.get("REMOTE_ADDR", ""),
        forwarded_for=request.META.get("HTTP_X_FORWARDED_FOR", ""),
        proxy_count=settings.BEHIND_PROXY,
    )


def address_failures(address: str | None, *, now: datetime.datetime | None = None) -> int:
    """Failed sign-ins from one address, on any username, within the cool-off window."""
    if not address:
        return 0
    since = (now or timezone.now()) - datetime.timedelta(hours=settings.AXES_COOLOFF_TIME)
    attempts = AccessAttempt.objects.filter(ip_address=address, attempt_time__gte=since)
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


class Handler(AxesDatabaseHandler):
    """Locks a username+address pair at AXES_FAILURE_LIMIT, and an address on its own at
    SCREENING_ADDRESS_FAILURE_LIMIT failures across all usernames."""

    def get_failures(self, request, credentials=None) -> int:
        pair = super().get_failures(request, credentials)
        address = getattr(request, "axes_ip_address", None)
        if address_failures(address) >= settings.SCREENING_ADDRESS_FAILURE_LIMIT:
            # axes compares one number with AXES_FAILURE_LIMIT: report the address as spent.
            return max(pair, settings.AXES_FAILURE_LIMIT)
        return pair


def lift_lock(*, username: str) -> int:
    """Forget the failed sign-ins of one username, from every address; returns rows removed."""
    return reset(username=username)
