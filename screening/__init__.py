"""Recognise & Refer: one Django app in packages by concern.

frontline (the worker's flow) and dashboard (the supervisors') sit on content, accounts and
web, which sit on models and choices. Only the wiring (apps, urls, management) imports
a wing. pyproject.toml's import-linter contract and tests/test_architecture.py keep it so.
"""
