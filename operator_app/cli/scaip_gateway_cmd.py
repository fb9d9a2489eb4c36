"""``operator-app scaip-gateway``: receive SCAIP over SIP from social-alarm devices and serve
the alarms to desks as ``rc-feed.v1``, until SIGINT/SIGTERM (README "Running the SCAIP gateway
for a centre").

Prints one line ``listening sip udp=… tcp=… tls=… feed=ws://HOST:PORT`` to stdout once every
listener is open. The desks' bearer token comes from a file, never from the command line. The
feed is plain ``ws://`` only on a loopback address unless ``--insecure``; ``--tls-cert`` and
``--tls-key`` serve ``wss://``. SIP over TLS listens on ``--sip-tls-port`` when
``--sip-tls-cert`` and ``--sip-tls-key`` are given.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import ipaddress
import logging
import signal
import ssl
import sys

from operator_app.cli.args import db_url_arg

TOKEN_FILE_NAME = "gateway-token.txt"
log = logging.getLogger("operator_app.gateway")


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="operator-app scaip-gateway", allow_abbrev=False,
                                description="SCAIP (SS 91100) receiver serving rc-feed.v1.")
    p.add_argument("--data-dir", metavar="DIR", help="where gateway.db, the token and logs live")
    p.add_argument("--db", metavar="URL", type=db_url_arg,
                   help="event log and registry database without its password "
                   "(default: gateway.db in the data directory; PostgreSQL for a centre)")
    p.add_argument("--mapping", metavar="PATH",
                   help="the centre's SCAIP code table (TOML; default: the shipped one)")
    p.add_argument("--sip-host", default="0.0.0.0", help="address SIP listens on")
    p.add_argument("--sip-port", type=int, default=5060, help="SIP over UDP and TCP")
    p.add_argument("--sip-tls-port", type=int, default=5061, help="SIP over TLS")
    p.add_argument("--sip-allow", metavar="CIDR", action="append", type=_network, default=[],
                   help="a network devices may send from (repeat; default: any); SIP from "
                   "elsewhere is answered 403")
    p.add_argument("--sip-tls-cert", metavar="PEM", help="certificate chain for SIP over TLS")
    p.add_argument("--sip-tls-key", metavar="PEM", help="private key for --sip-tls-cert")
    p.add_argument("--feed-host", default="127.0.0.1", help="address the desks' feed listens on")
    p.add_argument("--feed-port", type=int, default=8766, help="rc-feed.v1 port")
    p.add_argument("--token-file", metavar="PATH",
                   help="first line: the bearer token desks must send (private file). "
                   "Default: made once in the data directory, its path printed")
    p.add_argument("--tls-cert", metavar="PEM", help="certificate chain for the feed (wss://)")
    p.add_argument("--tls-key", metavar="PEM", help="private key for --tls-cert")
    p.add_argument("--insecure", action="store_true",
                   help="allow plain ws:// on a non-loopback feed address")
    p.add_argument("--heartbeat-interval", type=int, default=3600, metavar="S",
                   help="expected heartbeat interval of a controller not given one in the "
                   "registry; answered to heartbeats as hbi")
    p.add_argument("--heartbeat-grace", type=int, default=60, metavar="S",
                   help="silence beyond the interval before device_offline")
    p.add_argument("--check-every", type=float, default=5.0, metavar="S",
                   help="how often silent controllers are looked for")
    p.add_argument("--ref-window", type=int, default=86_400, metavar="S",
                   help="a ref repeated with the same content within this time is a resend")
    p.add_argument("--feed-heartbeat", type=float, default=10.0, metavar="S")
    p.add_argument("--window", type=int, default=200_000, help="replay window, events")
    p.add_argument("--log-level", default="INFO")
    return p


def _network(value: str) -> ipaddress.IPv4Network | ipaddress.IPv6Network:
    try:
        return ipaddress.ip_network(value, strict=False)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a network: {value!r}") from exc


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _check(args: argparse.Namespace) -> str | None:
    if bool(args.tls_cert) != bool(args.tls_key):
        return "--tls-cert and --tls-key go together"
    if bool(args.sip_tls_cert) != bool(args.sip_tls_key):
        return "--sip-tls-cert and --sip-tls-key go together"
    if not args.tls_cert and not _is_loopback(args.feed_host) and not args.insecure:
        return (f"refusing plain ws:// on non-loopback host {args.feed_host}; "
                "give --tls-cert/--tls-key or --insecure")
    if args.heartbeat_interval <= 0 or args.heartbeat_grace < 0 or args.check_every <= 0:
        return "heartbeat interval and check period must be positive, grace not negative"
    return None


def _server_context(cert: str | None, key: str | None) -> ssl.SSLContext | None:
    if not cert:
        return None
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    return context


async def _serve(gateway: object) -> None:
    from operator_app.gateway.service import Gateway

    assert isinstance(gateway, Gateway)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, stop.set)
    await gateway.start()
    tls = f" tls={gateway.tls_port}" if gateway.tls_port else ""
    print(f"listening sip udp={gateway.udp_port} tcp={gateway.tcp_port}{tls} "
          f"feed={gateway.feed.url}", flush=True)
    try:
        await stop.wait()
    finally:
        await gateway.stop()


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    problem = _check(args)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    from operator_app import __version__, logging_setup, paths
    from operator_app.cli.devices_cmd import open_gateway_store
    from operator_app.feed.server.server import RcFeedServer
    from operator_app.feed.simulator.token_file import ensure_token_file
    from operator_app.gateway.intake import Intake, Supervision
    from operator_app.gateway.mapping import MappingError, load_mapping
    from operator_app.gateway.service import Gateway, SipListen
    from operator_app.secret_files import SecretFileError, read_secret_file

    paths.set_base_dir(args.data_dir)
    logging_setup.setup(args.log_level, to_file=False)
    try:
        if args.token_file is None:
            args.token_file = str(ensure_token_file(TOKEN_FILE_NAME))
            print(f"token file: {args.token_file} (give the desks --token-file with its token)",
                  file=sys.stderr, flush=True)
        token = read_secret_file(args.token_file, "token file")
        mapping = load_mapping(args.mapping)
        feed_tls = _server_context(args.tls_cert, args.tls_key)
        sip_tls = _server_context(args.sip_tls_cert, args.sip_tls_key)
    except (SecretFileError, MappingError, OSError, ssl.SSLError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    store = open_gateway_store(args.db)
    if isinstance(store, int):
        return store
    intake = Intake(store, mapping, ref_window_s=args.ref_window,
                    supervision=Supervision(args.heartbeat_interval, args.heartbeat_grace))
    feed = RcFeedServer(token=token, server_name=f"scaip-gateway/{__version__}",
                        host=args.feed_host, port=args.feed_port,
                        heartbeat_s=args.feed_heartbeat, window=args.window, ssl=feed_tls)
    listen = SipListen(host=args.sip_host, udp_port=args.sip_port, tcp_port=args.sip_port,
                       tls_port=args.sip_tls_port if sip_tls else None, tls=sip_tls,
                       allow=tuple(args.sip_allow))
    log.info("SCAIP mapping: %s", mapping.source)
    try:
        asyncio.run(_serve(Gateway(intake, feed, listen, check_every_s=args.check_every)))
    except KeyboardInterrupt:
        pass
    except OSError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0
