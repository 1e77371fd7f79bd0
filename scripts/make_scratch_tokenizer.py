#!/usr/bin/python3
"""Trains the SentencePiece tokenizer of VITask's small from-scratch models.

Published LLaVA tokenizers have 32000 pieces, most of which a model trained from scratch
on a few thousand medical instructions never sees; their embedding rows would be most of
its parameters. This one is trained on every instruction and answer the engine can
produce for the MedMNIST and synthetic tasks (`vitask data prompts --catalog`), with byte
fallback so that any other text still encodes. Same settings as LLaMA's tokenizer (BPE,
BOS 1, EOS 2, UNK 0, dummy prefix), so the native tokenizer reads it like any LLaVA one.

Usage: scripts/make_scratch_tokenizer.py VITASK_BINARY OUT_FOLDER
(the committed copy is resources/tokenizers/vitask-scratch).
"""
import json
import os
import subprocess
import sys
import tempfile

import sentencepiece as spm

VOCAB_SIZE = 768


def main():
    vitask, out = sys.argv[1], sys.argv[2]
    prompts = subprocess.run([vitask, "--no-log-file", "--log-level", "warn", "data", "prompts", "--catalog",
                              "--seeds", "8"], check=True, capture_output=True, text=True).stdout.splitlines()
    # The conversation frame around every instruction (LLaVA-1.5 template).
    sentences = [f"USER: \n{p} ASSISTANT:" for p in prompts] + prompts
    os.makedirs(out, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        spm.SentencePieceTrainer.train(
            sentence_iterator=iter(sentences), model_prefix=os.path.join(work, "tokenizer"), vocab_size=VOCAB_SIZE,
            model_type="bpe", byte_fallback=True, character_coverage=1.0, bos_id=1, eos_id=2, unk_id=0, pad_id=-1,
            add_dummy_prefix=True, normalization_rule_name="identity", split_digits=True,
            allow_whitespace_only_pieces=True, remove_extra_whitespaces=False, hard_vocab_limit=False,
            num_threads=1, minloglevel=2)
        with open(os.path.join(work, "tokenizer.model"), "rb") as f:
            model = f.read()
    sp = spm.SentencePieceProcessor(model_proto=model)
    with open(os.path.join(out, "tokenizer.model"), "wb") as f:
        f.write(model)
    with open(os.path.join(out, "added_tokens.json"), "w") as f:
        json.dump({"<image>": sp.get_piece_size()}, f)
        f.write("\n")
    with open(os.path.join(out, "tokenizer_config.json"), "w") as f:
        json.dump({"add_bos_token": True, "add_eos_token": False, "model_max_length": 1024}, f, indent=1)
        f.write("\n")
    lengths = sorted(len(sp.encode(s)) for s in sentences)
    print(f"{sp.get_piece_size()} pieces; conversation length median {lengths[len(lengths) // 2]}, max {lengths[-1]}")


if __name__ == "__main__":
    main()
