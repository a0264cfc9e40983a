"""Staff accounts: login lockouts, a second factor per group, idle sessions that end.

docs/security.md ("Staff accounts") and docs/decisions/0010-staff-accounts.md say why.
"""
