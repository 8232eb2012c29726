from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "motcua.plans"
    label = "plans"
    verbose_name = "Kế hoạch, nhiệm vụ"
