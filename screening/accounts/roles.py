"""The three roles and the exact permissions each group holds."""

FRONTLINE = "Frontline workers"
SUPERVISORS = "Supervisors"
EDITORS = "Content editors"

CONTENT_MODELS = ("region", "section", "indicator", "guidance", "supportcontact")

# Frontline workers need no model permission: the checklist, guidance and contacts are open
# to every signed-in user, and nothing a worker does is stored against them.
GROUP_PERMISSIONS: dict[str, list[str]] = {
    FRONTLINE: [],
    SUPERVISORS: ["view_dashboard"],
    EDITORS: [
        f"{action}_{model}"
        for model in CONTENT_MODELS
        for action in ("add", "change", "delete", "view")
    ]
    + ["view_indicatorversion"],
}

# Editors record who checked a translation (screening/content/reviews.py); granted by migration
# 0031, since the model is younger than the groups.
REVIEW_PERMISSIONS = ["add_translationreview", "change_translationreview", "view_translationreview"]

# Editors write the practice cases (screening/models/practice.py); granted by migration 0096.
PRACTICE_PERMISSIONS = [f"{action}_practicecase" for action in ("add", "change", "delete", "view")]
