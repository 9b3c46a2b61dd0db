from django.urls import path, re_path

from . import views, webhooks

app_name = "support"

NUMBER = r"(?P<number>NV-\d{6,})"

urlpatterns = [
    path("tickets/", views.ticket_list, name="ticket_list"),
    path("tickets/nuevo/", views.TicketCreateView.as_view(), name="ticket_create"),
    re_path(rf"^tickets/{NUMBER}/$", views.ticket_detail, name="ticket_detail"),
    re_path(
        rf"^tickets/{NUMBER}/confirmacion/$",
        views.ticket_confirmation,
        name="ticket_confirmation",
    ),
    # Only the production provider's tracking webhook, and never without its secret.
    path(
        "anymail/postmark/tracking/",
        webhooks.PostmarkTrackingView.as_view(),
        name="postmark_tracking_webhook",
    ),
]
