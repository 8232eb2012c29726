app_name = "paperwork"

urlpatterns: list = []
