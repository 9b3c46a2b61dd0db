"""``make bench``: seed, serve with gunicorn on PostgreSQL, drive with wrk, print.

Every throughput figure is also given as a ratio to a bare Django view measured in the
same run, so that the figures speak of this code, not of the machine.
"""

import argparse
import http.cookiejar
import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parents[2]
LUA = Path(__file__).resolve().parent / "lua"
PYTHON = sys.executable
SERVER = "http://127.0.0.1:8101"


def run(*command, env=None, capture=False):
    result = subprocess.run(
        command, cwd=ROOT, env=env, check=True, text=True, capture_output=capture
    )
    return result.stdout if capture else None


def database_env(url: str) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "extranet.settings.bench",
        "DATABASE_URL": url,
    }


def ensure_database(url: str) -> None:
    parts = urllib.parse.urlparse(url)
    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')


def prepare(url: str, clients: int) -> dict:
    """Migrate and seed one database; return its per-page query counts."""
    ensure_database(url)
    env = database_env(url)
    run(PYTHON, "manage.py", "migrate", "--noinput", "-v0", env=env)
    run(PYTHON, "manage.py", "seed_benchmark", "--clients", str(clients), env=env)
    return json.loads(
        run(PYTHON, "manage.py", "measure_queries", env=env, capture=True)
    )


def wait_for_server(timeout=30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"{SERVER}/bench/bare/", timeout=2)  # noqa: S310
            return
        except OSError:
            time.sleep(0.3)
    raise SystemExit("gunicorn did not start")


def log_in(email: str, password: str) -> tuple[str, str]:
    """Log in over HTTP; return the Cookie header and the CSRF token."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    opener.open(f"{SERVER}/ingresar/")
    csrf = next(cookie.value for cookie in jar if cookie.name == "csrftoken")
    body = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": csrf, "username": email, "password": password}
    ).encode()
    opener.open(f"{SERVER}/ingresar/", data=body)
    # Logging in rotates the CSRF token: forms posted afterwards need the new one.
    csrf = next(cookie.value for cookie in jar if cookie.name == "csrftoken")
    cookie = "; ".join(f"{c.name}={c.value}" for c in jar)
    if "sessionid=" not in cookie:
        raise SystemExit(f"could not log in as {email}")
    return cookie, csrf


def wrk(url, script, env, connections=8, seconds=10):
    output = run(
        "wrk",
        "-t2",
        f"-c{connections}",
        f"-d{seconds}s",
        "--latency",
        "--timeout",
        "10s",
        "-s",
        str(LUA / script),
        url,
        env=env,
        capture=True,
    )
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    latency = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+\w+)", output, re.MULTILINE))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: (.*)", output)
    return {
        "rps": rps,
        "p50": latency.get("50"),
        "p99": latency.get("99"),
        "errors": (int(errors.group(1)) if errors else 0),
        "socket errors": socket_errors.group(1) if socket_errors else "",
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=2000)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument(
        "--database", default="postgres://postgres@127.0.0.1:5432/extranet_bench"
    )
    arguments = parser.parse_args()

    from extranet.bench.scenarios import SCENARIOS, accounts

    small_url = arguments.database + "_10"
    print(f"Seeding 10 clients ({small_url})")
    print(f"Seeding {arguments.clients} clients ({arguments.database})")
    run(
        PYTHON,
        "manage.py",
        "collectstatic",
        "--noinput",
        "-v0",
        env=database_env(arguments.database),
    )
    queries_small = prepare(small_url, 10)
    queries_large = prepare(arguments.database, arguments.clients)

    env = database_env(arguments.database)
    server = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "gunicorn",
            "extranet.wsgi",
            "--workers",
            "3",
            "--preload",
            "--bind",
            "127.0.0.1:8101",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,
    )
    try:
        wait_for_server()
        sessions = {
            role: log_in(*credentials) for role, credentials in accounts().items()
        }
        results = {}
        for name, scenario in SCENARIOS.items():
            cookie, csrf = sessions[scenario["as"]]
            lua_env = {
                **os.environ,
                "BENCH_COOKIE": cookie,
                "BENCH_CSRF": csrf,
                **scenario.get("env", {}),
            }
            url = SERVER + scenario["path"]
            connections = scenario.get("connections", 8)
            # A short unmeasured pass first, so every worker has warm caches.
            wrk(url, scenario["script"], lua_env, connections=connections, seconds=2)
            results[name] = wrk(
                url,
                scenario["script"],
                lua_env,
                connections=connections,
                seconds=arguments.seconds,
            )
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)

    report(results, queries_small, queries_large, arguments.clients)
    budgets(results, queries_small, queries_large)


def report(results, queries_small, queries_large, clients):
    bare = results["bare view"]["rps"]
    print()
    print(
        f"{'endpoint':<24}{'req/s':>9}{'p50':>10}{'p99':>10}{'× bare':>9}"
        f"{'queries@10':>12}{f'queries@{clients}':>14}{'non-2xx/3xx':>13}"
    )
    for name, figures in results.items():
        small = queries_small.get(name, {}).get("queries", "")
        large = queries_large.get(name, {}).get("queries", "")
        ratio = figures["rps"] / bare
        print(
            f"{name:<24}{figures['rps']:>9.1f}{figures['p50']:>10}{figures['p99']:>10}"
            f"{ratio:>9.2f}{small!s:>12}{large!s:>14}{figures['errors']:>13}"
        )


def milliseconds(latency: str) -> float:
    """Turn wrk's "12.34ms" / "1.20s" / "850.00us" into milliseconds."""
    number, unit = re.match(r"([\d.]+)(\w+)", latency).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def budgets(results, queries_small, queries_large):
    """Print each budget of the issue with the figure measured against it."""
    bare = results["bare view"]["rps"]
    client_pages = ["home", "services", "reports", "ticket form", "my tickets"]
    worst = max(queries_large[name]["queries"] for name in client_pages)
    flat = all(
        queries_small[name]["queries"] == queries_large[name]["queries"]
        for name in client_pages
    )
    listing_ms = queries_large["staff ticket listing"]["ms"]
    lines = [
        (
            "home >= 25 % of the bare view",
            results["home"]["rps"] / bare >= 0.25,
            f"{results['home']['rps'] / bare:.0%}",
        ),
        ("<= 10 queries on every client page", worst <= 10, f"at most {worst}"),
        ("same queries at 10 and at N clients", flat, "equal" if flat else "differ"),
        (
            "ticket POST p99 < 50 ms at 8 connections",
            milliseconds(results["ticket POST"]["p99"]) < 50,
            results["ticket POST"]["p99"],
        ),
        ("staff ticket listing < 300 ms", listing_ms < 300, f"{listing_ms} ms"),
    ]
    print()
    for budget, met, figure in lines:
        print(f"{'met ' if met else 'MISSED'}  {budget:<44} {figure}")


if __name__ == "__main__":
    main()
