"""The sign-in page and plain message pages: server-rendered HTML, usable before any script runs."""

from __future__ import annotations

from markupsafe import Markup, escape

from layouts import texts, urls

FRAME = """<!DOCTYPE html>
<html lang="sv">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{title} – {app}</title>
  <link rel="stylesheet" href="{assets}00-bootstrap.min.css">
  <link rel="stylesheet" href="{assets}kontrollrummet.css">
</head>
<body>
  <header class="app-header"><div class="container"><a class="brand" href="{home}">{app}</a>
    <span class="tagline">{tagline}</span></div></header>
  <main id="main" class="container sign-in">
    <h1>{title}</h1>
    {body}
  </main>
</body>
</html>"""

FORM = """<p>{intro}</p>
    {message}
    <form method="post" action="{action}" class="sign-in-form">
      <input type="hidden" name="{next_key}" value="{next}">
      <div class="mb-3">
        <label class="form-label" for="username">{username_label}</label>
        <input class="form-control" id="username" name="username" autocomplete="username" required
               value="{username}"{username_focus}>
      </div>
      <div class="mb-3">
        <label class="form-label" for="password">{password_label}</label>
        <input class="form-control" id="password" name="password" type="password"
               autocomplete="current-password" required{password_focus}>
      </div>
      <button class="btn btn-primary" type="submit">{button}</button>
    </form>"""


def page(action: str, next_path: str, username: str = "", message: str | None = None) -> str:
    """The sign-in form; a failure `message` is announced to screen readers as an alert."""
    shown = (
        Markup('<div class="alert alert-danger" role="alert">{}</div>').format(message)
        if message
        else ""
    )
    body = FORM.format(
        intro=texts.SIGN_IN_INTRO,
        message=shown,
        action=escape(action),
        next_key=urls.NEXT_KEY,
        next=escape(next_path),
        username=escape(username),
        username_label=texts.USERNAME_LABEL,
        password_label=texts.PASSWORD_LABEL,
        button=texts.SIGN_IN_BUTTON,
        username_focus="" if username else " autofocus",
        password_focus=" autofocus" if username else "",
    )
    return _frame(texts.SIGN_IN_TITLE, body)


def message_page(heading: str, text: str) -> str:
    """A page with a heading and one sentence: refusals and errors outside the Dash pages."""
    return _frame(heading, Markup("<p>{}</p>").format(text))


def _frame(title: str, body: str) -> str:
    return FRAME.format(
        title=escape(title),
        app=texts.APP_TITLE,
        tagline=texts.APP_TAGLINE,
        body=body,
        assets=urls.ASSETS_PREFIX,
        home=urls.OVERVIEW_PATH,
    )
