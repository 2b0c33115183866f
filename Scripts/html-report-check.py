#!/usr/bin/env python3
"""Renders HTML reports in headless Chromium the way a person sees them, and fails on what they would notice.

For each page and width it loads the file in a fresh tab (Chrome DevTools protocol over a pipe: no port is
opened), then fails if the page
  - logs a console error or a browser log entry of level error (a blocked fetch shows up here too: every report
    carries the Content-Security-Policy "default-src 'none'"),
  - requests any resource besides the page itself (network requests are recorded),
  - scrolls sideways (the document is wider than the viewport), or
  - renders blank (the screenshot is a single colour, or nearly all background).
The full-page screenshots are written to the output folder for review.

usage: html-report-check.py [--chromium PATH] --out DIR [--widths 375,1280] PAGE.html...
       html-report-check.py --self-test --out DIR     (proves each check fails on a page that breaks it)
Only the standard library: PNG files are read with zlib.
"""

import argparse
import base64
import json
import os
import struct
import subprocess
import sys
import tempfile
import time
import zlib


class Browser:
    """Headless Chromium driven through --remote-debugging-pipe (fd 3: commands in, fd 4: replies out)."""

    def __init__(self, executable, log):
        self.profile = tempfile.TemporaryDirectory(prefix="html-check-profile-")
        to_browser_read, self.to_browser = os.pipe()
        self.from_browser, from_browser_write = os.pipe()
        arguments = [
            executable, "--headless=new", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
            "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-sync",
            "--disable-background-networking", "--disable-component-update", "--hide-scrollbars",
            "--mute-audio", f"--user-data-dir={self.profile.name}",
        ]

        def child_fds():
            # Move both ends out of the way first: dup2 onto the same number would keep close-on-exec.
            reading, writing = os.dup(to_browser_read) + 100, os.dup(from_browser_write) + 100
            os.dup2(to_browser_read, reading)
            os.dup2(from_browser_write, writing)
            os.dup2(reading, 3)
            os.dup2(writing, 4)

        self.process = subprocess.Popen(
            arguments, preexec_fn=child_fds, close_fds=False,
            stdout=subprocess.DEVNULL, stderr=log)
        os.close(to_browser_read)
        os.close(from_browser_write)
        self.buffer = b""
        self.next_id = 0
        self.events = []

    def close(self):
        try:
            self.send("Browser.close")
        except Exception:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self.to_browser)
        os.close(self.from_browser)
        self.profile.cleanup()

    def read_message(self, deadline):
        while b"\0" not in self.buffer:
            if time.time() > deadline:
                raise TimeoutError("the browser did not answer in time")
            chunk = os.read(self.from_browser, 1 << 20)
            if not chunk:
                raise RuntimeError("the browser closed the pipe")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def send(self, method, params=None, session=None, timeout=60):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        deadline = time.time() + timeout
        while True:
            reply = self.read_message(deadline)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for(self, method, session, timeout=60):
        deadline = time.time() + timeout
        for index, event in enumerate(self.events):
            if event.get("method") == method and event.get("sessionId") == session:
                return
        while True:
            event = self.read_message(deadline)
            self.events.append(event)
            if event.get("method") == method and event.get("sessionId") == session:
                return

    def drain(self, seconds):
        """Collects events for a moment (late console messages, requests made after load)."""
        deadline = time.time() + seconds
        os.set_blocking(self.from_browser, False)
        try:
            while time.time() < deadline:
                try:
                    chunk = os.read(self.from_browser, 1 << 20)
                except BlockingIOError:
                    time.sleep(0.05)
                    continue
                if not chunk:
                    break
                self.buffer += chunk
                while b"\0" in self.buffer:
                    message, self.buffer = self.buffer.split(b"\0", 1)
                    self.events.append(json.loads(message))
        finally:
            os.set_blocking(self.from_browser, True)


def render(browser, page, width):
    """Loads the page at a width; returns (problems, png bytes)."""
    url = "file://" + os.path.abspath(page)
    target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
    session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
    first_event = len(browser.events)
    for domain in ["Page", "Runtime", "Log", "Network"]:
        browser.send(f"{domain}.enable", session=session)
    browser.send(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": 800, "deviceScaleFactor": 1, "mobile": width < 600}, session=session)
    browser.send("Page.navigate", {"url": url}, session=session)
    browser.wait_for("Page.loadEventFired", session)
    browser.drain(0.5)
    metrics = json.loads(browser.send("Runtime.evaluate", {
        "expression": "JSON.stringify({scroll: document.documentElement.scrollWidth, "
                      "client: document.documentElement.clientWidth, height: document.documentElement.scrollHeight})",
        "returnByValue": True}, session=session)["result"]["value"])
    shot = browser.send("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": width, "height": min(metrics["height"], 16000), "scale": 1}},
        session=session, timeout=120)
    png = base64.b64decode(shot["data"])
    browser.drain(0.3)
    problems = []
    for event in browser.events[first_event:]:
        if event.get("sessionId") != session:
            continue
        method, params = event.get("method"), event.get("params", {})
        if method == "Network.requestWillBeSent":
            requested = params["request"]["url"]
            if requested != url and not requested.startswith("data:"):
                problems.append(f"requested {requested}")
        elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
            problems.append(f"logged an error: {params['entry'].get('text', '')}")
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            problems.append("console error: " + " ".join(str(a.get("value", "")) for a in params.get("args", [])))
        elif method == "Runtime.exceptionThrown":
            problems.append(f"exception: {params['exceptionDetails'].get('text', '')}")
    if metrics["scroll"] > metrics["client"]:
        problems.append(f"scrolls sideways: {metrics['scroll']} px of content in a {metrics['client']} px viewport")
    browser.send("Target.closeTarget", {"targetId": target})
    problems += blank_problems(png)
    return problems, png


def png_pixels(data):
    """Decodes an 8-bit RGB or RGBA, non-interlaced PNG; returns (width, height, channels, rows of bytes)."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG file")
    position, idat, header = 8, b"", None
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        body = data[position + 8:position + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        position += 12 + length
    width, height, depth, color, _, _, interlace = header
    if depth != 8 or color not in (2, 6) or interlace:
        raise ValueError(f"unsupported PNG: depth {depth}, colour type {color}, interlace {interlace}")
    channels = 3 if color == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, previous, offset = [], bytearray(stride), 0
    for _ in range(height):
        kind, line = raw[offset], bytearray(raw[offset + 1:offset + 1 + stride])
        offset += 1 + stride
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                estimate = left + up - corner
                pa, pb, pc = abs(estimate - left), abs(estimate - up), abs(estimate - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 0xFF
        rows.append(bytes(line))
        previous = line
    return width, height, channels, rows


def write_png(path, width, channels, rows):
    """Writes 8-bit RGB or RGBA rows (unfiltered) as a PNG file."""
    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", width, len(rows), 8, 6 if channels == 4 else 2, 0, 0, 0)
    data = zlib.compress(b"".join(b"\0" + row for row in rows), 9)
    with open(path, "wb") as file:
        file.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b""))


def blank_problems(png):
    width, height, channels, rows = png_pixels(png)
    colours, inked, sampled = set(), 0, 0
    for y in range(0, height, max(1, height // 400)):
        row = rows[y]
        for x in range(0, width, max(1, width // 200)):
            pixel = row[x * channels:x * channels + 3]
            colours.add(pixel)
            sampled += 1
            inked += pixel != b"\xff\xff\xff"
    if len(colours) <= 1:
        return [f"renders blank: one colour in a {width}×{height} screenshot"]
    if inked < sampled * 0.01:
        return [f"renders nearly blank: {inked} of {sampled} sampled pixels are not background"]
    return []


# Each page breaks one promise; the check must fail it for that reason (the second element).
SELF_TEST_PAGES = {
    "fetches": ('<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" '
               "content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\"></head><body><h1>Report</h1>"
               '<img alt="x" src="https://example.invalid/pixel.png"><p>text</p></body></html>', "Content Security Policy"),
    "requests a file": ('<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><h1>Report</h1>'
                        '<img alt="x" src="missing-chart.png"><p>text</p></body></html>', "requested file:"),
    "logs an error": ('<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><h1>Report</h1>'
                      "<script>console.error('broken chart')</script><p>text</p></body></html>", "console error"),
    "is blank": ('<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="viewport" '
                 'content="width=device-width, initial-scale=1"></head><body></body></html>', "blank"),
    "scrolls sideways": ('<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="viewport" '
                         'content="width=device-width, initial-scale=1"></head><body><h1>Report</h1>'
                         '<div style="width:900px;height:40px;background:#0072B2"></div></body></html>', "sideways"),
}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pages", nargs="*")
    parser.add_argument("--out", required=True)
    parser.add_argument("--chromium", default="chromium")
    parser.add_argument("--widths", default="375,1280")
    parser.add_argument("--self-test", action="store_true")
    parser.add_argument("--preview", metavar="PNG",
                        help="also write the top of the first page at the widest width here (the README's picture)")
    parser.add_argument("--preview-height", type=int, default=1400)
    options = parser.parse_args()
    os.makedirs(options.out, exist_ok=True)
    widths = [int(w) for w in options.widths.split(",")]
    log = open(os.path.join(options.out, "chromium.log"), "w")
    browser = Browser(options.chromium, log)
    failures = 0
    try:
        if options.self_test:
            for name, (html, reason) in SELF_TEST_PAGES.items():
                page = os.path.join(options.out, "self-test-" + name.replace(" ", "-") + ".html")
                with open(page, "w") as file:
                    file.write(html)
                problems, _ = render(browser, page, 375)
                matching = [problem for problem in problems if reason in problem]
                if matching:
                    print(f"self-test ok: a page that {name} fails: {matching[0][:160]}")
                else:
                    print(f"self-test FAILED: a page that {name} was not caught ({problems or 'no problem found'})")
                    failures += 1
        for page in options.pages:
            stem = os.path.splitext(os.path.basename(page))[0]
            for width in widths:
                problems, png = render(browser, page, width)
                shot = os.path.join(options.out, f"{stem}-{width}.png")
                with open(shot, "wb") as file:
                    file.write(png)
                for problem in problems:
                    print(f"{page} at {width} px: {problem}")
                failures += len(problems)
                print(f"{'FAIL' if problems else 'ok'}: {page} at {width} px -> {shot}")
                if options.preview and page == options.pages[0] and width == max(widths):
                    picture_width, _, channels, rows = png_pixels(png)
                    write_png(options.preview, picture_width, channels, rows[:options.preview_height])
    finally:
        browser.close()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
