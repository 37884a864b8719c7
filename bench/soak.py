#!/usr/bin/env python3
"""Soak test with faults for balancierd (driven by bench/soak.sh; see docs/reliability.md).

    soak.py backend --listen HOST:PORT --name NAME
    soak.py run --balancierd PATH --work DIR --backend-host IP [...]

`backend` is one echo backend: it greets every connection with its name and a
newline, then echoes every byte back, honours half-close (its reply ends once
the client's stream ends) and stops reading while its peer does not read.

`run` starts the backends and balancierd, keeps thousands of connections open
through the balancer (idle ones that ping now and then, long pipelined streams,
short request/reply connections), checks every echoed byte, injects faults
(backend kills and restarts, SIGHUP reloads with config changes, drains and
configs through the admin API) and watches the daemon's RSS, descriptors and
threads. It prints a Markdown report and exits non-zero when a byte was wrong,
a connection was lost that no injected fault explains, a descriptor leaked,
RSS grew beyond the bound, or the connection target was not reached.

Every connection's payload is a slice of one random buffer at a random
offset, so a byte from another connection, a duplicated or a skipped byte is a
mismatch. A connection learns its backend from the greeting; a loss is
explained only by a fault on that backend that it was there for (a kill, or a
drain or removal that outlived draintimeout), or, before the greeting, by a
backend kill while it was connecting. Everything else is unexplained.
"""

import argparse
import asyncio
import base64
import bisect
import datetime
import json
import os
import random
import re
import resource
import signal
import socket
import subprocess
import sys
import time

import urllib.error
import urllib.request

# engine/net/worker.cpp: the pipes one worker's splice pool may hold.
PIPE_POOL_PER_WORKER = 64

BUFFER_SIZE = (1 << 20) + 7  # not a power of two: slices at different offsets differ


# ---------------------------------------------------------------- backend


class EchoBackend(asyncio.Protocol):
    def __init__(self, greeting, sabotage=None):
        self.greeting = greeting
        self.sabotage = sabotage  # proves the checks can fail: "corrupt" or "close"
        self.transport = None

    def connection_made(self, transport):
        self.transport = transport
        transport.set_write_buffer_limits(high=256 * 1024, low=64 * 1024)
        transport.write(self.greeting)

    reads = 0  # over all connections, for the sabotage

    def data_received(self, data):
        if self.sabotage:
            EchoBackend.reads += 1
            if EchoBackend.reads % 200 == 0 and self.sabotage == "corrupt":
                data = bytes([data[0] ^ 0x01]) + data[1:]
            elif EchoBackend.reads % 200 == 0 and self.sabotage == "close":
                self.transport.abort()
                return
        self.transport.write(data)

    def pause_writing(self):
        self.transport.pause_reading()

    def resume_writing(self):
        self.transport.resume_reading()

    def eof_received(self):
        return False  # close once what is buffered is written: the reply ends with the request


async def backend_main(args):
    host, _, port = args.listen.rpartition(":")
    greeting = (args.name + "\n").encode()
    loop = asyncio.get_running_loop()
    server = await loop.create_server(lambda: EchoBackend(greeting, args.sabotage), host, int(port), backlog=4096,
                                      reuse_address=True)
    stop = asyncio.Event()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    print(f"backend {args.name} listening on {args.listen}", flush=True)
    async with server:
        await stop.wait()


# ---------------------------------------------------------------- run: bookkeeping


def now():
    return time.monotonic()


class Stats:
    def __init__(self):
        self.connections = 0  # greeted connections through the balancer
        self.requests = 0  # short request/reply exchanges completed
        self.pings = 0
        self.streams_done = 0
        self.bytes_checked = 0
        self.mismatches = []  # (kind, backend, position, detail)
        self.losses = []  # dicts, classified at the end
        self.connect_failures = []  # could not even connect to the balancer
        self.admin_errors = []
        self.admin_times = []  # seconds per admin API request
        self.faults = {}  # name -> count
        self.fault_log = []  # (t, text)

    def fault(self, name, text, t0):
        self.faults[name] = self.faults.get(name, 0) + 1
        self.fault_log.append((now() - t0, text))


class ConnectionLost(Exception):
    pass


class Conn:
    """One client connection through the balancer, and what the loss report needs of it."""

    def __init__(self, kind, reader, writer, started, client):
        self.kind = kind
        self.reader = reader
        self.writer = writer
        self.started = started  # when the connect began
        self.client = client  # our address, "127.0.0.N:port": the daemon's log names the client by it
        self.backend = None  # from the greeting
        self.greeted = None
        self.ok_at = None  # the last moment the connection was known to work (greeting, last echo)
        self.phase = "connect"  # what it was doing: greeting, ping, request, reply, stream, ...


class Soak:
    def __init__(self, args):
        self.a = args
        self.rng = random.Random(args.seed)
        block = random.Random(args.seed + 1).randbytes(BUFFER_SIZE)
        self.data = block + block  # any slice of up to BUFFER_SIZE bytes needs no wrap
        self.stats = Stats()
        self.stop = asyncio.Event()
        self.control = None  # asyncio.Lock: config changes, drains and their ends, one at a time (set in run())
        self.t0 = now()
        self.wall0 = time.time()  # the daemon's log is stamped with the wall clock
        self.load_start = self.load_end = None  # the traffic-and-faults phase, between ramp and the end
        self.kills = []  # (backend, time)
        self.drains = []  # dicts: backend, start, end, what
        self.backends = {}  # name -> dict(port, proc, alive, since, group, weight, state)
        self.enabled = "blue"
        self.schedulers = {"blue": "roundrobin", "green": "weighted"}
        self.procs = []
        self.balancer = None
        self.samples = []
        self.source = 0

    # ------------------------------------------------------------ processes

    def spawn_backend(self, name):
        b = self.backends[name]
        cmd = self.a.backend_exec + [sys.executable, os.path.abspath(__file__), "backend",
                                     "--listen", f"{self.a.backend_host}:{b['port']}", "--name", name]
        if self.a.sabotage and name == "b1":
            cmd += ["--sabotage", self.a.sabotage]
        log = open(os.path.join(self.a.work, f"backend-{name}.log"), "ab")
        b["proc"] = subprocess.Popen(cmd, stdout=log, stderr=log, stdin=subprocess.DEVNULL)
        log.close()
        b["alive"] = True
        b["since"] = now()
        self.procs.append(b["proc"])

    async def wait_backend(self, name, timeout=20):
        b = self.backends[name]
        path = os.path.join(self.a.work, f"backend-{name}.log")
        deadline = now() + timeout
        want = f"listening on {self.a.backend_host}:{b['port']}"
        while now() < deadline:
            if b["proc"].poll() is not None:
                raise SystemExit(f"soak: backend {name} exited with {b['proc'].returncode}; see {path}")
            with open(path, errors="replace") as f:
                if want in f.read():
                    return
            await asyncio.sleep(0.05)
        raise SystemExit(f"soak: backend {name} did not start within {timeout} s; see {path}")

    def kill_proc(self, proc, sig=signal.SIGTERM, grace=5.0):
        if proc is None or proc.poll() is not None:
            return
        proc.send_signal(sig)
        try:
            proc.wait(grace)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()

    def cleanup(self):
        for proc in self.procs:
            self.kill_proc(proc)

    # ------------------------------------------------------------ config

    def config_xml(self):
        lines = [
            '<?xml version="1.0" encoding="UTF-8"?>',
            '<balancier version="1">',
            f'  <settings workers="{self.a.workers}" draintimeout="{round(self.a.drain_timeout * 1000)}ms"/>',
            '  <health interval="1s" timeout="1s" rise="2" fall="2" downinterval="1s" aggressiveinterval="500ms"/>',
            '  <timeouts connect="3s" idle="0"/>',
            # One line per connection that ends with an error, with the client's address: the report
            # puts the daemon's own account next to each unexplained loss.
            '  <logging level="info" connections="yes"/>',
            f'  <admin listen="127.0.0.1:{self.a.admin_port}">',
            f'    <user name="soak" password="{self.a.password_hash}" access="full"/>',
            '  </admin>',
            '  <service name="soak">',
            f'    <listen ip="127.0.0.1:{self.a.front_port}"/>',
        ]
        for group in ("blue", "green"):
            lines.append(f'    <group name="{group}" scheduler="{self.schedulers[group]}">')
            for name, b in sorted(self.backends.items()):
                if b["group"] == group:
                    lines.append(f'      <host name="{name}" ip="{self.a.backend_host}:{b["port"]}" '
                                 f'weight="{b["weight"]}" state="{b["state"]}"/>')
            lines.append('    </group>')
        lines += [f'    <enable group="{self.enabled}"/>', '  </service>', '</balancier>', '']
        return "\n".join(lines)

    def write_config(self):
        path = os.path.join(self.a.work, "balancier.xml")
        tmp = path + ".tmp"
        with open(tmp, "w") as f:
            f.write(self.config_xml())
        os.replace(tmp, path)
        return path

    async def admin(self, method, path, body=None):
        url = f"http://127.0.0.1:{self.a.admin_port}{path}"
        auth = base64.b64encode(f"soak:{self.a.password}".encode()).decode()

        def call():
            headers = {"Authorization": f"Basic {auth}"}
            if body is not None:
                # Not urllib's default form type: the admin API reads a form body as parameters.
                headers["Content-Type"] = "application/xml"
            req = urllib.request.Request(url, data=body, method=method, headers=headers)
            try:
                with urllib.request.urlopen(req, timeout=30) as reply:
                    return reply.status, reply.read().decode(errors="replace")
            except urllib.error.HTTPError as e:
                return e.code, e.read().decode(errors="replace")
            except OSError as e:
                return 0, str(e)

        asked = now()
        status, text = await asyncio.to_thread(call)
        self.stats.admin_times.append(now() - asked)
        if status not in (200, 201):
            self.stats.admin_errors.append(f"{method} {path}: {status} {text[:300]}")
        elif path.startswith("/api/v1/config"):
            try:
                if not json.loads(text).get("ok"):
                    self.stats.admin_errors.append(f"{method} {path}: {text[:300]}")
            except ValueError:
                self.stats.admin_errors.append(f"{method} {path}: not JSON: {text[:300]}")
        return status

    # ------------------------------------------------------------ daemon sampling

    def sample(self):
        pid = self.balancer.pid
        try:
            with open(f"/proc/{pid}/status") as f:
                status = dict(line.split(":", 1) for line in f if ":" in line)
            rss = int(status["VmRSS"].split()[0])
            threads = int(status["Threads"])
            fds, pipes = 0, 0
            for fd in os.listdir(f"/proc/{pid}/fd"):
                fds += 1
                try:
                    pipes += os.readlink(f"/proc/{pid}/fd/{fd}").startswith("pipe:")
                except OSError:
                    pass  # closed between the listing and the look
        except (OSError, KeyError, ValueError):
            return None
        return {"t": round(now() - self.t0, 1), "rss_kib": rss, "threads": threads, "fds": fds, "pipes": pipes}

    def alive_sample(self):
        s = self.sample()
        if s is None:
            code = self.balancer.poll()
            raise SystemExit(f"soak: FAIL: balancierd is gone (exit status {code}); see {self.a.work}/balancierd.log")
        return s

    async def sampler(self):
        out = open(os.path.join(self.a.work, "samples.tsv"), "w")
        out.write("t_s\trss_kib\tthreads\tfds\tconnections\tbytes_checked\n")
        while True:
            s = self.sample()
            if s:
                s["connections"] = self.stats.connections
                s["bytes"] = self.stats.bytes_checked
                self.samples.append(s)
                out.write(f"{s['t']}\t{s['rss_kib']}\t{s['threads']}\t{s['fds']}\t{s['connections']}\t{s['bytes']}\n")
                out.flush()
            try:
                await asyncio.wait_for(self.stop.wait(), self.a.sample_every)
                break
            except asyncio.TimeoutError:
                pass
        out.close()

    # ------------------------------------------------------------ traffic

    def payload(self, size):
        offset = self.rng.randrange(BUFFER_SIZE)
        return offset, self.data[offset:offset + size]

    def check(self, kind, backend, offset, position, got, at=None):
        want = self.data[offset + position:offset + position + len(got)] if len(got) <= BUFFER_SIZE else None
        if want is None:
            raise AssertionError("reads are bounded by the window")
        if got != want:
            first = next(i for i in range(len(got)) if got[i] != want[i])
            at = position if at is None else at
            self.stats.mismatches.append((kind, backend, at + first,
                                          f"{len(got)} bytes read at byte {at} of the connection's stream, "
                                          f"the first wrong one is byte {at + first}"))
            raise ConnectionLost("payload mismatch")
        self.stats.bytes_checked += len(got)

    async def connect(self, kind):
        """Connects through the balancer and reads the greeting. Returns a Conn, or None."""
        started = now()
        self.source = self.source % 8 + 1
        try:
            reader, writer = await asyncio.wait_for(
                asyncio.open_connection("127.0.0.1", self.a.front_port, limit=1 << 20,
                                        local_addr=(f"127.0.0.{1 + self.source}", 0)), 20)
        except (OSError, asyncio.TimeoutError) as e:
            self.stats.connect_failures.append((now() - self.t0, kind, repr(e)))
            return None
        sockname = writer.get_extra_info("sockname")
        conn = Conn(kind, reader, writer, started, f"{sockname[0]}:{sockname[1]}" if sockname else "?")
        conn.phase = "greeting"
        try:
            line = await asyncio.wait_for(reader.readline(), self.a.read_timeout)
        except (OSError, asyncio.TimeoutError) as e:
            line = b""
            error = repr(e)
        else:
            error = "end of stream before the greeting"
        if not line.endswith(b"\n"):
            self.loss(conn, error)
            writer.transport.abort()
            return None
        self.stats.connections += 1
        conn.backend = line[:-1].decode(errors="replace")
        conn.greeted = conn.ok_at = now()
        return conn

    def loss(self, conn, error):
        self.stats.losses.append({"kind": conn.kind, "backend": conn.backend, "started": conn.started,
                                  "greeted": conn.greeted, "ok_at": conn.ok_at, "lost": now(), "error": error,
                                  "client": conn.client, "phase": conn.phase})

    async def pause(self, seconds):
        """Sleeps; True when the run is stopping."""
        try:
            await asyncio.wait_for(self.stop.wait(), seconds)
            return True
        except asyncio.TimeoutError:
            return False

    async def exchange(self, conn, size):
        offset, data = self.payload(size)
        conn.phase = "ping: sending"
        conn.writer.write(data)
        await asyncio.wait_for(conn.writer.drain(), self.a.read_timeout)
        conn.phase = "ping: reading the echo"
        got = await asyncio.wait_for(conn.reader.readexactly(size), self.a.read_timeout)
        self.check(conn.kind, conn.backend, offset, 0, got)
        conn.ok_at = now()

    async def idle_worker(self, ready):
        first = True
        while not self.stop.is_set():
            conn = await self.connect("idle")
            if first:
                ready.release()
                first = False
            if conn is None:
                if await self.pause(0.5):
                    return
                continue
            try:
                while True:
                    conn.phase = "idle"
                    stopping = await self.pause(self.rng.uniform(*self.a.ping_every))
                    await self.exchange(conn, self.rng.randrange(1, 65))
                    self.stats.pings += 1
                    if stopping:
                        conn.writer.close()
                        return
            except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError, ConnectionLost) as e:
                self.loss(conn, repr(e))
                conn.writer.transport.abort()

    async def short_worker(self):
        while not self.stop.is_set():
            conn = await self.connect("short")
            if conn is None:
                if await self.pause(0.5):
                    return
                continue
            reader, writer, backend = conn.reader, conn.writer, conn.backend
            size = int(2 ** self.rng.uniform(0, 17))  # 1 B to 128 KiB, log-uniform
            offset, data = self.payload(size)
            try:
                conn.phase = f"request of {size} B, then half-close"
                writer.write(data)
                writer.write_eof()
                await asyncio.wait_for(writer.drain(), self.a.read_timeout)
                conn.phase = f"reading the reply of {size} B"
                got = await asyncio.wait_for(reader.read(size + 1), self.a.read_timeout)
                position = 0
                while got:
                    if position + len(got) > size:
                        self.check("short", backend, offset, position, got[:size - position])
                        raise ConnectionLost(f"{position + len(got) - size} bytes more than were sent")
                    self.check("short", backend, offset, position, got)
                    position += len(got)
                    conn.ok_at = now()
                    conn.phase = f"reading the reply: {position} of {size} B"
                    got = await asyncio.wait_for(reader.read(size + 1), self.a.read_timeout)
                if position != size:
                    raise ConnectionLost(f"end of stream after {position} of {size} bytes")
                self.stats.requests += 1
                writer.close()
            except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError, ConnectionLost) as e:
                self.loss(conn, repr(e))
                writer.transport.abort()
            await self.pause(self.rng.uniform(0, 2 * self.a.short_pause))

    async def stream_worker(self):
        while not self.stop.is_set():
            conn = await self.connect("stream")
            if conn is None:
                if await self.pause(0.5):
                    return
                continue
            reader, writer, backend = conn.reader, conn.writer, conn.backend
            conn.phase = "stream"
            life_end = now() + self.rng.uniform(*self.a.stream_life)
            offset = self.rng.randrange(BUFFER_SIZE)
            state = {"sent": 0, "received": 0}
            window = 256 * 1024
            room = asyncio.Event()
            room.set()

            async def send():
                while now() < life_end and not self.stop.is_set():
                    size = self.rng.randrange(1024, 65536)
                    while state["sent"] - state["received"] + size > window:
                        room.clear()
                        await asyncio.wait_for(room.wait(), self.a.read_timeout)
                    start = (offset + state["sent"]) % BUFFER_SIZE
                    writer.write(self.data[start:start + size])
                    state["sent"] += size
                    await asyncio.wait_for(writer.drain(), self.a.read_timeout)
                    await asyncio.sleep(self.rng.uniform(0, 2 * self.a.stream_pause))
                conn.phase = "stream: half-closed, reading the rest"
                writer.write_eof()

            async def receive():
                while True:
                    got = await asyncio.wait_for(reader.read(65536), self.a.read_timeout)
                    if not got:
                        return
                    if state["received"] + len(got) > state["sent"]:
                        raise ConnectionLost("more bytes came back than were sent")
                    start = (offset + state["received"]) % BUFFER_SIZE
                    self.check("stream", backend, start, 0, got, state["received"])
                    state["received"] += len(got)
                    conn.ok_at = now()
                    room.set()

            sender = asyncio.ensure_future(send())
            try:
                await receive()
                await sender  # its errors, if any
                if state["received"] != state["sent"]:
                    raise ConnectionLost(f"end of stream after {state['received']} of {state['sent']} bytes")
                self.stats.streams_done += 1
                writer.close()
            except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError, ConnectionLost) as e:
                sender.cancel()
                if sender.done() and not sender.cancelled():
                    sender.exception()  # seen: the loss below reports it
                self.loss(conn, f"{e!r} after {state['received']} of {state['sent']} bytes")
                writer.transport.abort()

    # ------------------------------------------------------------ faults

    def available(self, name, at=None):
        b = self.backends[name]
        at = now() if at is None else at
        return b["alive"] and b["state"] == "ready" and b["weight"] > 0 and at - b["since"] > 6

    def live_in(self, group, without=()):
        return [n for n, b in self.backends.items()
                if b["group"] == group and n not in without and self.available(n)]

    async def reload(self, text):
        log = os.path.join(self.a.work, "balancierd.log")
        offset = os.path.getsize(log) if os.path.exists(log) else 0
        self.write_config()
        os.kill(self.balancer.pid, signal.SIGHUP)
        self.stats.fault("reload", f"SIGHUP: {text}", self.t0)
        # The daemon reads the file when it gets to the signal; until it has, the next change (a
        # drain ending, a PUT) could overtake it, and the file, written before, would undo that one.
        asked = now()
        while now() - asked < 20:
            await asyncio.sleep(0.05)
            try:
                with open(log, "rb") as f:
                    f.seek(offset)
                    tail = f.read()
            except OSError:
                tail = b""
            if b"reload: done" in tail or b"reload refused" in tail:
                return
        self.stats.admin_errors.append(f"SIGHUP ({text}): the daemon did not log the end of the reload within 20 s")

    async def put_config(self, text):
        body = self.config_xml().encode()
        await self.admin("PUT", "/api/v1/config", body)
        self.stats.fault("admin-config", f"PUT /api/v1/config: {text}", self.t0)

    async def apply(self, text):
        if self.rng.random() < 0.5:
            await self.reload(text)
        else:
            await self.put_config(text)

    async def restart_later(self, name, delay):
        await asyncio.sleep(delay)
        self.spawn_backend(name)
        self.stats.fault("restart", f"restart {name}", self.t0)

    async def ready_later(self, name, delay, record):
        await asyncio.sleep(delay)
        async with self.control:
            b = self.backends[name]
            if b.get("drain") is not record:
                # Removed while it drained (and maybe added again since, as a new host): this drain
                # never ended. The daemon keeps the deadline of the drain for the removed host
                # (engine/enginereconcile.cpp, beginHostDrain), so its connections are cut at
                # start + draintimeout: record["end"] stays None.
                return
            b["drain"] = None
            b["state"] = "ready"
            await self.admin("POST", f"/api/v1/services/soak/groups/{b['group']}/hosts/{name}/ready")
            # The drain ends when the daemon has answered, not when it was asked (the API may be slow).
            record["end"] = now()
            self.stats.fault("ready", f"{name} ready after {record['end'] - record['start']:.1f} s of drain",
                             self.t0)

    async def one_fault(self, tasks):
        rng = self.rng
        names = sorted(self.backends)
        choice = rng.choice(["kill", "kill", "remove", "add", "switch", "weights", "scheduler", "drain", "drain"])
        enabled = self.enabled
        other = "green" if enabled == "blue" else "blue"
        if choice == "kill":
            candidates = [n for n in names if self.backends[n]["alive"]
                          and (self.backends[n]["group"] != enabled or len(self.live_in(enabled, (n,))) >= 2)]
            if not candidates:
                return
            name = rng.choice(candidates)
            b = self.backends[name]
            self.kills.append((name, now()))
            b["proc"].kill()
            b["proc"].wait()
            b["alive"] = False
            self.stats.fault("kill", f"SIGKILL {name}", self.t0)
            tasks.append(asyncio.ensure_future(self.restart_later(name, rng.uniform(1.5, 4))))
        elif choice == "remove":
            candidates = [n for n in names if self.backends[n]["group"] is not None
                          and sum(1 for b in self.backends.values() if b["group"] == self.backends[n]["group"]) >= 3
                          and (self.backends[n]["group"] != enabled or len(self.live_in(enabled, (n,))) >= 2)]
            if not candidates:
                return
            name = rng.choice(candidates)
            b = self.backends[name]
            group = b["group"]
            b["group"] = None
            b["state"] = "ready"
            b["drain"] = None  # a drain under way does not end: see ready_later
            self.drains.append({"backend": name, "start": now(), "end": None, "what": "removed"})
            await self.apply(f"remove {name} from {group}")
        elif choice == "add":
            candidates = [n for n in names if self.backends[n]["group"] is None]
            if not candidates:
                return
            name = rng.choice(candidates)
            group = rng.choice(["blue", "green"])
            b = self.backends[name]
            b["group"] = group
            b["weight"] = rng.randint(1, 10)
            b["state"] = "ready"
            await self.apply(f"add {name} to {group}")
        elif choice == "switch":
            if len(self.live_in(other)) < 2:
                return
            self.enabled = other
            await self.apply(f"enable group {other}")
        elif choice == "weights":
            changed = []
            for n in names:
                if self.backends[n]["group"] is not None and rng.random() < 0.5:
                    self.backends[n]["weight"] = rng.randint(1, 10)
                    changed.append(f"{n}={self.backends[n]['weight']}")
            if changed:
                await self.apply("weights " + " ".join(changed))
        elif choice == "scheduler":
            group = rng.choice(["blue", "green"])
            self.schedulers[group] = rng.choice(["roundrobin", "weighted", "leastconns", "leastconnsrr", "p2c",
                                                 "random", "hash", "sticky"])
            await self.apply(f"scheduler of {group}: {self.schedulers[group]}")
        elif choice == "drain":
            candidates = [n for n in names if self.backends[n]["group"] is not None
                          and self.backends[n]["state"] == "ready"
                          and (self.backends[n]["group"] != enabled or len(self.live_in(enabled, (n,))) >= 2)]
            if not candidates:
                return
            name = rng.choice(candidates)
            b = self.backends[name]
            # Either back well before draintimeout (nothing may be cut) or well after (what is left is cut).
            hold = self.a.drain_timeout * (0.4 if rng.random() < 0.5 else 1.6)
            record = {"backend": name, "start": now(), "end": None, "what": "drained"}
            self.drains.append(record)
            b["state"] = "drain"
            b["drain"] = record
            await self.admin("POST", f"/api/v1/services/soak/groups/{b['group']}/hosts/{name}/drain")
            self.stats.fault("drain", f"drain {name} for {hold:.1f} s", self.t0)
            tasks.append(asyncio.ensure_future(self.ready_later(name, hold, record)))

    async def faults(self):
        tasks = []
        while not await self.pause(self.rng.uniform(*self.a.fault_every)):
            # One change at a time: a drain's end (ready_later) must not overtake a PUT whose body,
            # built before, still says drain, or the daemon drains the host again unasked.
            async with self.control:
                await self.one_fault(tasks)
            tasks = [t for t in tasks if not t.done()]
        for t in tasks:  # restarts and returns from drain still pending
            t.cancel()
        for name, b in self.backends.items():
            if not b["alive"]:
                self.spawn_backend(name)

    # ------------------------------------------------------------ classification

    def explain(self, loss):
        drain = self.a.drain_timeout
        backend, lost = loss["backend"], loss["lost"]
        if backend is None:
            # Reached a backend that was killed before it could greet.
            for name, k in self.kills:
                if loss["started"] < k + 0.5 and k - 0.1 <= lost <= k + 10:
                    return "backend killed while connecting"
            return None
        # "started" (not the greeting, which a busy client may read late) says whether the connection
        # could have been on that backend when the fault came.
        # A connection dies once, of the first fault that reaches it (an idle one notices only at its
        # next ping, maybe after a later fault on the same backend).
        candidates = []
        for name, k in self.kills:
            if name == backend and loss["started"] < k + 1 and lost >= k - 0.1:
                candidates.append((k, "backend killed"))
        for d in self.drains:
            if d["backend"] != backend or loss["started"] >= d["start"] + 1:
                continue
            cut = d["start"] + drain
            if (d["end"] is None or d["end"] >= cut - 1) and cut - 1 <= lost <= cut + 60:
                candidates.append((cut, f"{d['what']} past draintimeout"))
        return min(candidates)[1] if candidates else None

    # ------------------------------------------------------------ main

    async def run(self):
        a = self.a
        self.control = asyncio.Lock()
        for i in range(a.backends):
            name = f"b{i + 1}"
            self.backends[name] = {"port": a.backend_ports[i], "proc": None, "alive": False, "since": 0,
                                   "group": "blue" if i < (a.backends + 1) // 2 else "green",
                                   "weight": 1 + i % 3, "state": "ready", "drain": None}
        # The last backend starts as a spare, outside the config.
        self.backends[f"b{a.backends}"]["group"] = None
        for name in self.backends:
            self.spawn_backend(name)
        for name in self.backends:
            await self.wait_backend(name)
            self.backends[name]["since"] = now() - 10  # up from the start: no health lag
        config = self.write_config()
        # The log file has a time stamp on every line (standard error has not), to match the losses.
        log = open(os.path.join(a.work, "balancierd.out"), "wb")
        self.balancer = subprocess.Popen([a.balancierd, "--config", config, "--log-file",
                                          os.path.join(a.work, "balancierd.log")], stdout=log, stderr=log,
                                         stdin=subprocess.DEVNULL)
        self.procs.append(self.balancer)
        log.close()
        deadline = now() + 30
        while True:
            if self.balancer.poll() is not None:
                raise SystemExit(f"soak: balancierd exited with {self.balancer.returncode}; see {a.work}/balancierd.out")
            try:
                socket.create_connection(("127.0.0.1", a.front_port), 1).close()
                socket.create_connection(("127.0.0.1", a.admin_port), 1).close()
                break
            except OSError:
                if now() > deadline:
                    raise SystemExit("soak: balancierd does not listen after 30 s")
                await asyncio.sleep(0.1)
        await asyncio.sleep(3)  # health checks see every host up (rise 2 at 1 s)
        base = self.alive_sample()
        sampler = asyncio.ensure_future(self.sampler())
        print(f"soak: balancierd pid {self.balancer.pid}: RSS {base['rss_kib']} KiB, {base['fds']} descriptors, "
              f"{base['threads']} threads before traffic", flush=True)

        # Ramp: the idle connections first, a bounded number of connects in flight.
        ramp_start = now()
        ready = asyncio.Semaphore(0)
        gate = asyncio.Semaphore(256)
        workers, releases = [], []
        for _ in range(a.idle):
            await gate.acquire()
            workers.append(asyncio.ensure_future(self.idle_worker(ready)))
            releases.append(asyncio.ensure_future(self._release_on(ready, gate)))  # held: tasks are weak refs
        for _ in range(a.streams):
            workers.append(asyncio.ensure_future(self.stream_worker()))
        for _ in range(a.shorts):
            workers.append(asyncio.ensure_future(self.short_worker()))
        await asyncio.sleep(2)
        ramp = now() - ramp_start
        for r in releases:
            r.cancel()
        ramped = self.alive_sample()
        print(f"soak: ramp {ramp:.1f} s: {self.stats.connections} connections made; RSS {ramped['rss_kib']} KiB, "
              f"{ramped['fds']} descriptors", flush=True)

        fault_task = asyncio.ensure_future(self.faults())
        self.load_start = now()
        run_end = now() + a.duration
        # The RSS bound is measured from the end of a warm-up, once every kind of traffic and fault has run.
        warm_end = now() + min(60, a.duration / 5)
        warm = None
        while now() < run_end:
            if warm is None and now() >= warm_end:
                warm = self.alive_sample()
            await asyncio.sleep(min(10, max(0.1, run_end - now()), max(0.1, warm_end - now()) if warm is None else 10))
            s = self.alive_sample()
            if s:
                print(f"soak: t={s['t']:.0f}s RSS {s['rss_kib']} KiB, {s['fds']} fds, {s['threads']} threads, "
                      f"{self.stats.connections} connections made, {self.stats.bytes_checked / 1e6:.0f} MB checked, "
                      f"{len(self.stats.losses)} lost, {len(self.stats.mismatches)} mismatches", flush=True)
        loaded = self.alive_sample()
        warm = warm or loaded
        self.load_end = now()
        self.stop.set()
        await fault_task
        # Final pings and clean closes; a worker that hangs is a loss of its own.
        done, pending = await asyncio.wait(workers, timeout=a.read_timeout + 30)
        for w in pending:
            w.cancel()
        hung = len(pending)
        await sampler
        # Every client connection is closed: the daemon's descriptors must come back to where they began.
        settle_deadline = now() + 60
        end = self.alive_sample()
        while end["fds"] - end["pipes"] > base["fds"] - base["pipes"] and now() < settle_deadline:
            await asyncio.sleep(0.5)
            end = self.alive_sample()
        self.kill_proc(self.balancer, signal.SIGTERM, 20)
        return self.report(base, warm, loaded, end, ramp, hung)

    async def _release_on(self, ready, gate):
        await ready.acquire()
        gate.release()

    # ------------------------------------------------------------ the daemon's account of a loss

    def daemon_log(self):
        """balancierd.log: its lines about one client, by the client's address, and the others,
        each as (t, text) with t on the soak's clock (seconds since t0)."""
        by_client, others = {}, []
        try:
            with open(os.path.join(self.a.work, "balancierd.log"), errors="replace") as f:
                for line in f:
                    stamp, _, text = line.rstrip("\n").partition(" ")
                    try:
                        wall = datetime.datetime.fromisoformat(stamp).timestamp()
                    except ValueError:
                        continue
                    m = re.search(r" client (\S+?):? ", text)
                    if m:
                        by_client.setdefault(m.group(1), []).append((wall - self.wall0, text))
                    else:
                        others.append((wall - self.wall0, text))
        except OSError:
            pass
        others.sort()
        return by_client, others

    def run_phase(self, t):
        if self.load_start is None or t < self.load_start:
            return "ramp"
        if self.load_end is None or t < self.load_end:
            return "load"
        return "end"

    def describe(self, loss, log, limit=8):
        """A loss in a few lines: when, where, doing what; the faults and the daemon's log lines around it."""
        t0 = self.t0
        ok = loss["ok_at"]
        out = [f"t={loss['lost'] - t0:.1f}s ({self.run_phase(loss['lost'])}) {loss['kind']} on "
               f"{loss['backend'] or '(no greeting)'}, client {loss['client']}, connected at "
               f"{loss['started'] - t0:.1f}s, last known good at {'-' if ok is None else f'{ok - t0:.1f}s'}, "
               f"while {loss['phase']}: {loss['error']}"]
        since = (ok if ok is not None else loss["started"]) - t0
        until = loss["lost"] - t0
        faults = [f"{t:.1f}s {text}" for t, text in self.stats.fault_log if since - 2 <= t <= until + 0.5]
        if faults:
            out.append("    faults from 2 s before it last worked until it was lost: " + "; ".join(faults[:6])
                       + (f"; and {len(faults) - 6} more" if len(faults) > 6 else ""))
        # Its own lines (the daemon names the client by its address and port), then what the daemon
        # said about hosts and config meanwhile.
        by_client, rest = log
        own = by_client.get(loss["client"], [])
        first = bisect.bisect_left(rest, (since - 1, ""))
        others = [line for line in rest[first:first + 200] if line[0] <= until + 1]
        shown = own[:limit // 2] + others[:limit - min(len(own), limit // 2)]
        for t, text in sorted(shown):
            out.append(f"    daemon {t:7.2f}s: {text[:240]}")
        if not own:
            out.append("    daemon: no line about this client (it logs a connection's end only when it was an error)")
        return out

    def report(self, base, ramped, loaded, end, ramp, hung):
        a, st = self.a, self.stats
        causes, unexplained = {}, []
        for loss in st.losses:
            why = self.explain(loss)
            if why is None:
                unexplained.append(loss)
            else:
                causes[why] = causes.get(why, 0) + 1
        peak_open = 0
        rss_growth = (loaded["rss_kib"] - ramped["rss_kib"]) / 1024
        # The workers keep the pipes of their splice pools (engine/net/pipepool.h) for reuse: two
        # descriptors each, at most PIPE_POOL_PER_WORKER pipes per worker. Those are not a leak;
        # anything else beyond the start, or more pipes than the pools may hold, is.
        pooled = max(0, end["pipes"] - base["pipes"])
        pool_bound = 2 * PIPE_POOL_PER_WORKER * a.workers
        fd_leak = max(0, (end["fds"] - end["pipes"]) - (base["fds"] - base["pipes"])) + max(0, pooled - pool_bound)
        max_fds = max(s["fds"] for s in self.samples) if self.samples else 0
        # The daemon holds two descriptors per proxied connection.
        peak_open = max(0, (max_fds - base["fds"]) // 2)
        failures = []
        if st.mismatches:
            failures.append(f"{len(st.mismatches)} payload mismatches")
        if unexplained:
            failures.append(f"{len(unexplained)} connections lost without an injected fault to explain it")
        if st.connect_failures:
            failures.append(f"{len(st.connect_failures)} connects to the balancer failed")
        if hung:
            failures.append(f"{hung} connections hung at the end")
        if fd_leak:
            failures.append(f"{fd_leak} descriptors leaked")
        if rss_growth > a.rss_bound_mib:
            failures.append(f"RSS grew {rss_growth:.1f} MiB under load, more than the bound of {a.rss_bound_mib} MiB")
        if peak_open < a.min_open:
            failures.append(f"at most {peak_open} connections were open at once, fewer than {a.min_open}")
        if st.admin_errors:
            failures.append(f"{len(st.admin_errors)} admin API requests failed")
        if self.balancer.returncode not in (0, None):
            failures.append(f"balancierd exited with {self.balancer.returncode}")

        mib = lambda kib: f"{kib / 1024:.1f} MiB"
        out = []
        out.append("| Measure | Value |")
        out.append("|---|---|")
        out.append(f"| Traffic phase | {a.duration} s after a {ramp:.1f} s ramp; {a.idle} idle connections (ping every "
                   f"{a.ping_every[0]:g}-{a.ping_every[1]:g} s), {a.streams} pipelined streams ({a.stream_life[0]:g}-"
                   f"{a.stream_life[1]:g} s each), {a.shorts} short request/reply loops |")
        out.append(f"| Connections open at once (peak, from the daemon's descriptors) | {peak_open} |")
        out.append(f"| Connections made (greeted by a backend) | {st.connections} |")
        out.append(f"| Short requests / stream lifetimes / idle pings completed | {st.requests} / {st.streams_done} / {st.pings} |")
        out.append(f"| Bytes checked | {st.bytes_checked} ({st.bytes_checked / 1e9:.2f} GB) |")
        out.append(f"| Mismatches | {len(st.mismatches)} |")
        out.append(f"| Connections lost, explained by a fault | {sum(causes.values())}"
                   + (" (" + ", ".join(f"{v} {k}" for k, v in sorted(causes.items())) + ")" if causes else "") + " |")
        out.append(f"| Connections lost, unexplained | {len(unexplained)} |")
        out.append(f"| Failed connects to the balancer / hung at the end | {len(st.connect_failures)} / {hung} |")
        out.append("| Faults injected | " + ", ".join(f"{v} {k}" for k, v in sorted(st.faults.items())) + " |")
        cut = 0
        try:
            with open(os.path.join(a.work, "balancierd.log"), errors="replace") as f:
                for line in f:
                    m = re.search(r"drain timeout \S+ passed: (\d+) open connection", line)
                    cut += int(m.group(1)) if m else 0
        except OSError:
            pass
        out.append(f"| Connections the daemon cut at a drain deadline (its log) | {cut} |")
        times = sorted(st.admin_times) or [0]
        out.append(f"| Admin API requests: errors / median / slowest | {len(st.admin_errors)} / "
                   f"{times[len(times) // 2] * 1000:.0f} ms / {times[-1] * 1000:.0f} ms |")
        out.append(f"| RSS: before traffic / after the warm-up / end of load / after close | {mib(base['rss_kib'])} / "
                   f"{mib(ramped['rss_kib'])} / {mib(loaded['rss_kib'])} / {mib(end['rss_kib'])} |")
        out.append(f"| RSS growth under load (bound {a.rss_bound_mib} MiB) | {rss_growth:.1f} MiB |")
        out.append(f"| Descriptors: before traffic / peak / after close (leak) | {base['fds']} / {max_fds} / "
                   f"{end['fds']} ({fd_leak}) |")
        out.append(f"| Splice pipe descriptors the workers keep for reuse (bound {pool_bound}) | {pooled} |")
        out.append(f"| Threads: before / end | {base['threads']} / {end['threads']} |")
        print("\n".join(out))
        if st.mismatches:
            print("\nMismatches (first 10):")
            for m in st.mismatches[:10]:
                print(f"  {m}")
        log = self.daemon_log() if unexplained else ({}, [])
        if unexplained:
            # In the stage output, not only in files: CI keeps the output.
            groups = {}
            for loss in unexplained:
                key = (loss["backend"] or "(no greeting)", loss["kind"], loss["phase"].split(":")[0],
                       loss["error"].split("(")[0])
                groups[key] = groups.get(key, 0) + 1
            print(f"\nUnexplained losses ({len(unexplained)}), by backend, kind, phase and error:")
            for key, count in sorted(groups.items(), key=lambda kv: -kv[1])[:12]:
                print(f"  {count:5} {' / '.join(key)}")
            print("\nThe first 10, with the faults and the daemon's log lines around each "
                  "(all of them in run/losses.log):")
            for loss in unexplained[:10]:
                for line in self.describe(loss, log):
                    print(f"  {line}")
        for what, items in (("Failed connects", st.connect_failures), ("Admin API errors", st.admin_errors)):
            if items:
                print(f"\n{what} (first 10):")
                for item in items[:10]:
                    print(f"  {item}")
        with open(os.path.join(a.work, "losses.json"), "w") as f:
            # Everything the classification saw, on the soak's clock, to check it again afterwards.
            rel = lambda t: None if t is None else round(t - self.t0, 3)
            json.dump({"drain_timeout": a.drain_timeout, "wall0": self.wall0,
                       "load": [rel(self.load_start), rel(self.load_end)],
                       "kills": [[n, rel(k)] for n, k in self.kills],
                       "drains": [dict(d, start=rel(d["start"]), end=rel(d["end"])) for d in self.drains],
                       "faults": [[round(t, 3), text] for t, text in st.fault_log],
                       "losses": [dict(l, started=rel(l["started"]), greeted=rel(l["greeted"]), ok_at=rel(l["ok_at"]),
                                       lost=rel(l["lost"]), why=self.explain(l)) for l in st.losses]}, f)
        with open(os.path.join(a.work, "faults.log"), "w") as f:
            for t, text in st.fault_log:
                f.write(f"{t:8.1f} {text}\n")
        with open(os.path.join(a.work, "losses.log"), "w") as f:
            for loss in st.losses:
                ok = "-" if loss["ok_at"] is None else f"{loss['ok_at'] - self.t0:.1f}"
                f.write(f"{loss['lost'] - self.t0:8.1f} {loss['kind']:6} {loss['backend']} "
                        f"{self.explain(loss) or 'UNEXPLAINED'}: {loss['error']} [client {loss['client']}, "
                        f"connected {loss['started'] - self.t0:.1f}, good {ok}, {loss['phase']}]\n")
            if unexplained:
                f.write("\nThe unexplained ones, with the faults and the daemon's log lines around each:\n")
                for loss in unexplained[:500]:
                    f.write("\n".join(self.describe(loss, log)) + "\n")
        if failures:
            first = ""
            if unexplained:
                u = unexplained[0]
                first = (f" (the first at t={u['lost'] - self.t0:.1f}s: {u['kind']} on {u['backend'] or '(no greeting)'}"
                         f" while {u['phase']}: {u['error'][:80]})")
            print("\nRESULT: FAIL: " + "; ".join(failures) + first)
            return 1
        print("\nRESULT: PASS")
        return 0


def pair(text):
    low, _, high = text.partition("-")
    return float(low), float(high or low)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="mode", required=True)
    b = sub.add_parser("backend")
    b.add_argument("--listen", required=True)
    b.add_argument("--name", required=True)
    b.add_argument("--sabotage", choices=["corrupt", "close"])
    r = sub.add_parser("run")
    r.add_argument("--balancierd", required=True)
    r.add_argument("--work", required=True)
    r.add_argument("--backend-host", default="127.0.0.1")
    r.add_argument("--backend-exec", default="", help="prefix for backend commands, e.g. 'ip netns exec NS'")
    r.add_argument("--backend-ports", default="", help="comma-separated; default: free loopback ports")
    r.add_argument("--backends", type=int, default=6)
    r.add_argument("--duration", type=float, default=600)
    r.add_argument("--idle", type=int, default=7000)
    r.add_argument("--streams", type=int, default=100)
    r.add_argument("--shorts", type=int, default=40)
    r.add_argument("--workers", type=int, default=2)
    r.add_argument("--drain-timeout", type=float, default=6)
    r.add_argument("--ping-every", type=pair, default=(10, 40))
    r.add_argument("--stream-life", type=pair, default=(5, 40))
    r.add_argument("--stream-pause", type=float, default=0.05)
    r.add_argument("--short-pause", type=float, default=0.05)
    r.add_argument("--fault-every", type=pair, default=(1, 4))
    r.add_argument("--read-timeout", type=float, default=30)
    r.add_argument("--sample-every", type=float, default=2)
    r.add_argument("--rss-bound-mib", type=float, default=64)
    r.add_argument("--min-open", type=int, default=5000)
    r.add_argument("--seed", type=int, default=int(time.time()))
    r.add_argument("--sabotage", choices=["corrupt", "close"],
                   help="backend b1 flips a byte, or resets a connection, once in 200 reads: the run must fail")
    args = parser.parse_args()
    if args.mode == "backend":
        raise_fd_limit(1 << 16)
        asyncio.run(backend_main(args))
        return 0
    raise_fd_limit(args.idle + args.streams + args.shorts + 1024)
    args.backend_exec = args.backend_exec.split()
    if args.backend_ports:
        args.backend_ports = [int(p) for p in args.backend_ports.split(",")]
    else:
        args.backend_ports = free_ports(args.backends)
    if len(args.backend_ports) < args.backends:
        parser.error("fewer --backend-ports than --backends")
    args.front_port, args.admin_port = free_ports(2)
    args.password = base64.b64encode(os.urandom(12)).decode()
    hashed = subprocess.run([args.balancierd, "--hash-password"], input=args.password + "\n", text=True,
                            capture_output=True, check=False)
    if hashed.returncode != 0 or not hashed.stdout.strip():
        print(f"soak: balancierd --hash-password failed: {hashed.stderr.strip()}", file=sys.stderr)
        return 1
    args.password_hash = hashed.stdout.strip().splitlines()[-1]
    print(f"soak: seed {args.seed}, balancer 127.0.0.1:{args.front_port}, admin 127.0.0.1:{args.admin_port}, "
          f"backends {args.backend_host}:{','.join(map(str, args.backend_ports[:args.backends]))}", flush=True)
    soak = Soak(args)
    # SIGTERM (bench/soak.sh's cleanup, CI's timeout) unwinds, so that the backends and the daemon stop.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        return asyncio.run(soak.run())
    finally:
        soak.cleanup()


def raise_fd_limit(needed):
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < needed:
        resource.setrlimit(resource.RLIMIT_NOFILE, (needed if hard == resource.RLIM_INFINITY else min(needed, hard), hard))


def free_ports(count):
    socks = [socket.socket() for _ in range(count)]
    for s in socks:
        s.bind(("127.0.0.1", 0))
    ports = [s.getsockname()[1] for s in socks]
    for s in socks:
        s.close()
    return ports


if __name__ == "__main__":
    sys.exit(main())
