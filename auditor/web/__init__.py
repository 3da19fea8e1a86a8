"""``renja-audit serve``: a small web page and JSON API for checking one draft at a time.

The app (:mod:`auditor.web.app`) stores each upload under an unguessable id in a private
folder, audits it in an isolated child process (:mod:`auditor.web.jobs`) and deletes it
after a while. Nothing is listed: only whoever holds a job's id can see its report.
"""
