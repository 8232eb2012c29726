from motcua.dossiers.constants import ReturnMethod

# The ways an online applicant may receive the result (the issue offers these two).
RETURN_CHOICES = [
    (ReturnMethod.COUNTER.value, ReturnMethod.COUNTER.label),
    (ReturnMethod.POST.value, ReturnMethod.POST.label),
]

# A draft carries at most this many files: enough for any dossier, not a free file store.
MAX_FILES_PER_DRAFT = 40
