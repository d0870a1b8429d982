"""Headless Chromium (Debian's ``chromium`` and ``chromium-driver``) driven by
Selenium, and a static file server for a built site on 127.0.0.1.

Used by the browser tests and by ``invoke screenshots``. Nothing here
downloads a browser: the paths are Debian's, and Selenium is given them, so
its own driver manager never runs.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import ClassVar

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

INSTALL_HINT = (
    "install Debian's chromium and chromium-driver packages: `make browser-deps` "
    "(or: apt-get install chromium chromium-driver)"
)

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
    "--force-device-scale-factor=1",
    "--lang=en-GB",
)


def find_browser() -> tuple[str, str] | None:
    """``(chromium, chromedriver)`` paths, or None when either is missing."""
    browser = shutil.which(os.environ.get("CHROMIUM") or "chromium")
    driver = shutil.which(os.environ.get("CHROMEDRIVER") or "chromedriver")
    if browser and driver:
        return browser, driver
    return None


class Browser:
    """One headless Chromium with a throw-away profile; close() removes it."""

    def __init__(
        self, width: int = 1280, height: int = 900, javascript: bool = True
    ) -> None:
        found = find_browser()
        if found is None:
            raise RuntimeError(f"Chromium not found: {INSTALL_HINT}")
        binary, driver_path = found
        self.profile = tempfile.mkdtemp(prefix="chromium-profile-")
        options = webdriver.ChromeOptions()
        options.binary_location = binary
        for flag in FLAGS:
            options.add_argument(flag)
        options.add_argument(f"--user-data-dir={self.profile}")
        options.add_argument(f"--window-size={width},{height}")
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        if not javascript:
            options.add_experimental_option(
                "prefs", {"profile.managed_default_content_settings.javascript": 2}
            )
        self.driver = webdriver.Chrome(
            options=options, service=Service(executable_path=driver_path)
        )
        self.driver.set_script_timeout(30)
        self.driver.set_page_load_timeout(30)

    def close(self) -> None:
        try:
            self.driver.quit()
        finally:
            shutil.rmtree(self.profile, ignore_errors=True)

    def viewport(self, width: int, height: int = 900, mobile: bool = False) -> None:
        """Emulate a screen ``width`` CSS pixels wide (a phone when mobile)."""
        self.driver.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride",
            {
                "width": width,
                "height": height,
                "deviceScaleFactor": 1,
                "mobile": mobile,
            },
        )

    def color_scheme(self, scheme: str) -> None:
        """Emulate ``prefers-color-scheme``: "light" or "dark"."""
        self.driver.execute_cdp_cmd(
            "Emulation.setEmulatedMedia",
            {"features": [{"name": "prefers-color-scheme", "value": scheme}]},
        )

    def console_problems(self) -> list[str]:
        """Console errors and warnings since the last call (CSP reports too)."""
        return [
            entry["message"]
            for entry in self.driver.get_log("browser")
            if entry["level"] in ("SEVERE", "WARNING")
        ]

    def full_page_png(self, path: Path, width: int) -> None:
        """A screenshot of the whole page at ``width`` CSS pixels."""
        height = self.driver.execute_script(
            "return Math.ceil(document.documentElement.scrollHeight)"
        )
        self.viewport(width, max(int(height), 200), mobile=width < 600)
        height = self.driver.execute_script(
            "return Math.ceil(document.documentElement.scrollHeight)"
        )
        self.viewport(width, max(int(height), 200), mobile=width < 600)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(self.driver.get_screenshot_as_png())


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map: ClassVar[dict[str, str]] = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".wasm": "application/wasm",
    }

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 (a free port); yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
