from django.apps import AppConfig


class IndicesConfig(AppConfig):
    name = "motcua.indices"
    label = "indices"
    verbose_name = "Chỉ số"
