#!/usr/bin/python3
"""A WebKitGTK browser for WebKitWebDriver that prints the page's console.

Debian's MiniBrowser runs automation sessions with an ephemeral data
manager, and WebKit does not print the console messages of ephemeral
sessions. This program keeps its data in a fresh directory of its own
(removed on exit) and turns on `enable-write-console-messages-to-stdout`, so
every console message reaches stdout as `CONSOLE <SOURCE> <LEVEL> <text>`,
which the e2e harness reads from the driver's output.

WebKitWebDriver starts it as `webkit_browser.py --automation`.
"""
import atexit
import shutil
import sys
import tempfile

import gi

gi.require_version("Gtk", "3.0")
gi.require_version("WebKit2", "4.1")
from gi.repository import Gtk, WebKit2  # noqa: E402

data_dir = tempfile.mkdtemp(prefix="cors-lab-webkit-")
atexit.register(shutil.rmtree, data_dir, True)

manager = WebKit2.WebsiteDataManager(
    base_data_directory=data_dir, base_cache_directory=data_dir + "/cache"
)
context = WebKit2.WebContext(website_data_manager=manager)
context.set_automation_allowed(True)
# `--languages=zh-TW,en`: the pages' preferred languages (navigator.languages,
# Accept-Language), as a learner's browser set to them would have.
for arg in sys.argv:
    if arg.startswith("--languages="):
        context.set_preferred_languages(arg.split("=", 1)[1].split(","))
settings = WebKit2.Settings()
settings.set_property("enable-write-console-messages-to-stdout", True)
settings.set_property("enable-developer-extras", True)
windows = []


def create_web_view(_session):
    view = WebKit2.WebView(
        web_context=context, settings=settings, is_controlled_by_automation=True
    )
    window = Gtk.Window()
    window.set_default_size(1280, 900)
    window.add(view)
    window.show_all()
    windows.append(window)
    return view


def automation_started(_context, session):
    info = WebKit2.ApplicationInfo()
    info.set_name("cors-lab-webkit")
    info.set_version(1, 0, 0)
    session.set_application_info(info)
    session.connect("create-web-view", create_web_view)


context.connect("automation-started", automation_started)
if "--automation" not in sys.argv:
    sys.exit("usage: webkit_browser.py --automation (started by WebKitWebDriver)")
sys.stdout.reconfigure(line_buffering=True)
Gtk.main()
