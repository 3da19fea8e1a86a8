"""Where the per-document jobs run: a local pool, or a Dask cluster.

Both run :func:`auditor.isolate.run_isolated` on each job and hand every result to
``on_done`` as soon as it arrives (so it is written and cached at once, and an interrupted
batch keeps what it finished). The local pool's threads only wait for their child process.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait

from auditor.errors import AuditError
from auditor.isolate import Job, run_isolated
from auditor.pipeline import DocResult

OnDone = Callable[[Job, DocResult], None]


def run_local(jobs: list[Job], workers: int, on_done: OnDone) -> None:
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        pending = {pool.submit(run_isolated, job): job for job in jobs}
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                on_done(pending.pop(future), future.result())


def run_dask(jobs: list[Job], workers: int, scheduler: str | None, on_done: OnDone) -> None:
    """On the cluster at ``scheduler`` (tcp://host:8786), or on a local one of ``workers``
    single-threaded worker processes. Needs the ``dask`` extra: pip install 'renja-audit[dask]'."""
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise AuditError(
            "dask_missing",
            "Eksekutor Dask memerlukan paket tambahan: pip install 'renja-audit[dask]'.",
            "The Dask executor needs the extra packages: pip install 'renja-audit[dask]'.",
        ) from None
    cluster = None
    if scheduler:
        try:
            client = Client(scheduler, timeout="20s")
        except OSError as exc:
            raise AuditError(
                "dask_unreachable",
                f"Penjadwal Dask {scheduler} tidak dapat dihubungi ({exc}).",
                f"Cannot reach the Dask scheduler {scheduler} ({exc}).",
            ) from None
    else:
        # Each job already runs in its own child process with its own memory cap, so a
        # worker needs one thread and no memory limit of its own.
        cluster = LocalCluster(
            n_workers=max(1, workers),
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            memory_limit=0,
        )
        client = Client(cluster)
    try:
        futures = {client.submit(run_isolated, job, pure=False): job for job in jobs}
        for future in as_completed(futures):
            job = futures.pop(future)
            try:
                result = future.result()
            except Exception as exc:  # a lost worker (KilledWorker) or a cluster error
                result = DocResult(
                    path=job.path,
                    status="failed",
                    seconds=0.0,
                    failure={
                        "kind": "crash",
                        "id": f"Pekerja Dask gagal memeriksa {job.path} ({type(exc).__name__}: {exc}).",
                        "en": f"The Dask worker failed on {job.path} ({type(exc).__name__}: {exc}).",
                    },
                )
            on_done(job, result)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
