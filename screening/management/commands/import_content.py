"""Replace the content set with the one in a JSON file made by export_content."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from screening.content import transfer as content_io


class Command(BaseCommand):
    help = (
        "Import a content file made by export_content. The whole file is checked first; "
        "any problem stops the import with nothing written. Items are matched by code, "
        "updated or created; content missing from the file is made inactive, never deleted."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The JSON file to import.")
        parser.add_argument(
            "--check",
            action="store_true",
            help="Only check the file and report problems; write nothing.",
        )

    def handle(self, *args, file: str, check: bool, **options):
        path = Path(file)
        try:
            if path.stat().st_size > content_io.MAX_FILE_BYTES:
                limit = content_io.MAX_FILE_BYTES // (1024 * 1024)
                raise CommandError(f"{file} was not imported: it is larger than {limit} MB.")
            raw = path.read_bytes()
        except OSError as exc:
            raise CommandError(f"Cannot read {file}: {exc.strerror or exc}") from exc
        try:
            data = content_io.loads(raw)
            if check:
                content_io.validate_content(data)
                self.stdout.write(self.style.SUCCESS(f"{file} is a valid content file."))
                return
            summary = content_io.import_content(data)
        except content_io.ContentFileError as exc:
            problems = "\n".join(f"  - {message}" for message in exc.messages)
            raise CommandError(
                f"{file} was not imported; nothing was changed.\n{problems}"
            ) from exc
        self.stdout.write(
            self.style.SUCCESS(f"Imported {file}: {content_io.summary_text(summary)}.")
        )
