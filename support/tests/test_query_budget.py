from clients.tests.test_dashboard import queries_for, seed_clients
from conftest import login
from support.tests.test_pages import make_tickets

URLS = {"form": "/tickets/nuevo/", "my tickets": "/tickets/"}


def test_ticket_pages_keep_their_query_budget_as_clients_and_tickets_grow(
    client, acme_user, globex_user
):
    seed_clients(1)
    make_tickets(acme_user, 2)
    login(client, acme_user)
    for url in URLS.values():
        client.get(url)  # warm Wagtail's site-root cache, as on a running server
    small = {name: queries_for(client, url) for name, url in URLS.items()}

    seed_clients(48, start=1)
    make_tickets(acme_user, 60)
    make_tickets(globex_user, 60)
    large = {name: queries_for(client, url) for name, url in URLS.items()}

    for name in URLS:
        print(f"{name}: {small[name]} queries at 2 clients and 2 tickets, ", end="")
        print(f"{large[name]} at 50 clients and 122 tickets")
    assert max(small.values()) <= 10
    assert large == small
