"""Writes a trained state dict as an ONNX file the product can load in place of the shipped one.

The file has the shipped model's interface: int64 inputs `input_ids`, `attention_mask` and `token_type_ids`
of shape (batch_size, sequence_length), and the float output `last_hidden_state` (batch_size,
sequence_length, 384), which the product's encoder pools and normalises itself. Opset 11, as shipped.

    python3 export.py /tmp/footnote-reader/reader.pt /tmp/footnote-reader/reader.onnx [--check]

With --check it then runs the written file through ONNX Runtime for Java (OnnxCheck.java, with the
onnxruntime jar from ~/.m2) on held-out questions and sentences, and prints the cosine of those vectors to
the PyTorch model's.
"""
import argparse
import glob
import os
import subprocess
import tempfile

import torch

import common
from minilm import load
from wordpiece import WordPiece

OPSET = 11


def export(model, out):
    model.eval()
    ids = torch.tensor([[101, 7592, 2088, 102], [101, 7592, 102, 0]])
    mask = (ids != 0).long()
    torch.onnx.export(model, (ids, mask, torch.zeros_like(ids)), out,
                      input_names=["input_ids", "attention_mask", "token_type_ids"],
                      output_names=["last_hidden_state"],
                      dynamic_axes={"input_ids": {0: "batch_size", 1: "sequence_length"},
                                    "attention_mask": {0: "batch_size", 1: "sequence_length"},
                                    "token_type_ids": {0: "batch_size", 1: "sequence_length"},
                                    "last_hidden_state": {0: "batch_size", 1: "sequence_length"}},
                      opset_version=OPSET, do_constant_folding=True)
    import onnx
    onnx.checker.check_model(onnx.load(out))


def check_with_java(model, tokenizer, path, texts):
    jars = sorted(glob.glob(os.path.expanduser(
        "~/.m2/repository/com/microsoft/onnxruntime/onnxruntime/*/onnxruntime-*.jar")))
    if not jars:
        raise SystemExit("no onnxruntime jar in ~/.m2")
    with tempfile.NamedTemporaryFile("w", suffix=".ids", delete=False) as f:
        for t in texts:
            f.write(" ".join(map(str, tokenizer.encode(t))) + "\n")
        ids_file = f.name
    here = os.path.dirname(os.path.abspath(__file__))
    out = subprocess.run(["java", "-cp", jars[-1], os.path.join(here, "OnnxCheck.java"), path, ids_file],
                         check=True, capture_output=True, text=True).stdout
    java = torch.tensor([[float(x) for x in line.split()] for line in out.splitlines() if line.strip()])
    ours = common.encode(model, tokenizer, texts)
    cos = (java * ours).sum(-1)
    print(f"ONNX Runtime (Java) vs PyTorch on {len(texts)} texts: cosine min {cos.min():.7f} "
          f"mean {cos.mean():.7f}")
    return float(cos.min())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("state_dict")
    parser.add_argument("out")
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--min-cosine", type=float, default=0.9999)
    args = parser.parse_args()
    common.setup_torch()
    common.unpack_artifact()
    model = load(args.state_dict).eval()
    export(model, args.out)
    print(f"wrote {args.out} ({os.path.getsize(args.out) / 1e6:.1f} MB, opset {OPSET})")
    if args.check:
        tokenizer = WordPiece(common.TOKENIZER)
        rows = common.read_jsonl(os.path.join(common.SPLITS, "holdout-essays.jsonl"))[:20]
        texts = [r["question"] for r in rows] + [r["evidence"] for r in rows if r.get("evidence")]
        if check_with_java(model, tokenizer, args.out, texts) < args.min_cosine:
            raise SystemExit("the exported file does not reproduce the PyTorch model")


if __name__ == "__main__":
    main()
