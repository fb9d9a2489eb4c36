"""Command line: ``operator-app`` (the desk) and its commands ``simulate``, ``credentials``,
``accounts``, ``log export``, ``handover``, ``journal``, ``stats``, ``audit``, ``scaip-gateway`` and
``devices``
(``operator-app COMMAND --help``).

Each command is a headless composition root of its own process: it wires the parts it needs
(the store, the simulator, the handover PDF) and nothing else.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    from operator_app.file_modes import private_umask

    private_umask()  # every file any command writes is the user's alone
    if argv and argv[0] == "simulate":
        from operator_app.feed.simulator.main import main as simulate_main

        return simulate_main(argv[1:])
    if argv and argv[0] == "scaip-gateway":
        from operator_app.cli.scaip_gateway_cmd import main as gateway_main

        return gateway_main(argv[1:])
    if argv and argv[0] == "devices":
        from operator_app.cli.devices_cmd import main as devices_main

        return devices_main(argv[1:])
    if argv and argv[0] == "credentials":
        from operator_app.cli.credentials_cmd import main as credentials_main

        return credentials_main(argv[1:])
    if argv and argv[0] == "accounts":
        from operator_app.cli.accounts_cmd import main as accounts_main

        return accounts_main(argv[1:])
    if argv and argv[0] == "log":
        from operator_app.cli.log_cmd import main as log_main

        return log_main(argv[1:])
    if argv and argv[0] == "handover":
        from operator_app.cli.handover_cmd import main as handover_main

        return handover_main(argv[1:])
    if argv and argv[0] == "journal":
        from operator_app.cli.journal_cmd import main as journal_main

        return journal_main(argv[1:])
    if argv and argv[0] == "stats":
        from operator_app.cli.stats_cmd import main as stats_main

        return stats_main(argv[1:])
    if argv and argv[0] == "audit":
        from operator_app.cli.audit_cmd import main as audit_main

        return audit_main(argv[1:])
    from operator_app.cli.desk_args import desk_parser

    args = desk_parser().parse_args(argv)
    if args.self_test:
        from operator_app.selftest import main as self_test_main

        return self_test_main()
    from operator_app.app import run

    return run(args)


if __name__ == "__main__":
    sys.exit(main())
