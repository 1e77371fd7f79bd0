#!/usr/bin/python3
"""The CTests test_man_pages_<program>: a program's manual page is complete, clean and
the same bytes each time it is made.

    check_man.py --program BIN --name NAME --style cli11|qt [--built NAME.1.gz | --page PAGE]
                 -- MAKE_MAN_ARGS...

Without --page it makes the page with make_man.py (beside this file; MAKE_MAN_ARGS are
its other arguments) and checks that it is the same bytes as the build's page (--built),
or as a second one made as NAME.1.gz, and that the .gz is as `gzip -9n` writes it. Then,
for the page (or the given PAGE, .1 or .1.gz):
- it walks the program's help on its own (CLI11: `BIN --help`, every command of each
  "Subcommands:" block, recursively) and checks that every command has its
  `.SS "NAME COMMAND..."` entry, and every option of the help is in the page's entry for it
  (a command's options in its entry, the program's in OPTIONS);
- NAME has a whatis line ("name \\- summary");
- `groff -man -Tutf8 -ww` and man(1) as lintian runs it print no warning.
Each problem is printed; the status is 1 if there was any.
"""

import argparse
import gzip
import os
import re
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_man  # noqa: E402  (for the fixed environment the programs' help runs in)

HERE = os.path.dirname(os.path.abspath(__file__))


def blocks(text):
    """{'Options': [first column of each entry], ...}: a plain reading of the help."""
    found, title = {}, None
    for line in text.split("\n"):
        if re.match(r"^\S[^:]*:\s*$", line):
            title = line.strip()[:-1]
            found.setdefault(title, [])
        elif not line.strip() or not line.startswith(" "):
            title = None
        elif title is not None and re.match(r"^ {1,4}\S", line):
            found[title].append(re.split(r"\s{2,}", line.strip())[0])
    return found


def option_names(first_columns):
    """'-h,--help' -> ['-h', '--help']; '--deidentify,--no-deidentify{false}' -> both."""
    names = []
    for column in first_columns:
        for token in re.findall(r"(?:^|[\s,])(--?[A-Za-z0-9][A-Za-z0-9_-]*)", column.split(" ")[0] + " "):
            names.append(token)
        if column.split(" ")[0].endswith(","):  # Qt: "-h, --help"
            names += re.findall(r"(?<=\s)--?[A-Za-z0-9][A-Za-z0-9_-]*", column)
    return names


def groff_name(name):
    return name.replace("-", "\\-")


def sections(page):
    """{'.SH OPTIONS': text, '.SS "vitask tsm list"': text, ...}"""
    found, key = {}, None
    for line in page.split("\n"):
        if line.startswith((".SH ", ".SS ")):
            key = line.strip()
            found[key] = ""
        elif key is not None:
            found[key] += line + "\n"
    return found


def check_content(page, program, name, style, env, problems):
    parts = sections(page)
    name_section = parts.get(".SH NAME", "").strip()
    if not re.fullmatch(re.escape(make_man.escape(name)) + r" \\- \S.*", name_section):
        problems.append(f"NAME is not a whatis line 'name \\- summary': {name_section!r}")

    top = make_man.run_help(program, [], env)
    top_blocks = blocks(top)
    global_options = []
    for title, columns in top_blocks.items():
        if title not in ("Subcommands", "Positionals", "Arguments"):
            global_options += option_names(columns)
    if not global_options:
        problems.append(f"{name} --help lists no options: is it the program's help?")
    for option in global_options:
        if groff_name(option) not in parts.get(".SH OPTIONS", ""):
            problems.append(f"{name}'s option {option} is not under OPTIONS")
    if style != "cli11":
        return 0

    count = 0

    def visit(path, help_blocks):
        nonlocal count
        for command in help_blocks.get("Subcommands", []):
            words = path + [re.split(r"[\s,]+", command)[0]]
            count += 1
            full = " ".join([name] + words)
            key = f'.SS "{make_man.escape(full)}"'
            if key not in parts:
                problems.append(f"`{full}` has no entry ({key}) in the page")
                entry = ""
            else:
                entry = parts[key]
            text = make_man.run_help(program, words, env)
            own = blocks(text)
            for title, columns in own.items():
                if title in ("Subcommands", "Positionals"):
                    continue
                for option in option_names(columns):
                    if option in global_options:
                        continue  # listed once, under OPTIONS
                    if key in parts and groff_name(option) not in entry:
                        problems.append(f"`{full}`'s option {option} is not in its entry")
            visit(words, own)

    visit([], top_blocks)
    if count == 0:
        problems.append(f"{name} --help lists no commands (a CLI11 program's page is checked)")
    return count


def check_groff(path, problems):
    text = path
    if path.endswith(".gz"):
        handle, text = tempfile.mkstemp(suffix=".1")
        with os.fdopen(handle, "wb") as out, gzip.open(path) as page:
            out.write(page.read())
    try:
        result = subprocess.run(["groff", "-man", "-Tutf8", "-ww", "-z", text],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        if result.returncode != 0 or result.stderr.strip():
            problems.append(f"groff -ww warns:\n{result.stderr.strip()}")
        # lintian's manpage-has-errors-from-man check runs man so.
        env = dict(os.environ, LC_ALL="C.UTF-8", MANROFFSEQ="", MANWIDTH="80")
        if os.path.exists("/usr/bin/man"):
            result = subprocess.run(["/usr/bin/man", "--warnings", "-E", "UTF-8", "-l", "-Tutf8", "-Z", path],
                                    env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            if result.returncode != 0 or result.stderr.strip():
                problems.append(f"man --warnings (as lintian runs it) warns:\n{result.stderr.strip()}")
    finally:
        if text != path:
            os.unlink(text)


def read_page(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as page:
        return page.read()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--program", required=True)
    parser.add_argument("--name", required=True)
    parser.add_argument("--style", choices=["cli11", "qt"], required=True)
    parser.add_argument("--page", help="check this page instead of making one")
    parser.add_argument("--built", help="the build's NAME.1.gz, to be the bytes of the page made now")
    parser.add_argument("make_man_args", nargs="*", help="make_man.py's other arguments")
    args = parser.parse_args()
    program = os.path.abspath(args.program)
    problems = []

    with tempfile.TemporaryDirectory(prefix="check_man.") as work:
        page_path = args.page
        if page_path is None:
            command = [sys.executable, os.path.join(HERE, "make_man.py"), "--program", program,
                       "--name", args.name, "--style", args.style, *args.make_man_args]
            plain, packed = os.path.join(work, args.name + ".1"), os.path.join(work, args.name + ".1.gz")
            # Against the build's page when there is one: it is current and the same bytes.
            outputs = [plain] if args.built else [plain, packed]
            for output in outputs:
                result = subprocess.run(command + ["--output", output], stderr=subprocess.PIPE, text=True)
                if result.returncode != 0:
                    print(f"make_man.py failed:\n{result.stderr}", file=sys.stderr)
                    return 1
            if args.built:
                packed = args.built
            if not os.path.exists(packed):
                problems.append(f"{packed} is missing: build the target vitask_man_pages")
                packed = plain
            else:
                with open(packed, "rb") as data:
                    header = data.read(10)
                if header[4:8] != b"\0\0\0\0" or header[8] != 2 or header[3] & 0x08:
                    problems.append(f"{packed} is not as gzip -9n writes it (time 0, no name, level 9)")
                if read_page(plain) != read_page(packed):
                    problems.append(f"{packed} differs from the page made now (not the same bytes each "
                                    "time, or not rebuilt since the program changed)")
            page_path = plain
        page = read_page(page_path).decode("ascii", errors="replace")
        env = make_man.help_environment(work)
        count = check_content(page, program, args.name, args.style, env, problems)
        check_groff(page_path, problems)

    for problem in problems:
        print(f"{args.name}(1): {problem}", file=sys.stderr)
    if problems:
        return 1
    what = f"{count} commands and their options" if args.style == "cli11" else "its options"
    print(f"{args.name}(1): {what} documented; groff and man print no warning")
    return 0


if __name__ == "__main__":
    sys.exit(main())
