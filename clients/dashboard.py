"""What a client's dashboard shows, gathered in a fixed number of queries."""

from django.contrib.contenttypes.models import ContentType

from .models import Client, ProjectReportsPage, ServicesPage


def dashboard_context(client: Client, *, home=None) -> dict:
    """Return the template context of ``client``'s dashboard."""
    if home is None:
        from home.models import HomePage

        home = HomePage.objects.first()

    sections = {}
    area = getattr(client, "page", None)
    if area is not None:
        for page in area.get_children().live():
            sections[page.content_type_id] = page

    content_type_of = ContentType.objects.get_for_model
    reports_page = None
    if client.has_project_reports:
        reports_page = sections.get(content_type_of(ProjectReportsPage).pk)
    return {
        "client": client,
        "executive": client.account_executive,
        "services_page": sections.get(content_type_of(ServicesPage).pk),
        "reports_page": reports_page,
        "support_page": home.support_page if home else None,
    }
