"""Drives headless Chromium over the DevTools protocol (on a pipe: --remote-debugging-pipe,
standard library only) through the page of a running `parley serve`: load `/`, run the
example query, open an entity from the results, check the table and the SVG are there, and
save screenshots. Prints one JSON line with what it found; exit status 0 when all is there.

usage: browser_check.py CHROMIUM BASE_URL ARTEFACT_DIR
"""
import base64, json, os, subprocess, sys, tempfile, time

chromium, base, artefacts = sys.argv[1], sys.argv[2].rstrip("/"), sys.argv[3]
os.makedirs(artefacts, exist_ok=True)
profile = tempfile.mkdtemp(prefix="parley-chromium-")
to_chrome_r, to_chrome_w = os.pipe()
from_chrome_r, from_chrome_w = os.pipe()
# Chromium reads commands on fd 3 and answers on fd 4: move the child's ends above them first.
import fcntl
to_chrome_r, from_chrome_w = (fcntl.fcntl(fd, fcntl.F_DUPFD, 10) for fd in (to_chrome_r, from_chrome_w))
proc = subprocess.Popen(
    [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
     "--disable-extensions", "--disable-dev-shm-usage", "--remote-debugging-pipe", "--user-data-dir=" + profile,
     "--window-size=1280,1000", "about:blank"],
    pass_fds=(3, 4, to_chrome_r, from_chrome_w), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    preexec_fn=lambda: (os.dup2(to_chrome_r, 3), os.dup2(from_chrome_w, 4)))
os.close(to_chrome_r)
os.close(from_chrome_w)
buffer = b""
next_id = 0
events = []


def receive(deadline):
    global buffer
    while b"\0" not in buffer:
        if time.time() > deadline:
            raise TimeoutError("chromium did not answer")
        chunk = os.read(from_chrome_r, 65536)
        if not chunk:
            raise RuntimeError("chromium closed the pipe")
        buffer += chunk
    message, buffer = buffer.split(b"\0", 1)
    return json.loads(message)


def send(method, params=None, session=None, timeout=30):
    global next_id
    next_id += 1
    message = {"id": next_id, "method": method, "params": params or {}}
    if session:
        message["sessionId"] = session
    os.write(to_chrome_w, json.dumps(message).encode() + b"\0")
    deadline = time.time() + timeout
    while True:
        answer = receive(deadline)
        if answer.get("id") == next_id:
            if "error" in answer:
                raise RuntimeError(f"{method}: {answer['error']}")
            return answer.get("result", {})
        events.append(answer)


def evaluate(session, expression):
    result = send("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True}, session)
    return result.get("result", {}).get("value")


def wait_for(session, expression, seconds=20):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if evaluate(session, expression):
            return True
        time.sleep(0.1)
    return False


def screenshot(session, name):
    data = send("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True}, session)["data"]
    path = os.path.join(artefacts, name)
    with open(path, "wb") as f:
        f.write(base64.b64decode(data))
    return path


found = {}
try:
    target = send("Target.createTarget", {"url": "about:blank"})["targetId"]
    session = send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
    send("Page.enable", session=session)
    send("Runtime.enable", session=session)
    send("Page.navigate", {"url": base + "/"}, session)
    found["editor"] = wait_for(session, "document.readyState === 'complete' && !!document.getElementById('query') && document.getElementById('query').value.includes('PREFIX pv:')")
    evaluate(session, "document.getElementById('run').click(); true")
    found["table"] = wait_for(session, "document.querySelectorAll('#results-table tbody tr').length > 0")
    found["rows"] = evaluate(session, "document.querySelectorAll('#results-table tbody tr').length")
    found["status"] = evaluate(session, "document.getElementById('status').textContent")
    found["query_screenshot"] = screenshot(session, "query-page.png")
    href = evaluate(session, "(document.querySelector('#results-table a[href*=\"Wang_Yi\"]') || document.querySelector('#results-table a') || {}).href || ''")
    found["entity_link"] = href
    if href:
        evaluate(session, "(document.querySelector('#results-table a[href*=\"Wang_Yi\"]') || document.querySelector('#results-table a')).click(); true")
        found["entity_page"] = wait_for(session, "location.pathname === '/entity' && document.readyState === 'complete'")
        found["entity_title"] = evaluate(session, "(document.querySelector('h1') || {}).textContent || ''")
        found["facts_table"] = evaluate(session, "document.querySelectorAll('table.facts tbody tr').length")
        found["evidence"] = evaluate(session, "document.querySelectorAll('ul.evidence q').length")
        found["svg"] = wait_for(session, "!!document.querySelector('#graph svg g.node')", 5)
        found["svg_nodes"] = evaluate(session, "document.querySelectorAll('#graph svg g.node').length")
        found["entity_screenshot"] = screenshot(session, "entity-page.png")
except Exception as error:  # reported, and the exit status says it failed
    found["error"] = repr(error)
finally:
    try:
        send("Browser.close", timeout=5)
    except Exception:
        pass
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()

print(json.dumps(found))
ok = found.get("editor") and found.get("table") and found.get("facts_table") and found.get("svg") and "error" not in found
sys.exit(0 if ok else 1)
