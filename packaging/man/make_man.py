#!/usr/bin/python3
"""Writes a program's manual page (groff man(7), section 1) from the program's own --help.

    make_man.py --program BIN --name NAME --style cli11|qt --version X.Y.Z
                --changelog packaging/changelog [--include FRAGMENT]... [--see-also PAGE]...
                [--doc-dir DIR] --output NAME.1[.gz]

--style cli11 (vitask): `BIN --help` gives the description, the usage and the global
options; every command in its "Subcommands:" block is run as `BIN COMMAND --help`, and so
on recursively, and becomes an entry of COMMANDS with its description, usage, arguments
and options. Nothing about the commands is written here: a command added to the program
appears in its page at the next build.
--style qt (vitask-studio): QCommandLineParser's `BIN --help` (run offscreen; its
stderr, e.g. Qt's XDG_RUNTIME_DIR warning, is ignored) gives the usage, the description
and the options.

Each --include is a hand-written groff fragment (e.g. FILES, ENVIRONMENT) put in before
SEE ALSO. The date in .TH is the one of the changelog's first entry and the programs run
in a fixed environment (C.UTF-8, empty home and XDG folders), so the page is the same
bytes on every run; a .gz output is compressed at level 9 with no name or time in its
header (as `gzip -9n`). Python's standard library only.
"""

import argparse
import email.utils
import gzip
import os
import re
import subprocess
import sys
import tempfile

BLOCK_HEADING = re.compile(r"^(\S[^:]*):\s*$")
USAGE = re.compile(r"^Usage:\s*(.*)$")


class HelpError(RuntimeError):
    pass


# --- running the program ---------------------------------------------------------------

def help_environment(home):
    """A fixed environment: no user settings, locale or terminal can change the help."""
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("LC_", "XDG_", "VITASK_", "QT_", "LANG"))}
    env.update({
        "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", "HOME": home,
        "XDG_CONFIG_HOME": os.path.join(home, "config"),
        "XDG_DATA_HOME": os.path.join(home, "data"),
        "XDG_RUNTIME_DIR": home,
        "VITASK_CONFIG_DIR": os.path.join(home, "config"),
        "VITASK_DATA_DIR": os.path.join(home, "data"),
        "QT_QPA_PLATFORM": "offscreen",
        "COLUMNS": "80",
    })
    env.pop("LANGUAGE", None)
    return env


def run_help(program, words, env):
    command = [program, *words, "--help"]
    try:
        result = subprocess.run(command, env=env, cwd=env["HOME"], stdin=subprocess.DEVNULL,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise HelpError(f"{' '.join(command)}: {error}") from error
    text = result.stdout.decode("utf-8", errors="replace")
    if result.returncode != 0 or "Usage:" not in text:
        # Its stderr (Qt's warnings, e.g. about XDG_RUNTIME_DIR) only matters when it fails.
        errors = result.stderr.decode("utf-8", errors="replace")
        raise HelpError(f"{' '.join(command)} exited with {result.returncode} and printed no usage:\n"
                        f"{text}{errors}")
    return text.expandtabs()


# --- parsing help text -----------------------------------------------------------------

def parse_entries(lines):
    """The entries of one block: '  NAME   DESCRIPTION', a description on the next lines
    when NAME is too wide, wrapped descriptions continued on deeper-indented lines."""
    # The description column is where most descriptions start (CLI11: 30, Qt: the widest
    # option + 2); a name as wide as the column leaves only one space before it.
    starts = {}
    for line in lines:
        match = re.match(r"^( {1,4}\S(?:\S| (?! ))*)( {2,})\S", line)
        if match:
            column = len(match.group(1)) + len(match.group(2))
            starts[column] = starts.get(column, 0) + 1
    column = max(starts, key=lambda c: (starts[c], -c)) if starts else None

    entries = []
    for number, line in enumerate(lines):
        indent = len(line) - len(line.lstrip(" "))
        if indent <= 4 and (column is None or indent < column):
            gap = re.search(r"\S( {2,})\S", line)
            following = lines[number + 1] if number + 1 < len(lines) else ""
            continued = len(following) - len(following.lstrip(" ")) > 4
            if gap:
                name, description = line[:gap.start(1)].strip(), line[gap.end(1):].strip()
            elif not continued and column and len(line) > column and line[column - 1] == " ":
                name, description = line[:column].strip(), line[column:].strip()
            else:  # a name as wide as the column: its description is on the next lines
                name, description = line.strip(), ""
            entries.append({"name": name, "description": description})
        elif entries:
            more = line.strip()
            previous = entries[-1]["description"]
            entries[-1]["description"] = f"{previous} {more}".strip()
        else:
            raise HelpError(f"a continuation line before any entry: {line!r}")
    return entries


def parse_help(text):
    """Splits a help text into description, usage, blocks ("Options:" -> entries) and the
    text after the blocks, for both CLI11's and QCommandLineParser's layout."""
    lines = text.rstrip("\n").split("\n")
    before, usage, blocks, after = [], None, [], []
    index = 0
    while index < len(lines):
        line = lines[index]
        match = USAGE.match(line)
        heading = BLOCK_HEADING.match(line)
        if match and usage is None:
            usage = match.group(1).strip()
        elif heading and index + 1 < len(lines) and lines[index + 1].startswith(" "):
            block = []
            index += 1
            while index < len(lines) and lines[index].strip():
                if not lines[index].startswith(" "):
                    break
                block.append(lines[index])
                index += 1
            blocks.append((heading.group(1), parse_entries(block)))
            continue
        elif usage is None:
            before.append(line)
        elif blocks:
            after.append(line)
        else:
            before.append(line)  # Qt: the description comes after the usage line
        index += 1
    if usage is None:
        raise HelpError("no 'Usage:' line in:\n" + text)
    paragraphs = split_paragraphs(before)
    return {"usage": usage, "description": paragraphs, "blocks": blocks,
            "footer": split_paragraphs(after)}


def split_paragraphs(lines):
    paragraphs, current = [], []
    for line in lines:
        if line.strip():
            current.append(line.strip())
        elif current:
            paragraphs.append(current)
            current = []
    if current:
        paragraphs.append(current)
    return paragraphs


def block_kind(title):
    lowered = title.lower()
    if lowered in ("subcommands", "commands"):
        return "commands"
    if lowered in ("positionals", "arguments"):
        return "arguments"
    return "options"


# --- groff -----------------------------------------------------------------------------

def escape(text):
    """Text for a groff line: backslashes, non-ASCII characters, option dashes."""
    out = []
    for char in text:
        if char == "\\":
            out.append("\\e")
        elif ord(char) > 126 or (ord(char) < 32 and char != "\n"):
            out.append(f"\\[u{ord(char):04X}]")
        else:
            out.append(char)
    text = "".join(out)
    # -x and --xyz-abc as words of their own are options: minus signs, not hyphens, and
    # never hyphenated (\%).
    return re.sub(r"(?<![^\s(\[{,/\"'])--?[A-Za-z0-9][A-Za-z0-9_-]*",
                  lambda m: "\\%" + m.group(0).replace("-", "\\-"), text)


def prose(text):
    """Escaped text with `command` spans set in bold."""
    parts = re.split(r"`([^`]+)`", text)
    return "".join(f"\\fB{escape(part)}\\fR" if odd else escape(part)
                   for odd, part in ((i % 2 == 1, p) for i, p in enumerate(parts)))


def guard(line):
    """A text line that does not start with a request or a control character."""
    return "\\&" + line if line.startswith((".", "'")) else line


def quoted(text):
    """A macro argument."""
    return '"' + escape(text).replace('"', "\\(dq") + '"'


def is_option(token):
    return re.match(r"^--?[A-Za-z0-9]", token) is not None


def option_tag(name, positional=False):
    """'-h,--help', '--model TEXT:DIR REQUIRED', '--open <path>' -> a bold/italic tag."""
    words = name.split(" ")
    names = words[0]
    names = re.sub(r"\{[^}]*\}$", "", names)  # CLI11's flag default, e.g. {false}
    parts = [p for p in re.split(r",\s*", names) if p]
    if len(words) > 1 and words[0].endswith(","):  # Qt: "-h, --help"
        index = 1
        while index < len(words) and is_option(words[index]):
            parts.append(words[index].rstrip(","))
            index += 1
        words = [words[0]] + words[index:]
    font = "\\fI" if positional else "\\fB"
    tag = ", ".join(f"{font}{escape(p)}\\fR" for p in parts)
    # The rest: the type, default and checks in italics (TEXT:DIR, INT=0, TEXT=Describe the
    # image.), then REQUIRED, "...", "Excludes: --other" as they are.
    plain, italic = False, []
    for word in words[1:] + [None]:
        if word is not None and not plain and not is_option(word) \
                and word not in ("...", "REQUIRED") and not word.endswith(":"):
            italic.append(word[1:-1] if re.fullmatch(r"<[^>]+>", word) else word)
            continue
        if italic:
            tag += f" \\fI{escape(' '.join(italic))}\\fR"
            italic = []
        if word is None:
            break
        plain = not is_option(word)
        tag += f" \\fB{escape(word)}\\fR" if is_option(word) else f" {escape(word)}"
    return tag


def usage_line(usage, words):
    """The usage with the program as run (CLI11: the command path, Qt: argv[0]) replaced
    by WORDS, the page's name and the command's words."""
    tokens = usage.split()
    rest = tokens[len(words):] if tokens[1:len(words)] == words[1:] else tokens[1:]
    out = f"\\fB{escape(' '.join(words))}\\fR"
    for token in rest:
        match = re.fullmatch(r"(\[?)([^\[\]]+?)(\.\.\.)?(\]?)", token)
        if match:
            opening, word, dots, closing = match.groups()
            out += f" {opening}\\fI{escape(word)}\\fR{dots or ''}{closing}"
        else:
            out += f" {escape(token)}"
    return out


def entry_list(entries, positional=False):
    lines = []
    for entry in entries:
        lines.append(".TP")
        lines.append(option_tag(entry["name"], positional))
        if entry["description"]:
            lines.append(guard(prose(entry["description"])))
    return lines


def paragraph_lines(paragraphs):
    lines = []
    for paragraph in paragraphs:
        lines.append(".PP")
        lines.extend(guard(prose(line)) for line in paragraph)
    return lines


def whatis(name, description):
    """NAME's line: 'name \\- summary', the summary from the description's first sentence."""
    first = description[0][0] if description else name
    summary = re.sub(r"^[^:]{1,40}:\s+", "", first).rstrip(".")
    return f"{escape(name)} \\- {escape(summary)}"


# --- the page --------------------------------------------------------------------------

def command_word(entry):
    """A "Subcommands:" entry's command (CLI11 may list aliases: "list, ls")."""
    return re.split(r"[\s,]+", entry["name"])[0]


def crawl_cli11(program, env):
    """The top-level help and every command's, depth first, in help order."""
    top = parse_help(run_help(program, [], env))
    commands = []

    def visit(path, help_):
        for title, entries in help_["blocks"]:
            if block_kind(title) != "commands":
                continue
            for entry in entries:
                words = path + [command_word(entry)]
                child = parse_help(run_help(program, words, env))
                child["words"] = words
                child["summary"] = entry["description"]
                commands.append(child)
                visit(words, child)

    visit([], top)
    return top, commands


def render_cli11(program, name, env):
    top, commands = crawl_cli11(program, env)
    lines = [".SH NAME", whatis(name, top["description"]), ".SH SYNOPSIS"]
    synopsis = [usage_line(top["usage"], [name])]
    for command in commands:
        if not any(block_kind(t) == "commands" for t, _ in command["blocks"]):
            synopsis.append(usage_line(command["usage"], [name] + command["words"]))
    for index, line in enumerate(synopsis):
        lines.append(line)
        if index + 1 < len(synopsis):
            lines.append(".br")
    lines.append(".SH DESCRIPTION")
    lines += paragraph_lines(top["description"])[1:]
    if commands:
        lines += [".PP",
                  f"\\fB{escape(name)}\\fR does its work through the commands listed under",
                  ".B COMMANDS",
                  "below, each with its own options;",
                  f"\\fB{escape(name)}\\fR \\fIcommand\\fR \\fB\\-\\-help\\fR prints them too."]
    lines += paragraph_lines(top["footer"])

    global_options = set()
    lines.append(".SH OPTIONS")
    for title, entries in top["blocks"]:
        if block_kind(title) == "options":
            if title != "Options":
                lines += [".PP", f"\\fI{escape(title)}:\\fR"]
            lines += entry_list(entries)
            global_options.update((e["name"], e["description"]) for e in entries)
    if any(block_kind(t) == "arguments" for t, _ in top["blocks"]):
        lines.append(".SH ARGUMENTS")
        for title, entries in top["blocks"]:
            if block_kind(title) == "arguments":
                lines += entry_list(entries, positional=True)

    if commands:
        lines.append(".SH COMMANDS")
        shared = [e for e in sorted(global_options) if any(
            e in ((c["name"], c["description"]) for _, entries in command["blocks"] for c in entries)
            for command in commands)]
        if shared:
            tags = ", ".join(option_tag(e[0]) for e in shared)
            lines += [".PP", f"The options that commands share with \\fB{escape(name)}\\fR itself ({tags})",
                      "are listed under", ".B OPTIONS", "only."]
    for command in commands:
        full = " ".join([name] + command["words"])
        lines.append(f".SS {quoted(full)}")
        description = command["description"] or [[command["summary"]]]
        lines += paragraph_lines(description)[1:]
        lines += [".PP", usage_line(command["usage"], [name] + command["words"])]
        for title, entries in command["blocks"]:
            kind = block_kind(title)
            if kind == "commands":
                names = [f"\\fB{escape(full + ' ' + command_word(e))}\\fR" for e in entries]
                lines += [".PP", "Its commands, below: " + ", ".join(names) + "."]
                continue
            shown = [e for e in entries if (e["name"], e["description"]) not in global_options]
            if not shown:
                continue
            label = "Arguments" if kind == "arguments" else title
            lines += [".PP", f"\\fI{escape(label)}:\\fR"]
            lines += entry_list(shown, positional=kind == "arguments")
        lines += paragraph_lines(command["footer"])
    return lines


def render_qt(program, name, env):
    help_ = parse_help(run_help(program, [], env))
    lines = [".SH NAME", whatis(name, help_["description"]), ".SH SYNOPSIS",
             usage_line(help_["usage"], [name]), ".SH DESCRIPTION"]
    lines += paragraph_lines(help_["description"])[1:]
    lines += paragraph_lines(help_["footer"])
    for title, entries in help_["blocks"]:
        kind = block_kind(title)
        lines.append(".SH " + ("ARGUMENTS" if kind == "arguments" else escape(title.upper())))
        lines += entry_list(entries, positional=kind == "arguments")
    return lines


def changelog_date(path):
    """The date of the changelog's first entry (its ' -- Maintainer  DATE' line)."""
    with open(path, encoding="utf-8") as changelog:
        for line in changelog:
            if line.startswith(" -- "):
                date = line.rsplit("  ", 1)[-1].strip()
                return email.utils.parsedate_to_datetime(date).strftime("%Y-%m-%d")
    raise HelpError(f"{path}: no ' -- maintainer  date' line")


def make_page(args):
    with tempfile.TemporaryDirectory(prefix="make_man.") as home:
        os.chmod(home, 0o700)
        env = help_environment(home)
        render = render_cli11 if args.style == "cli11" else render_qt
        body = render(args.program, args.name, env)

    date = changelog_date(args.changelog)
    lines = [
        f'.\\" Generated by packaging/man/make_man.py from the output of "{args.name} --help";',
        '.\\" edit the program\'s help, not this file.',
        f".TH {quoted(args.name.upper())} 1 {quoted(date)} {quoted('VITask Studio ' + args.version)}"
        f" {quoted('User Commands')}",
    ]
    lines += body
    for fragment in args.include:
        with open(fragment, encoding="utf-8") as text:
            lines += [line for line in text.read().split("\n")
                      if line and not line.startswith('.\\"')]
    if args.see_also or args.doc_dir:
        lines.append(".SH SEE ALSO")
        references = []
        for page in args.see_also:
            match = re.fullmatch(r"(.+)\((\w+)\)", page)
            if not match:
                raise HelpError(f"--see-also {page}: not NAME(SECTION)")
            page_name = escape(match.group(1)).replace("-", "\\-")
            references.append(f".BR {page_name} ({match.group(2)})")
        for index, reference in enumerate(references):
            lines.append(reference + ("," if index + 1 < len(references) else ""))
        if args.doc_dir:
            doc_dir = escape(args.doc_dir).replace("-", "\\-")
            lines += [".PP", f"The package's copyright and changelog are in \\fI\\%{doc_dir}\\fR;",
                      "the user guide and the reference of the commands and file formats",
                      "are the \\fIdocs\\fR folder of VITask Studio's sources."]
    return "\n".join(lines) + "\n"


def write(path, data):
    """Atomically: a failed run leaves no page (and make runs it again)."""
    directory = os.path.dirname(os.path.abspath(path))
    os.makedirs(directory, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=directory, prefix=".make_man.")
    try:
        with os.fdopen(handle, "wb") as out:
            if path.endswith(".gz"):
                # gzip -9n: maximum compression, no file name, time 0.
                with gzip.GzipFile(filename="", mode="wb", fileobj=out, compresslevel=9, mtime=0) as z:
                    z.write(data)
            else:
                out.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--program", required=True, help="the built program to run")
    parser.add_argument("--name", required=True, help="its installed name (the page's name)")
    parser.add_argument("--style", choices=["cli11", "qt"], required=True)
    parser.add_argument("--version", required=True, help="the project's version")
    parser.add_argument("--changelog", required=True, help="Debian changelog: its first entry dates the page")
    parser.add_argument("--include", action="append", default=[], help="groff fragment put in before SEE ALSO")
    parser.add_argument("--see-also", action="append", default=[], help="NAME(SECTION)")
    parser.add_argument("--doc-dir", help="the package's /usr/share/doc folder")
    parser.add_argument("--output", required=True, help="NAME.1, or NAME.1.gz to compress it")
    args = parser.parse_args()
    args.program = os.path.abspath(args.program)  # it runs in an empty temporary folder
    try:
        page = make_page(args)
    except HelpError as error:
        print(f"make_man.py: {error}", file=sys.stderr)
        return 1
    write(args.output, page.encode("ascii"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
