from django.utils.functional import SimpleLazyObject

from .access import client_of


def current_client(request):
    """Offer templates the user's client company, queried only where used."""
    return {"current_client": SimpleLazyObject(lambda: client_of(request))}
