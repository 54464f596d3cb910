"""Write the whole content set to one versioned JSON file."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from screening.content import transfer as content_io


class Command(BaseCommand):
    help = (
        "Export regions, sections, indicators, guidance and support contacts, with every "
        "language's wording, to FILE (use - for standard output)."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Where to write the JSON file, or - for standard output.")

    def handle(self, *args, file: str, **options):
        text = content_io.dumps(content_io.export_content())
        if file == "-":
            self.stdout.write(text, ending="")
            return
        try:
            Path(file).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise CommandError(f"Cannot write {file}: {exc.strerror or exc}") from exc
        self.stdout.write(self.style.SUCCESS(f"Content exported to {file}."))
