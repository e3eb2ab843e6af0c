#!/usr/bin/env python3
"""Runs `newskg extract` over shards of a JSON Lines corpus on a Dask cluster and concatenates
the N-Quads. IRIs are deterministic and articles independent, so the union of the shard
outputs is the dataset one single run would write (and, with contiguous shards joined in
order, the same bytes).

    # a local cluster of 2 worker processes on 127.0.0.1
    examples/distributed/extract_shards.py --local-workers 2 --shards 8 corpus.jsonl -o corpus.nq
    # a real cluster: every worker must see --work-dir (NFS, a shared volume) and have newskg
    examples/distributed/extract_shards.py --scheduler tcp://10.0.0.5:8786 --work-dir /shared/run1 ...

Debian: apt-get install python3-distributed (run with /usr/bin/python3).
"""
import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path


def split(corpus, shards, work_dir):
    """Cuts the corpus into `shards` contiguous pieces of about equal size, at line ends."""
    size = os.path.getsize(corpus)
    paths = []
    with open(corpus, "rb") as source:
        for n in range(shards):
            path = work_dir / f"shard-{n:05d}.jsonl"
            end = size * (n + 1) // shards
            with open(path, "wb") as shard:
                while source.tell() < end or n == shards - 1:
                    line = source.readline()
                    if not line:
                        break
                    shard.write(line)
            paths.append(path)
    return paths


def extract_shard(newskg, shard, extra_args):
    """Runs on a worker: one shard in, its N-Quads file next to it. Returns (path, exit status, stderr)."""
    output = shard.with_suffix(".nq")
    done = subprocess.run([newskg, "extract", "--quiet", "--jobs", "1", "-f", "nquads", *extra_args,
                           "-o", str(output), str(shard)], capture_output=True, text=True)
    # exit 1: some articles failed (named on stderr), the rest are in the output
    return str(output), done.returncode, done.stderr


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", help="JSON Lines articles")
    parser.add_argument("-o", "--output", required=True, help="the concatenated N-Quads")
    parser.add_argument("--shards", type=int, default=8)
    parser.add_argument("--newskg", default=shutil.which("newskg") or "newskg", help="newskg on the workers")
    parser.add_argument("--work-dir", help="shards and their outputs (default: next to --output)")
    cluster = parser.add_mutually_exclusive_group(required=True)
    cluster.add_argument("--scheduler", help="address of a running Dask scheduler (tcp://host:8786)")
    cluster.add_argument("--local-workers", type=int, help="start a LocalCluster of this many processes on 127.0.0.1")
    parser.add_argument("extra", nargs="*", help="more newskg extract options, after --")
    args = parser.parse_args()

    from dask.distributed import Client, LocalCluster

    work_dir = Path(args.work_dir or Path(args.output).resolve().parent / (Path(args.output).name + ".shards"))
    work_dir.mkdir(parents=True, exist_ok=True)
    shards = split(args.corpus, args.shards, work_dir)

    cluster = None
    if not args.scheduler:
        cluster = LocalCluster(n_workers=args.local_workers, threads_per_worker=1, processes=True,
                               host="127.0.0.1", dashboard_address=None, memory_limit="1GiB")
    client = Client(args.scheduler or cluster)
    try:
        futures = client.map(extract_shard, [args.newskg] * len(shards), shards, [args.extra] * len(shards),
                             pure=False)
        results = client.gather(futures)
    finally:
        client.close()  # the client first: a client whose cluster is gone tries to reconnect
        if cluster:
            cluster.close()

    failed = 0
    with open(args.output + ".part", "wb") as out:
        for (path, status, stderr), shard in zip(results, shards):
            sys.stderr.write(stderr)
            if status not in (0, 1):
                sys.exit(f"{shard}: newskg extract failed with status {status}")
            failed += status
            with open(path, "rb") as part:
                shutil.copyfileobj(part, out)
    os.replace(args.output + ".part", args.output)
    print(f"{len(shards)} shards -> {args.output}", file=sys.stderr)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
