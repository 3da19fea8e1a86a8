"""`renja-audit serve`: the JSON API, its refusals, the token, and the deletion of old jobs."""

from __future__ import annotations

import io
import json
import re
import socket
import time
import warnings
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import REFERENCE_PDF, SAMPLES
from pdfmaker import text_pdf
from web_server import cli_json, live_server

from auditor.web.settings import Settings, is_loopback
from auditor.web.upload import safe_name

with warnings.catch_warnings():
    # Starlette 1.x asks its test client's users to move from httpx to httpx2; httpx still works.
    warnings.simplefilter("ignore", UserWarning)
    from fastapi.testclient import TestClient

REFERENCE_DOCX = SAMPLES / "pdf" / "randuagung-2024.docx"
TOKEN = "rahasia-kantor-123"
WAIT_SECONDS = 300.0  # generous: the machine may be busy; a hung job fails the test, never passes it


@pytest.fixture(scope="module")
def reference_cli(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return cli_json(REFERENCE_PDF, tmp_path_factory.mktemp("cli"))


Client = Callable[..., Any]


@pytest.fixture
def client(tmp_path: Path) -> Iterator[Client]:
    """A TestClient over an app with these settings (storage under tmp_path); lifespan included."""
    stack: list[Any] = []

    def make(**overrides: Any) -> Any:
        settings = Settings(**{"jobs": 2, "storage_parent": tmp_path / "store", **overrides})
        from auditor.web.app import create_app

        c = TestClient(create_app(settings))
        c.__enter__()
        stack.append(c)
        return c

    yield make
    for c in reversed(stack):
        c.__exit__(None, None, None)


def upload(name: str, content: bytes, mime: str = "application/pdf") -> dict[str, Any]:
    return {"file": (name, content, mime)}


def wait_done(c: Any, job_id: str) -> dict[str, Any]:
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        status = c.get(f"/api/jobs/{job_id}").json()
        if status["status"] in ("done", "failed"):
            return status
        time.sleep(0.3)
    raise AssertionError(f"job {job_id} did not finish in {WAIT_SECONDS} s")


def job_folders(c: Any) -> list[Path]:
    return sorted(c.app.state.running.storage.root.iterdir())


def assert_refusal(response: Any, status: int, kind: str, *words: str) -> dict[str, str]:
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["kind"] == kind
    assert error["id"] and error["en"] and error["id"] != error["en"]
    for word in words:
        assert word in error["id"] or word in error["en"], (word, error)
    return error


# ---- the reports equal the command line's ---------------------------------------------------


@pytest.mark.samples
@pytest.mark.cli
@pytest.mark.slow
def test_audit_answers_the_cli_json(client: Client, reference_cli: bytes) -> None:
    c = client()
    response = c.post("/api/audit", files=upload(REFERENCE_PDF.name, REFERENCE_PDF.read_bytes()))
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/json")
    assert json.loads(response.content) == json.loads(reference_cli)
    assert response.content == reference_cli  # the same bytes, document.path included
    assert json.loads(response.content)["document"]["path"] == REFERENCE_PDF.name
    assert job_folders(c) == []  # the synchronous audit keeps nothing


@pytest.mark.samples
@pytest.mark.cli
@pytest.mark.slow
def test_audit_in_english_answers_the_cli_json(client: Client, tmp_path: Path) -> None:
    c = client()
    response = c.post("/api/audit", files=upload(REFERENCE_PDF.name, REFERENCE_PDF.read_bytes()), data={"lang": "en"})
    assert response.status_code == 200, response.text
    assert response.content == cli_json(REFERENCE_PDF, tmp_path / "cli-en", "en")


@pytest.mark.samples
@pytest.mark.cli
def test_docx_audit_answers_the_cli_json(client: Client, tmp_path: Path) -> None:
    """Word input goes through the same path as PDF: the JSON equals the CLI's for the .docx."""
    expected = cli_json(REFERENCE_DOCX, tmp_path / "cli-docx")
    c = client()
    mime = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    response = c.post("/api/audit", files=upload(REFERENCE_DOCX.name, REFERENCE_DOCX.read_bytes(), mime))
    assert response.status_code == 200, response.text
    assert response.content == expected


@pytest.mark.samples
@pytest.mark.cli
def test_chosen_profile_is_used(tmp_path: Path, reference_cli: bytes) -> None:
    """A profile that extends the bundled rule set and switches one rule off: offered, and applied."""
    from auditor.rules import load_ruleset
    from auditor.web.app import create_app
    from auditor.web.rulesets import Profile, bundled_profiles

    profile = tmp_path / "longgar.yaml"
    profile.write_text(
        "extends: renja-permendagri86\n"
        "ruleset: {id: longgar, version: '1', title: {id: Renja tanpa TOT-001, en: Renja without TOT-001}}\n"
        "overrides: {TOT-001: {enabled: false}}\n",
        encoding="utf-8",
    )
    profiles = {**bundled_profiles(), "longgar": Profile("longgar", load_ruleset(profile))}
    with TestClient(create_app(Settings(storage_parent=tmp_path / "store"), profiles)) as c:
        listed = c.get("/api/profiles").json()
        assert [p["id"] for p in listed] == ["renja-permendagri86", "renja-2027", "longgar"]
        assert listed[0]["default"] and not listed[1]["default"]
        assert "Renja tanpa TOT-001" in c.get("/").text
        response = c.post(
            "/api/audit", files=upload(REFERENCE_PDF.name, REFERENCE_PDF.read_bytes()), data={"rules": "longgar"}
        )
    assert response.status_code == 200, response.text
    report, full = response.json(), json.loads(reference_cli)
    assert report["ruleset"]["id"] == "longgar"

    # Group ids are numbered within a report: compare the findings without them.
    def plain(findings: list[dict]) -> list[dict]:
        return [{k: v for k, v in f.items() if k != "group"} for f in findings]

    assert plain(report["findings"]) == plain([f for f in full["findings"] if f["rule"] != "TOT-001"])
    assert len(report["findings"]) < len(full["findings"])


@pytest.mark.samples
@pytest.mark.cli
def test_job_reports_then_deletion(client: Client, reference_cli: bytes) -> None:
    from openpyxl import load_workbook

    c = client()
    created = c.post("/api/jobs", files=upload(REFERENCE_PDF.name, REFERENCE_PDF.read_bytes()))
    assert created.status_code == 202, created.text
    job = created.json()
    assert created.headers["location"] == f"/api/jobs/{job['id']}"
    assert job["status"] in ("queued", "reading") and job["name"] == REFERENCE_PDF.name
    assert len(job["id"]) >= 32

    status = wait_done(c, job["id"])
    expected = json.loads(reference_cli)
    assert status["status"] == "done", status
    assert status["summary"] == expected["summary"] == {"error": 53, "warning": 161, "info": 40}
    assert status["document"]["unit"] == expected["document"]["unit"]
    assert set(status["reports"]) == {"json", "html", "xlsx", "pdf"}
    assert 0 < status["expires_in"] <= 3600

    base = f"/api/jobs/{job['id']}/report"
    assert c.get(f"{base}.json").content == reference_cli
    xlsx = c.get(f"{base}.xlsx")
    assert 'filename="randuagung-2024.xlsx"' in xlsx.headers["content-disposition"]
    sheet = load_workbook(io.BytesIO(xlsx.content))["findings"]
    assert sheet.max_row - 1 == len(expected["findings"])
    pdf = c.get(f"{base}.pdf")
    assert pdf.content.startswith(b"%PDF-") and "randuagung-2024.annotated.pdf" in pdf.headers["content-disposition"]
    html = c.get(f"{base}.html")
    assert html.headers["content-disposition"].startswith("inline")
    assert "sandbox" in html.headers["content-security-policy"]  # the report cannot reach the app
    assert f'data-count="{expected["summary"]["error"]}"' in html.text
    assert str(c.app.state.running.storage.root) not in html.text  # the server's folders are never shown
    assert c.get(f"{base}.html?download=true").headers["content-disposition"].startswith("attachment")
    assert_refusal(c.get(f"{base}.csv"), 404, "not_found")

    folder = c.app.state.running.storage.folder(job["id"])
    assert not (folder / "upload" / REFERENCE_PDF.name).exists()  # the document goes once it is read
    board = c.app.state.running.board
    finished = board.get(job["id"]).finished
    assert board.expire(now=finished + 3600 - 1) == []  # not before the keep time
    assert folder.is_dir()
    assert board.expire(now=finished + 3600) == [job["id"]]
    assert not folder.exists()
    assert_refusal(c.get(f"/api/jobs/{job['id']}"), 404, "job_gone", "60")
    assert_refusal(c.get(f"{base}.json"), 404, "job_gone")


@pytest.mark.cli
def test_expired_jobs_are_swept_away(client: Client) -> None:
    """With a tiny keep time the periodic cleanup itself deletes a finished job's folder."""
    c = client(keep_minutes=0.002, cleanup_seconds=0.1)  # 0.12 s
    not_renja = text_pdf(["Surat undangan rapat koordinasi"] * 30)
    created = c.post("/api/jobs", files=upload("undangan.pdf", not_renja))
    assert created.status_code == 202, created.text
    job_id = created.json()["id"]
    folder = c.app.state.running.storage.folder(job_id)
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline and c.get(f"/api/jobs/{job_id}").status_code != 404:
        time.sleep(0.05)
    assert_refusal(c.get(f"/api/jobs/{job_id}"), 404, "job_gone")
    assert not folder.exists()
    assert job_folders(c) == []


@pytest.mark.cli
def test_failed_document_is_a_bilingual_failure(client: Client) -> None:
    c = client()
    not_renja = text_pdf(["Surat undangan rapat koordinasi"] * 30)
    response = c.post("/api/audit", files=upload("undangan.pdf", not_renja))
    error = assert_refusal(response, 422, "not_renja", "Renja")
    root = str(c.app.state.running.storage.root)
    assert "undangan.pdf" in error["id"] and root not in error["id"] + error["en"]  # the name, not the server's path

    created = c.post("/api/jobs", files=upload("undangan.pdf", not_renja))
    status = wait_done(c, created.json()["id"])
    assert status["status"] == "failed" and status["failure"]["kind"] == "not_renja"
    assert_refusal(c.get(f"/api/jobs/{status['id']}/report.json"), 409, "not_ready")


@pytest.mark.samples
@pytest.mark.cli
def test_timeout_is_a_bilingual_504_and_the_worker_goes_on(client: Client) -> None:
    """An audit over the time limit is stopped in its child process; the worker takes the next one."""
    c = client(timeout=0.5, jobs=1)
    for _ in range(2):
        response = c.post("/api/audit", files=upload(REFERENCE_PDF.name, REFERENCE_PDF.read_bytes()))
        error = assert_refusal(response, 504, "timeout", "0.5")
        root = str(c.app.state.running.storage.root)
        assert REFERENCE_PDF.name in error["id"] and root not in error["id"] and root not in error["en"]
    assert job_folders(c) == []


# ---- refusals ----------------------------------------------------------------------------


@pytest.mark.unit
def test_token_is_required_when_set(client: Client) -> None:
    c = client(token=TOKEN)
    for path in ("/api/profiles", "/api/jobs/x", "/openapi.json", "/docs"):
        response = c.get(path)
        assert_refusal(response, 401, "unauthorized", "Bearer")
        assert response.headers["www-authenticate"] == "Bearer"
    assert_refusal(c.post("/api/audit", files=upload("a.pdf", b"x")), 401, "unauthorized")
    huge = upload("besar.pdf", b"0" * (60 * 1024 * 1024))
    assert_refusal(c.post("/api/jobs", files=huge), 401, "unauthorized")  # the token first, not the size
    assert c.get("/api/profiles", headers={"Authorization": "Bearer salah"}).status_code == 401
    assert c.get("/api/profiles", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
    # Past the gate, the upload meets the next check (its content), not the token.
    refused = c.post("/api/jobs", files=upload("a.pdf", b"teks"), headers={"Authorization": f"Bearer {TOKEN}"})
    assert_refusal(refused, 415, "not_pdf")
    assert job_folders(c) == []

    page = c.get("/?lang=en", follow_redirects=False)
    assert page.status_code == 303 and page.headers["location"] == "/login?lang=en"
    assert c.get("/static/app.css").status_code == 200  # open to anyone: no secrets in it
    login = c.get("/login?lang=en")
    assert login.status_code == 200 and 'name="token"' in login.text and "Access token" in login.text
    wrong = c.post("/login", data={"token": "salah", "lang": "id"}, follow_redirects=False)
    assert wrong.status_code == 401 and "Token salah" in wrong.text
    assert "renja_audit_session" not in c.cookies

    right = c.post("/login", data={"token": TOKEN, "lang": "id"}, follow_redirects=False)
    assert right.status_code == 303
    cookie = right.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie.replace("samesite", "SameSite")
    assert TOKEN not in cookie  # the cookie proves the token was entered; it does not hold it
    assert c.get("/").status_code == 200
    assert c.get("/api/profiles").status_code == 200
    c.post("/logout")
    assert c.get("/api/profiles").status_code == 401


@pytest.mark.unit
def test_without_token_everything_is_open(client: Client) -> None:
    c = client()
    assert c.get("/api/profiles").status_code == 200
    assert c.get("/login", follow_redirects=False).status_code == 303  # nothing to sign in to


@pytest.mark.unit
def test_too_big_upload_is_refused_from_its_length(client: Client) -> None:
    c = client(max_upload_mb=1)
    big = b"%PDF-1.4\n" + b"0" * (3 * 1024 * 1024)
    error = assert_refusal(c.post("/api/jobs", files=upload("besar.pdf", big)), 413, "too_big", "1 MB")
    assert "(3 MB)" in error["id"] and "too large" in error["en"]
    assert job_folders(c) == []


@pytest.mark.unit
def test_too_big_body_is_refused_while_streaming(client: Client) -> None:
    """No Content-Length (chunked): the whole body is counted as it arrives, not only the file,
    so a tiny file under 900 form fields of 2 KB is refused too."""
    c = client(max_upload_mb=1)
    boundary = "batas"

    def body() -> Iterator[bytes]:
        yield (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="kecil.pdf"\r\n'
            "Content-Type: application/pdf\r\n\r\n%PDF-1.4\n\r\n"
        ).encode()
        for i in range(900):
            yield f'--{boundary}\r\nContent-Disposition: form-data; name="f{i}"\r\n\r\n{"x" * 2048}\r\n'.encode()
        yield f"--{boundary}--\r\n".encode()

    response = c.post(
        "/api/jobs", content=body(), headers={"Content-Type": f"multipart/form-data; boundary={boundary}"}
    )
    assert "content-length" not in response.request.headers
    assert_refusal(response, 413, "too_big", "1 MB")
    assert job_folders(c) == []


@pytest.mark.unit
def test_file_just_over_the_limit_is_refused(client: Client) -> None:
    """Within the form's slack for its framing, the file itself is still held to the limit."""
    c = client(max_upload_mb=1)
    over = b"%PDF-1.4\n" + b"0" * (1024 * 1024)
    assert_refusal(c.post("/api/jobs", files=upload("pas.pdf", over)), 413, "too_big")
    assert job_folders(c) == []


@pytest.fixture(scope="module")
def small_live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    """A real server taking 1 MB uploads at most; yields its port."""
    with live_server(Settings(max_upload_mb=1, storage_parent=tmp_path_factory.mktemp("live"))) as (url, _):
        yield int(url.rsplit(":", 1)[1])


def _answer(sock: socket.socket) -> tuple[bytes, dict[str, Any]]:
    """Read one HTTP response with a JSON body: (status line and headers, body)."""
    answer = b""
    while True:
        head, _, body = answer.partition(b"\r\n\r\n")
        length = re.search(rb"content-length: (\d+)", head, re.IGNORECASE)
        if length and len(body) >= int(length.group(1)):
            return head, json.loads(body)
        chunk = sock.recv(65536)
        if not chunk:
            raise AssertionError(f"connection closed before a full answer: {answer!r}")
        answer += chunk


@pytest.mark.unit
def test_refused_before_the_body_is_sent(small_live: int) -> None:
    """Against a real server: a too-large Content-Length is answered without a byte of body sent."""
    with socket.create_connection(("127.0.0.1", small_live), timeout=60) as sock:
        sock.sendall(
            b"POST /api/jobs HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Content-Type: multipart/form-data; boundary=x\r\nContent-Length: 1000000000\r\n\r\n"
        )
        head, body = _answer(sock)
    assert head.startswith(b"HTTP/1.1 413"), head
    assert body["error"]["kind"] == "too_big"
    assert "953.7 MB" in body["error"]["en"] and "953,7 MB" in body["error"]["id"]


@pytest.mark.unit
def test_refused_while_the_body_streams(small_live: int) -> None:
    """Against a real server: a chunked upload is refused once it passes the limit, before it ends."""
    with socket.create_connection(("127.0.0.1", small_live), timeout=60) as sock:
        sock.sendall(
            b"POST /api/jobs HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Content-Type: multipart/form-data; boundary=x\r\nTransfer-Encoding: chunked\r\n\r\n"
        )
        part = b'--x\r\nContent-Disposition: form-data; name="file"; filename="besar.pdf"\r\n\r\n%PDF-1.4\n'
        sock.sendall(b"%x\r\n%s\r\n" % (len(part), part))
        piece = b"0" * 65536
        for _ in range(20):  # 1.25 MB in all, and the body is never finished
            sock.sendall(b"%x\r\n%s\r\n" % (len(piece), piece))
        head, body = _answer(sock)
    assert head.startswith(b"HTTP/1.1 413"), head
    assert body["error"]["kind"] == "too_big" and "1 MB" in body["error"]["en"]


@pytest.mark.unit
@pytest.mark.parametrize(
    ("name", "content", "kind", "words"),
    [
        ("renja.pdf", b"Ini catatan rapat, bukan PDF.\n" * 20, "not_pdf", ("isinya teks biasa", "plain text")),
        ("renja.pdf", bytes(range(256)) * 8, "not_pdf", ("bukan PDF",)),
        ("renja.docx", b"PK\x03\x04" + b"\x00" * 100, "not_docx", ("Word",)),
        ("renja.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "old_doc", (".doc",)),
        ("foto.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "unsupported", ("foto.png",)),
    ],
)
def test_wrong_content_is_refused(client: Client, name: str, content: bytes, kind: str, words: tuple[str, ...]) -> None:
    c = client()
    error = assert_refusal(c.post("/api/jobs", files=upload(name, content)), 415, kind, *words)
    assert name in error["id"] and name in error["en"]
    assert job_folders(c) == []


@pytest.mark.unit
def test_zip_without_word_document_is_not_docx(client: Client) -> None:
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
    c = client()
    assert_refusal(c.post("/api/jobs", files=upload("anggaran.docx", archive.getvalue())), 415, "not_docx")


@pytest.mark.cli
def test_docx_with_a_huge_zip_directory_is_not_unpacked_by_the_server(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The server only reads the end record of an upload's zip; one whose directory lists
    too many parts goes to the capped audit child, which refuses it with the reason."""
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("word/document.xml", "<w:document/>")
        for i in range(12_000):
            z.writestr(f"customXml/x{i}.xml", b"")

    def unpacked(*args: object, **kwargs: object) -> None:
        raise AssertionError("the server process unpacked the upload's zip directory")

    import auditor.web.upload as upload_module

    monkeypatch.setattr(upload_module, "zipfile", type("NoZip", (), {"ZipFile": unpacked, "BadZipFile": Exception}))
    c = client()
    response = c.post("/api/audit", files=upload("renja.docx", archive.getvalue()))
    error = assert_refusal(response, 422, "too_big")
    assert "(batas 10.000)" in error["id"] and "(limit 10,000)" in error["en"], error


@pytest.mark.unit
def test_empty_and_missing_files(client: Client) -> None:
    c = client()
    assert_refusal(c.post("/api/jobs", files=upload("kosong.pdf", b"")), 422, "empty", "kosong.pdf")
    assert_refusal(c.post("/api/jobs", data={"rules": "renja-permendagri86"}), 422, "no_file", "'file'")
    assert job_folders(c) == []


@pytest.mark.samples
def test_unknown_profile_and_language(client: Client) -> None:
    c = client()
    pdf = upload("a.pdf", REFERENCE_PDF.read_bytes())
    assert_refusal(c.post("/api/jobs", files=pdf, data={"rules": "tidak-ada"}), 422, "profile", "renja-permendagri86")
    assert_refusal(c.post("/api/jobs", files=pdf, data={"lang": "jv"}), 422, "lang", "jv")
    assert job_folders(c) == []


@pytest.mark.samples
def test_queue_limit_refuses_with_503(client: Client) -> None:
    c = client(max_queued=0)
    response = c.post("/api/jobs", files=upload("a.pdf", REFERENCE_PDF.read_bytes()))
    assert_refusal(response, 503, "busy")
    assert response.headers["retry-after"] == "60"
    assert job_folders(c) == []


@pytest.mark.unit
def test_unknown_job_is_404(client: Client) -> None:
    c = client()
    fake = "A" * 32
    assert_refusal(c.get(f"/api/jobs/{fake}"), 404, "job_gone")
    assert_refusal(c.get(f"/api/jobs/{fake}/report.html"), 404, "job_gone")
    assert_refusal(c.delete(f"/api/jobs/{fake}"), 404, "job_gone")
    assert c.get("/api/jobs/..%2F..%2Fetc").status_code == 404
    assert_refusal(c.get("/tidak-ada"), 404, "not_found", "/tidak-ada")
    assert_refusal(c.get("/api/jobs"), 405, "method")  # there is no listing of jobs


@pytest.mark.samples
@pytest.mark.cli
def test_delete_removes_a_job_at_once(client: Client) -> None:
    c = client(max_queued=5, jobs=1)
    created = c.post("/api/jobs", files=upload(REFERENCE_PDF.name, REFERENCE_PDF.read_bytes())).json()
    assert c.delete(f"/api/jobs/{created['id']}").status_code == 204
    assert_refusal(c.get(f"/api/jobs/{created['id']}"), 404, "job_gone")
    assert not c.app.state.running.storage.folder(created["id"]).exists()


# ---- the page, the docs, the headers -----------------------------------------------------------


@pytest.mark.unit
def test_page_language_is_chosen_and_remembered(client: Client) -> None:
    c = client()
    page = c.get("/")
    assert page.status_code == 200 and '<html lang="id">' in page.text
    assert "Periksa Renja sebelum dikirim" in page.text and "renja-permendagri86" in page.text
    assert "default-src 'self'" in page.headers["content-security-policy"]
    english = c.get("/?lang=en")
    assert '<html lang="en">' in english.text and "Check a Renja before submitting it" in english.text
    assert c.get("/").text.count('<html lang="en">') == 1  # remembered in a cookie
    assert '<html lang="id">' in c.get("/?lang=id").text
    c.cookies.clear()
    assert '<html lang="id">' in c.get("/?lang=xx").text  # unknown language, nothing remembered


@pytest.mark.unit
def test_openapi_describes_the_api(client: Client) -> None:
    c = client()
    spec = c.get("/openapi.json").json()
    paths = spec["paths"]
    assert {"/api/audit", "/api/jobs", "/api/jobs/{job_id}", "/api/jobs/{job_id}/report.{fmt}", "/api/profiles"} <= set(
        paths
    )
    assert "/" not in paths and "/login" not in paths
    audit = paths["/api/audit"]["post"]
    assert "renja-audit check" in audit["description"] and {"413", "415", "401"} <= set(audit["responses"])
    form = audit["requestBody"]["content"]["multipart/form-data"]["schema"]
    ref = form["$ref"].rsplit("/", 1)[-1]
    fields = spec["components"]["schemas"][ref]["properties"]
    assert {"file", "rules", "lang"} <= set(fields) and "PDF" in fields["file"]["description"]
    docs = c.get("/docs")
    assert docs.status_code == 200 and "openapi.json" in docs.text


@pytest.mark.unit
def test_safe_headers(client: Client) -> None:
    c = client()
    for path in ("/", "/api/profiles", "/api/jobs/x"):
        headers = c.get(path).headers
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"
    assert c.get("/api/profiles").headers["cache-control"] == "no-store"


@pytest.mark.unit
def test_storage_is_private(client: Client) -> None:
    c = client()
    assert c.app.state.running.storage.root.stat().st_mode & 0o777 == 0o700


@pytest.mark.unit
@pytest.mark.parametrize(
    ("raw", "kind", "saved"),
    [
        ("randuagung-2024.pdf", "pdf", "randuagung-2024.pdf"),
        ("RENJA 2024.PDF", "pdf", "RENJA 2024.PDF"),
        ("../../etc/passwd.pdf", "pdf", "passwd.pdf"),
        ("C:\\Users\\staf\\Renja Kecamatan.pdf", "pdf", "Renja Kecamatan.pdf"),
        ("auditor.py", "pdf", "auditor.py.pdf"),  # never a name Python could import
        ("laporan.pdf", "docx", "laporan.pdf.docx"),
        ("<img src=x onerror=alert(1)>.pdf", "pdf", "_img src=x onerror=alert(1)_.pdf"),
        ("..", "pdf", "dokumen.pdf"),
        ("", "docx", "dokumen.docx"),
        (".bashrc", "pdf", "bashrc.pdf"),
        ("a\x00b\nc.pdf", "pdf", "a_b_c.pdf"),
    ],
)
def test_safe_name(raw: str, kind: str, saved: str) -> None:
    assert safe_name(raw, kind) == saved


@pytest.mark.unit
def test_long_names_are_shortened() -> None:
    name = safe_name("é" * 300 + ".pdf", "pdf")
    assert name.endswith("é.pdf") and len(name.encode()) <= 150


@pytest.mark.unit
@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("localhost", True),
        ("::1", True),
        ("0.0.0.0", False),
        ("10.1.2.3", False),
        ("bappeda.local", False),
    ],
)
def test_loopback_hosts(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


@pytest.mark.unit
def test_serve_warns_when_open_without_token() -> None:
    from auditor.web.serve import startup_lines

    open_lines = "\n".join(startup_lines(Settings(host="0.0.0.0")))
    assert "PERINGATAN" in open_lines and "WARNING" in open_lines and "RENJA_AUDIT_TOKEN" in open_lines
    assert "http://127.0.0.1:8765/" in open_lines
    assert "WARNING" not in "\n".join(startup_lines(Settings(host="0.0.0.0", token=TOKEN)))
    assert "WARNING" not in "\n".join(startup_lines(Settings()))


@pytest.mark.unit
def test_serve_options(monkeypatch: pytest.MonkeyPatch) -> None:
    import argparse

    from auditor.web.serve import add_serve_parser, settings_from

    parser = argparse.ArgumentParser()
    add_serve_parser(parser.add_subparsers(dest="command"))
    monkeypatch.delenv("RENJA_AUDIT_TOKEN", raising=False)
    plain = settings_from(parser.parse_args(["serve"]))
    assert (plain.host, plain.port, plain.token, plain.max_upload_mb, plain.keep_minutes) == (
        "127.0.0.1",
        8765,
        None,
        50,
        60,
    )
    args = [
        "serve",
        "--host",
        "0.0.0.0",
        "--max-upload-mb",
        "2.5",
        "--keep-minutes",
        "5",
        "--jobs",
        "3",
        "--timeout",
        "90",
    ]
    chosen = settings_from(parser.parse_args(args))
    assert chosen.max_upload_bytes == int(2.5 * 1024 * 1024) and chosen.keep_seconds == 300
    assert (chosen.jobs, chosen.timeout, chosen.host) == (3, 90, "0.0.0.0")
    monkeypatch.setenv("RENJA_AUDIT_TOKEN", " dari-lingkungan ")
    assert settings_from(parser.parse_args(["serve"])).token == "dari-lingkungan"
    assert settings_from(parser.parse_args(["serve", "--token", "dari-opsi"])).token == "dari-opsi"
    assert settings_from(parser.parse_args(["serve", "--token", ""])).token is None
    with pytest.raises(SystemExit):
        parser.parse_args(["serve", "--keep-minutes", "0"])


@pytest.mark.unit
def test_every_text_has_both_languages() -> None:
    import string

    from auditor.web.texts import TEXTS

    def fields(template: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(template) if name}

    for key, texts in TEXTS.items():
        assert set(texts) == {"id", "en"} and all(v.strip() for v in texts.values()), key
        assert fields(texts["id"]) == fields(texts["en"]), key


# ---- reference data uploaded with the document -------------------------------------------------


@pytest.mark.samples
@pytest.mark.cli
def test_reference_data_uploaded_with_the_document_is_compared(client: Client) -> None:
    from conftest import REPAIRED_PDF

    rkpd = SAMPLES / "reference" / "lumajang-2024-rkpd-defects.xlsx"
    xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    c = client()
    files = [
        ("file", (REPAIRED_PDF.name, REPAIRED_PDF.read_bytes(), "application/pdf")),
        ("reference", (rkpd.name, rkpd.read_bytes(), xlsx)),
    ]
    response = c.post("/api/audit", files=files)
    assert response.status_code == 200, response.text
    report = response.json()
    assert report["reference"]["status"] == "matched"
    over = next(f for f in report["findings"] if f["rule"] == "REF-003")
    assert over["evidence"][0]["location"]["reference"]["file"].endswith("lumajang-2024-rkpd-defects.xlsx")
    assert job_folders(c) == []


@pytest.mark.cli
def test_an_unusable_reference_upload_is_refused_naming_only_the_file(client: Client) -> None:
    c = client()
    files = [
        ("file", ("renja.pdf", text_pdf(["RENCANA KERJA 2024"]), "application/pdf")),
        ("reference", ("rkpd.xlsx", b"%PDF-1.4 not a sheet\x00", "application/octet-stream")),
    ]
    error = assert_refusal(c.post("/api/jobs", files=files), 422, "reference", "not a spreadsheet")
    assert "rkpd.xlsx" in error["en"] and str(c.app.state.running.storage.root) not in error["en"]
    assert job_folders(c) == []


# ---- the previous version's report uploaded with the document ------------------------------------


@pytest.mark.samples
@pytest.mark.cli
def test_previous_report_uploaded_with_the_document_marks_new_and_fixed(client: Client) -> None:
    revised = SAMPLES / "pdf" / "parakan-2026-revised.pdf"
    earlier = Path(__file__).resolve().parent / "expected" / "parakan-2026-defects.pdf.json"
    c = client()
    files = [
        ("file", (revised.name, revised.read_bytes(), "application/pdf")),
        ("baseline", ("renja-parakan-draf-1.json", earlier.read_bytes(), "application/json")),
    ]
    response = c.post("/api/audit", files=files)
    assert response.status_code == 200, response.text
    report = response.json()
    assert report["revision"]["baseline"] == report["revision"]["given"] == "renja-parakan-draf-1.json"
    assert report["revision"]["fixed"] == len(report["fixed"]) == 11
    assert {f["status"] for f in report["findings"]} == {"new", "open"}
    assert job_folders(c) == []


@pytest.mark.cli
def test_a_previous_report_that_is_not_one_is_refused_naming_only_the_file(client: Client) -> None:
    c = client()
    files = [
        ("file", ("renja.pdf", text_pdf(["RENCANA KERJA 2024"]), "application/pdf")),
        ("baseline", ("laporan-lama.json", b'{"hello": 1}', "application/json")),
    ]
    error = assert_refusal(c.post("/api/jobs", files=files), 422, "baseline", "not a renja-audit JSON report")
    assert "laporan-lama.json" in error["en"] and str(c.app.state.running.storage.root) not in error["en"]
    assert job_folders(c) == []
