"""What every page uses: the rendered-page cache, compression, the CSRF cookie rule, security
headers, context processors, the logging filter, error pages, health and system checks.

May import models and choices only: none of the wings (frontline, content, dashboard), nor
accounts.
"""
