"""The django-formtools wizard that runs any registered e-service.

Each run has its own id in the URL and its own key in the session store, so two
e-services, two languages of one page, or two visitors served by one agent never
share answers. The run id is unique on the case: finishing twice finds the first case.
"""

import copy
import uuid
from collections import OrderedDict

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import BadRequest
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from formtools.wizard.forms import ManagementForm
from formtools.wizard.storage.session import SessionStorage
from formtools.wizard.views import NamedUrlSessionWizardView

from contactcentre import status as case_status
from contactcentre.models import Case
from contactcentre.models.cases import Channel
from contactcentre.tokens import status_code
from core import honeypot, ratelimit
from core.storage import PrivateStorage, private_storage
from eservices import answers as answer_tools
from eservices import dropoff, resend
from eservices.forms import AssistedConfirmForm, ConfirmForm
from eservices.submission import submit

CHECK_STEP = "kontrollera"
DONE_STEP = "skickat"
SESSION_RUNS = "eservice_runs"
RETURN_TO_CHECK = "return_to_check"
SAVE_BUTTON = "wizard_save"
SESSION_ASSISTED = "eservice_assisted_runs"
RESEND_BUTTON = "wizard_resend"  # on the "already sent" page: "new" case or "message" on the sent one
RESEND_AS_NEW = "new"
RESEND_AS_MESSAGE = "message"
# A sent run's extra data: the run its changed answers were last sent in as a new case.
RESENT_AS = "resent_as"


WIZARD_UPLOADS = "wizard-uploads"


class WizardFileStorage(PrivateStorage):
    """Uploads of runs in progress: private, and swept by ``delete_abandoned_uploads``."""

    def __init__(self):
        super().__init__(subdir=WIZARD_UPLOADS)


def wizard_file_storage():
    """The folder on one machine; with a private bucket, its ``wizard-uploads/`` prefix, so the
    next step of a run finds its photo whichever app server answers it."""
    return private_storage(WIZARD_UPLOADS) if "private" in settings.STORAGES else WizardFileStorage()


class RunStorage(SessionStorage):
    """A run's answers in the session. A sent run keeps its typed answers (not its files).

    formtools forgets a run once it is done; then a citizen who goes back after the
    receipt, changes an answer and sends again would lose the change without knowing.
    Kept, the answers can be shown against the sent case (eservices/resend.py).
    """

    sent = False  # set by the wizard's done()

    def reset(self):
        if not self.sent:
            return super().reset()
        kept = copy.deepcopy(self.data[self.step_data_key]), self.current_step
        super().reset()  # the case holds the files now: the wizard's copies are deleted
        self.data[self.step_data_key], self.current_step = kept

    def get_step_files(self, step):
        # A copy swept by delete_abandoned_uploads is an answer no longer there, not a server error.
        entries = self.data[self.step_files_key].get(step, {})
        for field in [f for f, entry in entries.items() if not self.file_storage.exists(entry["tmp_name"])]:
            del entries[field]
        return super().get_step_files(step)


def remember_run(request, run: uuid.UUID):
    runs = request.session.get(SESSION_RUNS, [])
    runs.append(str(run))
    request.session[SESSION_RUNS] = runs[-50:]


def owns_run(request, run) -> bool:
    return str(run) in request.session.get(SESSION_RUNS, [])


def start_assisted_run(request, run: uuid.UUID, next_visitor=True):
    """A staff member fills in this run with a walk-in visitor (channel "visit").

    The answers of earlier visitors whose forms were sent are forgotten first: a sent run
    keeps its answers (``RunStorage``), and the next visitor at the desk must not be able to
    page back to them. Runs not sent yet (a visitor in another tab) stay, and so does
    everything when the same visitor sends changed answers as a new case.
    """
    if next_visitor:
        forget_sent_assisted_runs(request)
    remember_run(request, run)
    assisted = request.session.get(SESSION_ASSISTED, {})
    assisted[str(run)] = request.user.pk
    request.session[SESSION_ASSISTED] = dict(list(assisted.items())[-50:])


def forget_sent_assisted_runs(request):
    assisted = request.session.get(SESSION_ASSISTED, {})
    sent = {
        str(run) for run in Case.objects.filter(run_id__in=list(assisted)).values_list("run_id", flat=True)
    }
    if not sent:
        return
    endings = tuple(uuid.UUID(run).hex for run in sent)
    for key in [key for key in request.session.keys() if key.startswith("wizard_") and key.endswith(endings)]:
        del request.session[key]
    request.session[SESSION_RUNS] = [r for r in request.session.get(SESSION_RUNS, []) if r not in sent]
    request.session[SESSION_ASSISTED] = {r: staff for r, staff in assisted.items() if r not in sent}


def assisting_user(request, run):
    """The staff member assisting in this run, if it is an assisted run and they are still signed in."""
    staff_id = request.session.get(SESSION_ASSISTED, {}).get(str(run))
    if staff_id and request.user.is_authenticated and request.user.pk == staff_id:
        return request.user
    return None


def session_key(eservice, run) -> str:
    """Where formtools keeps a run's answers in the session (its storage prefix)."""
    return f"wizard_{eservice.slug}_{run.hex}"


class EServiceWizard(NamedUrlSessionWizardView):
    eservice = None  # set by as_view
    file_storage = wizard_file_storage()
    storage_name = "eservices.wizard.RunStorage"
    template_name = "eservices/step.html"

    @classmethod
    def for_eservice(cls, eservice):
        form_list = [(step.name, step.form_class) for step in eservice.steps] + [(CHECK_STEP, ConfirmForm)]
        conditions = {
            step.name: _condition(eservice, step) for step in eservice.steps if step.condition is not None
        }
        return cls.as_view(
            form_list=form_list,
            condition_dict=conditions,
            url_name="eservice-step",
            done_step_name=DONE_STEP,
            eservice=eservice,
        )

    # --- run and URLs -------------------------------------------------------
    def dispatch(self, request, *args, **kwargs):
        self.page = kwargs["page"]
        self.run = kwargs["run"]
        if not owns_run(request, self.run):
            # A run belongs to the browser session that started it; anyone else starts afresh.
            return redirect(self.page.url + self.page.reverse_subpage("start"))
        self.assisted_by = assisting_user(request, self.run)
        return super().dispatch(request, *args, **kwargs)

    def get_form(self, step=None, data=None, files=None):
        step = step or self.steps.current
        if step == CHECK_STEP and self.assisted_by:
            # The visitor's consent is recorded on the case. (get_form_list() primes the
            # cache formtools clears after each valid step.)
            self.get_form_list()
            return AssistedConfirmForm(
                data=data, files=files, prefix=self.get_form_prefix(step), initial=self.get_form_initial(step)
            )
        return super().get_form(step, data, files)

    def get_prefix(self, request, *args, **kwargs):
        return f"{self.eservice.slug}_{kwargs['run'].hex}"

    def get_step_url(self, step):
        return self.get_run_url(self.run, step)

    def get_run_url(self, run, step):
        return self.page.url + self.page.reverse_subpage("step", args=(run, step))

    # --- steps --------------------------------------------------------------
    def get(self, request, *args, **kwargs):
        step = kwargs.get("step")
        if step == DONE_STEP:
            case = Case.objects.filter(run_id=self.run).first()
            if case:
                return self.render_receipt(case)
        elif step in self.get_form_list():
            missing = self.first_incomplete_step(before=step)
            if missing:
                return redirect(self.get_step_url(missing))
        if "andra" in request.GET and step in self.get_form_list():
            self.storage.extra_data = {**self.storage.extra_data, RETURN_TO_CHECK: True}
        response = super().get(request, *args, **kwargs)
        if response.status_code == 200 and step in self.get_form_list():
            dropoff.reached(self, step)
        return response

    def post(self, *args, **kwargs):
        if honeypot.triggered(self.request, f"eservice:{self.eservice.slug}"):
            return honeypot.refused(self.request)
        if self.sent_case is not None:
            return self.post_after_sending(self.sent_case)
        if SAVE_BUTTON in self.request.POST and not self.assisted_by:
            return self.save_for_later()
        step = self.posted_step()
        if step is not None and step not in self.get_form_list():
            # formtools would store the unknown name as the current step, then fail with a
            # KeyError: refuse it first, so the run and its answers stay as they were.
            raise BadRequest("The posted wizard step is not a step of this run.")
        if step is not None:
            missing = self.first_incomplete_step(before=step)
            if missing:
                # Steps are sent in order (ASVS 2.3.1): a crafted post cannot answer ahead.
                self.storage.current_step = missing
                return redirect(self.get_step_url(missing))
            if step != CHECK_STEP:
                # Any answer sent after the check step was sent needs the check step again: the
                # case is made only from answers the citizen (or the visitor) saw on the check page.
                self.storage.data[self.storage.step_data_key].pop(CHECK_STEP, None)
        return super().post(*args, **kwargs)

    def save_for_later(self):
        """Keep what the citizen typed on this step, valid or not, then ask where to send the link."""
        step = self.posted_step()
        if step in self.get_form_list():
            form = self.get_form(step=step, data=self.request.POST, files=self.request.FILES)
            self.storage.set_step_data(step, self.process_step(form))
            if self.request.FILES:
                self.storage.set_step_files(step, self.process_step_files(form))
            self.storage.current_step = step
        return redirect(self.page.url + self.page.reverse_subpage("save", args=(self.run,)))

    def first_incomplete_step(self, before):
        for name in self.get_form_list():
            if name == before:
                return None
            if self.get_cleaned_data_for_step(name) is None:
                return name
        return None

    def render(self, form=None, **kwargs):
        if self.request.method == "GET" and form is not None and form.is_bound and not form.is_valid():
            # Answers kept as typed (saved for later, resumed from a link) were never sent:
            # show them as they were, without errors, until the citizen sends the step.
            form = self.unchecked_form(form)
        return super().render(form, **kwargs)

    def unchecked_form(self, form):
        """An unbound copy of ``form`` whose initial values are what was typed into it."""
        unbound = self.get_form(step=self.steps.current)
        unbound.initial = {
            name: field.widget.value_from_datadict(form.data, form.files, form.add_prefix(name))
            for name, field in form.fields.items()
        }
        return unbound

    def render_next_step(self, form, **kwargs):
        if self.storage.extra_data.get(RETURN_TO_CHECK):
            # A change returns to the check step, unless it made a new step necessary.
            next_step = self.first_incomplete_step(before=CHECK_STEP) or CHECK_STEP
            if next_step == CHECK_STEP:
                # Only the flag goes: the rest (steps counted for the statistics) stays.
                self.storage.extra_data = {
                    key: value for key, value in self.storage.extra_data.items() if key != RETURN_TO_CHECK
                }
            self.storage.current_step = next_step
            return redirect(self.get_step_url(next_step))
        return super().render_next_step(form, **kwargs)

    def get_context_data(self, form, **kwargs):
        context = super().get_context_data(form=form, **kwargs)
        steps = list(self.get_form_list())
        context.update(
            page=self.page,
            eservice=self.eservice,
            step_name=self.steps.current,
            step_title=self.step_title(self.steps.current),
            step_number=steps.index(self.steps.current) + 1,
            step_count=len(steps),
            previous_url=self.get_step_url(self.steps.prev) if self.steps.prev else None,
            is_check_step=self.steps.current == CHECK_STEP,
            assisted=bool(self.assisted_by),
            sent_case=self.sent_case,
        )
        if self.steps.current == CHECK_STEP:
            context["summary"] = self.answer_summary()
        return context

    def step_title(self, name):

        if name == CHECK_STEP:
            return _("Check your answers")
        return self.eservice.step(name).title

    def answer_summary(self):
        """Each step's answers as label/value rows with a change link, in the visitor's language."""
        summary = []
        for name in self.get_form_list():
            if name == CHECK_STEP:
                continue
            form = self.get_form(
                step=name, data=self.storage.get_step_data(name), files=self.storage.get_step_files(name)
            )
            if not form.is_valid() or not form.fields:
                continue
            rows = [
                {
                    "label": field.label,
                    "value": answer_tools.display_value(field, form.cleaned_data.get(field_name)),
                    "change_url": f"{self.get_step_url(name)}?andra=1#id_{name}-{field_name}",
                }
                for field_name, field in form.fields.items()
            ]
            summary.append(
                {"title": self.step_title(name), "rows": rows, "change_url": self.get_step_url(name)}
            )
        return summary

    # --- finishing ----------------------------------------------------------
    @cached_property
    def sent_case(self):
        """The case this run already made, if any."""
        return Case.objects.filter(run_id=self.run).first()

    def done(self, form_list, form_dict=None, **kwargs):
        forms_by_step = OrderedDict((name, form) for name, form in form_dict.items() if name != CHECK_STEP)
        assisted = {}
        if self.assisted_by:
            assisted = {
                "opened_by": self.assisted_by,
                "visitor_consent": form_dict[CHECK_STEP].cleaned_data["visitor_consent"],
            }
        _case, created = submit(
            self.eservice,
            forms_by_step,
            channel=Channel.VISIT if self.assisted_by else Channel.WEB,
            language=get_language() or settings.LANGUAGE_CODE,
            run_id=self.run,
            request=self.request,  # for an e-ID login, when one exists (eservices/identity.py)
            **assisted,
        )
        dropoff.sent(self, created)
        self.storage.sent = True  # keep the answers: see RunStorage
        return redirect(self.get_step_url(DONE_STEP))

    def render_done(self, form, **kwargs):
        if kwargs.get("step") == DONE_STEP and not any(
            self.storage.get_step_data(name) for name in self.get_form_list()
        ):
            # Nothing stored and no case: an old or foreign done URL.
            raise Http404
        if kwargs.get("step") == DONE_STEP and not self.assisted_by:
            # The API's budget ("submission"), shared: the web form is no way round it. Counted
            # before formtools runs done() and forgets the run, so a refused run keeps its answers.
            # Staff filling in for walk-in visitors share the desk's address: not counted.
            try:
                ratelimit.check(self.request, "submission")
            except ratelimit.RateLimited as error:
                return ratelimit.too_many_requests(self.request, error)
        return super().render_done(form, **kwargs)

    def render_receipt(self, case):
        return TemplateResponse(
            self.request,
            "eservices/receipt.html",
            {
                "page": self.page,
                "eservice": self.eservice,
                "case": case,
                "status_token": case.status_token(),
                "status_code": status_code(case),
                "assisted": bool(self.assisted_by) or opened_by_this_user(case, self.request.user),
            },
        )

    def posted_step(self):
        """The step the posted form names (formtools' management form), or None."""
        management = ManagementForm(self.request.POST, prefix=self.prefix)
        return management.cleaned_data["current_step"] if management.is_valid() else None

    # --- sent already -------------------------------------------------------
    def post_after_sending(self, case):
        """A step or the check step sent again after the case was made (the back button, two tabs).

        A valid changed step is kept with the run's answers; then the citizen sees that the
        form was sent, what differs from the case, and chooses what to do with it.
        """
        choice = self.request.POST.get(RESEND_BUTTON)
        if choice == RESEND_AS_NEW:
            return self.send_as_new_case(case)
        if choice == RESEND_AS_MESSAGE:
            return self.send_as_message(case)
        step = self.posted_step()
        if step in self.get_form_list() and step != CHECK_STEP:
            self.storage.current_step = step
            form = self.get_form(step=step, data=self.request.POST, files=self.request.FILES)
            if not form.is_valid():
                return self.render(form)  # the errors as usual, under the "already sent" notice
            self.storage.set_step_data(step, self.process_step(form))
            self.storage.set_step_files(step, self.process_step_files(form))
            self.forget_resolved_steps()
        return self.render_already_sent(case)

    def forget_resolved_steps(self):
        # As formtools does after a valid step: a changed answer may change which steps apply.
        for name in [n for n in vars(self) if n.startswith(("_cleaned_data_cache_", "_resolved_form_list"))]:
            delattr(self, name)
        vars(self).pop("_cache_signature", None)

    def answers_now(self):
        """(valid forms of the steps that apply and have answers, the steps that apply)."""
        applicable = [name for name in self.get_form_list() if name != CHECK_STEP]
        forms_by_step = OrderedDict()
        for name in applicable:
            data = self.storage.get_step_data(name)
            if data is None:
                continue
            form = self.get_form(step=name, data=data, files=self.storage.get_step_files(name))
            if form.is_valid():
                forms_by_step[name] = form
        return forms_by_step, applicable

    def render_already_sent(self, case, status=200):
        forms_by_step, applicable = self.answers_now()
        return TemplateResponse(
            self.request,
            "eservices/already_sent.html",
            {
                "page": self.page,
                "eservice": self.eservice,
                "case": case,
                "changes": resend.changes(self.eservice, case, forms_by_step, applicable),
                "takes_messages": case.status in resend.TAKES_MESSAGES,
                "assisted": bool(self.assisted_by),
                "action_url": self.get_step_url(CHECK_STEP),
                "receipt_url": self.get_step_url(DONE_STEP),
                "resend_button": RESEND_BUTTON,
            },
            status=status,
        )

    def send_as_message(self, case):
        forms_by_step, applicable = self.answers_now()
        try:
            ratelimit.check(self.request, "citizen-message")
        except ratelimit.RateLimited as error:
            return ratelimit.too_many_requests(self.request, error)
        if case.status not in resend.TAKES_MESSAGES:
            return self.render_already_sent(case)
        resend.add_as_message(self.eservice, case, forms_by_step, applicable, actor=self.assisted_by)
        messages.success(
            self.request,
            _("Your changes have been added to your case %(reference)s as a message.")
            % {"reference": case.reference},
        )
        # Straight to the status page without its token: the citizen already proved the case is theirs.
        case_status.grant(self.request, case)
        return redirect(reverse("case_status_page", args=[case.reference]))

    def send_as_new_case(self, case):
        """A fresh run carrying the answers, finished through the wizard like any run.

        Its done URL runs ``done()`` (receipt, e-mail task, status link). In assisted mode
        it stops at the check step: the visitor agrees to the changed answers first.
        """
        forms_by_step, applicable = self.answers_now()
        if not resend.changes(self.eservice, case, forms_by_step, applicable):
            return self.render_already_sent(case)
        new_run = self.resent_run(forms_by_step, applicable)
        if isinstance(new_run, Case):
            # The same changes sent again (a second click, a replayed post): that case's receipt.
            return redirect(self.get_run_url(new_run.run_id, DONE_STEP))
        if self.assisted_by:
            start_assisted_run(self.request, new_run, next_visitor=False)
        else:
            remember_run(self.request, new_run)
        data = self.storage.data
        # Assisted: not the check step, which holds the visitor's consent to the answers as sent.
        keep = set(applicable) if self.assisted_by else {*applicable, CHECK_STEP}
        step_data = {name: value for name, value in data[self.storage.step_data_key].items() if name in keep}
        # Files moved to the new run by an earlier click stay with it.
        earlier = self.request.session.get(session_key(self.eservice, new_run)) or {}
        step_files = {
            **earlier.get(self.storage.step_files_key, {}),
            **resend.copy_sent_files(
                case, self.eservice, data[self.storage.step_files_key], applicable, self.file_storage
            ),
        }
        next_step = CHECK_STEP if self.assisted_by else DONE_STEP
        self.request.session[session_key(self.eservice, new_run)] = {
            self.storage.step_key: CHECK_STEP,
            self.storage.step_data_key: step_data,
            self.storage.step_files_key: step_files,
            self.storage.extra_data_key: {},
        }
        # The changed files now belong to the new run, which deletes them once its case has them.
        data[self.storage.step_files_key] = {}
        self.storage.extra_data = {**self.storage.extra_data, RESENT_AS: str(new_run)}
        return redirect(self.page.url + self.page.reverse_subpage("step", args=(new_run, next_step)))

    def resent_run(self, forms_by_step, applicable):
        """The run for sending this run's changes as a new case: never a second case for one change.

        The changes were sent as a new case before (a double click, a replayed post): that run
        again while its case is not made yet, or that case when the answers are still what it
        holds. Answers changed since then make a new run.
        """
        earlier = self.storage.extra_data.get(RESENT_AS)
        if not earlier:
            return uuid.uuid4()
        earlier = uuid.UUID(earlier)
        earlier_case = Case.objects.filter(run_id=earlier).first()
        if earlier_case is None:
            return earlier
        if not resend.changes(self.eservice, earlier_case, forms_by_step, applicable):
            return earlier_case
        return uuid.uuid4()


def opened_by_this_user(case, user) -> bool:
    """Whether a signed-in staff member opened this case (for a visitor).

    An anonymous citizen's case has no opener and an anonymous user has no id:
    ``None == None`` must not show them the staff member's text.
    """
    return user.is_authenticated and case.opened_by_id is not None and case.opened_by_id == user.pk


def _condition(eservice, step):
    def condition(wizard):
        answers = {}
        for earlier in eservice.steps:
            if earlier.name == step.name:
                break
            answers[earlier.name] = wizard.get_cleaned_data_for_step(earlier.name) or {}
        return step.applies(answers)

    return condition


_VIEWS: OrderedDict = OrderedDict()
# As many as the built e-services kept (eservices.versions.CACHE_SIZE): each edit makes a new one.
VIEWS_KEPT = 64


def wizard_view(eservice):
    """One view function per e-service version, built once; the least recently used are let go."""
    if eservice.key not in _VIEWS:
        _VIEWS[eservice.key] = EServiceWizard.for_eservice(eservice)
        while len(_VIEWS) > VIEWS_KEPT:
            _VIEWS.popitem(last=False)
    _VIEWS.move_to_end(eservice.key)
    return _VIEWS[eservice.key]
