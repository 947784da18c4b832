"""The workbench in a real browser: Debian's chromium driven by Playwright.

Makes a store from `statguard sample` data, adds a town user, starts `statguard serve` on
127.0.0.1, then, as that user: signs in, opens the case queue, opens the top case, marks
each of its alert keys `explained` with a reason, sees the case leave the open queue, checks
that Chinese text renders with real glyphs, and that another town's enterprise is refused
in the page and in the API. Screenshots go to --out.

Usage: workbench_test.py --statguard PATH [--out DIR]
"""
import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "test-only-password-7"


def run(*args, stdin=None):
    done = subprocess.run(args, input=stdin, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"failed: {' '.join(args)}\n{done.stderr}")
    return done.stdout


def make_store(statguard, work):
    run(statguard, "sample", "--out", str(work / "data"), "--enterprises", "200", "--from", "2024-09", "--to", "2024-12", "--seed", "14")
    yaml = (ROOT / "Pipelines/monthly-industry.yaml").read_text(encoding="utf-8")
    yaml = yaml.replace("folder: ../SampleData", f"folder: {work / 'data'}")
    yaml = yaml.replace("store: ../Reports/store/monthly-industry.sqlite", f"store: {work / 'store.sqlite'}")
    yaml = yaml.replace("reports_folder: ../Reports", f"reports_folder: {work / 'out'}")
    pipeline = work / "pipeline.yaml"
    pipeline.write_text(yaml, encoding="utf-8")
    run(statguard, "run", "--pipeline", str(pipeline), "--from", "2024-11", "--to", "2024-12", "--quiet")
    return pipeline


def towns(statguard, pipeline):
    """The town with the most open enterprise cases, and an enterprise of another town."""
    lines = json.loads(run(statguard, "cases", "--pipeline", str(pipeline), "--period", "2024-12", "--status", "open", "--format", "json"))
    counts = {}
    for line in lines:
        if line["credit_code"]:
            counts[line["town"]] = counts.get(line["town"], 0) + 1
    town = max(sorted(counts), key=lambda t: counts[t])
    other = next(line["credit_code"] for line in lines if line["credit_code"] and line["town"] != town)
    return town, other


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(base, server):
    for _ in range(100):
        if server.poll() is not None:
            sys.exit(f"statguard serve exited with {server.returncode}: {server.stderr.read()}")
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=1) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    sys.exit("statguard serve did not answer /healthz")


GLYPHS_DIFFER = """() => {
    // Two different characters drawn in the page's font: real glyphs differ, missing ones are the same box.
    const canvas = document.createElement('canvas'); canvas.width = 64; canvas.height = 64;
    const ctx = canvas.getContext('2d');
    const font = getComputedStyle(document.body).fontFamily;
    const draw = (text) => { ctx.clearRect(0, 0, 64, 64); ctx.font = '48px ' + font; ctx.fillText(text, 4, 52);
                             return Array.from(ctx.getImageData(0, 0, 64, 64).data).join(','); };
    const a = draw('统'), b = draw('览');
    return a !== b && a.split(',').some(v => v !== '0');
}"""


def browse(base, town, other, out):
    with sync_playwright() as p:
        chromium = shutil.which("chromium") or "/usr/bin/chromium"
        browser = p.chromium.launch(executable_path=chromium, headless=True, args=["--no-sandbox"])
        page = browser.new_page(locale="zh-CN", viewport={"width": 1400, "height": 1000})

        page.goto(base + "/")
        assert "/login" in page.url, page.url
        page.fill("input[name=user]", "town-a")
        page.fill("input[name=password]", PASSWORD)
        page.click("button:has-text('登录')")
        page.wait_for_url(base + "/")
        assert page.locator("h2").first.inner_text().endswith("概览 Period overview"), page.locator("h2").first.inner_text()
        assert page.evaluate(GLYPHS_DIFFER), "Chinese characters do not render as distinct glyphs (is fonts-wqy-microhei installed?)"
        page.screenshot(path=str(out / "overview.png"), full_page=True)

        page.click("a:has-text('核实队列')")
        page.wait_for_url("**/cases?**")
        links = page.locator("table tbody tr a[href^='/enterprises/']")
        assert links.count() > 0, "the open queue is empty"
        href = links.first.get_attribute("href")
        code = href.split("/enterprises/")[1].split("?")[0]
        page.screenshot(path=str(out / "queue.png"), full_page=True)

        links.first.click()
        page.wait_for_url(f"**/enterprises/{code}**")
        page.screenshot(path=str(out / "enterprise.png"), full_page=True)
        forms = page.locator("form.triage")
        keys = forms.count()
        assert keys > 0, "the top case has no triage form"
        for index in range(keys):
            form = page.locator("form.triage").nth(index)
            form.locator("select[name=status]").select_option("explained")
            form.locator("input[name=reason]").fill("企业新生产线投产，已电话核实")
            with page.expect_navigation():
                form.locator("button").click()
            flash = page.locator("p.flash").inner_text()
            assert "已保存" in flash, flash
        history = page.locator("table").last.inner_text()
        assert "town-a" in history and "已说明" in history, history
        page.screenshot(path=str(out / "enterprise-explained.png"), full_page=True)

        page.goto(base + "/cases")
        assert code not in page.content(), f"{code} is still in the open queue"
        page.screenshot(path=str(out / "queue-after.png"), full_page=True)

        refused = page.goto(base + f"/enterprises/{other}")
        assert refused.status == 404, refused.status
        assert "没有该企业" in page.content()
        page.screenshot(path=str(out / "other-town-refused.png"), full_page=True)
        api = page.request.get(base + f"/api/enterprises/{other}")
        assert api.status == 404, api.status
        browser.close()
        return code, keys


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--statguard", required=True)
    parser.add_argument("--out", default=str(ROOT / ".build/browser-test"))
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="statguard-browser-") as folder:
        work = Path(folder)
        pipeline = make_store(args.statguard, work)
        town, other = towns(args.statguard, pipeline)
        run(args.statguard, "users", "add", "town-a", "--pipeline", str(pipeline), "--role", "town", "--region", town,
            "--password-stdin", stdin=PASSWORD + "\n")
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(
            [args.statguard, "serve", "--pipeline", str(pipeline), "--listen", f"127.0.0.1:{port}"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        try:
            wait_healthy(base, server)
            code, keys = browse(base, town, other, out)
        finally:
            server.terminate()
            server.wait(timeout=10)
    print(f"browser test passed: town {town}, case {code} ({keys} keys explained), other town's {other} refused; screenshots in {out}")


if __name__ == "__main__":
    main()
