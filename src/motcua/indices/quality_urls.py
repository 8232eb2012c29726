"""Pages of Decision 766 and of the Circular 01/2018 evaluation (in the `indices` namespace)."""

from django.urls import path

from .d766 import views as d766
from .evaluation import views as evaluation

urlpatterns = [
    path("766/", d766.score, name="d766"),
    path("766/<str:code>/", d766.drill, name="d766_drill"),
    path("danh-gia/", evaluation.evaluation, name="evaluation"),
]
