#!/usr/bin/python3
"""Validates every DICOM file of the shipped demo with dciodvfy (dicom3tools) against its
IOD in PS3.3, and fails on any Error line, naming the file and the message.

  check_demo_dicom.py SOURCE_DIR   (the files under SOURCE_DIR/resources/demo)

Each study folder must also be recognized as the IOD the demo promises (resources/demo/
README.md): a file that fell back to another IOD (e.g. Secondary Capture) fails. Warnings
are printed, not failed on.

One exception, and only for the Ophthalmic Tomography Image IOD: its module (PS3.3
C.8.17.7) makes Concatenation Frame Offset Number, In-concatenation Number and
In-concatenation Total Number Type 1 with the values 0, 1 and 1 (an OPT image is never
split into a concatenation), overriding the Multi-frame Functional Groups module, which
otherwise allows them only with a Concatenation UID and a total above one (C.7.6.16). This
dciodvfy checks the OPT module (and reports those three as missing when absent) but also
the general rule without the override, so a conforming file gets exactly the three
messages below, and no arrangement of these attributes passes both checks. Those three
exact messages are accepted for that IOD; any other Error fails.
"""
import os
import shutil
import subprocess
import sys

# The IOD dciodvfy must recognize in each study folder.
EXPECTED_IOD = {
    "chest_xray": "DXImageForPresentation",
    "dermoscopy": "VLPhotographicImage",
    "retinal_oct": "OphthalmicTomographyImage",
    "histology": "VLMicroscopicImage",
    "ct_phantom": "CTImage",
}
ACCEPTED = {
    "OphthalmicTomographyImage": {
        "Error - Attribute present when condition unsatisfied (which may not be present otherwise) Type 1C "
        "Conditional Element=<ConcatenationFrameOffsetNumber> Module=<MultiFrameFunctionalGroupsCommon>",
        "Error - Attribute present when condition unsatisfied (which may not be present otherwise) Type 1C "
        "Conditional Element=<InConcatenationNumber> Module=<MultiFrameFunctionalGroupsCommon>",
        "Error - Cannot be less than or equal to one since then not a Concatenation - attribute "
        "<InConcatenationTotalNumber>",
    },
}


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    demo = os.path.join(sys.argv[1], "resources", "demo")
    dciodvfy = shutil.which("dciodvfy")
    if dciodvfy is None:
        sys.exit("dciodvfy not found: install dicom3tools (scripts/install-deps.sh installs it)")
    files = sorted(os.path.join(top, name) for top, _, names in os.walk(demo) for name in names
                   if name.endswith(".dcm"))
    folders = {os.path.basename(os.path.dirname(f)) for f in files}
    if not files or not set(EXPECTED_IOD) <= folders:
        sys.exit(f"expected DICOM files in every study of {demo} ({', '.join(sorted(EXPECTED_IOD))}); "
                 f"found {len(files)} in {', '.join(sorted(folders)) or 'none'}")

    failures, warnings = [], 0
    for path in files:
        name = os.path.relpath(path, demo)
        result = subprocess.run([dciodvfy, path], capture_output=True, text=True)
        lines = [line.strip() for line in (result.stdout + result.stderr).splitlines() if line.strip()]
        iod = lines[0] if lines and not lines[0].startswith(("Error", "Warning")) else "(none)"
        expected = EXPECTED_IOD.get(os.path.basename(os.path.dirname(path)))
        if expected and iod != expected:
            failures.append(f"{name}: recognized as {iod}, expected {expected}")
        errors = [line for line in lines if line.startswith("Error")]
        for line in errors:
            if line not in ACCEPTED.get(iod, ()):
                failures.append(f"{name}: {line}")
        if result.returncode != 0 and not errors:
            failures.append(f"{name}: dciodvfy exited with {result.returncode} without an Error line")
        for line in lines:
            if line.startswith("Warning"):
                warnings += 1
                print(f"{name}: {line}")
    for line in failures:
        print(line, file=sys.stderr)
    print(f"dciodvfy: {len(files)} files, {len(failures)} error(s), {warnings} warning(s)")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
