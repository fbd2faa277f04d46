"""Writes a trained state dict as an ONNX file the product can load in place of the shipped one.

The file has the shipped model's interface: int64 inputs `input_ids`, `attention_mask` and `token_type_ids`
of shape (batch_size, sequence_length), and the float output `last_hidden_state` (batch_size,
sequence_length, 384), which the product's encoder pools and normalises itself. Opset 11, as shipped.

    python3 export.py /tmp/footnote-reader/reader.pt /tmp/footnote-reader/reader.onnx [--check]
    python3 export.py /tmp/footnote-reader/reader.pt /tmp/footnote-reader/reader-int8.onnx --int8 [--check]

With --int8 the weights are stored in 8 bits: each MatMul or Gemm weight initializer of at least 65,536
values (the 36 projection matrices) becomes an int8 initializer and a DequantizeLinear node that gives the
MatMul its float weights back (symmetric, zero point 0). The scales are per output column, which needs
opset 13; with --per-tensor one scale per matrix, and opset 11 (its vectors fall to cosine 0.93 of the
float model's on the check's texts, against 0.999 per column). Activations stay float: those matrices take a
quarter of their float size, and the file runs no faster. The inputs and output are unchanged.

With --check it then runs the written file through ONNX Runtime for Java (OnnxCheck.java, with the
onnxruntime jar from ~/.m2) on 20 questions of the validation slice and their evidence, and prints the
cosine of those vectors to the PyTorch model's (for an int8 file, to the float model's and to the file's own
dequantized weights').
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
INT8_OPSET = 13  # DequantizeLinear with a per-axis scale
INT8_MIN_VALUES = 65536


def export(model, out, opset=OPSET):
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
                      opset_version=opset, do_constant_folding=True)
    import onnx
    onnx.checker.check_model(onnx.load(out))


def quantize_weights(path_in, path_out, per_channel):
    """Rewrites the ONNX file at `path_in` with its large MatMul/Gemm weights in int8 (see the module's doc)."""
    import numpy as np
    import onnx
    from onnx import helper, numpy_helper, TensorProto

    model = onnx.load(path_in)
    graph = model.graph
    inits = {i.name: i for i in graph.initializer}
    targets = {}  # weight name -> axis of its output columns
    for node in graph.node:
        if node.op_type not in ("MatMul", "Gemm") or len(node.input) < 2:
            continue
        name = node.input[1]
        init = inits.get(name)
        if init is None or init.data_type != TensorProto.FLOAT or len(init.dims) != 2 \
                or int(np.prod(init.dims)) < INT8_MIN_VALUES:
            continue
        trans_b = next((a.i for a in node.attribute if a.name == "transB"), 0) if node.op_type == "Gemm" else 0
        axis = 0 if trans_b else 1
        if targets.setdefault(name, axis) != axis:
            raise ValueError(f"{name} is used with two layouts")
    dequantize = []
    for name, axis in targets.items():
        w = numpy_helper.to_array(inits[name]).astype(np.float32)
        if per_channel:
            amax = np.abs(w).max(axis=1 - axis)
            scale = np.where(amax > 0, amax / 127.0, 1.0).astype(np.float32)
            shaped = scale[None, :] if axis == 1 else scale[:, None]
            zero = np.zeros(scale.shape, dtype=np.int8)
        else:
            amax = float(np.abs(w).max())
            scale = np.array(amax / 127.0 if amax > 0 else 1.0, dtype=np.float32)
            shaped = scale
            zero = np.array(0, dtype=np.int8)
        q = np.clip(np.rint(w / shaped), -127, 127).astype(np.int8)
        graph.initializer.remove(inits[name])
        graph.initializer.extend([numpy_helper.from_array(q, name + "_int8"),
                                  numpy_helper.from_array(scale, name + "_scale"),
                                  numpy_helper.from_array(zero, name + "_zero_point")])
        attrs = {"axis": axis} if per_channel else {}
        dequantize.append(helper.make_node("DequantizeLinear",
                                           [name + "_int8", name + "_scale", name + "_zero_point"], [name],
                                           name=name + "_dequantize", **attrs))
    nodes = dequantize + list(graph.node)
    del graph.node[:]
    graph.node.extend(nodes)
    onnx.checker.check_model(model)
    onnx.save(model, path_out)
    return len(targets)


def check_with_java(model, tokenizer, path, texts, label="PyTorch"):
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
    print(f"ONNX Runtime (Java) vs {label} on {len(texts)} texts: cosine min {cos.min():.7f} "
          f"mean {cos.mean():.7f}")
    return float(cos.min())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("state_dict")
    parser.add_argument("out")
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--int8", action="store_true", help="weight-only int8 MatMul/Gemm weights")
    parser.add_argument("--per-tensor", action="store_true", help="with --int8: one scale per matrix, opset 11")
    parser.add_argument("--min-cosine", type=float, default=None,
                        help="least cosine to the float model (default 0.9999, with --int8 0.99)")
    args = parser.parse_args()
    common.setup_torch()
    common.unpack_artifact()
    model = load(args.state_dict).eval()
    if args.int8:
        opset = OPSET if args.per_tensor else INT8_OPSET
        with tempfile.TemporaryDirectory() as tmp:
            plain = os.path.join(tmp, "float.onnx")
            export(model, plain, opset)
            count = quantize_weights(plain, args.out, per_channel=not args.per_tensor)
        print(f"wrote {args.out} ({os.path.getsize(args.out) / 1e6:.1f} MB, opset {opset}, {count} weight "
              f"matrices in int8, {'per-tensor' if args.per_tensor else 'per-column'} scales)")
    else:
        export(model, args.out)
        print(f"wrote {args.out} ({os.path.getsize(args.out) / 1e6:.1f} MB, opset {OPSET})")
    if args.check:
        minimum = args.min_cosine if args.min_cosine is not None else (0.99 if args.int8 else 0.9999)
        tokenizer = WordPiece(common.TOKENIZER)
        rows = [r for r in common.rows_of("validation") if r.get("evidence")][:20]
        texts = [r["question"] for r in rows] + [r["evidence"] for r in rows]
        if args.int8:
            # the file must reproduce its own (dequantized) weights as closely as a float export does
            if check_with_java(load(args.out).eval(), tokenizer, args.out, texts,
                               "PyTorch with the file's dequantized weights") < 0.9999:
                raise SystemExit("the exported file does not reproduce its dequantized weights")
        if check_with_java(model, tokenizer, args.out, texts, "the float PyTorch model") < minimum:
            raise SystemExit(f"the exported file's vectors are below cosine {minimum} to the float model's")


if __name__ == "__main__":
    main()
