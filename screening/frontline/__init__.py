"""The worker's flow: start, checklist, result, leave, guidance, contacts, print and offline
pages, the next-step rules, and recording the anonymised usage record.

May import content, accounts, web, templatetags, models and choices; nothing imports it but
the URL wiring.
"""
