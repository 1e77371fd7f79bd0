"""What scripts/run_experiment.py and scripts/make_generalist.py share: running the
`vitask` program, the binary's identity, and the stamps that let a run on disk be reused
only when the configuration that made it and the binary are unchanged."""
import hashlib
import json
import os
import shutil
import subprocess
import sys

# The small LLaVA of the synthetic experiments (CLIP ViT 2 x 64, Llama 2 x 128, 16 image tokens).
MODEL = dict(image_size=28, patch_size=7, vision_width=64, vision_layers=2, text_width=128, text_layers=2, heads=4)

STAMP = "experiment_stamp.json"


def run(vitask, *args):
    command = [vitask, "--no-log-file", "--log-level", "warn", *args]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"failed ({result.returncode}): {' '.join(command)}\n{result.stderr}{result.stdout[-2000:]}")
    return result.stdout


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def binary_identity(vitask):
    """The vitask binary as runs depend on it: its version line and one hash over the
    program and every libvitask_* library it loads (the engine lives in those)."""
    version = run(vitask, "--version").splitlines()[0]
    program = os.path.realpath(shutil.which(vitask) or vitask)
    libraries = sorted({line.split("=>")[1].split("(")[0].strip()
                        for line in subprocess.run(["ldd", program], capture_output=True, text=True).stdout.splitlines()
                        if "libvitask_" in line and "=>" in line})
    digest = hashlib.sha256()
    for path in [program, *libraries]:
        digest.update(f"{os.path.basename(path)} {sha256_of(path)}\n".encode())
    return {"version": version, "sha256": digest.hexdigest(), "files": [program, *libraries]}


class Runs:
    """The runs of one invocation: which were trained, which reused (their stamp matched),
    and each run's configuration, for results.json."""

    def __init__(self, binary):
        self.binary = binary
        self.made, self.reused, self.configs = [], [], {}

    def fresh(self, folder, done_file, config_text, inputs):
        """True when `folder` holds a finished run made by this configuration and binary;
        otherwise the folder is cleared for a new run. `inputs`: the stamps or files the
        run starts from (a changed warm-up or data file changes every run after it)."""
        key = hashlib.sha256((config_text + "\n" + "\n".join(inputs)).encode()).hexdigest()
        self.configs[folder] = {"config": config_text, "config_sha256": key}
        stamp_path = os.path.join(folder, STAMP)
        if os.path.exists(os.path.join(folder, done_file)) and os.path.exists(stamp_path):
            with open(stamp_path) as f:
                stamp = json.load(f)
            if stamp == {"config_sha256": key, "binary_sha256": self.binary["sha256"]}:
                self.reused.append(folder)
                return True
        shutil.rmtree(folder, ignore_errors=True)
        return False

    def finished(self, folder):
        with open(os.path.join(folder, STAMP), "w") as f:
            json.dump({"config_sha256": self.configs[folder]["config_sha256"], "binary_sha256": self.binary["sha256"]}, f)
        self.made.append(folder)

    def stamp_of(self, folder):
        return self.configs[folder]["config_sha256"] + " " + self.binary["sha256"]


def losses_yaml(losses):
    return "{" + ", ".join(f"{k}: {v}" for k, v in losses.items()) + "}"


def write_config(path, lines):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
    return "\n".join(lines) + "\n"
