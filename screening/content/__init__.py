"""The content editors keep: its admin, import and export with validation, the content
version every cache is keyed on, translations and their reviews, the steps' vocabulary.

May import web, templatetags, models and choices; never a wing (frontline, dashboard).
"""
