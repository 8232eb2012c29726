"""Pages of Decision 766 and of the Circular 01/2018 evaluation (in the `indices` namespace)."""

urlpatterns = []
