"""The supervisors' dashboard: quarterly summaries, figures, small-cell suppression and the
attack that checks it, charts, the CSV, and synthetic usage for demos and benchmarks.

May import content, accounts, web, models and choices; nothing imports it but the wiring
(URLs and management commands).
"""
