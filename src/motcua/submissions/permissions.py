"""Who may open a draft and its files: only the holder of the draft's token, the secret of the
resume link. Staff have no door to drafts (they are the applicant's until submitted; the
deployment's operator sees them in the admin); the pages ask these predicates before showing a
draft or sending one of its files."""

import hmac


def holds_draft(draft, token: str) -> bool:
    """`token` is the draft's own, compared in constant time."""
    return hmac.compare_digest(draft.token.encode(), token.encode())


def may_download_draft_file(draft, token: str, stored) -> bool:
    """A file of this very draft, while it is a draft (submitted files belong to the dossier)."""
    return holds_draft(draft, token) and stored.draft_id == draft.pk and not draft.is_submitted
