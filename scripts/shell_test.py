#!/usr/bin/python3
"""Drive the kernel shell of an image through QEMU's serial console.

Starts QEMU from the image's qemu.cmd (one argument per line) under a pseudo
terminal with pexpect, types commands the way a person would (a typo fixed
with Backspace, a word fixed with the Left arrow, a line cleared with Ctrl-U,
one dropped with Ctrl-C, lines recalled with the Up arrow, Tab completion)
and checks what the shell answers. Every wait has a time limit, and so has
the whole run; the last line is a summary. Exit status 0 when every check
passed.

Needs python3-pexpect (Debian); run it with /usr/bin/python3.
"""
import argparse
import re
import sys
import time

try:
    import pexpect
except ImportError:
    print("shell_test: python3-pexpect is missing (apt-get install python3-pexpect)")
    sys.exit(2)

PROMPT = "breeze:~$ "
BACKSPACE = "\x7f"
LEFT = "\x1b[D"
UP = "\x1b[A"
CTRL_C = "\x03"
CTRL_U = "\x15"


class Shell:
    """The shell under test: type a line, get the output up to the next prompt."""

    def __init__(self, cmd, deadline, step_timeout):
        self.deadline = deadline
        self.step_timeout = step_timeout
        self.proc = pexpect.spawn(cmd[0], cmd[1:], encoding="utf-8", codec_errors="replace",
                                  timeout=step_timeout)
        self.proc.logfile_read = sys.stdout
        self.proc.delaybeforesend = None  # pexpect waits 50 ms before each write by default

    def _timeout(self):
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise pexpect.TIMEOUT("the run's time limit is spent")
        return min(self.step_timeout, left)

    def wait_prompt(self):
        """Everything printed up to the next prompt (echo included), without CRs.

        The shell ends lines with CR LF, and the pseudo terminal may add a CR
        of its own: both are dropped, lines end with LF.
        """
        self.proc.expect_exact(PROMPT, timeout=self._timeout())
        return self.proc.before.replace("\r", "")

    def type(self, keys):
        """Send @keys one at a time, as a terminal would, and return the output to the prompt."""
        for k in split_keys(keys):
            self.proc.send(k)
        return self.wait_prompt()

    def close(self):
        self.proc.terminate(force=True)


def split_keys(keys):
    """Keys of @keys, an escape sequence being one key."""
    out = []
    i = 0
    while i < len(keys):
        if keys.startswith("\x1b[", i):
            out.append(keys[i:i + 3])
            i += 3
        else:
            out.append(keys[i])
            i += 1
    return out


def output_of(text):
    """The command's own output: what follows the echoed line."""
    return text.split("\n", 1)[1] if "\n" in text else ""


def number(pattern, text):
    m = re.search(pattern, text)
    return int(m.group(1)) if m else None


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("qemu_cmd", help="path of the image's qemu.cmd")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds for the whole run")
    ap.add_argument("--step-timeout", type=float, default=15.0,
                    help="seconds for one answer of the shell")
    args = ap.parse_args()

    with open(args.qemu_cmd) as f:
        cmd = [line.rstrip("\n") for line in f if line.strip()]
    deadline = time.monotonic() + args.timeout
    results = []

    def check(name, ok, detail=""):
        results.append((name, bool(ok)))
        status = "ok" if ok else "FAILED"
        print(f"\nshell_test: {status}: {name}" + (f" ({detail})" if detail and not ok else ""))

    sh = Shell(cmd, deadline, args.step_timeout)
    try:
        sh.wait_prompt()

        out = output_of(sh.type("help\r"))
        check("help lists the commands",
              all(re.search(rf"^  {c} +:", out, re.M) for c in ("device", "kernel", "mem")), out)

        # A typo, fixed with Backspace before Enter.
        out = output_of(sh.type("kernel threadz" + BACKSPACE + "s\r"))
        names = ("idle", "shell_uart", "counter", "worker", "sysworkq")
        check("kernel threads names every thread", all(n in out for n in names), out)
        check("kernel threads: the counter is a user thread in its own domain",
              re.search(r"counter +5 +\S+ +- +user +0x[0-9a-f]+ +\d+/\d+", out), out)
        check("kernel threads: the shell is current and a supervisor thread",
              re.search(r"^\*shell_uart +14 +\S+ +0 +sup ", out, re.M), out)

        # A missing letter, put in with the Left arrow.
        out = output_of(sh.type("kernel uptme" + LEFT * 2 + "i\r"))
        t1 = number(r"Uptime: (\d+) ms", out)
        check("kernel uptime (edited with Left)", t1 is not None, out)

        sh.type("demo sleep 50\r")
        t2 = number(r"Uptime: (\d+) ms", output_of(sh.type("kernel uptime\r")))
        check("uptime grows by the 50 ms slept", t1 is not None and t2 is not None
              and t2 >= t1 + 50, f"{t1} then {t2}")

        # History: Up twice recalls "demo sleep 50", then twice more "kernel uptime".
        echo = sh.type(UP + UP + "\r")
        check("Up arrow recalls the line before last", "demo sleep 50" in echo, echo)
        out = output_of(sh.type(UP + UP + "\r"))
        t3 = number(r"Uptime: (\d+) ms", out)
        check("recalled kernel uptime runs and time went on",
              t3 is not None and t2 is not None and t3 >= t2 + 50, f"{t2} then {t3}")

        out = output_of(sh.type("garbage" + CTRL_U + "kernel cycles\r"))
        c1 = number(r"cycles: (\d+) hw cycles", out)
        check("Ctrl-U clears the line", c1 is not None, out)
        sh.type("junk" + CTRL_C)
        c2 = number(r"cycles: (\d+) hw cycles", output_of(sh.type("kernel cycles\r")))
        check("Ctrl-C drops the line; cycles grow", c1 is not None and c2 is not None
              and c2 != c1, f"{c1} then {c2}")

        out = output_of(sh.type("ker\tthr\t\r"))
        check("Tab completes kernel threads", "Threads (* current):" in out, out)
        out = sh.type("kernel \t")  # several candidates: listed, then the prompt and line again
        check("Tab lists the subcommands", "cycles  stacks  threads  uptime" in out, out)
        out = sh.type("up\t\r")
        check("the line typed on after the list runs", "Uptime:" in out, out)

        out = output_of(sh.type("kernel stacks\r"))
        check("kernel stacks: the user thread's two stacks",
              re.search(r"counter +\d+ +\d+ +\d+ +\d+%\n +\(privileged\) +\d+ +\d+ +\d+", out),
              out)

        out = output_of(sh.type("device list\r"))
        check("device list shows the console UART", re.search(r"^- \S+ \(uart, READY\)", out, re.M),
              out)

        out = output_of(sh.type("mem domains\r"))
        check("mem domains: the default domain and the counter's partition",
              "(default)" in out and re.search(r"1 thread\(s\), 1 partition\(s\)\n +0: "
                                               r"0x[0-9a-f]+-0x[0-9a-f]+ +\d+ bytes user rw-", out),
              out)

        sh.type("demo tick\r")
        out = output_of(sh.type("demo counts\r"))
        check("the user thread counted a tick", "counter: 1" in out, out)

        out = output_of(sh.type("frobnicate\r"))
        check("an unknown command is an error", "frobnicate: command not found" in out, out)
        out = output_of(sh.type("kernel frob\r"))
        check("an unknown subcommand is an error", "kernel: unknown subcommand: frob" in out, out)
        out = output_of(sh.type("demo sleep\r"))
        check("a missing argument is an error", "wrong number of arguments" in out, out)
        out = output_of(sh.type("demo sleep soon\r"))
        check("a bad argument is an error, the handler's failure too",
              "not a number" in out and "sleep: failed (-22)" in out, out)
        out = output_of(sh.type("demo echo \"unterminated\r"))
        check("an open quote is an error", "unterminated quote" in out, out)
    except (pexpect.TIMEOUT, pexpect.EOF) as e:
        check("the shell answers in time", False, type(e).__name__)
    finally:
        sh.close()

    passed = sum(1 for _, ok in results if ok)
    failed = [name for name, ok in results if not ok]
    print(f"\nshell_test: {passed}/{len(results)} checks passed"
          + ("" if not failed else "; failed: " + "; ".join(failed)))
    return 0 if not failed and results else 1


if __name__ == "__main__":
    sys.exit(main())
