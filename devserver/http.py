"""The local web server: the output folder, plus a reload signal for browsers.

HTML pages are served with one extra tag, ``<script src="/__devserver/
reload.js">`` (an external script, so a Content-Security-Policy that allows
the site's own scripts allows it); the files on disk are never changed. The
script listens to ``/__devserver/events`` (Server-Sent Events): each published
build sends its generation number, and a page built from an older generation
reloads itself. ``/__devserver/status`` says, as JSON, which generation is
served, how many builds ran and whether the last one failed (with its
errors).
"""

from __future__ import annotations

import io
import json
import os
import re
import threading
from http.server import ThreadingHTTPServer
from typing import Any

from pelican.server import ComplexHTTPRequestHandler

__all__ = ["ReloadHub", "serve"]

PREFIX = "/__devserver/"
RELOAD_JS = """\
(function () {
  "use strict";
  var script = document.currentScript;
  var built = script ? script.getAttribute("data-generation") : null;
  var events = new EventSource("/__devserver/events");
  events.onmessage = function (event) {
    if (built === null) { built = event.data; return; }
    if (event.data !== built) { window.location.reload(); }
  };
})();
"""
_BODY_END = re.compile(rb"</body\s*>", re.IGNORECASE)


class ReloadHub:
    """The generation being served, and a way to wait for the next one."""

    def __init__(self) -> None:
        self.generation = 0
        self.builds = 0
        self.status: dict[str, Any] = {
            "generation": 0,
            "builds": 0,
            "ok": True,
            "errors": [],
        }
        self.closed = False
        self._changed = threading.Condition()

    def publish(self, generation: int) -> None:
        with self._changed:
            self.generation = generation
            self._set_status(ok=True, errors=[])
            self._changed.notify_all()

    def failed(self, errors: list[str]) -> None:
        with self._changed:
            self._set_status(ok=False, errors=errors)

    def _set_status(self, ok: bool, errors: list[str]) -> None:
        self.builds += 1
        self.status = {
            "generation": self.generation,
            "builds": self.builds,
            "ok": ok,
            "errors": errors,
        }

    def wait(self, seen: int | None, timeout: float) -> int:
        with self._changed:
            self._changed.wait_for(
                lambda: self.closed or self.generation != seen, timeout
            )
            return self.generation

    def close(self) -> None:
        with self._changed:
            self.closed = True
            self._changed.notify_all()


def inject(html: bytes, generation: int) -> bytes:
    """The page with the reload script before ``</body>`` (or at the end)."""
    tag = (
        f'<script src="{PREFIX}reload.js" data-generation="{generation}" defer>'
        "</script>"
    ).encode()
    matches = list(_BODY_END.finditer(html))
    if not matches:
        return html + tag
    at = matches[-1].start()
    return html[:at] + tag + html[at:]


class _Handler(ComplexHTTPRequestHandler):
    hub: ReloadHub

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        if path.startswith(PREFIX):
            self._devserver(path[len(PREFIX) :])
            return
        found = self.get_path_that_exists(path)
        if not found:
            self.send_error(404, "Not found in the output folder")
            return
        self.path = found
        super(ComplexHTTPRequestHandler, self).do_GET()

    def send_head(self) -> Any:
        path = self.translate_path(self.path)
        if os.path.isdir(path) and self.path.split("?", 1)[0].endswith("/"):
            path = os.path.join(path, "index.html")
        if not path.endswith((".html", ".htm")) or not os.path.isfile(path):
            return super().send_head()
        with open(path, "rb") as handle:
            data = inject(handle.read(), self.hub.generation)
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        return io.BytesIO(data)

    def _devserver(self, name: str) -> None:
        if name == "reload.js":
            self._send(RELOAD_JS.encode(), "text/javascript; charset=utf-8")
        elif name == "status":
            self._send(json.dumps(self.hub.status).encode(), "application/json")
        elif name == "events":
            self._events()
        else:
            self.send_error(404)

    def _send(self, data: bytes, content_type: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(data)

    def _events(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        seen: int | None = None
        try:
            while not self.hub.closed:
                generation = self.hub.wait(seen, timeout=15)
                if generation != seen:
                    self.wfile.write(f"data: {generation}\n\n".encode())
                    seen = generation
                else:
                    self.wfile.write(b": still here\n\n")
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            return


def serve(output: str, bind: str, port: int, hub: ReloadHub) -> ThreadingHTTPServer:
    """Start serving ``output`` in a background thread; return the server."""
    handler = type("Handler", (_Handler,), {"hub": hub, "base_path": output})
    ThreadingHTTPServer.allow_reuse_address = True
    server = ThreadingHTTPServer((bind, port), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server
