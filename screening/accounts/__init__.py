"""Accounts: roles, sign-in and its throttling, the second factor, sessions (engine and
lifetime), the account's language, and the users' and supervisors' admin.

May import web, templatetags, models and choices; never content or a wing.
"""
