"""Delivery of the journal outbox to VKP: HTTPS POST with the keyring's token, retries with
backoff, one bundle at a time per lease (no Qt; runs in a thread of its own or as a command)."""
