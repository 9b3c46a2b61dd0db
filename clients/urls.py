from django.urls import path

from . import views

app_name = "clients"

urlpatterns = [
    path("ingresar/", views.LoginView.as_view(), name="login"),
    path("salir/", views.LogoutView.as_view(), name="logout"),
    path(
        "cuenta/contrasena/",
        views.PasswordChangeView.as_view(),
        name="password_change",
    ),
    path(
        "contrasena/olvidada/",
        views.PasswordResetView.as_view(),
        name="password_reset",
    ),
    path(
        "contrasena/enviada/",
        views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "contrasena/nueva/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "contrasena/lista/",
        views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path(
        "invitacion/<uidb64>/<token>/",
        views.InvitationView.as_view(),
        name="invitation",
    ),
    path("mi-empresa/", views.MyCompanyView.as_view(), name="my_company"),
    path("mi-empresa/contactos/", views.ContactsView.as_view(), name="contacts"),
]
