"""HTML to an A4 PDF with the machine's Chromium, offline.

Chromium is driven through its DevTools protocol over a pipe (`--remote-debugging-pipe`,
what puppeteer's `pipe: true` does): no port to open, no Python dependency, and the print
waits for exactly what it must — the page's `window.reportReady` promise, which resolves
once plotly.js has drawn every chart — instead of a guessed delay. `Page.printToPDF` then
gives the paper size, the margins and a footer with the page numbers.

The page is a local file whose scripts are local files: Chromium starts with networking
switched off where it can be (`--disable-background-networking`, no extensions, no component
updates) and is never asked to fetch anything.
"""
from __future__ import annotations

import base64
import fcntl
import json
import os
import select
import shutil
import signal
import tempfile
import time
from html import escape
from pathlib import Path
from typing import Any

# what tests/conftest.py gives the browser tests, plus what a one-shot print needs
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu",
                  "--disable-background-networking", "--disable-dev-shm-usage",
                  "--disable-extensions", "--disable-component-update", "--disable-sync",
                  "--disable-default-apps", "--no-first-run", "--no-default-browser-check",
                  "--mute-audio", "--hide-scrollbars", "--remote-debugging-pipe",
                  # no host name resolves: nothing can be fetched from the network
                  "--host-resolver-rules=MAP * ~NOTFOUND")
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")
READY = "window.reportReady"  # the page's promise: resolved when its charts are drawn
A4_INCHES = (210 / 25.4, 297 / 25.4)
# seconds: a report prints in about 3 s; well under gunicorn's 30 s worker timeout, so a
# stuck Chromium gives a clear 503 instead of a killed worker
PRINT_TIMEOUT = 20.0
MARGIN_INCHES = 0.45  # about 11 mm; the bottom one holds the footer
FOOTER_INCHES = 0.6


class ChromiumMissing(RuntimeError):
    """No Chromium at the configured path, or none on the PATH."""


class PrintFailed(RuntimeError):
    """Chromium started but did not produce the PDF (crash, script error, timeout)."""


def find_chromium(configured: str = "") -> str:
    """The Chromium to run: the configured path, or the first Chromium on the PATH."""
    if configured:
        if os.path.isfile(configured) and os.access(configured, os.X_OK):
            return configured
        raise ChromiumMissing(configured)
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    raise ChromiumMissing(" / ".join(CHROMIUM_NAMES))


def _high_fd(fd: int) -> int:
    """A copy of `fd` numbered 10 or more (closed on exec), and the original closed: the
    child's fds 3 and 4 are then made from copies that neither of them can overwrite."""
    copy = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)
    os.close(fd)
    return copy


class _DevTools:
    """One Chromium and the protocol's messages: JSON texts ending in a NUL byte, commands
    on the child's fd 3, answers and events on its fd 4.

    Chromium is started with `posix_spawn`, whose file actions put the pipes on fds 3 and 4
    in the child: no Python code runs between fork and exec (unlike `preexec_fn`, unsafe in
    a threaded server), and no shell is involved."""

    def __init__(self, chromium: str, profile_dir: str, deadline: float) -> None:
        self.deadline = deadline
        child_in, self.write_fd = (_high_fd(fd) for fd in os.pipe())
        self.read_fd, child_out = (_high_fd(fd) for fd in os.pipe())
        # Chromium's own messages go to a file: a pipe nobody reads would fill and stall it
        self.log = Path(profile_dir) / "chromium.log"
        try:
            self.pid = os.posix_spawn(
                chromium, [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile_dir}",
                           "about:blank"], dict(os.environ),
                file_actions=[
                    (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
                    (os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
                    (os.POSIX_SPAWN_OPEN, 2, str(self.log),
                     os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600),
                    (os.POSIX_SPAWN_DUP2, child_in, 3), (os.POSIX_SPAWN_DUP2, child_out, 4)])
        except OSError as error:
            os.close(self.write_fd)
            os.close(self.read_fd)
            raise PrintFailed(f"Chromium could not start: {error}") from error
        finally:  # the child has its copies
            os.close(child_in)
            os.close(child_out)
        self.returncode: int | None = None
        self.buffer = b""
        self.next_id = 0
        self.events: list[dict[str, Any]] = []

    def _exited(self, timeout: float = 0.0) -> bool:
        """Whether Chromium has exited (reaped), waiting up to `timeout` seconds."""
        end = time.monotonic() + timeout
        while self.returncode is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.returncode = os.waitstatus_to_exitcode(status)
            elif time.monotonic() >= end:
                return False
            else:
                time.sleep(0.05)
        return True

    def _kill(self) -> None:
        if not self._exited():
            os.kill(self.pid, signal.SIGKILL)
            self._exited(timeout=10)

    def _message(self) -> dict[str, Any]:
        while b"\0" not in self.buffer:
            remaining = self.deadline - time.monotonic()
            if remaining <= 0:
                raise PrintFailed("Chromium did not answer in time")
            ready, _, _ = select.select([self.read_fd], [], [], remaining)
            if not ready:
                continue
            chunk = os.read(self.read_fd, 1 << 20)
            if not chunk:
                raise PrintFailed("Chromium closed the DevTools pipe: " + self._stderr())
            self.buffer += chunk
        raw, self.buffer = self.buffer.split(b"\0", 1)
        message: dict[str, Any] = json.loads(raw)
        return message

    def send(self, method: str, session: str | None = None, **params: Any) -> None:
        self.next_id += 1
        request: dict[str, Any] = {"id": self.next_id, "method": method, "params": params}
        if session:
            request["sessionId"] = session
        os.write(self.write_fd, json.dumps(request).encode() + b"\0")

    def call(self, method: str, session: str | None = None, **params: Any) -> dict[str, Any]:
        """Send a command and wait for its answer (events that arrive meanwhile are kept)."""
        self.send(method, session, **params)
        while True:
            message = self._message()
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise PrintFailed(f"{method}: {message['error'].get('message')}")
                result: dict[str, Any] = message.get("result", {})
                return result
            self.events.append(message)

    def wait_event(self, method: str) -> dict[str, Any]:
        while True:
            for event in self.events:
                if event.get("method") == method:
                    self.events.remove(event)
                    return event
            self.events.append(self._message())

    def _stderr(self) -> str:
        self._kill()
        return self.log.read_text("utf-8", "replace")[-500:]

    def close(self) -> None:
        """Ask Chromium to quit, and make sure it has."""
        if not self._exited():
            try:
                self.send("Browser.close")
            except OSError:  # it had closed the pipe already
                pass
        for fd in (self.write_fd, self.read_fd):
            os.close(fd)
        if not self._exited(timeout=5):
            self._kill()


def footer(text: str) -> str:
    """The footer Chromium prints on every page: what the document is, page n / total."""
    return ('<div style="font-size:8px;width:100%;margin:0 11mm;display:flex;'
            'justify-content:space-between;color:#555;font-family:sans-serif">'
            f'<span>{escape(text)}</span><span><span class="pageNumber"></span> / '
            '<span class="totalPages"></span></span></div>')


def print_pdf(html_file: Path, chromium: str, footer_text: str = "",
              timeout: float = PRINT_TIMEOUT) -> bytes:
    """The A4 PDF of a local HTML file, once its `window.reportReady` has resolved (when the
    page defines it)."""
    with tempfile.TemporaryDirectory(prefix="territoires-chromium-") as profile_dir:
        tools = _DevTools(chromium, profile_dir, time.monotonic() + timeout)
        try:
            target = tools.call("Target.createTarget", url="about:blank")["targetId"]
            session = tools.call("Target.attachToTarget", targetId=target,
                                 flatten=True)["sessionId"]
            tools.call("Page.enable", session)
            tools.call("Page.navigate", session, url=html_file.resolve().as_uri())
            tools.wait_event("Page.loadEventFired")
            drawn = tools.call("Runtime.evaluate", session, expression=READY,
                               awaitPromise=True, returnByValue=True)
            if "exceptionDetails" in drawn:
                raise PrintFailed("the report's charts were not drawn: "
                                  + json.dumps(drawn["exceptionDetails"])[:500])
            width, height = A4_INCHES
            pdf = tools.call("Page.printToPDF", session, paperWidth=width,
                             paperHeight=height, marginTop=MARGIN_INCHES,
                             marginLeft=MARGIN_INCHES, marginRight=MARGIN_INCHES,
                             marginBottom=FOOTER_INCHES, printBackground=True,
                             displayHeaderFooter=True, headerTemplate="<span></span>",
                             footerTemplate=footer(footer_text))
        finally:
            tools.close()
    return base64.b64decode(pdf["data"])
