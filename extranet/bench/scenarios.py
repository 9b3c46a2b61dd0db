"""What ``make bench`` drives: each page, as whom, with which wrk script."""

#: Every benchmark user logs in with this password.
BENCH_PASSWORD = "bench-password-2026"  # noqa: S105 (a benchmark-only account)

CLIENT_USER = "u0-0@bench.example"
STAFF_USER = "staff@bench.example"
AREA = "/clientes/cliente-de-prueba-00000"

SCENARIOS = {
    "bare view": {"path": "/bench/bare/", "script": "get.lua", "as": "client"},
    "login": {
        "path": "/ingresar/",
        "script": "login.lua",
        "as": "anonymous",
        "env": {"BENCH_USER": CLIENT_USER, "BENCH_PASSWORD": BENCH_PASSWORD},
    },
    "home": {"path": "/", "script": "get.lua", "as": "client"},
    "services": {"path": f"{AREA}/servicios/", "script": "get.lua", "as": "client"},
    "reports": {"path": f"{AREA}/informes/", "script": "get.lua", "as": "client"},
    "ticket form": {"path": "/tickets/nuevo/", "script": "get.lua", "as": "client"},
    "ticket POST": {"path": "/tickets/nuevo/", "script": "ticket.lua", "as": "client"},
    "my tickets": {"path": "/tickets/", "script": "get.lua", "as": "client"},
    "staff ticket listing": {
        "path": "/admin/support/ticket/",
        "script": "get.lua",
        "as": "staff",
    },
}


def accounts() -> dict[str, tuple[str, str]]:
    """The logins each scenario runs as; "anonymous" only needs a CSRF cookie."""
    return {
        "client": (CLIENT_USER, BENCH_PASSWORD),
        "staff": (STAFF_USER, BENCH_PASSWORD),
        "anonymous": (CLIENT_USER, BENCH_PASSWORD),
    }
