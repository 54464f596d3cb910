"""Load the shipped content translations (screening/content/translations/<lang>.json)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from screening.content.translation_files import DIRECTORY, TranslationFileError, load_all


class Command(BaseCommand):
    help = (
        "Write the shipped content translations into the content and mark each new or changed "
        "one 'drafted'. Safe to run again: unchanged text keeps its review."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--directory",
            type=Path,
            default=DIRECTORY,
            help="Where the <lang>.json files are (default: the shipped ones).",
        )

    def handle(self, *args, **options) -> None:
        try:
            summary = load_all(options["directory"])
        except TranslationFileError as exc:
            raise CommandError("Nothing was loaded:\n" + "\n".join(exc.messages)) from exc
        for language, counts in summary.items():
            self.stdout.write(
                f"{language}: {counts['written']} written, {counts['unchanged']} unchanged, "
                f"{counts['missing']} for items not found here"
            )
