"""The pages the benchmark drives, in one place for the load and the query counts."""

from clients.models import ProjectReportsPage, ServicesPage


def query_endpoints(client) -> dict[str, str]:
    """Return the client pages whose SQL queries are counted, by name."""
    urls = {
        "home": "/",
        "services": ServicesPage.objects.child_of(client.page).get().url,
    }
    reports = ProjectReportsPage.objects.child_of(client.page).first()
    if reports is not None:
        urls["reports"] = reports.url
    urls["ticket form"] = "/tickets/nuevo/"
    urls["my tickets"] = "/tickets/"
    return urls


#: Pages counted as a staff member.
STAFF_ENDPOINTS = {"staff ticket listing": "/admin/support/ticket/"}
