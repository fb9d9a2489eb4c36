"""``operator-app simulate``: run the feed simulator until SIGINT/SIGTERM.

Prints exactly one line ``listening on ws://HOST:PORT`` (or ``wss://``) to stdout once the
server accepts connections, so a parent process (e2e tests, ``--demo``) can wait for it.
The token comes from a file (first line), never from the command line. Plain ``ws://`` is only
allowed on a loopback address unless ``--insecure`` is given; ``--tls-cert``/``--tls-key``
serve ``wss://``.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import ipaddress
import signal
import ssl
import sys
from datetime import UTC, datetime

from operator_app import paths
from operator_app.file_modes import private_umask
from operator_app.secret_files import SecretFileError, read_secret_file

from .scenario import Scenario
from .server import FeedServer
from .token_file import ensure_token_file


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="operator-app simulate", allow_abbrev=False,
                                description="Run the bundled rc-feed.v1 feed simulator.")
    p.add_argument("--port", type=int, default=8765, help="TCP port (0 = any free port)")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--token-file",
                   help="file whose first line is the bearer token clients must send; yours and "
                   "private (chmod 600). Default: made once in the data directory, its path printed")
    p.add_argument("--data-dir", metavar="DIR",
                   help="the data directory of the default token file (as the desk's --data-dir)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--patients", type=int, default=40)
    p.add_argument("--alarm-rate", type=float, default=6.0, help="alarms per minute")
    p.add_argument("--measurement-rate", type=float, default=20.0,
                   help="measurements per minute")
    p.add_argument("--heartbeat", type=float, default=10.0, help="heartbeat interval, seconds")
    p.add_argument("--window", type=int, default=200_000, help="replay window, events")
    p.add_argument("--event-log", default=None, help="append every event frame (JSON lines)")
    p.add_argument("--history-days", type=int, default=0,
                   help="days of past measurements in the initial window")
    p.add_argument("--tls-cert", default=None, help="PEM certificate chain (serves wss://)")
    p.add_argument("--tls-key", default=None, help="PEM private key for --tls-cert")
    p.add_argument("--insecure", action="store_true",
                   help="allow plain ws:// on a non-loopback address")
    return p


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


async def _serve(server: FeedServer) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, stop.set)
    await server.start()
    print(f"listening on {server.url}", flush=True)
    try:
        await stop.wait()
    finally:
        await server.stop()


def main(argv: list[str] | None = None) -> int:
    private_umask()  # an event log it writes is the user's alone
    args = _parser().parse_args(argv)
    if bool(args.tls_cert) != bool(args.tls_key):
        print("error: --tls-cert and --tls-key go together", file=sys.stderr)
        return 2
    if not args.tls_cert and not _is_loopback(args.host) and not args.insecure:
        print(f"error: refusing plain ws:// on non-loopback host {args.host}; "
              "give --tls-cert/--tls-key or --insecure", file=sys.stderr)
        return 2
    try:
        if args.token_file is None:
            if args.data_dir:
                paths.set_base_dir(args.data_dir)
            args.token_file = str(ensure_token_file())
            print(f"token file: {args.token_file} (give the desk --token-file {args.token_file})",
                  file=sys.stderr, flush=True)
        token = read_secret_file(args.token_file, "token file")
    except (SecretFileError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    context = None
    if args.tls_cert:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(args.tls_cert, args.tls_key)
    started = datetime.now(UTC)
    scenario = Scenario(seed=args.seed, patients=args.patients, start=started,
                        run_id=f"{args.seed}-{started:%Y%m%d%H%M%S}")
    server = FeedServer(token=token, scenario=scenario, host=args.host, port=args.port,
                        heartbeat_s=args.heartbeat, window=args.window,
                        alarm_rate_per_min=args.alarm_rate,
                        measurement_rate_per_min=args.measurement_rate,
                        event_log_path=args.event_log, history_days=args.history_days,
                        ssl=context)
    try:
        asyncio.run(_serve(server))
    except KeyboardInterrupt:
        pass
    except OSError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
