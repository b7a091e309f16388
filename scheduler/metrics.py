"""The process's Prometheus metrics, in one place so the dispatcher, the delivery and the planner
count into the same series and `/metrics` (bot/web) exposes them.

Labels never carry a chat id, a text or a ballot: only channel names and fixed outcome words.
"""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

REGISTRY = CollectorRegistry(auto_describe=True)

# outcome: handled | duplicate | failed (the handler raised; the user got the polite error) |
#          refused (not stored: the database was unreachable, the platform will try again)
UPDATES = Counter("thidua_updates", "Updates received, by channel and outcome", ["channel", "outcome"],
                  registry=REGISTRY)
UPDATE_SECONDS = Histogram(
    "thidua_update_seconds", "From an update's arrival to its replies handed to the platform", ["channel"],
    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30), registry=REGISTRY)
# outcome: sent | retry_after (429) | transient (5xx, network; retried) | permanent (given up)
SENDS = Counter("thidua_sends", "Messages handed to a platform, by channel and outcome", ["channel", "outcome"],
                registry=REGISTRY)
OUTBOX_BACKLOG = Gauge("thidua_outbox_backlog", "Outbox messages not yet sent nor given up", registry=REGISTRY)
OUTBOX_OLDEST_SECONDS = Gauge("thidua_outbox_oldest_seconds", "Age of the oldest unsent outbox message",
                              registry=REGISTRY)
INBOX_BACKLOG = Gauge("thidua_inbox_backlog", "Updates stored and not yet processed", registry=REGISTRY)
REMINDERS_PLANNED = Counter("thidua_reminders_planned", "Reminders planned (one per unit and slot)",
                            registry=REGISTRY)
LEADER = Gauge("thidua_scheduler_leader", "1 while this worker holds the scheduler's lock", registry=REGISTRY)
