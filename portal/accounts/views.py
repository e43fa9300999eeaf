"""Registration, login and logout."""

from __future__ import annotations

from flask import (
    Blueprint,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user

from portal import vietnamese
from portal.accounts import services
from portal.accounts.forms import LoginForm, RegisterForm
from portal.errors import RuleViolation
from portal.extensions import db, limiter
from portal.forms import ActionForm
from portal.permissions import is_staff
from portal.security import is_safe_next

bp = Blueprint("accounts", __name__, url_prefix="/account")


def _landing_page(user) -> str:
    return url_for("staff.petitions") if is_staff(user) else url_for("petitions.mine")


def _fresh_session() -> None:
    """Start over (at login and logout), keeping only the chosen language."""
    language = session.get("lang")
    session.clear()
    if language:
        session["lang"] = language


def _start_session(user, *, remember: bool) -> None:
    # A new session on login, so a session planted before login is useless.
    _fresh_session()
    login_user(user, remember=remember)


@bp.route("/register", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["RATE_LIMIT_REGISTER"], methods=["POST"])
def register():
    if current_user.is_authenticated:
        return redirect(_landing_page(current_user))
    form = RegisterForm()
    if form.validate_on_submit():
        try:
            user = services.register_resident(
                email=form.email.data,
                phone=form.phone.data,
                password=form.password.data,
                full_name=form.full_name.data,
            )
        except RuleViolation as exc:
            if not form.add_error(exc):
                flash(exc.message, "error")
        else:
            db.session.commit()
            _start_session(user, remember=False)
            flash(_("Đã tạo tài khoản. Bạn có thể gửi và theo dõi phản ánh của mình."), "success")
            return redirect(url_for("petitions.mine"))
    status = 400 if form.is_submitted() else 200
    return render_template("accounts/register.html", form=form), status


def _login_identifier() -> str:
    """Rate-limit key: the account being tried, whatever address it comes from."""
    return "login:" + vietnamese.fold(request.form.get("identifier", "")).strip()[:254]


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["RATE_LIMIT_LOGIN"], methods=["POST"])
@limiter.limit(lambda: current_app.config["RATE_LIMIT_LOGIN_ACCOUNT"], methods=["POST"],
               key_func=_login_identifier)
def login():
    form = LoginForm()
    if request.method == "GET":
        form.next.data = request.args.get("next", "")
    if form.validate_on_submit():
        user = services.authenticate(form.identifier.data, form.password.data)
        if user is not None:
            db.session.commit()  # last_login_at
            _start_session(user, remember=form.remember.data)
            target = form.next.data if is_safe_next(form.next.data) else _landing_page(user)
            return redirect(target)
        # One message whatever went wrong, so nobody learns which accounts exist.
        form.password.errors = [_("Email/số điện thoại hoặc mật khẩu không đúng.")]
    status = 400 if form.is_submitted() else 200
    return render_template("accounts/login.html", form=form), status


@bp.route("/logout", methods=["POST"])
@login_required
def logout():
    form = ActionForm()
    if form.validate_on_submit():
        logout_user()
        _fresh_session()
        flash(_("Bạn đã đăng xuất."), "success")
        return redirect(url_for("pages.home"))
    flash(_("Không thể đăng xuất vì phiên làm việc đã hết hạn, vui lòng thử lại."), "error")
    return redirect(url_for("pages.home"))
