"""An e-mail backend for ``manage.py bench_tickets``: it notes when each e-mail arrives.

It goes through Anymail's own message handling, as a real provider backend does, and
stops where a provider's API would be called, so no e-mail leaves the machine. The
worker runs in its own process, so the times go to the file named by the environment
variable ``BENCH_TICKETS_LOG``, one "NUMBER UNIX-TIME" line per support e-mail.
"""

import os
import time
import uuid

from anymail.backends.test import EmailBackend
from anymail.message import AnymailRecipientStatus


class TimingEmailBackend(EmailBackend):
    def send_messages(self, email_messages):
        now = time.time()
        lines = [
            f"{message.metadata['ticket']} {now:.6f}\n"
            for message in email_messages
            if (getattr(message, "metadata", None) or {}).get("kind") == "support"
        ]
        with open(os.environ["BENCH_TICKETS_LOG"], "a") as log:
            log.writelines(lines)
        return super().send_messages(email_messages)

    def post_to_esp(self, payload, message):
        # Accept at once, keeping nothing: the benchmark sends hundreds.
        status = AnymailRecipientStatus(message_id=str(uuid.uuid4()), status="sent")
        return {"recipient_status": dict.fromkeys(payload.recipient_emails, status)}
