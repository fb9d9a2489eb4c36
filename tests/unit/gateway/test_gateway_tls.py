"""SIP over TLS where a certificate is configured (a self-signed one made with openssl)."""

from __future__ import annotations

import shutil
import socket
import ssl
import subprocess
from pathlib import Path

import pytest
from gateway_harness import gateway_thread, mrq, sip_message, snu

pytestmark = pytest.mark.unit


def _certificate(tmp: Path) -> tuple[Path, Path]:
    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a test certificate (CI installs it)")
    cert, key = tmp / "sip.pem", tmp / "sip.key"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                    "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", str(key), "-out",
                    str(cert), "-days", "2", "-subj", "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1"],
                   check=True, capture_output=True)
    return cert, key


def test_an_alarm_over_sip_tls(tmp_path: Path, gateway_db: str) -> None:
    cert, key = _certificate(tmp_path)
    server = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server.load_cert_chain(cert, key)
    thread = gateway_thread(gateway_db, tls=server).start()
    try:
        port = thread.gateway.tls_port
        assert port is not None
        client = ssl.create_default_context(cafile=str(cert))
        with socket.create_connection(("127.0.0.1", port), timeout=5) as raw, \
                client.wrap_socket(raw, server_hostname="127.0.0.1") as tls:
            tls.sendall(sip_message(mrq(ref="s1", cid="77", dty="5"), transport="TLS"))
            answer = b""
            while b"</mrs>" not in answer:
                chunk = tls.recv(65536)
                assert chunk, answer
                answer += chunk
        assert snu(answer) == 0
        assert [e.data["kind"] for e in thread.gateway.intake.store.events()] == ["fall"]
    finally:
        thread.stop()
