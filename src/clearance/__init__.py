"""clearance: export-control and high-risk-vendor compliance engine.

Screening of parties against official restricted-party lists, time-versioned EAR licence
determinations, and UK high-risk-vendor network exposure. Nothing here is legal advice.
"""

__version__ = "0.1.0"

NOT_LEGAL_ADVICE = (
    "Automated compliance aid, not legal advice: confirm every result against the official "
    "lists and the Federal Register/CFR, and consult counsel before acting on it."
)
