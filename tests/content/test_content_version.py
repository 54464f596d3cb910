"""The content version follows every change of the regions a contact serves (version.py)."""

from screening.models import current_content_version
from tests.conftest import make_contact, make_region


def test_removing_or_clearing_a_contacts_regions_bumps_the_content_version(db):
    north, south = make_region("cv-north"), make_region("cv-south")
    contact = make_contact("CV Shelter", regions=[north, south])
    before = current_content_version()
    contact.regions.remove(south)
    after_remove = current_content_version()
    assert after_remove > before, "a region removed from a contact changes the pages"
    contact.regions.clear()
    assert current_content_version() > after_remove, "every region removed at once too"
    contact.regions.add(north)
    assert current_content_version() > after_remove
