"""Signing operators in: local accounts (the centre's database, ``sign_in``) and the centre's
directory (``directory``). No Qt; sits between the bridge and the feed/store layers."""
