"""How django-axes sees a sign-in's client: the address the public forms' rate limits use."""

from ipaddress import ip_address

from motcua.core.ratelimit import client_ip as rate_limit_client_ip


def client_ip(request) -> str | None:
    """`core.ratelimit.client_ip` (X-Forwarded-For only from TRUSTED_PROXIES), or None when the
    request carries no address (axes stores an IP field: PostgreSQL refuses anything else)."""
    address = rate_limit_client_ip(request)
    try:
        return str(ip_address(address))
    except ValueError:
        return None
