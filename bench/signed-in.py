#!/usr/bin/env python3
"""Signs a member in to a running Pacta the way a person does, for bench/load.sh's signed-in figures, and prints the
session cookie ("__Host-pacta=...") to pass to wrk. Usage: bench/signed-in.py BASE_URL INVITATION_LINK EMAIL

The invitation link comes from `pacta invite` (the operator's only door). The invitation page is accepted with a
display name, a password and the TOTP code of the secret it shows (computed here as an authenticator app would); then
the member signs in again through the sign-in form with the email, the password and one of the recovery codes the
acceptance showed. Both go through the real forms with their antiforgery tokens; the cookie printed is the sign-in
form's, checked by reading /es/account (a signed-out reader is sent to sign in)."""
import base64, hashlib, hmac, html.parser, struct, sys, time, urllib.error, urllib.parse, urllib.request

SESSION_COOKIE = "__Host-pacta"
PASSWORD = "a long bench password of the load test"
base, link, email = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


opener = urllib.request.build_opener(NoRedirect)


def request(path, cookies, form=None):
    """One request; returns (status, headers, body). Cookies are sent by hand: the session cookie is Secure and the
    bench runs on plain http://127.0.0.1, where a client's cookie jar would drop it."""
    data = urllib.parse.urlencode(form).encode() if form is not None else None
    req = urllib.request.Request(base + path, data=data, method="POST" if form is not None else "GET")
    if cookies:
        req.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in cookies.items()))
    try:
        with opener.open(req) as response:
            status, headers, body = response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        status, headers, body = error.code, error.headers, error.read().decode()
    for header in headers.get_all("Set-Cookie") or []:
        name, _, rest = header.partition("=")
        cookies[name] = rest.split(";", 1)[0]
    return status, headers, body


class Forms(html.parser.HTMLParser):
    """The page's forms (their inputs' names and values), the TOTP secret shown and the recovery codes listed."""

    def __init__(self, page):
        super().__init__()
        self.forms, self.secret, self.codes, self._in = [], "", [], None
        self.feed(page)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append({})
        elif tag == "input" and self.forms and attrs.get("name"):
            self.forms[-1][attrs["name"]] = attrs.get("value") or ""
        elif tag == "code":
            self._in = "secret" if "secret" in (attrs.get("class") or "") else "code"

    def handle_endtag(self, tag):
        if tag == "code":
            self._in = None

    def handle_data(self, data):
        if self._in == "secret":
            self.secret += data
        elif self._in == "code":
            self.codes.append(data.strip())

    def form_with(self, field):
        return next(f for f in self.forms if field in f)


def totp(secret, at):
    """RFC 6238 with SHA-1, 6 digits, 30 s steps (TotpCodes)."""
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    digest = hmac.new(key, struct.pack(">Q", int(at) // 30), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return f"{(struct.unpack('>I', digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000:06d}"


def fail(message):
    sys.exit(f"bench/signed-in.py: {message}")


# Accept the invitation: password and authenticator.
invitation = urllib.parse.urlsplit(link).path
cookies = {}
status, _, page = request(invitation, cookies)
if status != 200:
    fail(f"{invitation} answered {status}")
forms = Forms(page)
form = forms.form_with("Input.Token")
secret = "".join(forms.secret.split())
form.update({"Input.DisplayName": "Bench reader", "Input.Password": PASSWORD, "Input.TotpCode": totp(secret, time.time())})
status, _, page = request(invitation, cookies, form)
codes = Forms(page).codes
if status != 200 or not codes:
    fail(f"accepting the invitation answered {status} without recovery codes")

# Sign in again through the sign-in form, as a member on another device: email, password, a recovery code.
cookies = {}
status, _, page = request("/es/account/sign-in", cookies)
form = Forms(page).form_with("Input.Email")
form.update({"Input.Email": email, "Input.Password": PASSWORD, "Input.RecoveryCode": codes[0]})
status, _, _ = request("/es/account/sign-in", cookies, form)
if status not in (302, 303) or SESSION_COOKIE not in cookies:
    fail(f"signing in answered {status} without a session cookie")
session = {SESSION_COOKIE: cookies[SESSION_COOKIE]}
status, _, _ = request("/es/account", dict(session))
if status != 200:
    fail(f"/es/account with the session cookie answered {status}, not 200")
print(f"{SESSION_COOKIE}={session[SESSION_COOKIE]}")
