from django.contrib.auth import views as auth_views

from .forms_auth import EmailAuthenticationForm


class LoginView(auth_views.LoginView):
    template_name = "clients/login.html"
    authentication_form = EmailAuthenticationForm
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    pass
