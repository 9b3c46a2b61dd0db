"""Business steps on clients that write more than one row.

Each is keyword-only and safe to call again: provisioning brings a client's group,
collection, pages and restrictions to the state its fields describe, whatever state
they were in.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from wagtail.log_actions import log
from wagtail.models import (
    BaseViewRestriction,
    Collection,
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
)

from .accounts import account_state, invitation_url
from .contacts import contact_problems
from .emails import send_templated_email
from .models import (
    AccountExecutive,
    Client,
    ClientContact,
    ClientIndexPage,
    ClientMembership,
    ClientPage,
    ProjectReportsPage,
    ServicesPage,
    TemporaryPassword,
    password_fingerprint,
)

logger = logging.getLogger(__name__)

CLIENTS_COLLECTION_NAME = "Clientes"
SERVICES_TITLE = "Servicios"
REPORTS_TITLE = "Informes de Documentos de Proyecto"


class ClientError(ValueError):
    """Bad input to a client operation, with a message fit to show to a person."""


def group_name_for(client: Client) -> str:
    return f"Cliente: {client.name}"


@transaction.atomic
def open_client(
    *,
    name: str,
    slug: str = "",
    account_executive: AccountExecutive | None = None,
    has_project_reports: bool = False,
) -> Client:
    """Create a client and provision everything that keeps its material private."""
    name = name.strip()
    if not name:
        raise ClientError(_("The company name cannot be empty."))

    slug = slug or slugify(name)
    if not slug:
        raise ClientError(_("The name must have letters or digits."))
    if Client.objects.filter(name__iexact=name).exists():
        raise ClientError(
            _("A client named «%(name)s» already exists.") % {"name": name}
        )
    if Client.objects.filter(slug=slug).exists():
        raise ClientError(
            _("A client with the slug «%(slug)s» already exists.") % {"slug": slug}
        )

    client = Client.objects.create(
        name=name,
        slug=slug,
        account_executive=account_executive,
        has_project_reports=has_project_reports,
    )
    provision_client(client=client)
    return client


@transaction.atomic
def provision_client(*, client: Client) -> None:
    """Bring the client's group, collection, pages and restrictions in step."""
    _ensure_group(client)
    _ensure_collection(client)
    client_page = _ensure_client_page(client)
    _ensure_services_page(client_page)
    _sync_reports_page(client, client_page)
    logger.info("client provisioned: pk=%s slug=%s", client.pk, client.slug)


def _ensure_group(client: Client) -> None:
    wanted_name = group_name_for(client)
    if client.group is None:
        client.group, _ = Group.objects.get_or_create(name=wanted_name)
        client.save(update_fields=["group"])
    elif client.group.name != wanted_name:
        client.group.name = wanted_name
        client.group.save(update_fields=["name"])


def _clients_root_collection() -> Collection:
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=CLIENTS_COLLECTION_NAME).first()
    return existing or root.add_child(name=CLIENTS_COLLECTION_NAME)


def _ensure_collection(client: Client) -> None:
    if client.collection is None:
        client.collection = _clients_root_collection().add_child(name=client.name)
        client.save(update_fields=["collection"])
    elif client.collection.name != client.name:
        client.collection.name = client.name
        client.collection.save(update_fields=["name"])

    restriction, _ = CollectionViewRestriction.objects.get_or_create(
        collection=client.collection,
        restriction_type=BaseViewRestriction.GROUPS,
    )
    restriction.groups.set([client.group])


def _client_index() -> ClientIndexPage:
    index = ClientIndexPage.objects.first()
    if index is not None:
        return index

    from home.models import HomePage

    home = HomePage.objects.first()
    if home is None:
        raise ClientError(_("There is no home page: run the migrations."))
    index = ClientIndexPage(title="Clientes", slug="clientes")
    home.add_child(instance=index)
    return index


def _ensure_client_page(client: Client) -> ClientPage:
    page = ClientPage.objects.filter(client=client).first()
    if page is None:
        page = ClientPage(title=client.name, slug=client.slug, client=client)
        _client_index().add_child(instance=page)
    elif page.title != client.name:
        page.title = client.name
        page.draft_title = client.name
        page.save(update_fields=["title", "draft_title"])

    restriction, _ = PageViewRestriction.objects.get_or_create(
        page=page, restriction_type=BaseViewRestriction.GROUPS
    )
    restriction.groups.set([client.group])
    return page


def _ensure_services_page(client_page: ClientPage) -> None:
    if not ServicesPage.objects.child_of(client_page).exists():
        client_page.add_child(
            instance=ServicesPage(title=SERVICES_TITLE, slug="servicios")
        )


def _sync_reports_page(client: Client, client_page: ClientPage) -> None:
    page = ProjectReportsPage.objects.child_of(client_page).first()
    if client.has_project_reports:
        if page is None:
            client_page.add_child(
                instance=ProjectReportsPage(title=REPORTS_TITLE, slug="informes")
            )
        elif not page.live:
            revision = page.get_latest_revision() or page.save_revision()
            revision.publish()
    elif page is not None and page.live:
        # Switching reports off hides the section; what editors wrote stays.
        page.unpublish()


@transaction.atomic
def add_client_user(
    *,
    client: Client,
    email: str,
    first_name: str,
    last_name: str,
    password: str | None = None,
    password_is_temporary: bool = False,
    invite: bool = False,
    added_by=None,
):
    """Create a user who belongs to ``client``.

    Without a password the user cannot log in until they accept an invitation;
    ``invite`` sends one. A password marked temporary must be changed at the first
    login.
    """
    email = email.strip().lower()
    first_name, last_name = first_name.strip(), last_name.strip()
    if not email or "@" not in email:
        raise ClientError(_("Enter a valid e-mail address."))
    if not first_name or not last_name:
        raise ClientError(_("The first and last names are required."))
    if invite and password:
        raise ClientError(_("Choose either an invitation or a temporary password."))

    user_model = get_user_model()
    taken = user_model.objects.filter(email__iexact=email).exists()
    if taken or user_model.objects.filter(username__iexact=email).exists():
        raise ClientError(
            _("A user with the e-mail %(email)s already exists.") % {"email": email}
        )

    user = user_model(
        username=email, email=email, first_name=first_name, last_name=last_name
    )
    if password:
        _validate_password(password, user)
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.save()
    ClientMembership.objects.create(user=user, client=client)
    log(instance=user, action="wagtail.create", user=added_by)
    logger.info("client user added: user=%s client=%s", user.pk, client.pk)

    if password and password_is_temporary:
        TemporaryPassword.objects.create(
            user=user, fingerprint=password_fingerprint(user), set_by=added_by
        )
    if invite:
        send_invitation(user=user, sent_by=added_by)
    return user


def _validate_password(password: str, user) -> None:
    try:
        validate_password(password, user)
    except ValidationError as error:
        raise ClientError(" ".join(error.messages)) from error


@transaction.atomic
def send_invitation(*, user, sent_by=None) -> None:
    """E-mail ``user`` a link to set their password; older links stop working."""
    if account_state(user) not in ("invited", "temporary"):
        raise ClientError(
            _(
                "%(email)s already set a password: they can use «Forgot your "
                "password?» on the login page."
            )
            % {"email": user.email}
        )
    membership = user.client_membership
    if not membership.client.is_active:
        raise ClientError(_("The client is deactivated: activate it first."))

    membership.invited_at = timezone.now()
    membership.save(update_fields=["invited_at"])
    send_templated_email(
        to=user.email,
        template="invitation",
        context={
            "user": user,
            "client": membership.client,
            "url": invitation_url(user),
            "days": settings.EXTRANET_INVITATION_DAYS,
        },
        tag="invitation",
    )
    log(
        instance=user,
        action="clients.invitation_sent",
        user=sent_by,
        data={"client": membership.client.name},
    )
    logger.info("invitation sent: user=%s by=%s", user.pk, getattr(sent_by, "pk", None))


@transaction.atomic
def record_password_set(*, user, how: str) -> None:
    """Note that ``user`` chose a password (``how``: invitation, change or reset).

    The password itself was saved by Django's form; this ends a temporary password
    and leaves the trace in the audit log.
    """
    TemporaryPassword.objects.filter(user=user).delete()
    log(instance=user, action="clients.password_set", user=user, data={"how": how})
    logger.info("password set: user=%s how=%s", user.pk, how)


@transaction.atomic
def save_client_contacts(*, client: Client, contacts: list, changed_by=None) -> None:
    """Replace ``client``'s contacts with ``contacts``, saved in the order given.

    ``contacts`` are unsaved ``ClientContact`` objects (or anything with ``kind``,
    ``name`` and ``email``). Refuses a list that leaves the contacts incomplete.
    """
    problems = contact_problems(contacts)
    if problems:
        raise ClientError(" ".join(str(problem.message) for problem in problems))

    saved = ClientContact.objects.filter(client=client).order_by("sort_order", "pk")
    before = list(saved.values_list("kind", "name", "email"))
    saved.delete()
    ClientContact.objects.bulk_create(
        ClientContact(
            client=client,
            kind=contact.kind,
            name=contact.name.strip(),
            email=contact.email.strip().lower(),
            sort_order=order,
        )
        for order, contact in enumerate(contacts)
    )
    after = list(saved.values_list("kind", "name", "email"))
    if after != before:
        log(
            instance=client,
            action="clients.contacts_changed",
            user=changed_by,
            data={"contacts": len(after)},
        )
        logger.info(
            "client contacts changed: client=%s by=%s",
            client.pk,
            getattr(changed_by, "pk", None),
        )


def client_of_page(page: Page) -> Client | None:
    """Return the client whose area holds ``page``, or None outside every area."""
    area = (
        ClientPage.objects.ancestor_of(page, inclusive=True)
        .select_related("client")
        .first()
    )
    return area.client if area else None


def documents_of_page(page: Page) -> list:
    """Return the documents that a client section page's blocks point to."""
    documents = []
    for field_name in ("services", "reports"):
        for block in getattr(page, field_name, None) or []:
            documents.extend(doc for doc in block.value["documents"] if doc)
    return documents


def adopt_page_documents(*, page: Page) -> list:
    """Move the documents a client's page uses into that client's collection.

    A document uploaded from the page editor's chooser lands in whatever collection
    the uploader had selected, usually the root, where every user could read it.
    Documents already in another client's collection are left where they are and
    returned, so that the editor can be warned.
    """
    client = client_of_page(page)
    if client is None or client.collection is None:
        return []

    clients_root = client.collection.get_parent()
    foreign = []
    for document in documents_of_page(page):
        collection = document.collection
        if collection.pk == client.collection.pk:
            continue
        if collection.is_descendant_of(clients_root):
            foreign.append(document)
            continue
        document.collection = client.collection
        document.save(update_fields=["collection"])
        logger.info(
            "document moved into client collection: document=%s client=%s",
            document.pk,
            client.pk,
        )
    return foreign
