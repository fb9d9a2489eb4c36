"""The journal outbox: FHIR bundles of closed alarms and callbacks waiting for VKP."""
