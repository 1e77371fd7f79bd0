"""Fills the unfinished entries of a Qt Linguist .ts file from a dictionary.

Used by fill_zh_CN.py and fill_de.py, which hold the translations. A message is found by
its source text, or by (context, source) where one source needs different translations in
different contexts; a numerus message (%n) takes a list of forms (German: singular, plural;
Chinese: one). Only messages marked type="unfinished" are filled (--force: every message
the dictionary knows, to apply a corrected translation); messages the dictionary does not
know are left alone and reported. A source key applies in every context: when a new
context needs another meaning ("Key: %1" is a keyboard key in one and a configuration key
in another), add a (context, source) key and run with --force. The file is edited as text, message by message, so
lupdate's layout stays; run the update_translations target afterwards so that lupdate
normalises it (and again before, so that new strings are in the file).

--drop-vanished removes the entries lupdate keeps after their source is gone (type
"vanished" or "obsolete", as lupdate -no-obsolete would), and contexts left empty.

Checks: the placeholders (%1..%99, %L1, %n, %v, %m, %p), HTML tags and the count of '\\t' and
'\\n' of a translation must match its source, and a source with an & mnemonic needs one in
its translation: a mismatch is an error and the message is not filled.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
from collections import Counter
from pathlib import Path

MESSAGE = re.compile(r"(?P<indent>[ \t]*)<message(?P<attrs>[^>]*)>(?P<body>.*?)</message>", re.S)
CONTEXT = re.compile(r"<context>(?P<body>.*?)</context>", re.S)
NAME = re.compile(r"<name>(.*?)</name>", re.S)
SOURCE = re.compile(r"<source>(.*?)</source>", re.S)
TRANSLATION = re.compile(r"<translation(?P<attrs>[^>]*?)(?:/>|>(?P<body>.*?)</translation>)", re.S)
PLACEHOLDER = re.compile(r"%(?:L?\d{1,2}|n|v|m|p)")
TAG = re.compile(r"</?[a-zA-Z][^>]*>")


def unescape(text: str) -> str:
    return html.unescape(text)


def escape(text: str) -> str:
    # As lupdate writes it: & < > and both quotes as entities.
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("'", "&apos;").replace('"', "&quot;"))


def has_mnemonic(text: str) -> bool:
    return re.search(r"&(?!&)\S", text.replace("&&", "")) is not None


def problems(source: str, translation: str) -> list[str]:
    found = []
    if Counter(PLACEHOLDER.findall(source)) != Counter(PLACEHOLDER.findall(translation)):
        found.append("placeholders %s vs %s" % (sorted(PLACEHOLDER.findall(source)),
                                                  sorted(PLACEHOLDER.findall(translation))))
    if sorted(t.lower() for t in TAG.findall(source)) != sorted(t.lower() for t in TAG.findall(translation)):
        found.append("HTML tags differ")
    for ch, name in (("\t", "tab"), ("\n", "line break")):
        if source.count(ch) != translation.count(ch):
            found.append("%s count differs" % name)
    if has_mnemonic(source) and not has_mnemonic(translation):
        found.append("the & mnemonic is missing")
    return found


USED: set = set()


def lookup(table: dict, context: str, source: str):
    if (context, source) in table:
        USED.add((context, source))
        return table[(context, source)]
    if source in table:
        USED.add(source)
    return table.get(source)


VANISHED = re.compile(r"\n[ \t]*<message[^>]*>(?:(?!</message>).)*?<translation[^>]*type=\"(?:vanished|obsolete)\".*?</message>", re.S)
EMPTY_CONTEXT = re.compile(r"<context>\s*<name>[^<]*</name>\s*</context>\n?", re.S)


def drop_vanished(text: str) -> tuple[str, int]:
    text, dropped = VANISHED.subn("", text)
    return EMPTY_CONTEXT.sub("", text), dropped


def fill(ts_path: Path, table: dict, numerus_forms: int, force: bool = False, drop: bool = False,
         verbose: bool = False) -> int:
    text = ts_path.read_text(encoding="utf-8")
    dropped = 0
    if drop:
        text, dropped = drop_vanished(text)
    filled = errors = 0
    unfinished: list[tuple[str, str]] = []
    total = finished = 0

    def do_context(cm: re.Match) -> str:
        nonlocal filled, errors, total, finished
        body = cm.group("body")
        context = unescape(NAME.search(body).group(1))

        def do_message(mm: re.Match) -> str:
            nonlocal filled, errors, total, finished
            whole, attrs, mbody, indent = mm.group(0), mm.group("attrs"), mm.group("body"), mm.group("indent")
            tm = TRANSLATION.search(mbody)
            tattrs = tm.group("attrs") if tm else ""
            if 'type="vanished"' in tattrs or 'type="obsolete"' in tattrs:
                return whole
            total += 1
            source = unescape(SOURCE.search(mbody).group(1))
            numerus = 'numerus="yes"' in attrs
            is_unfinished = 'type="unfinished"' in tattrs
            value = lookup(table, context, source)
            if value is None or (not is_unfinished and not force):
                if is_unfinished:
                    unfinished.append((context, source))
                else:
                    finished += 1
                return whole
            forms = list(value) if isinstance(value, (list, tuple)) else [value]
            bad = []
            if numerus and len(forms) != numerus_forms:
                bad.append("needs %d numerus form(s), has %d" % (numerus_forms, len(forms)))
            if not numerus and len(forms) != 1:
                bad.append("is not a numerus message")
            for form in forms:
                bad += problems(source, form)
            if bad:
                errors += 1
                print("error: %s: %r: %s" % (context, source, "; ".join(bad)), file=sys.stderr)
                if is_unfinished:
                    unfinished.append((context, source))
                else:
                    finished += 1
                return whole
            if numerus:
                inner = "".join("\n%s        <numerusform>%s</numerusform>" % (indent, escape(f)) for f in forms)
                new_translation = "<translation>%s\n%s    </translation>" % (inner, indent)
            else:
                new_translation = "<translation>%s</translation>" % escape(forms[0])
            new_body = mbody[:tm.start()] + new_translation + mbody[tm.end():]
            finished += 1
            if new_body != mbody:
                filled += 1
            return whole.replace(mbody, new_body, 1)

        return cm.group(0).replace(body, MESSAGE.sub(do_message, body), 1)

    new_text = CONTEXT.sub(do_context, text)
    if new_text != ts_path.read_text(encoding="utf-8"):
        ts_path.write_text(new_text, encoding="utf-8")
    if dropped:
        print("%s: dropped %d vanished entries" % (ts_path.name, dropped))
    unused = [k for k in table if k not in USED]
    if unused and verbose:
        print("dictionary entries no message uses (their source changed or went):")
        for key in unused:
            print("  %r" % (key,))

    print("%s: %d messages, %d filled now, %d translated, %d unfinished%s; %d dictionary entries unused%s"
          % (ts_path.name, total, filled, finished, len(unfinished),
             ", %d errors" % errors if errors else "", len(unused), "" if verbose else " (--verbose lists them)"))
    if unfinished:
        print("unfinished (add them to the dictionary):")
        by_context = Counter(c for c, _ in unfinished)
        for context, source in unfinished:
            print("  [%s] %r" % (context, source))
        print("by context: " + ", ".join("%s %d" % kv for kv in sorted(by_context.items())))
    return 1 if errors else 0


def main(default_ts: str, table: dict, numerus_forms: int) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("ts", nargs="?", default=str(Path(__file__).resolve().parents[2] / "translations" / default_ts),
                        help="the .ts file (default: translations/%s)" % default_ts)
    parser.add_argument("--force", action="store_true",
                        help="also overwrite finished translations with the dictionary's")
    parser.add_argument("--drop-vanished", action="store_true",
                        help="remove the entries whose source is gone (as lupdate -no-obsolete)")
    parser.add_argument("--verbose", action="store_true",
                        help="also list the dictionary entries no message uses")
    parser.add_argument("--check", action="store_true",
                        help="exit with status 2 when messages remain unfinished")
    args = parser.parse_args()
    status = fill(Path(args.ts), table, numerus_forms, args.force, args.drop_vanished, args.verbose)
    if status == 0 and args.check:
        remaining = Path(args.ts).read_text(encoding="utf-8").count('type="unfinished"')
        if remaining:
            return 2
    return status
